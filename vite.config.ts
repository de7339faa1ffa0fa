/**
 * Builds the dashboard (dashboard/ → dist/dashboard, served by the service) and serves it
 * in development with the API proxied to a locally running service. Test settings live in
 * vitest.config.ts, never here.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** Where `npm run dev` (the service) listens by default: PORT 8080. */
const SERVICE = 'http://127.0.0.1:8080';

const api = { target: SERVICE, ws: true };

export default defineConfig({
  root: fileURLToPath(new URL('./dashboard', import.meta.url)),
  build: {
    outDir: fileURLToPath(new URL('./dist/dashboard', import.meta.url)),
    // The output folder is outside `root`, where Vite would otherwise refuse to empty it.
    emptyOutDir: true,
  },
  // No Vite plugin for Preact is installed; esbuild compiles the JSX on its own.
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  server: { proxy: { '/api': api } },
  preview: { proxy: { '/api': api } },
});
