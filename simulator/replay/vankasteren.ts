/**
 * Reads one house of the van Kasteren / MIT collection as kept in ../shared/data/vankasteren
 * (README.txt there): `houseX.sensors` and `houseX.activities` rows are
 * `start_epoch_seconds<TAB>duration_seconds<TAB>id`; `houseX.sensor_names` and
 * `houseX.activity_names` rows are `id<TAB>name`. Lines may end in CRLF (houses D and E) and the
 * rows are not always in time order (C, D), so neither is assumed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ReplayInputError } from './errors.js';

/** One row of a `.sensors` or `.activities` file. */
export interface TimedRow {
  /** Epoch seconds as written (see the mapping's `clock` for how to read them). */
  startS: number;
  durationS: number;
  id: string;
  /** 1-based line in its file. */
  line: number;
}

/** One row of a `.sensor_names` or `.activity_names` file. */
export interface Name {
  name: string;
  /** 1-based line in its file. */
  line: number;
}

export interface VanKasterenHouse {
  /** The house letter as in the file names (`A`). */
  house: string;
  sensors: TimedRow[];
  sensorNames: Map<string, Name>;
  activities: TimedRow[];
  activityNames: Map<string, Name>;
  /** The files read, for messages. */
  files: { sensors: string; sensorNames: string; activities: string; activityNames: string };
}

const ID = /^[A-Za-z0-9_.-]+$/;
const WHOLE = /^\d+$/;

/** Non-empty lines without their line ending, with 1-based numbers. */
function lines(text: string): { text: string; line: number }[] {
  return text
    .split('\n')
    .map((raw, i) => ({ text: raw.replace(/\s+$/, ''), line: i + 1 }))
    .filter((l) => l.text !== '');
}

/** Parses a `.sensors` or `.activities` file; a malformed row is an error naming its line. */
export function parseTimedRows(text: string, file: string): TimedRow[] {
  return lines(text).map(({ text: row, line }) => {
    const fields = row.split('\t').map((f) => f.trim());
    const [start, duration, id] = fields;
    if (fields.length !== 3 || start === undefined || duration === undefined || id === undefined) {
      throw new ReplayInputError(file, line, `expected 3 tab-separated fields (start, duration, id), got "${row}"`);
    }
    if (!WHOLE.test(start)) throw new ReplayInputError(file, line, `start "${start}" is not whole epoch seconds`);
    if (!WHOLE.test(duration)) throw new ReplayInputError(file, line, `duration "${duration}" is not whole seconds`);
    if (!ID.test(id)) throw new ReplayInputError(file, line, `id "${id}" is not letters, digits, _ . -`);
    return { startS: Number(start), durationS: Number(duration), id, line };
  });
}

/** Parses a `.sensor_names` or `.activity_names` file (names may contain spaces and commas). */
export function parseNames(text: string, file: string): Map<string, Name> {
  const names = new Map<string, Name>();
  for (const { text: row, line } of lines(text)) {
    const tab = row.indexOf('\t');
    const id = tab < 0 ? row : row.slice(0, tab).trim();
    const name = tab < 0 ? '' : row.slice(tab + 1).trim();
    if (!ID.test(id) || name === '') {
      throw new ReplayInputError(file, line, `expected "id<TAB>name", got "${row}"`);
    }
    if (names.has(id)) throw new ReplayInputError(file, line, `id "${id}" is named twice`);
    names.set(id, { name, line });
  }
  return names;
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'file not found' : `cannot read it (${code})`;
    throw new ReplayInputError(path, undefined, why);
  }
}

/** Reads `house<house>.*` from `dir`. All four files must exist. */
export function readVanKasterenHouse(dir: string, house: string): VanKasterenHouse {
  const files = {
    sensors: join(dir, `house${house}.sensors`),
    sensorNames: join(dir, `house${house}.sensor_names`),
    activities: join(dir, `house${house}.activities`),
    activityNames: join(dir, `house${house}.activity_names`),
  };
  return {
    house,
    sensors: parseTimedRows(readText(files.sensors), files.sensors),
    sensorNames: parseNames(readText(files.sensorNames), files.sensorNames),
    activities: parseTimedRows(readText(files.activities), files.activities),
    activityNames: parseNames(readText(files.activityNames), files.activityNames),
    files,
  };
}
