/**
 * A resident's routine for one day and the night after it: the things with a time (meals, toilet
 * visits, carer visits, outings, visitors, a nap, bedtime, night-time toilet trips, a restless
 * spell). Free time between them is filled as the day goes (day.ts). Drawn from the date's own
 * random stream, so the same date always gets the same agenda.
 */
import type { HomeContext } from './home-context.js';
import { addDays, hm } from './local-time.js';
import type { Spread } from './profiles.js';
import { createRng, deriveSeed, type Rng } from './random.js';

const MIN = 60_000;
const HOUR = 60 * MIN;

export type Routine =
  | { type: 'morning' }
  | { type: 'toilet' }
  | { type: 'meal'; meal: 'lunch' | 'dinner' }
  | { type: 'fika' }
  | { type: 'nap'; ms: number }
  | { type: 'outing'; ms: number }
  | { type: 'carer'; ms: number; morning: boolean }
  | { type: 'visitor'; ms: number }
  | { type: 'door_check' }
  | { type: 'bedtime' }
  | { type: 'night_toilet' }
  | { type: 'restless'; ms: number };

export interface AgendaItem {
  /** Unique per home: `<date>/<n>`, so an item never runs twice. */
  id: string;
  at: number;
  routine: Routine;
  /** Skipped if it cannot start within this long after `at`. */
  maxLateMs: number;
  /** At most this long: it is not started if a planned incident is due sooner. */
  spanMs: number;
}

/** The day's routine between getting up at `wake` and going to bed at `bed`, with bedtime itself. */
export function dayAgenda(ctx: HomeContext, date: string, wake: number, bed: number): AgendaItem[] {
  const p = ctx.profileOn(date);
  const r = createRng(deriveSeed(ctx.seed, ctx.home.id, 'day', date));
  const at = (minutes: number) => ctx.calendar.at(date, Math.round(minutes * MIN));
  const from = wake + 45 * MIN;
  const to = bed - 20 * MIN;
  const items: Omit<AgendaItem, 'id'>[] = [];
  const add = (time: number, routine: Routine, spanMs: number, maxLateMs: number) => {
    if (time >= from && time + Math.min(spanMs, HOUR) <= to)
      items.push({ at: Math.round(time), routine, spanMs, maxLateMs });
  };

  for (const visit of p.carerVisits) {
    const time = Math.max(at(draw(r, visit.at)), wake + r.between(5, 15) * MIN);
    const ms = Math.round(Math.max(10, draw(r, visit.minutes)) * MIN);
    const morning = visit.at.mean < hm(10) / MIN;
    if (time + ms <= bed)
      items.push({
        at: Math.round(time),
        routine: { type: 'carer', ms, morning },
        spanMs: ms + 5 * MIN,
        maxLateMs: 2 * HOUR,
      });
  }
  add(at(draw(r, p.lunch)), { type: 'meal', meal: 'lunch' }, 60 * MIN, 90 * MIN);
  add(at(draw(r, p.dinner)), { type: 'meal', meal: 'dinner' }, 80 * MIN, 90 * MIN);
  if (r.chance(p.fikaChance)) add(at(r.normal(15 * 60, 30)), { type: 'fika' }, 45 * MIN, 60 * MIN);
  if (r.chance(p.napChance)) {
    const ms = Math.round(Math.max(15, draw(r, p.napMin)) * MIN);
    add(at(r.normal(14 * 60, 30)), { type: 'nap', ms }, ms + 10 * MIN, 60 * MIN);
  }
  const outings = Math.min(2, r.poisson(p.outingsPerWeek / 7));
  for (let i = 0; i < outings; i++) {
    const ms = Math.round(Math.max(20, draw(r, p.outingMin)) * MIN);
    add(at(r.between(p.outingWindow[0], p.outingWindow[1])), { type: 'outing', ms }, ms + 15 * MIN, 60 * MIN);
  }
  if (r.chance(p.visitorsPerWeek / 7)) {
    const ms = Math.round(Math.max(15, draw(r, p.visitorMin)) * MIN);
    add(at(r.between(10 * 60, 18 * 60)), { type: 'visitor', ms }, ms + 10 * MIN, 60 * MIN);
  }
  if (r.chance(0.3)) add(at(r.between(9 * 60, 17 * 60)), { type: 'door_check' }, 5 * MIN, 30 * MIN);
  for (let i = r.poisson(p.toiletVisitsPerDay); i > 0; i--) {
    add(r.between(from, to), { type: 'toilet' }, 20 * MIN, 45 * MIN);
  }
  items.push({ at: bed, routine: { type: 'bedtime' }, spanMs: 40 * MIN, maxLateMs: Number.POSITIVE_INFINITY });
  return numbered(date, 'd', items);
}

/**
 * The night after `date`: toilet trips and perhaps a restless spell between `bed` and the next
 * wake (or the usual one, if the resident lies in: a missed morning is a lie-in, not a walk).
 */
export function nightAgenda(ctx: HomeContext, date: string, bed: number, nextWake: number): AgendaItem[] {
  const p = ctx.profileOn(date);
  const r = createRng(deriveSeed(ctx.seed, ctx.home.id, 'night', date));
  const items: Omit<AgendaItem, 'id'>[] = [];
  const from = bed + 30 * MIN;
  const to = Math.min(nextWake, ctx.schedule.usualWake(addDays(date, 1))) - 20 * MIN;
  if (to > from) {
    for (let i = r.poisson(p.nocturiaPerNight); i > 0; i--) {
      items.push({
        at: Math.round(r.between(from, to)),
        routine: { type: 'night_toilet' },
        spanMs: 20 * MIN,
        maxLateMs: HOUR,
      });
    }
    if (r.chance(p.restlessNightChance) && to - from > 2 * HOUR) {
      const ms = Math.round(Math.max(5, draw(r, p.restlessMin)) * MIN);
      items.push({
        at: Math.round(r.between(from + HOUR, to - HOUR)),
        routine: { type: 'restless', ms },
        spanMs: ms + 10 * MIN,
        maxLateMs: HOUR,
      });
    }
  }
  return numbered(date, 'n', items);
}

function numbered(date: string, part: string, items: Omit<AgendaItem, 'id'>[]): AgendaItem[] {
  return items.map((item, i) => ({ ...item, id: `${date}/${part}${i}` })).sort((a, b) => a.at - b.at);
}

function draw(r: Rng, spread: Spread): number {
  return r.normal(spread.mean, spread.sd);
}
