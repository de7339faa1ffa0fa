/**
 * Wall-clock time: a home's local date and time of day written as if it were UTC ("wall ms").
 * Datasets are read onto the wall clock, shifted by whole days there (so 07:12 stays 07:12
 * across a daylight-saving change), and only then turned into instants in the replay's zone.
 */

import { DAY_MS, zoneOffset } from '../local-time.js';

export { DAY_MS };

/** Every zone's offset changes only on a quarter hour, so offsets can be cached per quarter hour. */
const QUARTER_HOUR_MS = 900_000;

const offsets = new Map<string, number>();

/** Whether Intl knows the IANA zone. */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** The zone's offset from UTC at `instant`, in ms (Stockholm in winter: +3_600_000). */
export function offsetAt(instant: number, timeZone: string): number {
  const bucket = Math.floor(instant / QUARTER_HOUR_MS) * QUARTER_HOUR_MS;
  const key = `${timeZone}|${bucket}`;
  const cached = offsets.get(key);
  if (cached !== undefined) return cached;
  const offset = zoneOffset(bucket, timeZone);
  offsets.set(key, offset);
  return offset;
}

export function toWall(instant: number, timeZone: string): number {
  return instant + offsetAt(instant, timeZone);
}

/**
 * The instant the local clock shows `wall`. In a fall-back overlap it is the first of the two;
 * in a spring-forward gap (a time that does not exist) the clock reads one hour later, as Date does.
 */
export function fromWall(wall: number, timeZone: string): number {
  const before = wall - offsetAt(wall - DAY_MS / 2, timeZone);
  const after = wall - offsetAt(wall + DAY_MS / 2, timeZone);
  const beforeFits = toWall(before, timeZone) === wall;
  const afterFits = toWall(after, timeZone) === wall;
  if (beforeFits && afterFits) return Math.min(before, after);
  return afterFits ? after : before;
}

/** `YYYY-MM-DD` of a wall time. */
export function wallDate(wall: number): string {
  return new Date(wall).toISOString().slice(0, 10);
}

/** Local midnight (wall ms) of a wall time. */
export function wallMidnight(wall: number): number {
  return Math.floor(wall / DAY_MS) * DAY_MS;
}

/** Milliseconds since local midnight. */
export function wallTimeOfDay(wall: number): number {
  return wall - wallMidnight(wall);
}

/** Wall ms of a `YYYY-MM-DD` date's midnight. */
export function dateToWall(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

/** `HH:MM` of a wall time. */
export function wallClock(wall: number): string {
  return new Date(wall).toISOString().slice(11, 16);
}
