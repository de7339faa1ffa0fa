/**
 * A home's local clock, fast enough to ask on every simulated minute of every resident: the
 * zone's UTC offset comes from the simulator's cache (one Intl call per quarter hour of UTC
 * time, since every zone changes its offset on a quarter hour).
 */
import { offsetAt } from '../simulator/replay/wall-clock.js';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

export class LocalClock {
  constructor(readonly timeZone: string) {}

  /** Local time minus UTC at `at`, in milliseconds. */
  offset(at: number): number {
    return offsetAt(at, this.timeZone);
  }

  /** Milliseconds since local midnight. */
  timeOfDay(at: number): number {
    return (((at + this.offset(at)) % DAY_MS) + DAY_MS) % DAY_MS;
  }

  /** The local calendar date, YYYY-MM-DD. */
  date(at: number): string {
    return new Date(at + this.offset(at)).toISOString().slice(0, 10);
  }
}

const clocks = new Map<string, LocalClock>();

/** One shared clock per zone. */
export function localClock(timeZone: string): LocalClock {
  let clock = clocks.get(timeZone);
  if (clock === undefined) {
    clock = new LocalClock(timeZone);
    clocks.set(timeZone, clock);
  }
  return clock;
}

/** `hm(7, 30)`: milliseconds since midnight. */
export function hm(hours: number, minutes = 0): number {
  return hours * HOUR_MS + minutes * MINUTE_MS;
}
