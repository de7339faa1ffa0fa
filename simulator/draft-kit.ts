/**
 * The drafting kit for incidents (incident-drafts.ts): what a draft is, and when and where in
 * a resident's life one can happen: windows where the resident is reliably up or asleep, the
 * day an incident belongs to, rooms, the wearable, and the sleep constraints that keep the
 * resident up (or in bed) for it.
 */
import type { Device } from './contract.js';
import type { TruthKind } from './ground-truth.js';
import type { HomeContext } from './home-context.js';
import type { Silence } from './home-sensors.js';
import { findDevice } from './homes.js';
import { CATALOGUE } from './incident-catalogue.js';
import { addDays, hm, localTimeOfDay } from './local-time.js';
import type { PlannedIncident } from './plan.js';
import type { ResidentProfile } from './profiles.js';
import type { Rng } from './random.js';
import type { DayConstraints } from './sleep-schedule.js';
import { isWeekend } from './sleep-schedule.js';

export const SEC = 1000;
export const MIN = 60 * SEC;
export const HOUR = 60 * MIN;
export const DAY = 24 * HOUR;
/** Behaviour incidents keep this much time clear on either side, so routines settle between them. */
export const GUARD_MS = 2 * HOUR;

/** What a tester asked for, or nothing (drawn at random). Times are the home's local time. */
export interface DraftSpec {
  /** The local date (the calendar date of the time given). */
  date: string;
  /** Local time of day, ms since midnight, if given. */
  time?: number | undefined;
  durationMin?: number | undefined;
  days?: number | undefined;
  room?: string | undefined;
  device?: string | undefined;
  foundAfterHours?: number | null | undefined;
  meal?: 'lunch' | 'dinner' | undefined;
  /** Whether the wearable is worn that day (undefined: by the profile's compliance). */
  wearing?: boolean | undefined;
}

export interface Draft {
  incident: Omit<PlannedIncident, 'id'>;
  /** Busy span for behaviour incidents (guards included); for device incidents, undefined. */
  busy?: readonly [number, number];
  constraints: readonly (readonly [string, DayConstraints])[];
  /** Device effects. */
  silence?: { address: string; silence: Silence };
  lowAt?: { address: string; at: number };
  /** A decline changes the resident's profile from its first date on. */
  decline?: { from: string; rampDays: number };
  /** Incidents that follow from this one (a hospital stay after being found). */
  follows: Draft[];
}

export interface DraftEnv {
  ctx: HomeContext;
  rng: Rng;
  /** End of the run, epoch ms. */
  end: number;
  dates: readonly string[];
  foundAfterHours: number | null;
  hospitalDays: readonly [number, number];
  /** Whether a device is silenced (by an incident already planned) at `at`. */
  silenced(address: string, at: number): boolean;
}

export type DraftBuilder = (env: DraftEnv, spec: DraftSpec | undefined) => Draft | string;

export const at = (env: DraftEnv, date: string, timeOfDay: number) => env.ctx.calendar.at(date, Math.round(timeOfDay));

/** Where the resident is reliably up on `date`, for something lasting `ms`: [from, to] for its start. */
export function dayWindow(env: DraftEnv, date: string, ms: number, leadMs: number): [number, number] {
  const p = env.ctx.profileOn(date);
  const shift = isWeekend(date) ? p.weekendShiftMin : 0;
  const from = at(env, date, (p.wake.mean + shift + 2 * p.wake.sd + 90) * MIN) + leadMs;
  const to = at(env, date, (p.bedtime.mean - 2 * p.bedtime.sd - 60) * MIN) - ms;
  return [from, to];
}

/** Where the resident is reliably asleep in the night after `date`. */
export function nightWindow(env: DraftEnv, date: string, ms: number): [number, number] {
  const p = env.ctx.profileOn(date);
  const next = env.ctx.profileOn(addDays(date, 1));
  const from = at(env, date, (p.bedtime.mean + 2 * p.bedtime.sd + 60) * MIN);
  const to = at(env, addDays(date, 1), (next.wake.mean - 2 * next.wake.sd - 30) * MIN) - ms;
  return [from, to];
}

/** A start time: the one asked for, or one drawn in the window; a string says why there is none. */
export function when(
  env: DraftEnv,
  spec: DraftSpec | undefined,
  date: string,
  window: [number, number],
): number | string {
  if (spec?.time !== undefined) return at(env, spec.date, spec.time);
  if (window[1] <= window[0]) return `no time on ${date} fits this resident's day`;
  return Math.round(env.rng.between(window[0], window[1]));
}

