import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    // Two cores: more workers only queue; PGlite costs ~700 MB per instance.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Tests pin the time zone so "07:00" means the same everywhere.
    env: { TZ: 'Europe/Stockholm' },
    globalSetup: ['tests/helpers/global-setup.ts'],
  },
});
