/**
 * What Vaka has learned about one resident: the statistics, not the raw events. Every update
 * is O(1); every threshold is O(bins). Starts from population priors (pseudo-counts) so day
 * one is usable, and the person's own data dominates after about two weeks. Serialises to a
 * compact JSON object for persistence (model-store.ts).
 */

import { DailyLongest, type DailyLongestJson } from './daily-longest.js';
import { DayProfile, type DayProfileJson } from './day/day-profile.js';
import {
  addTo,
  emptyHistogram,
  type Histogram,
  packHistogram,
  priorHistogram,
  quantile,
  unpackHistogram,
} from './histogram.js';
import { isMealHabit, type MealHabit, priorMeals } from './meals.js';
import { priorNightSpells } from './night-spell.js';
import { GROUP_INDEX, ROOM_GROUPS, type RoomGroup } from './rooms.js';
import { isRoutine, observe, priorRoutine, type Routine } from './routine.js';

const MIN = 60_000;
/** Silences are learned per room group and 3-hour bucket of the day (00–03, 03–06, …). */
export const SILENCE_BUCKETS = 8;
const SILENCE_PRIOR_WEIGHT = 20;
const DWELL_PRIOR_WEIGHT = 15;
/** A saved state of another version is dropped (relearned) rather than misread. */
export const MODEL_VERSION = 1;

/** The index of a room group and 3-hour bucket in `silence` and `quietDays`. */
export function silenceCell(group: RoomGroup, bucket: number): number {
  return GROUP_INDEX[group] * SILENCE_BUCKETS + bucket;
}

export function bucketOfHour(hour: number): number {
  return Math.floor(hour / 3);
}

/** Night-time 3-hour buckets: 21–24, 00–03, 03–06. */
function isNightBucket(b: number): boolean {
  return b === 0 || b === 1 || b === 7;
}

/** Population priors for the silence between two activity events (median, log sigma). */
function silencePrior(group: RoomGroup, bucket: number): Histogram {
  const night = isNightBucket(bucket);
  const p: Record<RoomGroup, [number, number]> = night
    ? {
        bathroom: [1.5 * MIN, 0.9],
        hall: [1 * MIN, 0.9],
        bedroom: [25 * MIN, 1.0],
        kitchen: [3 * MIN, 1.1],
        living: [6 * MIN, 1.3],
        other: [5 * MIN, 1.2],
      }
    : {
        bathroom: [1.2 * MIN, 0.9],
        hall: [0.8 * MIN, 0.9],
        bedroom: [4 * MIN, 1.3],
        kitchen: [2 * MIN, 1.1],
        living: [4 * MIN, 1.3],
        other: [3 * MIN, 1.2],
      };
  const [median, sigma] = p[group];
  return priorHistogram(median, sigma, SILENCE_PRIOR_WEIGHT);
}

/** Population priors for one stay in a room, day and night. */
function dwellPrior(group: RoomGroup, night: boolean): Histogram {
  const p: Record<RoomGroup, [number, number]> = {
    bathroom: night ? [4 * MIN, 0.6] : [6 * MIN, 0.6],
    hall: [0.7 * MIN, 1.0],
    bedroom: [20 * MIN, 1.2],
    kitchen: [10 * MIN, 1.0],
    living: [30 * MIN, 1.1],
    other: [15 * MIN, 1.2],
  };
  const [median, sigma] = p[group];
  return priorHistogram(median, sigma, DWELL_PRIOR_WEIGHT);
}

/** Outcome counts per rule, and the threshold factor they have led to. */
export interface RuleFeedback {
  falseAlarms: number;
  confirmed: number;
  expected: number;
  /** Multiplies the rule's threshold; 1 at start, widened after false alarms (bounded). */
  factor: number;
}

export const FEEDBACK_BOUNDS = { min: 0.85, max: 2, widen: 1.2, narrow: 0.97 } as const;

export class ResidentModel {
  /** ROOM_GROUPS × SILENCE_BUCKETS histograms of the quiet time after an activity event. */
  readonly silence: Histogram[];
  /** The same cells: each day's longest quiet there (daily-longest.ts). */
  quietDays = new DailyLongest(ROOM_GROUPS.length * SILENCE_BUCKETS);
  /** ROOM_GROUPS × (day, night) histograms of stays in a room. */
  readonly dwell: Histogram[];
  /** Time from a night-time front door event until the next movement indoors. */
  nightReturn: Histogram;
  /** Activity events by (weekday, weekend) × room group × hour. */
  readonly activity: number[];
  /** Getting up (first lasting activity outside the bedroom after 04:00), minutes after midnight. */
  wake: Routine;
  /** Going to bed (start of the first long bedroom silence of the night), minutes after noon. */
  bedtime: Routine;
  /** [MORN-1] Getting up on weekdays and on weekends apart (a weekend lie-in is not a missed morning). */
  wakeOn: [Routine, Routine];
  /** [MEAL-1] Lunch and dinner: usual time and how many days have one (meals.ts). */
  meals: MealHabit[];
  /** [WANDER-1] Lengths of night-time spells out of bed (night-spell.ts). */
  nightSpells: Histogram;
  /** Distinct local days with activity. */
  days = 0;
  lastDay = Number.NaN;
  events = 0;
  feedback: Record<string, RuleFeedback> = {};
  /** Rooms with a movement sensor (PIR, presence): only there does a silence mean stillness. */
  readonly motionRooms = new Set<string>();
  /** Per device: intervals between messages (receive time), for the sensor's own rhythm. */
  readonly sensors = new Map<string, Histogram>();
  /** [SILENT-1] Devices that have sent a battery report or a heartbeat (not only events). */
  readonly periodic = new Set<string>();
  /** Day by day activity for [DAY-1] and [TREND-1] (day/day-profile.ts). */
  dayProfile = new DayProfile();

