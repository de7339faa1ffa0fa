/**
 * [DAY-1] Unusual day: a finished day's score against the person's own reference days (the
 * plain-statistics scorer, chosen by measurement over TensorFlow.js autoencoders:
 * docs/day-model.md) and, when it is far outside, the words that say how: time in a room,
 * the amount of activity, getting up, and the part of the day least like usual.
 */
import { formatDuration } from '../../detectors/detector.js';
import { clockText } from '../local-time.js';
import { ROOM_GROUPS } from '../rooms.js';
import { type DayRecord, HOURS, totalOf } from './day-profile.js';
import { cellNorm, zScores } from './day-stats.js';
import { BLOCK_HOURS, BLOCKS, MIN_REFERENCE_DAYS, median, referenceDays } from './day-vector.js';

/**
 * A day scores the mean |z| of its 5 blocks furthest from usual. At this score about 2 % of the
 * simulated cohort's incident-free days are flagged (docs/day-model.md): a few a resident-month.
 */
export const DAY_SCORE_LIMIT = 3.3;
const TOP_BLOCKS = 5;

export interface DayJudgement {
  score: number;
  referenceDays: number;
  unusual: boolean;
  reason: string;
}

/** Mean of the largest `k` absolute z scores. */
export function topZ(z: readonly number[], k = TOP_BLOCKS): number {
  const top = z
    .map(Math.abs)
    .sort((a, b) => b - a)
    .slice(0, k);
  return top.reduce((s, x) => s + x, 0) / Math.max(1, top.length);
}

/** Judges a finished day against the days before it; undefined while there are too few of them. */
export function judgeDay(
  day: DayRecord,
  history: readonly DayRecord[],
  limit = DAY_SCORE_LIMIT,
): DayJudgement | undefined {
  const reference = referenceDays(day, history);
  if (reference.length < MIN_REFERENCE_DAYS) return undefined;
  const z = zScores(day, cellNorm(reference));
  const score = topZ(z);
  return { score, referenceDays: reference.length, unusual: score >= limit, reason: explain(day, reference, z) };
}

const GROUP_WORDS: Record<(typeof ROOM_GROUPS)[number], string> = {
  bathroom: 'the bathroom',
  hall: 'the hall',
  bedroom: 'the bedroom',
  kitchen: 'the kitchen',
  living: 'the living room',
  other: 'other rooms',
};

function explain(day: DayRecord, reference: readonly DayRecord[], z: readonly number[]): string {
  const parts: string[] = [];
  // Time in a room: the group whose time moved most, if by at least 45 min and by half.
  let best: { g: number; diff: number; usual: number } | undefined;
  for (let g = 0; g < ROOM_GROUPS.length; g++) {
    const usual = median(reference.map((d) => d.stayMin[g] ?? 0));
    const today = day.stayMin[g] ?? 0;
    const diff = today - usual;
    const big = Math.abs(diff) >= 45 && (today >= 1.5 * usual || today <= usual / 1.5);
    if (big && (best === undefined || Math.abs(diff) > Math.abs(best.diff))) best = { g, diff, usual };
  }
  if (best !== undefined) {
    const today = day.stayMin[best.g] ?? 0;
    const room = GROUP_WORDS[ROOM_GROUPS[best.g] ?? 'other'];
    const usual = formatDuration(best.usual * 60_000);
    parts.push(
      today < 1
        ? `no time in ${room} (usually ${usual})`
        : `${formatDuration(today * 60_000)} in ${room} vs usually ${usual}`,
    );
  }
  // Outings, in a home with a front door sensor: none today, or far longer than usual.
  const outs = reference.map((d) => d.outMin);
  if (outs.filter((m) => m > 0).length >= reference.length / 2) {
    const usualOut = median(outs);
    if (day.outMin < 1 && usualOut >= 30)
      parts.push(`no outing (usually out about ${formatDuration(usualOut * 60_000)} a day)`);
    else if (day.outMin - usualOut >= 90 && day.outMin >= 2 * usualOut)
      parts.push(`out for ${formatDuration(day.outMin * 60_000)} vs usually ${formatDuration(usualOut * 60_000)}`);
  }
  const totals = reference.map(totalOf).sort((a, b) => a - b);
  const lo = totals[Math.floor(0.1 * (totals.length - 1))] ?? 0;
  const hi = totals[Math.ceil(0.9 * (totals.length - 1))] ?? 0;
  const total = totalOf(day);
  if (total < lo || total > hi) {
    parts.push(
      `${total < lo ? 'less' : 'more'} activity than usual (${total} sensor activations vs usually ${lo}–${hi})`,
    );
  }
  const wakes = reference.flatMap((d) => (d.wakeMin === null ? [] : [d.wakeMin]));
  if (wakes.length >= reference.length / 2) {
    const usualWake = median(wakes);
    if (day.wakeMin === null) parts.push(`not seen getting up (usually about ${clockText(usualWake)})`);
    else if (Math.abs(day.wakeMin - usualWake) >= 60)
      parts.push(`up at ${clockText(day.wakeMin)} vs usually about ${clockText(usualWake)}`);
  }
  // The block least like usual, in plain numbers.
  let worst = 0;
  for (let i = 1; i < z.length; i++) if (Math.abs(z[i] ?? 0) > Math.abs(z[worst] ?? 0)) worst = i;
  const g = Math.floor(worst / BLOCKS);
  const b = worst % BLOCKS;
  const blockCount = (d: DayRecord) => {
    let n = 0;
    for (let h = b * BLOCK_HOURS; h < (b + 1) * BLOCK_HOURS; h++) n += d.counts[g * HOURS + h] ?? 0;
    return n;
  };
  const usualBlock = Math.round(median(reference.map(blockCount)));
  const from = clockText(b * BLOCK_HOURS * 60);
  const to = clockText(((b + 1) * BLOCK_HOURS * 60) % 1440);
  parts.push(
    `${from}–${to} in ${GROUP_WORDS[ROOM_GROUPS[g] ?? 'other']}: ${blockCount(day)} sensor activations vs usually ${usualBlock}`,
  );
  const same = reference.every((d) => d.weekend === day.weekend);
  const kind = same ? (day.weekend ? 'weekend days' : 'weekdays') : 'days';
  return `${parts.join('; ')}. Compared with ${reference.length} of this person's ${kind}.`;
}
