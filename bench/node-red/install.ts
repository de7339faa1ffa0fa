/**
 * Node-RED for the peer comparison, installed on demand into bench/.node-red/ (git-ignored), not
 * as a devDependency: measured 278 packages, 98 MB, ~10 s to install — too much to add to every
 * `npm ci` for a comparison run now and then. `--ignore-scripts`, so nothing downloads binaries
 * (Node-RED's optional native bcrypt is skipped; it falls back to bcryptjs). Node-RED 5 needs
 * Node ≥ 22.9, so the pin is the newest 4.x.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const NODE_RED_VERSION = '4.1.8';
export const NODE_RED_DIR = fileURLToPath(new URL('../.node-red/', import.meta.url));
export const NODE_RED_MAIN = join(NODE_RED_DIR, 'node_modules/node-red/red.js');

export interface NodeRedInstall {
  version: string;
  /** Install time this run, ms; undefined when it was already installed. */
  installMs: number | undefined;
  bytes: number;
  packages: number;
}

async function sizeOf(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += await sizeOf(path);
    else if (entry.isFile()) total += (await stat(path)).size;
  }
  return total;
}

async function installedVersion(): Promise<string | undefined> {
  const file = join(NODE_RED_DIR, 'node_modules/node-red/package.json');
  if (!existsSync(file)) return undefined;
  const { readFile } = await import('node:fs/promises');
  return (JSON.parse(await readFile(file, 'utf8')) as { version: string }).version;
}

export async function ensureNodeRed(): Promise<NodeRedInstall> {
  let installMs: number | undefined;
  if ((await installedVersion()) !== NODE_RED_VERSION) {
    await mkdir(NODE_RED_DIR, { recursive: true });
    await writeFile(join(NODE_RED_DIR, 'package.json'), '{ "private": true }\n');
    const started = performance.now();
    await new Promise<void>((resolve, reject) => {
      const child = spawn(
        'npm',
        ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--no-save', `node-red@${NODE_RED_VERSION}`],
        { cwd: NODE_RED_DIR, stdio: ['ignore', 'ignore', 'inherit'] },
      );
      child.once('error', reject);
      child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`npm install node-red exited ${code}`))));
    });
    installMs = performance.now() - started;
  }
  const modules = join(NODE_RED_DIR, 'node_modules');
  const packages = (await readdir(modules)).filter((n) => !n.startsWith('.')).length;
  return { version: NODE_RED_VERSION, installMs, bytes: await sizeOf(modules), packages };
}
