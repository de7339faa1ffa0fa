/**
 * Per-person thresholds: each rule's limit from this resident's learned distribution, with a
 * margin, a floor (never page on a normal short silence) and a ceiling (the promised time to
 * alert must hold even for someone whose norm is long), times the factor staff feedback has
 * set. All O(bins).
 */
import { quantile } from './histogram.js';
import type { Meal } from './meals.js';
import { MEALS } from './meals.js';
import { type ResidentModel, silenceCell } from './resident-model.js';
import { ROOM_GROUPS, type RoomGroup } from './rooms.js';
import { type Routine, sdOf } from './routine.js';

const MIN = 60_000;
const HOUR = 60 * MIN;

export interface Threshold {
  /** The limit, in milliseconds (or minutes of the day for MORN-1). */
  limit: number;
  /** What is normal for this person: the usual longest (ms), or the usual time (minutes). */
  norm: number;
  /** The usual range's low end (ms), for "usually 5–15 min". */
  low: number;
  /** Real observations behind the norm. */
  observed: number;
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** [INACT-1] Days of the person's own in a room group and time of day before their daily longest quiet there counts. */
const QUIET_DAYS_MIN = 5;
/** [INACT-1] Where a movement sensor watches the room: the daily longest quiet passed on about one day in ten is "usual". */
const QUIET_DAYS_Q_WATCHED = 0.9;
/** [INACT-1] Where the person may sit out of sight: the longest quiet seen there at that time of day. */
const QUIET_DAYS_Q_UNSEEN = 1;

/**
 * [INACT-1] The person's usual longest quiet after activity in `group` at this time of day: the
 * 99.5th percentile of every silence there, or — once there are QUIET_DAYS_MIN days of their
 * own — the `daily`-quantile of each day's longest quiet there, whichever is longer
 * (daily-longest.ts: where sensors fire often, the first alone is passed every day).
 */
function usualQuiet(model: ResidentModel, group: RoomGroup, bucket: number, daily: number): number {
  const perSilence = quantile(model.silenceOf(group, bucket), 0.995);
  const longest = model.quietDays.usualLongest(silenceCell(group, bucket), daily, QUIET_DAYS_MIN);
  return longest === undefined ? perSilence : Math.max(perSilence, longest);
}

/**
 * norm × factor + margin, within [floor, ceiling]; but when the person's own norm is already
 * past the ceiling (a long silence there is normal for them: a home without a front door
 * sensor, where going out looks like silence in the hall), their norm × 1.2 instead: the
 * ceiling must not page them every day.
 */
function beyondNorm(norm: number, factor: number, margin: number, floor: number, ceiling: number): number {
  if (norm > ceiling) return norm * 1.2;
  return clamp(norm * factor + margin, floor, ceiling);
}

/**
 * [FALL-3] Silence in a risky room: beyond the person's 99th percentile quiet time there at
 * this time of day, ×1.3 + 3 min; at least 12 min (a pause on the toilet, or a shower the
 * sensor does not see, is normal), at most 22 min, so a fall in the bathroom is paged inside
 * 30 min with tick delay to spare.
 */
export function fallSilence(model: ResidentModel, group: RoomGroup, bucket: number): Threshold {
  const h = model.silenceOf(group, bucket);
  const norm = quantile(h, 0.99);
  const base = beyondNorm(norm, 1.3, 3 * MIN, 12 * MIN, 22 * MIN);
  return { limit: base * model.factor('FALL-3'), norm, low: quantile(h, 0.5), observed: h.observed };
}

/** [FALL-3] A stay in the hall with movement but no door: beyond 1.5× the usual longest + 5 min, 12–25 min. */
export function hallDwell(model: ResidentModel): Threshold {
  const h = model.dwellOf('hall', false);
  const norm = quantile(h, 0.97);
  const base = beyondNorm(norm, 1.5, 5 * MIN, 12 * MIN, 25 * MIN);
  return { limit: base * model.factor('FALL-3'), norm, low: quantile(h, 0.25), observed: h.observed };
}

/**
 * [INACT-1] No activity anywhere: beyond the person's usual longest quiet (usualQuiet) for the
 * room they were last in at that time of day, ×1.25 + 30 min; between 90 min and 10 h (the
 * night's sleep in the bedroom is learned, so it does not count as inactivity; asleep in the
 * bedroom from 18:00 to 06:00 ×1.5 + 60 min, at least 90 min; a norm already past 10 h, ×1.2).
 * With `anywhere` (the person may be out of sight), the norm is the longest usual quiet in any room.
 */
export function inactivity(model: ResidentModel, group: RoomGroup, bucket: number, anywhere = false): Threshold {
  const h = model.silenceOf(group, bucket);
  let norm = usualQuiet(model, group, bucket, anywhere ? QUIET_DAYS_Q_UNSEEN : QUIET_DAYS_Q_WATCHED);
  // After activity no movement sensor saw, the person may have gone to any room: the longest
  // quiet seen at this time of day in any room is the norm (van Kasteren house B, no sensor in
  // the living room: quiet 2–5 h after the kitchen on about one day in three).
  if (anywhere) for (const g of ROOM_GROUPS) norm = Math.max(norm, usualQuiet(model, g, bucket, QUIET_DAYS_Q_UNSEEN));
  // Asleep in the bedroom at night: turning over is rare and irregular, so a wider margin.
  const asleep = group === 'bedroom' && (bucket <= 1 || bucket >= 6);
  const base = asleep
    ? beyondNorm(norm, 1.5, 60 * MIN, 90 * MIN, 10 * HOUR)
    : beyondNorm(norm, 1.25, 30 * MIN, 90 * MIN, 10 * HOUR);
  return {
    limit: Math.min(base * model.factor('INACT-1'), 14 * HOUR),
    norm,
    low: quantile(h, 0.5),
    observed: h.observed,
  };
}

/** [BATH-1] A bathroom stay beyond the person's usual longest (97th percentile) + 10 min; 20 min – 2 h. */
export function bathroomStay(model: ResidentModel, night: boolean): Threshold {
  const h = model.dwellOf('bathroom', night);
  const norm = quantile(h, 0.97);
  const base = clamp(norm + 10 * MIN, 20 * MIN, 2 * HOUR);
  return {
    limit: Math.min(base * model.factor('BATH-1'), 3 * HOUR),
    norm,
    low: quantile(h, 0.25),
    observed: h.observed,
  };
}

/**
 * [EXIT-1] After a front door at night, no movement indoors for 1.3× the person's usual
 * night-time return (95th percentile); 7–10 min (12 at most after false alarms), so it is
 * paged inside 15 min.
 */
export function nightExit(model: ResidentModel): Threshold {
  const h = model.nightReturn;
  const norm = quantile(h, 0.95);
  const base = clamp(norm * 1.3, 7 * MIN, 10 * MIN);
  return {
    limit: Math.min(base * model.factor('EXIT-1'), 12 * MIN),
    norm,
    low: quantile(h, 0.5),
    observed: h.observed,
  };
}

/**
 * [MORN-1] Not up by the usual time + 2 sd (sd at least 15 min) + 20 min, at most 2.5 h after
 * the usual time; in minutes after midnight. Feedback widens the margin, not the usual time.
 * `wake` is the routine of the day type (weekday or weekend) once learned, else of all days.
 */
export function morning(model: ResidentModel, wake: Routine = model.wake): Threshold {
  const sd = Math.max(15, sdOf(wake));
  const margin = Math.min(150, 2 * sd + 20) * model.factor('MORN-1');
  return {
    limit: Math.min(wake.mean + margin, 13 * 60 + 30),
    norm: wake.mean,
    low: sd,
    observed: wake.days,
  };
}

/**
 * [MEAL-1] No kitchen activity since the usual meal time − 2 sd − 30 min (`since`) by the usual
 * time + 1.5 sd + 20 min (`limit`: 40–70 min after it, so a missed meal is paged within about
 * an hour and a half of the usual time even for a person whose meals wander); minutes after
 * midnight. Feedback widens the margin.
 */
export function mealTime(model: ResidentModel, meal: Meal): Threshold & { since: number } {
  const habit = model.meals[MEALS.indexOf(meal)] ?? model.meals[0];
  const time = habit?.time;
  const mean = time?.mean ?? 12 * 60;
  const sd = Math.max(15, time === undefined ? 45 : sdOf(time));
  const margin = clamp(1.5 * sd + 20, 40, 70) * model.factor('MEAL-1');
  return { limit: mean + margin, since: mean - 2 * sd - 30, norm: mean, low: sd, observed: time?.days ?? 0 };
}

/**
 * [WANDER-1] Out of the bedroom at night, moving between rooms, for longer than the person's
 * usual longest night spell (97.5th percentile) ×1.2 + 3 min, 18–22 min of time out of the
 * bedroom, so a walk that also passes through the bedroom is paged inside 40 min; where the
 * person's own norm is already past 22 min (restless nights are their normal), norm ×1.2.
 */
export function nightWander(model: ResidentModel): Threshold {
  const h = model.nightSpells;
  const norm = quantile(h, 0.975);
  const base = beyondNorm(norm, 1.2, 3 * MIN, 18 * MIN, 22 * MIN);
  return { limit: base * model.factor('WANDER-1'), norm, low: quantile(h, 0.5), observed: h.observed };
}

/**
 * [FALL-3] Out of bed (the bed sensor says so) and no movement: beyond the person's 99th
 * percentile quiet time in that room at that hour ×1.3 + 5 min; at night 25–45 min (someone
 * asleep is in bed, someone up at night moves); in the daytime 45–55 min (dressing, making the
 * bed and sitting a while are normal there; a fall outside a bathroom, hall or entrance is to be
 * paged within 60 min, issue 4).
 */
export function outOfBedSilence(model: ResidentModel, group: RoomGroup, bucket: number, day = false): Threshold {
  const h = model.silenceOf(group, bucket);
  const norm = quantile(h, 0.99);
  const base = day ? clamp(norm * 1.3 + 5 * MIN, 45 * MIN, 55 * MIN) : clamp(norm * 1.3 + 5 * MIN, 25 * MIN, 45 * MIN);
  return { limit: base * model.factor('FALL-3'), norm, low: quantile(h, 0.5), observed: h.observed };
}
