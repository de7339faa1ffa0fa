/**
 * A day as numbers the day scorers compare: log(1 + activity events) per room group and
 * 3-hour block of the day (6 × 8 = 48 values), and which past days a new day is judged
 * against (the person's own, weekday or weekend alike where there are enough of them).
 */
import { ROOM_GROUPS } from '../rooms.js';
import { type DayRecord, HOURS } from './day-profile.js';

export const BLOCK_HOURS = 3;
export const BLOCKS = HOURS / BLOCK_HOURS;
export const VECTOR_SIZE = ROOM_GROUPS.length * BLOCKS;
/** Past days needed before a day is judged at all. */
export const MIN_REFERENCE_DAYS = 14;
/** Same-kind days (weekday or weekend) needed to judge a day against those alone. */
const SAME_KIND_DAYS = 6;

export function dayVector(d: DayRecord): number[] {
  const v = new Array<number>(VECTOR_SIZE).fill(0);
  for (let g = 0; g < ROOM_GROUPS.length; g++) {
    for (let h = 0; h < HOURS; h++) {
      const i = g * BLOCKS + Math.floor(h / BLOCK_HOURS);
      v[i] = (v[i] ?? 0) + (d.counts[g * HOURS + h] ?? 0);
    }
  }
  return v.map((c) => Math.log1p(c));
}

/** The days a new day is compared with: the person's normal days, of the same kind where enough. */
export function referenceDays(day: DayRecord, history: readonly DayRecord[]): DayRecord[] {
  const usable = history.filter((d) => !d.excluded && d.day < day.day);
  const same = usable.filter((d) => d.weekend === day.weekend);
  return same.length >= SAME_KIND_DAYS ? same : usable;
}

export function meanSd(values: readonly number[]): { mean: number; sd: number } {
  if (values.length === 0) return { mean: 0, sd: 0 };
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / values.length;
  let ss = 0;
  for (const v of values) ss += (v - mean) ** 2;
  return { mean, sd: Math.sqrt(ss / Math.max(1, values.length - 1)) };
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}
