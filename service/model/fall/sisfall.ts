/**
 * Reads the SisFall dataset as kept in ../shared/data/sisfall-50hz: one CSV per trial,
 * `<CODE>_<SUBJECT>_R<TRIAL>.csv` with header `x_g,y_g,z_g`, 50 Hz, in one folder per
 * subject. SisFall: Sucerquia, López, Vargas-Bonilla, "SisFall: A Fall and Movement
 * Dataset", Sensors 17(1):198, 2017. The data is never copied into the repository; callers
 * pass its folder (default DEFAULT_SISFALL_DIR, relative to the repository root).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Sample } from './windows.js';

/** Where the data lives, relative to the repository root (the working directory of npm scripts). */
export const DEFAULT_SISFALL_DIR = '../shared/data/sisfall-50hz';
/** The rate of the kept copy: the original 200 Hz averaged over 4 samples. */
export const SISFALL_RATE_HZ = 50;

export interface TrialId {
  /** D01–D19 daily activity, F01–F15 fall. */
  code: string;
  /** SA01–SA23 young adults, SE01–SE15 older adults. */
  subject: string;
  trial: number;
  isFall: boolean;
  path: string;
}

export interface Trial extends TrialId {
  samples: Sample[];
}

const NAME = /^([DF]\d\d)_(S[AE]\d\d)_R(\d\d)\.csv$/;

export class SisfallNotFoundError extends Error {
  readonly code = 'VAKA_ERR_SISFALL_NOT_FOUND';
}

/** Every trial in the folder, sorted by subject, code and trial number (a stable order). */
export function listTrials(dir: string): TrialId[] {
  if (!existsSync(dir)) {
    throw new SisfallNotFoundError(`SisFall data not found at ${dir}: pass its folder (--data DIR)`);
  }
  const out: TrialId[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    for (const file of readdirSync(join(dir, entry.name))) {
      const m = NAME.exec(file);
      if (m === null) continue;
      const [, code = '', subject = '', trial = '0'] = m;
      out.push({
        code,
        subject,
        trial: Number(trial),
        isFall: code.startsWith('F'),
        path: join(dir, entry.name, file),
      });
    }
  }
  return out.sort((a, b) => a.subject.localeCompare(b.subject) || a.code.localeCompare(b.code) || a.trial - b.trial);
}

export function readTrial(id: TrialId): Trial {
  return { ...id, samples: parseCsv(readFileSync(id.path, 'utf8')) };
}

/** Parses `x_g,y_g,z_g` rows; a malformed row is an error naming its line (the data is curated). */
export function parseCsv(text: string): Sample[] {
  const lines = text.split('\n');
  const out: Sample[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]?.trim();
    if (!line) continue;
    const parts = line.split(',');
    const x = Number(parts[0]);
    const y = Number(parts[1]);
    const z = Number(parts[2]);
    if (parts.length !== 3 || !Number.isFinite(x) || !Number.isFinite(y) || !Number.isFinite(z)) {
      throw new Error(`line ${i + 1}: expected x_g,y_g,z_g, got "${line.slice(0, 80)}"`);
    }
    out.push([x, y, z]);
  }
  return out;
}

/**
 * The held-out people, fixed before any model was fitted and never used to choose features,
 * thresholds or the network: every fourth young adult, the one older adult who performed
 * falls (SE06), and four older adults who performed only daily activities. 10 of 38 people.
 */
export const TEST_SUBJECTS: readonly string[] = [
  'SA04',
  'SA08',
  'SA12',
  'SA16',
  'SA20',
  'SE06',
  'SE03',
  'SE07',
  'SE11',
  'SE15',
];

export function isTestSubject(subject: string): boolean {
  return TEST_SUBJECTS.includes(subject);
}

/**
 * Folds for leave-subjects-out cross-validation on the training people: subjects in sorted
 * order dealt round-robin, so young and older people spread over every fold.
 */
export function subjectFolds(subjects: readonly string[], k: number): string[][] {
  const folds: string[][] = Array.from({ length: k }, () => []);
  [...subjects].sort().forEach((s, i) => {
    folds[i % k]?.push(s);
  });
  return folds;
}
