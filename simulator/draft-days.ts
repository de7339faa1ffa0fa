/**
 * Incidents that reshape a resident's day: hours still in the armchair, a long bathroom stay,
 * night wandering, a long visit, a missed morning or meal, a decline over weeks, a day out or a
 * hospital stay.
 */

import {
  at,
  base,
  constraintsFor,
  type DraftBuilder,
  dayOf,
  dayWindow,
  GUARD_MS,
  HOUR,
  hhmm,
  isNight,
  localDateOf,
  MIN,
  nightWindow,
  strip,
  when,
} from './draft-kit.js';
import { CATALOGUE } from './incident-catalogue.js';
import { addDays } from './local-time.js';
import type { ResidentProfile } from './profiles.js';
import type { Rng } from './random.js';
import type { DayConstraints } from './sleep-schedule.js';

/** An incident that keeps the resident somewhere for a while, by day (or, for the bathroom, sometimes at night). */
export const stay =
  (
    kind: 'prolonged_inactivity' | 'long_bathroom_stay' | 'visitor_present' | 'night_wandering',
    usualMs: (p: ResidentProfile, r: Rng) => number,
    nightShare: number,
  ): DraftBuilder =>
  (env, spec) => {
    const date = spec?.date ?? env.rng.pick(env.dates.map((d) => [d, 1] as const)) ?? env.ctx.firstDate;
    const p = env.ctx.profileOn(date);
    const ms = spec?.durationMin !== undefined ? spec.durationMin * MIN : usualMs(p, env.rng);
    const leadMs = CATALOGUE[kind].leadMin * MIN;
    const nightDraw = spec?.time === undefined ? env.rng.chance(nightShare) : false;
    const start = when(env, spec, date, nightDraw ? nightWindow(env, date, ms) : dayWindow(env, date, ms, leadMs));
    if (typeof start === 'string') return start;
    const night = kind === 'night_wandering' || (spec?.time !== undefined ? isNight(env, start) : nightDraw);
    const day = dayOf(env, start, night);
    const end = start + Math.round(ms);
    const b = base(kind, start, day, night, env);
    const what: Record<typeof kind, string> = {
      prolonged_inactivity: 'unwell in the armchair, hardly moving',
      long_bathroom_stay: 'in the bathroom',
      visitor_present: 'a visitor in the home',
      night_wandering: 'up at night, moving from room to room',
    };
    return {
      incident: {
        ...strip(b),
        end: end >= env.end ? null : end,
        deadline: CATALOGUE[kind].deadline({ kind, start, profile: b.profile }),
        ...(kind === 'long_bathroom_stay' ? { room: env.ctx.places.bathroom } : {}),
        note: `${what[kind]} from ${hhmm(env, start)} to ${hhmm(env, end)}${night && kind !== 'night_wandering' ? ' at night' : ''}`,
      },
      busy: [start - leadMs - GUARD_MS, end + GUARD_MS],
      constraints: constraintsFor(day, night, start - leadMs, end),
      follows: [],
    };
  };

export const missedMorning: DraftBuilder = (env, spec) => {
  const date = spec?.date ?? env.rng.pick(env.dates.slice(1).map((d) => [d, 1] as const)) ?? env.ctx.firstDate;
  const p = env.ctx.profileOn(date);
  const usual = env.ctx.schedule.usualWake(date);
  const b = base('missed_morning_routine', usual, date, false, env);
  const deadline = CATALOGUE.missed_morning_routine.deadline({
    kind: b.kind,
    start: usual,
    usual,
    usualSdMin: p.wake.sd,
    profile: p,
  });
  const late =
    spec?.durationMin !== undefined
      ? usual + spec.durationMin * MIN
      : (deadline ?? usual) + Math.round(env.rng.between(45, 120) * MIN);
  return {
    incident: {
      ...strip(b),
      end: late >= env.end ? null : late,
      deadline,
      note: `stayed in bed: usually up by ${hhmm(env, usual)}, got up at ${hhmm(env, late)}`,
    },
    busy: [usual - 10 * HOUR, late + GUARD_MS],
    constraints: [[date, { wakeAt: late }]],
    follows: [],
  };
};

