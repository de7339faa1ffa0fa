/**
 * Local day and time of day for a stream of readings, asking Intl (slow: microseconds a call)
 * once per home per quarter hour instead of once per reading. Zone offsets change only at
 * quarter-hour instants (every IANA zone today), so a cached offset holds until the next one.
 */
import { DAY_MS, localTimeOfDay } from '../local-time.js';

const QUARTER_HOUR_MS = 900_000;
/** Offsets lie between UTC−12 and UTC+14: anything larger is the same offset a day off. */
const MAX_OFFSET_MS = 14 * 3_600_000;

/** Local time minus UTC at `at`, in milliseconds. */
export function offsetAt(at: number, timeZone: string): number {
  const utcTimeOfDay = ((at % DAY_MS) + DAY_MS) % DAY_MS;
  const offset = (((localTimeOfDay(at, timeZone) - utcTimeOfDay) % DAY_MS) + DAY_MS) % DAY_MS;
  return offset > MAX_OFFSET_MS ? offset - DAY_MS : offset;
}

export interface LocalMoment {
  /** Local days since 1970-01-01 (a count, for telling days apart). */
  day: number;
  /** Milliseconds since local midnight. */
  timeOfDay: number;
}

export class LocalClock {
  private offset = 0;
  private validUntil = Number.NEGATIVE_INFINITY;
  private validFrom = Number.POSITIVE_INFINITY;

  constructor(readonly timeZone: string) {}

  at(at: number): LocalMoment {
    if (at >= this.validUntil || at < this.validFrom) {
      this.offset = offsetAt(at, this.timeZone);
      this.validFrom = Math.floor(at / QUARTER_HOUR_MS) * QUARTER_HOUR_MS;
      this.validUntil = this.validFrom + QUARTER_HOUR_MS;
    }
    const local = at + this.offset;
    const day = Math.floor(local / DAY_MS);
    return { day, timeOfDay: local - day * DAY_MS };
  }
}

/**
 * The moment near `at` (within 12 hours) when the local clock shows `timeOfDay`: exact on days
 * when the clocks change, unlike adding 24 hours.
 */
export function snapToLocal(at: number, timeOfDay: number, timeZone: string): number {
  let delta = (((timeOfDay - localTimeOfDay(at, timeZone)) % DAY_MS) + DAY_MS) % DAY_MS;
  if (delta > DAY_MS / 2) delta -= DAY_MS;
  const guess = at + delta;
  // Across a clock change the first guess is an hour off; one more step lands it.
  const miss = (((timeOfDay - localTimeOfDay(guess, timeZone)) % DAY_MS) + DAY_MS) % DAY_MS;
  return miss === 0 ? guess : guess + (miss > DAY_MS / 2 ? miss - DAY_MS : miss);
}

/**
 * How many local windows [from, to) (times of day, e.g. 00:00–06:00) fall within [start, end),
 * counting a window cut by the ends as the fraction of it inside.
 */
export function windowsWithin(start: number, end: number, from: number, to: number, timeZone: string): number {
  if (!(end > start)) return 0;
  let total = 0;
  let midnight = snapToLocal(start - DAY_MS / 2, 0, timeZone);
  while (midnight < end) {
    const w0 = snapToLocal(midnight + from, from, timeZone);
    const w1 = snapToLocal(midnight + to, to, timeZone);
    const overlap = Math.min(w1, end) - Math.max(w0, start);
    if (w1 > w0 && overlap > 0) total += overlap / (w1 - w0);
    midnight = snapToLocal(midnight + DAY_MS, 0, timeZone);
  }
  return total;
}
