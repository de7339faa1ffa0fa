/**
 * The generic event log: any dataset replays without code, given a log and a mapping file
 * (mapping.ts). A log is CSV with a header, or JSON lines, with per row:
 * - `time`: ISO 8601 with an offset or `Z` (an instant), ISO without one (the home's local time),
 *   or epoch milliseconds (read as the mapping's `clock` says);
 * - `device`: the dataset's sensor id, a key of the mapping's `sensors`;
 * - `value`: on (`1`, `true`, `on`, `open`, `detected`, `occupied`, a positive number) or off
 *   (`0`, `false`, `off`, `closed`, `clear`, `vacant`);
 * - `duration` (optional, seconds): the row is a whole on-stretch. Without it rows are state
 *   changes: on opens a stretch, off closes it, a repeated state changes nothing, and a stretch
 *   still open at the end of the log closes at the log's last time.
 * See docs/replay.md for examples.
 */
import { readFileSync } from 'node:fs';
import type { ReplayDataset, SensorInterval } from './dataset.js';
import { ReplayInputError } from './errors.js';
import { csvRows, jsonRows, type Row } from './event-log-rows.js';
import { assertAllMapped, type ReplayMapping } from './mapping.js';
import { toWall } from './wall-clock.js';

const ON = new Set(['1', 'true', 'on', 'open', 'detected', 'occupied']);
const OFF = new Set(['0', 'false', 'off', 'closed', 'clear', 'vacant']);
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?$/;
const HAS_OFFSET = /(Z|[+-]\d{2}:\d{2})$/;
const EPOCH_MS = /^\d{12,14}$/;

interface Event {
  sensor: string;
  wall: number;
  on: boolean;
  durationMs: number | undefined;
  line: number;
}

export interface EventLogOptions {
  /** `csv` or `jsonl`; default from the file name (`.csv`, `.jsonl`, `.ndjson`). */
  format?: 'csv' | 'jsonl';
}

function readRow(row: Row, mapping: ReplayMapping, file: string, line: number): Event {
  const fail = (problem: string) => new ReplayInputError(file, line, problem);
  const time = String(row.time).trim();
  let wall: number;
  if (EPOCH_MS.test(time)) {
    wall = mapping.clock === 'local' ? Number(time) : toWall(Number(time), mapping.timeZone);
  } else if (ISO.test(time) && !Number.isNaN(Date.parse(HAS_OFFSET.test(time) ? time : `${time}Z`))) {
    wall = HAS_OFFSET.test(time) ? toWall(Date.parse(time), mapping.timeZone) : Date.parse(`${time}Z`);
  } else {
    throw fail(`time "${time}" is neither ISO 8601 (2025-03-03T07:12:00, with or without an offset) nor epoch ms`);
  }
  const value = String(row.value).trim().toLowerCase();
  const number = Number(value);
  const on = ON.has(value) || (value !== '' && Number.isFinite(number) && number > 0);
  if (!on && !OFF.has(value) && !(value !== '' && number === 0)) {
    throw fail(
      `value "${row.value}" is not on (1, true, on, open, detected, occupied) or off (0, false, off, closed, clear, vacant)`,
    );
  }
  const rawDuration = row.duration === null || row.duration === undefined ? '' : String(row.duration).trim();
  let durationMs: number | undefined;
  if (rawDuration !== '') {
    const seconds = Number(rawDuration);
    if (!Number.isFinite(seconds) || seconds < 0) throw fail(`duration "${rawDuration}" is not seconds >= 0`);
    if (!on) throw fail('a row with a duration is an on-stretch: its value must be on');
    durationMs = Math.round(seconds * 1000);
  }
  return { sensor: row.device, wall, on, durationMs, line };
}

/** Pairs state changes per sensor into on-stretches; rows with a duration are stretches already. */
function toIntervals(events: Event[]): SensorInterval[] {
  const sorted = [...events].sort((a, b) => a.wall - b.wall);
  const lastTime = sorted[sorted.length - 1]?.wall ?? 0;
  const openSince = new Map<string, number>();
  const intervals: SensorInterval[] = [];
  for (const event of sorted) {
    if (event.durationMs !== undefined) {
      intervals.push({ sensor: event.sensor, start: event.wall, durationMs: event.durationMs });
      continue;
    }
    const since = openSince.get(event.sensor);
    if (event.on && since === undefined) openSince.set(event.sensor, event.wall);
    if (!event.on && since !== undefined) {
      intervals.push({ sensor: event.sensor, start: since, durationMs: event.wall - since });
      openSince.delete(event.sensor);
    }
  }
  for (const [sensor, since] of openSince) intervals.push({ sensor, start: since, durationMs: lastTime - since });
  return intervals;
}

/** Parses an event log's text; `file` names it in errors. */
export function parseEventLog(
  text: string,
  file: string,
  mapping: ReplayMapping,
  options: EventLogOptions = {},
): ReplayDataset {
  const format =
    options.format ?? (/\.csv$/i.test(file) ? 'csv' : /\.(jsonl|ndjson)$/i.test(file) ? 'jsonl' : undefined);
  if (format === undefined)
    throw new ReplayInputError(file, undefined, 'say format csv or jsonl, or name the file .csv or .jsonl');
  const rows = format === 'csv' ? csvRows(text, file) : jsonRows(text, file);
  const events = rows.map(({ row, line }) => readRow(row, mapping, file, line));
  assertAllMapped(
    mapping,
    events.map((e) => ({ id: e.sensor, file, line: e.line })),
  );
  return { source: mapping.dataset, intervals: toIntervals(events), away: [] };
}

/** Reads an event log file. */
export function readEventLog(path: string, mapping: ReplayMapping, options: EventLogOptions = {}): ReplayDataset {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ReplayInputError(path, undefined, code === 'ENOENT' ? 'file not found' : `cannot read it (${code})`);
  }
  return parseEventLog(text, path, mapping, options);
}
