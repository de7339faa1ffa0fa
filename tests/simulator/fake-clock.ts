/**
 * A wall clock and timers the test moves by hand, so an hour of real-time simulation runs in
 * milliseconds. Timers fire in time order; promises settle between them.
 */
import type { SetTimer } from '../../simulator/runner.js';

interface Timer {
  at: number;
  seq: number;
  fn: () => void;
}

export interface FakeClock {
  now: () => number;
  setTimer: SetTimer;
  /** Moves the clock forward by `ms`, firing due timers in order. */
  advance(ms: number): Promise<void>;
  /** Fires timers until none are left or `until` (a promise) settles; for runs at speed Infinity. */
  runUntil(until: Promise<unknown>): Promise<void>;
}

/** Lets pending promise chains (publish → counters → next loop turn) settle. */
export const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

export function fakeClock(start = 0): FakeClock {
  let now = start;
  let seq = 0;
  const timers: Timer[] = [];

  function nextDue(limit: number): Timer | undefined {
    let best: Timer | undefined;
    for (const t of timers) {
      if (t.at <= limit && (best === undefined || t.at < best.at || (t.at === best.at && t.seq < best.seq))) best = t;
    }
    return best;
  }

  function fire(timer: Timer): void {
    timers.splice(timers.indexOf(timer), 1);
    now = Math.max(now, timer.at);
    timer.fn();
  }

  return {
    now: () => now,
    setTimer(fn, ms) {
      const timer = { at: now + ms, seq: seq++, fn };
      timers.push(timer);
      return () => {
        const i = timers.indexOf(timer);
        if (i >= 0) timers.splice(i, 1);
      };
    },
    async advance(ms) {
      const target = now + ms;
      await settle();
      for (let due = nextDue(target); due !== undefined; due = nextDue(target)) {
        fire(due);
        await settle();
      }
      now = target;
      await settle();
    },
    async runUntil(until) {
      let done = false;
      void until.then(() => {
        done = true;
      });
      await settle();
      while (!done) {
        const due = nextDue(Number.POSITIVE_INFINITY);
        if (due === undefined) break;
        fire(due);
        await settle();
      }
    },
  };
}
