/**
 * [DAY-1] The plain-statistics day score: each of the day's 48 values (day-vector.ts) as a z
 * score against the same value on the person's reference days (sd floored, so a block that is
 * always the same does not explode), summarised as the root mean square z. A usual day scores
 * about 1; a day spent out, in bed, or in one room all afternoon scores 2–4.
 */
import type { DayRecord } from './day-profile.js';
import { dayVector, meanSd, VECTOR_SIZE } from './day-vector.js';

/** Below this sd (in log(1 + events)) a block's spread is taken as this: counting noise. */
export const SD_FLOOR = 0.35;

export interface CellNorm {
  mean: number[];
  sd: number[];
}

export function cellNorm(reference: readonly DayRecord[]): CellNorm {
  const vectors = reference.map(dayVector);
  const mean: number[] = [];
  const sd: number[] = [];
  for (let i = 0; i < VECTOR_SIZE; i++) {
    const m = meanSd(vectors.map((v) => v[i] ?? 0));
    mean.push(m.mean);
    sd.push(Math.max(SD_FLOOR, m.sd));
  }
  return { mean, sd };
}

/** Per-block z scores of a day against a norm. */
export function zScores(day: DayRecord, norm: CellNorm): number[] {
  const v = dayVector(day);
  return v.map((x, i) => (x - (norm.mean[i] ?? 0)) / (norm.sd[i] ?? SD_FLOOR));
}

/** Root mean square of z: the day score. */
export function statsScore(day: DayRecord, reference: readonly DayRecord[]): number {
  const z = zScores(day, cellNorm(reference));
  let ss = 0;
  for (const x of z) ss += x * x;
  return Math.sqrt(ss / z.length);
}
