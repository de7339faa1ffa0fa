/**
 * A resident's life, day after day: up at the day's wake time, the day's agenda (agenda.ts)
 * with free time between its items, bed at the day's bedtime, the night's trips, and the
 * planned incidents (incident-episodes.ts) at their exact times. Step by step, so a home's
 * readings can be generated lazily: each step is one episode, and everything before the
 * resident's clock is final once it returns.
 */
import type { ActivitySink } from './activity.js';
import { type AgendaItem, dayAgenda, nightAgenda, type Routine } from './agenda.js';
import * as episodes from './episodes.js';
import type { HomeContext } from './home-context.js';
import { actionTime, type IncidentScene, runIncident } from './incident-episodes.js';
import type { Places } from './layouts.js';
import { addDays, DAY_MS, localDate } from './local-time.js';
import { Body, type House, Mover } from './movers.js';
import type { HomePlan, PlannedIncident } from './plan.js';
import type { ResidentProfile } from './profiles.js';
import { createRng, deriveSeed, type Rng } from './random.js';

const SEC = 1000;

type Entry =
  | { type: 'routine'; startAt: number; item: AgendaItem }
  | { type: 'incident'; startAt: number; incident: PlannedIncident };

export class Life implements IncidentScene {
  readonly body: Body;
  readonly rng: Rng;
  readonly places: Places;
  readonly rooms: readonly string[];
  resting = false;
  private readonly house: House = { bathroomDoorClosed: false };
  private readonly done = new Set<string>();
  private readonly kitchenFree: readonly (readonly [number, number])[];
  private present: Mover[] = [];
  private nextGuest = 1;
  private queue: Entry[] = [];
  private horizon = Number.NEGATIVE_INFINITY;
  private date: string;
  private state: 'living' | 'down' | 'gone' = 'living';

  constructor(
    private readonly ctx: HomeContext,
    private readonly plan: HomePlan,
    sink: ActivitySink,
  ) {
    this.rng = createRng(deriveSeed(ctx.seed, ctx.home.id, 'activity'));
    this.places = ctx.places;
    this.rooms = ctx.home.rooms.map((r) => r.name);
    this.kitchenFree = plan.incidents
      .filter((i) => i.kitchenFreeFrom !== undefined)
      .map((i) => [i.kitchenFreeFrom as number, i.end ?? Number.POSITIVE_INFINITY] as const);
    const { phase, date } = this.phaseAt(ctx.start);
    this.date = date;
    const p = ctx.profileOn(date);
    const night = phase === 'night';
    this.body = new Body(
      sink,
      this.places,
      this.house,
      this.rng,
      p.slowness,
      ctx.start,
      night ? this.places.bed : this.places.chair,
      p.closesBathroomDoor,
    );
    if (night) {
      this.body.inBed = true;
      this.body.posture = 'asleep';
      this.resting = true;
    } else if (ctx.wearsOn(date)) this.body.wear(true);
  }

  /** The resident's clock: everything before it has been said. */
  get t(): number {
    return this.body.t;
  }

  get profile(): ResidentProfile {
    return this.ctx.profileOn(this.date);
  }

  get wearsToday(): boolean {
    return this.ctx.wearsOn(this.date);
  }

  get guests(): readonly Mover[] {
    return this.present.filter((g) => g.room !== undefined);
  }

  guest(): Mover {
    const guest = new Mover(
      this.nextGuest++,
      this.body.sink,
      this.places,
      this.house,
      this.rng,
      1,
      this.body.t,
      undefined,
    );
    this.present.push(guest);
    return guest;
  }

  kitchenAllowed(at: number): boolean {
    return !this.kitchenFree.some(([from, to]) => at >= from && at < to);
  }

  /** Minutes since the midnight that began the resident's day (past 1440 after midnight). */
  minuteOfDay(at: number): number {
    return (at - this.ctx.calendar.midnight(this.date)) / 60_000;
  }

  finish(state: 'down' | 'gone'): void {
    this.state = state;
  }

  /** Lives one episode: a routine item, an incident, or free time until the next. */
  step(): void {
    if (this.state !== 'living') {
      this.idle();
      return;
    }
    if (this.t >= this.horizon) this.replan();
    const next = this.queue[0];
    const hard = this.queue.find((e) => e.type === 'incident');
    const limit = Math.min(next?.startAt ?? this.horizon, this.horizon);
    if (next === undefined || this.t < limit) {
      this.fill(Math.max(limit, this.t + SEC));
      return;
    }
    this.queue.shift();
    if (next.type === 'incident') {
      this.done.add(next.incident.id);
      runIncident(this, next.incident);
      this.queue = [];
      this.horizon = Number.NEGATIVE_INFINITY;
    } else if (!this.done.has(next.item.id)) {
      this.done.add(next.item.id);
      const { item } = next;
      const late = this.t - item.at > item.maxLateMs;
      const clash = hard !== undefined && this.t + item.spanMs > hard.startAt;
      // Nobody comes while the resident is missing (the scenario says when someone finds them).
      const home = this.body.room !== undefined;
      if (!late && !clash && home && this.allowed(item.routine)) this.run(item.routine);
    }
    this.syncGuests();
  }