export const missedMeal: DraftBuilder = (env, spec) => {
  const date = spec?.date ?? env.rng.pick(env.dates.map((d) => [d, 1] as const)) ?? env.ctx.firstDate;
  const which = spec?.meal ?? (env.rng.chance(0.5) ? 'lunch' : 'dinner');
  const p = env.ctx.profileOn(date);
  const meal = p[which];
  const usual = at(env, date, meal.mean * MIN);
  const b = base('missed_meal', usual, date, false, env);
  const deadline =
    CATALOGUE.missed_meal.deadline({ kind: b.kind, start: usual, usual, usualSdMin: meal.sd, profile: p }) ?? usual;
  const end = deadline + Math.round((spec?.durationMin ?? env.rng.between(30, 90)) * MIN);
  const from = usual - (2 * meal.sd + 30) * MIN;
  return {
    incident: {
      ...strip(b),
      end: end >= env.end ? null : end,
      deadline,
      kitchenFreeFrom: from,
      device: null,
      note: `no ${which}: usually about ${hhmm(env, usual)}, nothing in the kitchen until ${hhmm(env, end)}`,
    },
    busy: [from - HOUR, end + GUARD_MS],
    constraints: [[date, { wakeBy: from - HOUR, bedAfter: end + HOUR }]],
    follows: [],
  };
};

export const decline: DraftBuilder = (env, spec) => {
  const half = env.dates.slice(0, Math.max(1, Math.ceil(env.dates.length / 2)));
  const date = spec?.date ?? env.rng.pick(half.map((d) => [d, 1] as const)) ?? env.ctx.firstDate;
  const rampDays = spec?.days ?? Math.round(env.rng.between(21, 42));
  const start = env.ctx.calendar.midnight(date);
  const b = base('decline', start, date, false, env);
  return {
    incident: {
      ...strip(b),
      note: `decline from ${date} over ${rampDays} days: less active, more sitting, fewer outings, more night-time toilet trips`,
    },
    constraints: [],
    decline: { from: date, rampDays },
    follows: [],
  };
};

export const absence =
  (kind: 'away_day' | 'hospital_stay'): DraftBuilder =>
  (env, spec) => {
    const date = spec?.date ?? env.rng.pick(env.dates.map((d) => [d, 1] as const)) ?? env.ctx.firstDate;
    const leadMs = CATALOGUE[kind].leadMin * MIN;
    const [dayFrom, dayTo] = dayWindow(env, date, 0, leadMs);
    const leave =
      spec?.time !== undefined
        ? at(env, date, spec.time)
        : kind === 'away_day'
          ? Math.max(dayFrom, at(env, date, env.rng.between(8.5, 11) * HOUR))
          : Math.round(env.rng.between(dayFrom, Math.max(dayFrom, dayTo)));
    let back: number;
    if (kind === 'away_day') {
      back =
        spec?.durationMin !== undefined
          ? leave + spec.durationMin * MIN
          : Math.min(dayTo, at(env, date, env.rng.between(16.5, 20) * HOUR));
    } else {
      const days = spec?.days ?? Math.round(env.rng.between(env.hospitalDays[0], env.hospitalDays[1]));
      const backDate = addDays(date, days);
      const [from, to] = dayWindow(env, backDate, 0, 0);
      back =
        spec?.durationMin !== undefined
          ? leave + spec.durationMin * MIN
          : Math.round(env.rng.between(from, Math.max(from, to)));
    }
    if (back <= leave) return `the return must come after leaving at ${hhmm(env, leave)}`;
    const b = base(kind, leave, date, false, env);
    const away = back >= env.end;
    return {
      incident: {
        ...strip(b),
        end: away ? null : back,
        note: `${kind === 'away_day' ? 'out for the day' : 'in hospital'}: left at ${hhmm(env, leave)}${away ? ', not back within the run' : `, back ${kind === 'away_day' ? '' : `on ${localDateOf(env, back)} `}at ${hhmm(env, back)}`}`,
      },
      busy: [leave - leadMs - GUARD_MS, (away ? Number.POSITIVE_INFINITY : back) + GUARD_MS],
      constraints: [
        [date, { wakeBy: leave - leadMs - 90 * MIN }],
        ...(away ? [] : [[localDateOf(env, back), { bedAfter: back + 90 * MIN }] as [string, DayConstraints]]),
      ],
      follows: [],
    };
  };
