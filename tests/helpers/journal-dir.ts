/**
 * A journal folder of the test's own: the default (<DATA_DIR>/journal, i.e. ./data/journal beside
 * an external database) would be shared by tests running in parallel, and the second Vaka would
 * refuse to start on it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TempJournal {
  dir: string;
  remove(): void;
}

export function tempJournalDir(): TempJournal {
  const dir = mkdtempSync(join(tmpdir(), 'vaka-journal-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