  private run(routine: Routine): void {
    switch (routine.type) {
      case 'morning':
        this.resting = false;
        episodes.morning(this, this.rng.chance(this.profile.showersPerWeek / 7));
        return;
      case 'toilet':
        episodes.toilet(this);
        return;
      case 'meal':
        episodes.meal(this, routine.meal);
        return;
      case 'fika':
        episodes.fika(this);
        return;
      case 'nap':
        episodes.nap(this, routine.ms);
        return;
      case 'outing':
        episodes.outing(this, routine.ms);
        return;
      case 'carer':
        episodes.carerVisit(this, routine.ms, routine.morning);
        return;
      case 'visitor':
        episodes.visit(this, routine.ms);
        return;
      case 'door_check':
        episodes.doorCheck(this);
        return;
      case 'bedtime':
        episodes.bedtime(this);
        this.resting = true;
        return;
      case 'night_toilet':
        episodes.nightToilet(this);
        return;
      case 'restless':
        episodes.wander(this, routine.ms);
        return;
    }
  }

  /** A routine that needs the kitchen does not happen while a missed meal keeps the resident out of it. */
  private allowed(routine: Routine): boolean {
    if (routine.type !== 'meal' && routine.type !== 'fika') return true;
    return this.kitchenAllowed(this.t);
  }

  /** Until `until`: asleep in bed at night, free time by day, nothing while out. */
  private fill(until: number): void {
    const b = this.body;
    if (b.room === undefined) b.t = Math.max(b.t, until);
    else if (this.resting) b.lieInBed(until);
    else episodes.freeTime(this, until);
    this.syncGuests();
  }

  private idle(): void {
    if (this.state === 'down') this.body.stay(DAY_MS, 'still');
    else this.body.t += DAY_MS;
  }

  /** Guests still in the home stay put until the resident's clock. */
  private syncGuests(): void {
    this.present = this.present.filter((g) => g.room !== undefined);
    for (const guest of this.present) guest.stayUntil(this.body.t);
  }

  /** The agenda from now until the next wake: the rest of the day, bedtime, the night, and incidents. */
  private replan(): void {
    const t = this.t;
    const { phase, date } = this.phaseAt(t);
    this.date = date;
    const s = this.ctx.schedule;
    const tomorrow = addDays(date, 1);
    const nextWake = s.wake(tomorrow);
    const items: AgendaItem[] = [];
    if (phase === 'day') {
      if (this.body.inBed)
        items.push({
          id: `${date}/wake`,
          at: t,
          routine: { type: 'morning' },
          maxLateMs: Number.POSITIVE_INFINITY,
          spanMs: 0,
        });
      items.push(...dayAgenda(this.ctx, date, s.wake(date), s.bedtime(date)));
    } else if (!this.resting && this.body.room !== undefined) {
      items.push({
        id: `${date}/late-bed`,
        at: t,
        routine: { type: 'bedtime' },
        maxLateMs: Number.POSITIVE_INFINITY,
        spanMs: 0,
      });
    }
    items.push(...nightAgenda(this.ctx, date, s.bedtime(date), nextWake));
    const entries: Entry[] = items
      .filter((item) => !this.done.has(item.id) && t - item.at <= item.maxLateMs)
      .map((item) => ({ type: 'routine', startAt: item.at, item }));
    for (const incident of this.plan.incidents) {
      const at = actionTime(incident);
      if (at === undefined || this.done.has(incident.id)) continue;
      const startAt = at - incident.leadMs;
      // A step never runs past the next incident's lead, so none is missed; a minute's slack for rounding.
      if (at >= t - 60 * SEC && startAt < nextWake) entries.push({ type: 'incident', startAt, incident });
    }
    entries.sort((a, b) => a.startAt - b.startAt || (a.type === 'incident' ? -1 : 1));
    this.queue = entries;
    this.horizon = nextWake;
  }

  /** Whether `t` falls in a day (awake) or a night, and the date of that day. */
  private phaseAt(t: number): { phase: 'day' | 'night'; date: string } {
    const s = this.ctx.schedule;
    const today = localDate(t, this.ctx.home.timeZone);
    const yesterday = addDays(today, -1);
    if (t < s.wake(today)) return { phase: t < s.bedtime(yesterday) ? 'day' : 'night', date: yesterday };
    return { phase: t < s.bedtime(today) ? 'day' : 'night', date: today };
  }
}
