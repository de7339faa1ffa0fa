/**
 * Words for alerts: what was observed, what is normal for this person at this hour (and from
 * how many days), and how far outside it is. Written for a care worker, not a statistician.
 */
import { formatDuration } from '../detectors/detector.js';

/** Below this many observed days the norm is mostly the population prior, and the text says so. */
export const LEARNING_DAYS = 14;

export function fromDays(days: number): string {
  if (days <= 0) return 'from typical residents, nothing learned yet';
  if (days < 3) return `from typical residents while learning (${days} ${days === 1 ? 'day' : 'days'} so far)`;
  if (days < LEARNING_DAYS) return `from ${days} days, still learning`;
  return `from ${days} days`;
}

/** "5–15 min". */
export function range(lowMs: number, highMs: number): string {
  const lo = Math.max(1, Math.round(lowMs / 60_000));
  const hi = Math.max(lo, Math.round(highMs / 60_000));
  if (hi >= 120) return `${formatDuration(lowMs)}–${formatDuration(highMs)}`;
  return `${lo}–${hi} min`;
}

/** "3× the usual", "40 min longer than usual". */
export function howFar(observedMs: number, normMs: number): string {
  if (normMs <= 0) return '';
  const ratio = observedMs / normMs;
  if (ratio >= 2) return `${ratio >= 10 ? Math.round(ratio) : Math.round(ratio * 10) / 10}× the usual longest`;
  return `${formatDuration(Math.max(0, observedMs - normMs))} past the usual longest`;
}

export function partOfDay(hour: number): string {
  if (hour < 6) return 'at night';
  if (hour < 12) return 'in the morning';
  if (hour < 18) return 'in the afternoon';
  if (hour < 22) return 'in the evening';
  return 'at night';
}
