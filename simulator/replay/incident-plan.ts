/**
 * What incident to inject into a replay and when. Testers (and the CLI) describe it; the moment
 * is chosen here, on the replay's wall clock, from the real data: a fall in the daytime while the
 * resident is home and up, a night exit while the resident is home and out of bed.
 */
import { z } from 'zod';
import type { Rng } from '../random.js';
import { IncidentPlacementError } from './errors.js';
import { countBetween, type SpanIndex } from './span-index.js';
import { DAY_MS, dateToWall, wallDate, wallMidnight } from './wall-clock.js';

const MIN = 60_000;
const HOUR = 60 * MIN;

/** A day of the replay: its 0-based index from the first replayed day, or its local date (after any shift). */
export const DayRef = z.union([z.number().int().min(0), z.iso.date()]);
export type DayRef = z.infer<typeof DayRef>;

/** A local time of day, `HH:MM` or `HH:MM:SS`. */
export const TimeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/, 'HH:MM or HH:MM:SS, 00:00–23:59');

export const IncidentPlan = z.strictObject({
  kind: z.enum(['fall_no_recovery', 'night_exit_no_return']),
  /** Omitted: a seeded random day on which a fitting moment exists. */
  day: DayRef.optional(),
  /** Omitted: a seeded random fitting moment of the day. Given with `day`, used as is. */
  at: TimeOfDay.optional(),
});
export type IncidentPlan = z.infer<typeof IncidentPlan>;

/** Local windows [from, to) in ms since midnight: "daytime" for a fall, "night" for an exit. */
const WINDOW: Record<IncidentPlan['kind'], readonly [number, number]> = {
  fall_no_recovery: [8 * HOUR, 20 * HOUR],
  night_exit_no_return: [0, 5 * HOUR],
};
/** A fall: the resident was active this close before and (in the real data) after, so the cut removes real activity. */
const FALL_ACTIVE_WITHIN = 30 * MIN;
/** A night exit: the resident was home this evening and (in the real data) is home the next morning. */
const EXIT_HOME_BEFORE = 6 * HOUR;
const EXIT_HOME_AFTER = 10 * HOUR;
/** A night exit is not placed this close to a real use of the front door. */
const EXIT_DOOR_CLEAR = 30 * MIN;
/** Labels are coarse: stay this far from the edges of a time out. */
const AWAY_MARGIN = 10 * MIN;

/** What the data say, on the replay's wall clock. */
export interface Evidence {
  /** Starts of on-stretches of every sensor but the front door, sorted. */
  activity: number[];
  /** On-stretches of occupancy sensors (bed, couch): someone lying or sitting. */
  occupied: SpanIndex;
  frontDoor: SpanIndex;
  away: SpanIndex;
  /** Local midnights of the replayed days, first to last. */
  days: number[];
}

/** Whether the moment fits the incident, per the rules in docs/replay.md. */
export function fits(kind: IncidentPlan['kind'], t: number, evidence: Evidence): boolean {
  if (evidence.away.covers(t, AWAY_MARGIN) || evidence.occupied.covers(t)) return false;
  if (kind === 'fall_no_recovery') {
    return (
      countBetween(evidence.activity, t - FALL_ACTIVE_WITHIN, t) > 0 &&
      countBetween(evidence.activity, t, t + FALL_ACTIVE_WITHIN) > 0
    );
  }
  return (
    !evidence.frontDoor.covers(t, EXIT_DOOR_CLEAR) &&
    countBetween(evidence.activity, t - EXIT_HOME_BEFORE, t) > 0 &&
    countBetween(evidence.activity, t, t + EXIT_HOME_AFTER) > 0
  );
}

function parseTime(at: string): number {
  const [h = 0, m = 0, s = 0] = at.split(':').map(Number);
  return ((h * 60 + m) * 60 + s) * 1000;
}

function dayMidnight(day: DayRef, days: readonly number[]): number {
  const midnight = typeof day === 'number' ? days[day] : dateToWall(day);
  const first = days[0];
  const last = days[days.length - 1];
  if (midnight === undefined || first === undefined || last === undefined || midnight < first || midnight > last) {
    const range = first === undefined || last === undefined ? 'none' : `${wallDate(first)}..${wallDate(last)}`;
    throw new IncidentPlacementError(`day ${day} is not a day of the replay (days 0..${days.length - 1}, ${range})`);
  }
  return midnight;
}

/** The incident's moment, wall ms. Same plan, evidence and rng state: same moment. */
export function placeIncident(plan: IncidentPlan, evidence: Evidence, rng: Rng): number {
  const days = plan.day === undefined ? evidence.days : [dayMidnight(plan.day, evidence.days)];
  if (plan.day !== undefined && plan.at !== undefined) return (days[0] ?? 0) + parseTime(plan.at);
  const [from, to] = WINDOW[plan.kind];
  const times = plan.at === undefined ? range(from, to, MIN) : [parseTime(plan.at)];
  const candidates: number[] = [];
  for (const midnight of days) {
    for (const time of times) {
      if (fits(plan.kind, midnight + time, evidence)) candidates.push(midnight + time);
    }
  }
  const chosen = candidates[rng.int(0, candidates.length - 1)];
  if (candidates.length === 0 || chosen === undefined) {
    const where = plan.day === undefined ? 'on any day' : `on ${wallDate(days[0] ?? 0)}`;
    throw new IncidentPlacementError(`no moment fits a ${plan.kind} ${where} (see docs/replay.md for the rules)`);
  }
  // Whole minutes were tried; add seconds so moments do not all fall on :00.
  return plan.at === undefined ? chosen + rng.int(0, 59) * 1000 : chosen;
}

function range(from: number, to: number, step: number): number[] {
  const out: number[] = [];
  for (let t = from; t < to; t += step) out.push(t);
  return out;
}

/** Local midnights from the day of `first` to the day of `last` (wall ms). */
export function daysBetween(first: number, last: number): number[] {
  const out: number[] = [];
  for (let d = wallMidnight(first); d <= last; d += DAY_MS) out.push(d);
  return out;
}
