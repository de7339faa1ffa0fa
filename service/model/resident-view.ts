/**
 * Read-only views of a resident's learned state for people: where they are now, and their
 * usual routine beside today's. Pure functions of the state and the time, so they are tests.
 */
import type { Presence, ResidentRoutine } from '../contract.js';
import { quantile } from './histogram.js';
import type { ResidentState } from './resident-state.js';
import { ROOM_GROUPS } from './rooms.js';
import { sdOf } from './routine.js';

const MIN = 60_000;
/** Days of the resident's own data after which the population prior no longer weighs in (routine.ts). */
const LEARNING_DAYS = 14;

/**
 * Out: the front door closed after the last movement indoors, a while ago. Asleep: in bed by
 * the bed sensor, or — without one — last active in the bedroom during their night. Home
 * otherwise; unknown before any activity.
 */
export function presenceOf(state: ResidentState | undefined, now: number): Presence {
  if (state === undefined || state.lastActivity === undefined) return 'unknown';
  if (state.isOut(now)) return 'out';
  if (state.bedSensor ? state.inBed : state.isNight(now) && state.isBedRoom(state.lastGroup, state.lastRoomId)) {
    return 'asleep';
  }
  return 'home';
}

export function routineOf(residentId: string, state: ResidentState | undefined, now: number): ResidentRoutine | null {
  if (state === undefined) return null;
  const m = state.model;
  const today = state.clock.at(now).day;
  const dwell = m.dwellOf('bathroom', false);
  return {
    residentId,
    presence: presenceOf(state, now),
    learnedDays: m.days,
    learning: m.days < LEARNING_DAYS,
    wake: {
      usualMinute: Math.round(m.wake.mean),
      spreadMinutes: Math.round(sdOf(m.wake)),
      todayMinute:
        state.morningDay === today && state.upAt !== undefined ? state.clock.at(state.upAt).minuteOfDay : null,
    },
    // The model keeps bedtime in minutes after noon, so a night that crosses midnight averages well.
    bedtime: { usualMinute: Math.round(m.bedtime.mean + 720) % 1440, spreadMinutes: Math.round(sdOf(m.bedtime)) },
    bathroomVisit: {
      usualMinutes: round1(quantile(dwell, 0.5) / MIN),
      longMinutes: round1(quantile(dwell, 0.9) / MIN),
    },
    usualPerHour: usualPerHour(m.activity, m.days),
    feedback: Object.entries(m.feedback).map(([ruleId, f]) => ({ ruleId, ...f })),
  };
}

/** Activity events per hour of an average day, weekdays and weekends together. */
function usualPerHour(activity: readonly number[], days: number): number[] {
  const perHour = new Array<number>(24).fill(0);
  const groups = ROOM_GROUPS.length;
  for (let part = 0; part < 2; part++)
    for (let g = 0; g < groups; g++)
      for (let h = 0; h < 24; h++) perHour[h] = (perHour[h] ?? 0) + (activity[(part * groups + g) * 24 + h] ?? 0);
  return perHour.map((n) => (days > 0 ? round1(n / days) : 0));
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
