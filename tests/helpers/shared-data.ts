/**
 * Where the tests find the real datasets (../shared/data: van Kasteren homes, SisFall). The
 * project never assumes a path: VAKA_SHARED_DATA names the folder; without it, the nearest
 * `shared/data` in a folder above the repository is used (a checkout beside the data). Under
 * CI=true a test that needs the data fails, naming where it looked, instead of skipping.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

function findSharedData(): string {
  const given = process.env.VAKA_SHARED_DATA;
  if (given) return resolve(given);
  let dir = REPO;
  for (;;) {
    const parent = dirname(dir);
    if (parent === dir) return resolve(REPO, '..', 'shared', 'data');
    const candidate = join(parent, 'shared', 'data');
    if (existsSync(candidate)) return candidate;
    dir = parent;
  }
}

export const SHARED_DATA_DIR = findSharedData();
export const VAN_KASTEREN_DIR = join(SHARED_DATA_DIR, 'vankasteren');
export const SISFALL_DIR = process.env.SISFALL_DIR
  ? resolve(process.env.SISFALL_DIR)
  : join(SHARED_DATA_DIR, 'sisfall-50hz');

/** The message a test that needs the data fails with when it is absent. */
export function missingData(what: string, dir: string): string {
  return `${what} are missing: expected them in ${dir} (set VAKA_SHARED_DATA to the folder holding vankasteren/ and sisfall-50hz/)`;
}