  constructor() {
    this.silence = [];
    for (const group of ROOM_GROUPS)
      for (let b = 0; b < SILENCE_BUCKETS; b++) this.silence.push(silencePrior(group, b));
    this.dwell = [];
    for (const group of ROOM_GROUPS) {
      this.dwell.push(dwellPrior(group, false));
      this.dwell.push(dwellPrior(group, true));
    }
    this.nightReturn = priorHistogram(3 * MIN, 0.8, 5);
    this.activity = new Array<number>(2 * ROOM_GROUPS.length * 24).fill(0);
    this.wake = priorRoutine(7 * 60 + 30, 60);
    this.bedtime = priorRoutine(10 * 60 + 30, 60);
    this.wakeOn = [priorRoutine(7 * 60 + 30, 60), priorRoutine(7 * 60 + 30, 60)];
    this.meals = priorMeals();
    this.nightSpells = priorNightSpells();
  }

  /**
   * [MORN-1] Getting up on this day type once weekdays and weekends each have `minDays`
   * mornings: the day type's own mean, and all days' spread less what the weekend shift adds to
   * it (by at most 30 %: a few weekend mornings alone would give a spread too narrow to trust).
   * Before that, all days'.
   */
  wakeFor(weekend: boolean, minDays: number): Routine {
    const [weekday, weekendWake] = this.wakeOn;
    if (weekday.days < minDays || weekendWake.days < minDays) return this.wake;
    const own = weekend ? weekendWake : weekday;
    const shift = weekendWake.ownMean - weekday.ownMean;
    const p = 2 / 7;
    const variance = Math.max(this.wake.variance - p * (1 - p) * shift * shift, this.wake.variance * 0.7);
    return { ...own, mean: own.ownMean, variance };
  }

  silenceOf(group: RoomGroup, bucket: number): Histogram {
    return this.silence[silenceCell(group, bucket)] as Histogram;
  }

  dwellOf(group: RoomGroup, night: boolean): Histogram {
    return this.dwell[GROUP_INDEX[group] * 2 + (night ? 1 : 0)] as Histogram;
  }

  noteActivity(group: RoomGroup, hour: number, weekend: boolean, day: number): void {
    this.events += 1;
    const i = ((weekend ? 1 : 0) * ROOM_GROUPS.length + GROUP_INDEX[group]) * 24 + hour;
    this.activity[i] = (this.activity[i] ?? 0) + 1;
    this.dayProfile.add(GROUP_INDEX[group], hour, day, weekend);
    if (day !== this.lastDay) {
      if (!(day < this.lastDay)) this.days += 1;
      this.lastDay = Number.isNaN(this.lastDay) ? day : Math.max(day, this.lastDay);
    }
  }

  /** A silence of `ms` after activity in `group`, begun in `bucket` of local day `day`. */
  addSilence(group: RoomGroup, bucket: number, ms: number, day: number): void {
    addTo(this.silenceOf(group, bucket), ms);
    this.quietDays.note(silenceCell(group, bucket), day, ms);
  }

  addDwell(group: RoomGroup, night: boolean, ms: number): void {
    addTo(this.dwellOf(group, night), ms);
    this.dayProfile.noteStay(GROUP_INDEX[group], ms, night);
  }

  addNightReturn(ms: number): void {
    addTo(this.nightReturn, ms);
  }

  observeWake(minuteOfDay: number, weekend = false): void {
    observe(this.wake, minuteOfDay);
    observe(this.wakeOn[weekend ? 1 : 0], minuteOfDay);
    this.dayProfile.noteWake(minuteOfDay);
  }

  observeBedtime(minutesAfterNoon: number): void {
    observe(this.bedtime, minutesAfterNoon);
  }

  /** The interval histogram of a device, learned from receive times. */
  addSensorInterval(deviceId: string, ms: number): void {
    let h = this.sensors.get(deviceId);
    if (h === undefined) {
      // No prior: a device's rhythm is its own, and the fixed limit covers it until learned.
      h = emptyHistogram();
      this.sensors.set(deviceId, h);
    }
    addTo(h, ms);
  }

  factor(ruleId: string): number {
    return this.feedback[ruleId]?.factor ?? 1;
  }

