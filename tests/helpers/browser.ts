/**
 * Headless Debian Chromium through playwright-core (never a downloaded browser). Present
 * in CI (.ci/run installs it); on a machine without it the browser tests skip, except under
 * CI=true where a missing browser is a failure.
 */
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import type { Session } from '../../service/contract.js';
import { testEnv } from './env.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasBrowser = existsSync(CHROMIUM);

/** Skip browser tests only where a browser cannot be had and nobody promised one. */
export const skipBrowserTests = !hasBrowser && !testEnv.ci;

export function launchBrowser(): Promise<Browser> {
  if (!hasBrowser) throw new Error(`no Chromium at ${CHROMIUM} (apt-get install chromium)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Builds the dashboard into a folder of the test's own (about a second), so tests need no prior build. */
export async function buildDashboard(): Promise<string> {
  const outDir = join(await mkdtemp(join(tmpdir(), 'vaka-dashboard-')), 'dist');
  await build({ configFile: 'vite.config.ts', logLevel: 'silent', build: { outDir, emptyOutDir: true } });
  return outDir;
}

/**
 * Signs a browser page (or all pages of a context) in before it loads, as if the person had
 * signed in earlier on this tablet: the session is where the dashboard keeps it (session.ts).
 */
export async function rememberSession(target: Page | BrowserContext, session: Session): Promise<void> {
  await target.addInitScript((saved) => localStorage.setItem('vaka.session', saved), JSON.stringify(session));
}