/** The date of the resident's day that a moment belongs to: before noon, the day before's night. */
export function dayOf(env: DraftEnv, t: number, night: boolean): string {
  const date = localDateOf(env, t);
  return night && localTimeOfDay(t, env.ctx.home.timeZone) < hm(12) ? addDays(date, -1) : date;
}

export function localDateOf(env: DraftEnv, t: number): string {
  const dates = env.dates;
  for (let i = dates.length - 1; i >= 0; i--) {
    const d = dates[i] as string;
    if (env.ctx.calendar.midnight(d) <= t) return d;
  }
  return addDays(dates[0] ?? env.ctx.firstDate, -1);
}

export function isNight(env: DraftEnv, t: number): boolean {
  const minute = localTimeOfDay(t, env.ctx.home.timeZone) / MIN;
  return minute < 6 * 60 || minute >= 22 * 60;
}

export function hhmm(env: DraftEnv, t: number): string {
  const minutes = Math.floor(localTimeOfDay(t, env.ctx.home.timeZone) / MIN);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** A room by name or kind (the tester's `room`), or one drawn with these weights by kind. */
export function roomFor(
  env: DraftEnv,
  spec: DraftSpec | undefined,
  weights: Record<string, number>,
): string | undefined {
  const rooms = env.ctx.home.rooms;
  if (spec?.room !== undefined) {
    const wanted = spec.room.toLowerCase();
    return rooms.find((r) => r.name.toLowerCase() === wanted || r.kind === wanted)?.name;
  }
  return env.rng.pick(rooms.map((r) => [r.name, weights[r.kind] ?? 0.2] as const)) ?? rooms[0]?.name;
}

export function constraintsFor(date: string, night: boolean, from: number, until: number): [string, DayConstraints][] {
  if (night)
    return [
      [date, { bedBy: from - HOUR }],
      [addDays(date, 1), { wakeAfter: until + 30 * MIN }],
    ];
  return [[date, { wakeBy: from - HOUR, bedAfter: until + 45 * MIN }]];
}

export function base(kind: TruthKind, start: number, date: string, night: boolean, env: DraftEnv) {
  const entry = CATALOGUE[kind];
  return {
    kind,
    expect: entry.expect,
    start,
    date,
    night,
    leadMs: entry.leadMin * MIN,
    device: null as string | null,
    deadline: null as number | null,
    end: null as number | null,
    note: '',
    profile: env.ctx.profileOn(date),
  };
}

/** The resident's wearable is on at `t` (worn that day, not in bed, not silenced). */
export function wornAt(env: DraftEnv, t: number, date: string, night: boolean): Device | undefined {
  const wearable = findDevice(env.ctx.home, 'wearable');
  if (wearable === undefined || env.silenced(wearable.address, t)) return undefined;
  const p = env.ctx.profileOn(date);
  return env.ctx.wearsOn(date) && (!night || p.wornAtNight) ? wearable : undefined;
}

/** What happens after being found: taken to hospital for some days. */
export function hospitalAfter(env: DraftEnv, departAt: number, why: string): Draft {
  const days = env.rng.between(env.hospitalDays[0], env.hospitalDays[1]);
  const back = departAt + Math.round(days * DAY);
  const date = localDateOf(env, departAt);
  return {
    incident: {
      ...strip(base('hospital_stay', departAt, date, false, env)),
      end: back >= env.end ? null : back,
      note: `taken to hospital at ${hhmm(env, departAt)} ${why}; ${back >= env.end ? 'not back within the run' : `back after ${days.toFixed(1)} days`}`,
    },
    busy: [departAt, (back >= env.end ? Number.POSITIVE_INFINITY : back) + GUARD_MS],
    constraints: back >= env.end ? [] : [[localDateOf(env, back), { bedAfter: back + 90 * MIN }]],
    follows: [],
  };
}

export function strip<T extends { profile: ResidentProfile }>(value: T): Omit<T, 'profile'> {
  const { profile: _profile, ...rest } = value;
  return rest;
}

export function found(env: DraftEnv, spec: DraftSpec | undefined): number | null {
  return spec?.foundAfterHours !== undefined ? spec.foundAfterHours : env.foundAfterHours;
}