  /** Staff outcome for an alert of this rule: false alarms widen its threshold, confirmations narrow it a little. */
  applyOutcome(ruleId: string, outcome: 'confirmed' | 'false_alarm' | 'expected'): RuleFeedback {
    const f = this.feedback[ruleId] ?? { falseAlarms: 0, confirmed: 0, expected: 0, factor: 1 };
    this.feedback[ruleId] = f;
    if (outcome === 'false_alarm') {
      f.falseAlarms += 1;
      f.factor = Math.min(FEEDBACK_BOUNDS.max, f.factor * FEEDBACK_BOUNDS.widen);
    } else if (outcome === 'confirmed') {
      f.confirmed += 1;
      f.factor = Math.max(FEEDBACK_BOUNDS.min, f.factor * FEEDBACK_BOUNDS.narrow);
    } else {
      f.expected += 1;
    }
    return f;
  }

  q(h: Histogram, p: number): number {
    return quantile(h, p);
  }

  toJSON(): ModelJson {
    const sensors: Record<string, [number[], number]> = {};
    for (const [id, h] of this.sensors) sensors[id] = packHistogram(h);
    return {
      v: MODEL_VERSION,
      silence: this.silence.map(packHistogram),
      dwell: this.dwell.map(packHistogram),
      nightReturn: packHistogram(this.nightReturn),
      activity: this.activity.map((c) => Math.round(c)),
      wake: this.wake,
      bedtime: this.bedtime,
      wakeOn: this.wakeOn,
      meals: this.meals,
      nightSpells: packHistogram(this.nightSpells),
      days: this.days,
      lastDay: Number.isNaN(this.lastDay) ? null : this.lastDay,
      events: this.events,
      feedback: this.feedback,
      motionRooms: [...this.motionRooms],
      sensors,
      periodic: [...this.periodic],
      day: this.dayProfile.toJSON(),
      quietDays: this.quietDays.toJSON(),
    };
  }

  /** A model from its JSON form; anything unreadable falls back to the priors (relearned). */
  static fromJSON(json: unknown): ResidentModel {
    const m = new ResidentModel();
    if (typeof json !== 'object' || json === null) return m;
    const j = json as Partial<ModelJson>;
    if (j.v !== MODEL_VERSION) return m;
    const restore = (into: Histogram[], from: unknown) => {
      if (!Array.isArray(from) || from.length !== into.length) return;
      from.forEach((packed, i) => {
        const h = unpackHistogram(packed);
        if (h) into[i] = h;
      });
    };
    restore(m.silence, j.silence);
    restore(m.dwell, j.dwell);
    m.nightReturn = unpackHistogram(j.nightReturn) ?? m.nightReturn;
    if (Array.isArray(j.activity) && j.activity.length === m.activity.length) {
      j.activity.forEach((c, i) => {
        m.activity[i] = typeof c === 'number' ? c : 0;
      });
    }
    if (isRoutine(j.wake)) m.wake = { ...j.wake };
    if (isRoutine(j.bedtime)) m.bedtime = { ...j.bedtime };
    // Added after version 1 was first saved: a state without them keeps the priors.
    if (Array.isArray(j.wakeOn) && j.wakeOn.length === 2 && j.wakeOn.every(isRoutine)) {
      m.wakeOn = [{ ...j.wakeOn[0] }, { ...j.wakeOn[1] }];
    }
    if (Array.isArray(j.meals) && j.meals.length === m.meals.length && j.meals.every(isMealHabit)) {
      m.meals = j.meals.map((h) => ({ ...h, time: { ...h.time } }));
    }
    m.nightSpells = unpackHistogram(j.nightSpells) ?? m.nightSpells;
    m.days = typeof j.days === 'number' ? j.days : 0;
    m.lastDay = typeof j.lastDay === 'number' ? j.lastDay : Number.NaN;
    m.events = typeof j.events === 'number' ? j.events : 0;
    if (typeof j.feedback === 'object' && j.feedback !== null) m.feedback = { ...j.feedback };
    if (Array.isArray(j.motionRooms)) for (const r of j.motionRooms) if (typeof r === 'string') m.motionRooms.add(r);
    if (typeof j.sensors === 'object' && j.sensors !== null) {
      for (const [id, packed] of Object.entries(j.sensors)) {
        const h = unpackHistogram(packed);
        if (h) m.sensors.set(id, h);
      }
    }
    if (Array.isArray(j.periodic)) for (const d of j.periodic) if (typeof d === 'string') m.periodic.add(d);
    m.dayProfile = DayProfile.fromJSON(j.day);
    m.quietDays = DailyLongest.fromJSON(j.quietDays, m.silence.length);
    return m;
  }
}

export interface ModelJson {
  v: number;
  silence: [number[], number][];
  dwell: [number[], number][];
  nightReturn: [number[], number];
  activity: number[];
  wake: Routine;
  bedtime: Routine;
  wakeOn?: [Routine, Routine];
  meals?: MealHabit[];
  nightSpells?: [number[], number];
  days: number;
  lastDay: number | null;
  events: number;
  feedback: Record<string, RuleFeedback>;
  motionRooms: string[];
  sensors: Record<string, [number[], number]>;
  periodic?: string[] | undefined;
  day?: DayProfileJson | undefined;
  quietDays?: DailyLongestJson | undefined;
}
