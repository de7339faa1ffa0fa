/**
 * When a resident gets up and goes to bed, day by day: the profile's times, later at weekends,
 * with a slow drift (an AR(1) process, so a late week stays late for a while) and daily noise.
 * Deterministic per date, so any part of the simulator can ask about any day in any order.
 * Planned incidents may pin a day's times (constraints): a missed morning sets the wake, a
 * night incident needs the resident in bed before it.
 */
import { addDays, DAY_MS, type LocalCalendar, weekdayOf } from './local-time.js';
import type { ResidentProfile } from './profiles.js';
import { createRng, deriveSeed } from './random.js';

const MIN_MS = 60_000;
/** A day is at least this long awake, and a night at least this long in bed, whatever the noise. */
const MIN_AWAKE_MS = 11 * 60 * MIN_MS;
const MIN_NIGHT_MS = 6 * 60 * MIN_MS;

/** Times pinned for one date by planned incidents, epoch ms. */
export interface DayConstraints {
  /** Get up at exactly this time (a missed morning). */
  wakeAt?: number;
  /** Be up by then (a day-time incident, a morning carer visit). */
  wakeBy?: number;
  /** Stay in bed until then (a night incident). */
  wakeAfter?: number;
  /** Be in bed by then (a night incident). */
  bedBy?: number;
  /** Stay up until then (an evening incident). */
  bedAfter?: number;
}

export class SleepSchedule {
  private readonly drift: number[] = [];
  private readonly constraints = new Map<string, DayConstraints>();
  private readonly wakes = new Map<string, number>();
  private readonly beds = new Map<string, number>();

  constructor(
    private readonly profileOn: (date: string) => ResidentProfile,
    private readonly seed: number,
    private readonly homeId: string,
    private readonly calendar: LocalCalendar,
    /** The first date of the run: the drift starts there. */
    private readonly firstDate: string,
  ) {}

  /** Drops cached times, after the profile changed (a decline was planned). */
  forget(): void {
    this.wakes.clear();
    this.beds.clear();
  }

  /** Adds a constraint for `date`; the strictest wins. */
  constrain(date: string, c: DayConstraints): void {
    this.forget();
    const old = this.constraints.get(date) ?? {};
    const min = (a?: number, b?: number) => (a === undefined ? b : b === undefined ? a : Math.min(a, b));
    const max = (a?: number, b?: number) => (a === undefined ? b : b === undefined ? a : Math.max(a, b));
    this.constraints.set(date, {
      ...(max(old.wakeAt, c.wakeAt) === undefined ? {} : { wakeAt: max(old.wakeAt, c.wakeAt) }),
      ...(min(old.wakeBy, c.wakeBy) === undefined ? {} : { wakeBy: min(old.wakeBy, c.wakeBy) }),
      ...(max(old.wakeAfter, c.wakeAfter) === undefined ? {} : { wakeAfter: max(old.wakeAfter, c.wakeAfter) }),
      ...(min(old.bedBy, c.bedBy) === undefined ? {} : { bedBy: min(old.bedBy, c.bedBy) }),
      ...(max(old.bedAfter, c.bedAfter) === undefined ? {} : { bedAfter: max(old.bedAfter, c.bedAfter) }),
    });
  }

  /** When the resident gets up on `date`, epoch ms. */
  wake(date: string): number {
    let wake = this.wakes.get(date);
    if (wake !== undefined) return wake;
    const c = this.constraints.get(date) ?? {};
    if (c.wakeAt !== undefined) wake = c.wakeAt;
    else {
      const previous = addDays(date, -1);
      const lastNight = previous < this.firstDate ? this.naturalBedtime(previous) : this.bedtime(previous);
      // Never before last night's bedtime plus a night's rest.
      wake = Math.max(this.naturalWake(date), lastNight + MIN_NIGHT_MS);
      if (c.wakeAfter !== undefined) wake = Math.max(wake, c.wakeAfter);
      if (c.wakeBy !== undefined) wake = Math.min(wake, c.wakeBy);
      wake = Math.max(wake, lastNight + 30 * MIN_MS);
    }
    this.wakes.set(date, wake);
    return wake;
  }

  /** When the resident goes to bed in the evening of `date` (perhaps after midnight), epoch ms. */
  bedtime(date: string): number {
    const cached = this.beds.get(date);
    if (cached !== undefined) return cached;
    const c = this.constraints.get(date) ?? {};
    let bed = Math.max(this.naturalBedtime(date), this.wake(date) + MIN_AWAKE_MS);
    if (c.bedAfter !== undefined) bed = Math.max(bed, c.bedAfter);
    if (c.bedBy !== undefined) bed = Math.min(bed, c.bedBy);
    const next = this.constraints.get(addDays(date, 1));
    if (next?.wakeAt !== undefined) bed = Math.min(bed, next.wakeAt - MIN_NIGHT_MS);
    bed = Math.max(bed, this.wake(date) + 60 * MIN_MS);
    this.beds.set(date, bed);
    return bed;
  }

  /** The usual wake time for `date` (the profile's, weekend shift included), epoch ms: what "late" is measured from. */
  usualWake(date: string): number {
    const p = this.profileOn(date);
    return this.calendar.at(date, (p.wake.mean + (isWeekend(date) ? p.weekendShiftMin : 0)) * MIN_MS);
  }

  private naturalWake(date: string): number {
    const p = this.profileOn(date);
    const r = createRng(deriveSeed(this.seed, this.homeId, 'wake', date));
    const shift = isWeekend(date) ? p.weekendShiftMin : 0;
    const noise = clamp(r.normal(0, p.wake.sd), 2.5 * p.wake.sd);
    return this.calendar.at(date, Math.round((p.wake.mean + shift + this.driftOn(date) + noise) * MIN_MS));
  }

  private naturalBedtime(date: string): number {
    const p = this.profileOn(date);
    const r = createRng(deriveSeed(this.seed, this.homeId, 'bed', date));
    const day = weekdayOf(date);
    const shift = day === 5 || day === 6 ? p.weekendShiftMin : 0;
    const noise = clamp(r.normal(0, p.bedtime.sd), 2.5 * p.bedtime.sd);
    return this.calendar.at(date, Math.round((p.bedtime.mean + shift + 0.5 * this.driftOn(date) + noise) * MIN_MS));
  }

  /** The slow drift on `date`, minutes; zero before the run. */
  private driftOn(date: string): number {
    const index = Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${this.firstDate}T00:00:00Z`)) / DAY_MS);
    if (index < 0) return 0;
    while (this.drift.length <= index) {
      const i = this.drift.length;
      const d = addDays(this.firstDate, i);
      const p = this.profileOn(d);
      const previous = this.drift[i - 1] ?? 0;
      this.drift.push(
        p.driftPersistence * previous +
          createRng(deriveSeed(this.seed, this.homeId, 'drift', d)).normal(0, p.driftSdMin),
      );
    }
    return this.drift[index] ?? 0;
  }
}

export function isWeekend(date: string): boolean {
  const day = weekdayOf(date);
  return day === 0 || day === 6;
}

function clamp(value: number, limit: number): number {
  return Math.max(-limit, Math.min(limit, value));
}
