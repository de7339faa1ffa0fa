/**
 * One resident's days: for each local day, activity events by room group × hour, the
 * getting-up time, bathroom stays (and how many at night). The current day is updated in
 * O(1) per event; finished days go to a bounded history (HISTORY_DAYS) that DAY-1 and TREND-1
 * judge new days against. Saved inside the resident's model JSON (resident-model.ts).
 */
import { GROUP_INDEX, ROOM_GROUPS } from '../rooms.js';

/** Finished days kept: six weeks, enough for a 7-vs-21-day trend and a per-weekday norm. */
export const HISTORY_DAYS = 42;
export const HOURS = 24;
export const CELLS = ROOM_GROUPS.length * HOURS;
/** Insights kept per resident (newest last). */
export const INSIGHTS_KEPT = 30;
const BATHROOM = GROUP_INDEX.bathroom;

export interface DayRecord {
  /** Local day number (days since 1970-01-01, local time). */
  day: number;
  weekend: boolean;
  /** Activity events, room group (ROOM_GROUPS order) × local hour. */
  counts: number[];
  /** Getting up, local minute of the day (resident-state.ts), or null when not seen. */
  wakeMin: number | null;
  /** Minutes of stays (until activity elsewhere) that ended this day, by room group. */
  stayMin: number[];
  bathStays: number;
  /** Total minutes of bathroom stays that ended this day. */
  bathMin: number;
  /** Bathroom stays begun at night (the person's own night). */
  nightBath: number;
  /** Minutes out of the home (front door closed behind them), in a home with a front door sensor. */
  outMin: number;
  /** Away or in hospital for part of the day (registered context): not the person's normal. */
  excluded: boolean;
}

export interface Insight {
  ruleId: 'DAY-1' | 'TREND-1';
  kind: 'unusual_day' | 'decline';
  residentId: string;
  /** When it was found (the tick's time), ms since the epoch. */
  at: number;
  /** The local date it is about (DAY-1) or the last day of the window (TREND-1), YYYY-MM-DD. */
  date: string;
  /** For TREND-1: the measures that moved, comma-separated (activity, night_bathroom, wake, bathroom_time). */
  measure?: string | undefined;
  /** How far outside the norm: DAY-1 the day score, TREND-1 the rank test's z. */
  score: number;
  reason: string;
}

export function emptyDay(day: number, weekend: boolean): DayRecord {
  return {
    day,
    weekend,
    counts: new Array<number>(CELLS).fill(0),
    wakeMin: null,
    stayMin: new Array<number>(ROOM_GROUPS.length).fill(0),
    bathStays: 0,
    bathMin: 0,
    nightBath: 0,
    outMin: 0,
    excluded: false,
  };
}

/** YYYY-MM-DD of a local day number. */
export function dateOfDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

export function totalOf(d: DayRecord): number {
  let n = 0;
  for (const c of d.counts) n += c;
  return n;
}

export class DayProfile {
  current: DayRecord | undefined;
  /** Finished days with activity, oldest first, at most HISTORY_DAYS. */
  history: DayRecord[] = [];
  insights: Insight[] = [];
  /** Last day judged by DAY-1 / TREND-1 (so a day is judged once). */
  judgedDay = Number.NaN;
  /** Per TREND-1 finding (decline, bathroom_time): the day of its last insight (one per fortnight). */
  trendNoted: Record<string, number> = {};

  /** One activity event at a local hour of a local day. */
  add(groupIndex: number, hour: number, day: number, weekend: boolean): void {
    const d = this.dayFor(day, weekend);
    if (d === undefined) return;
    const i = groupIndex * HOURS + hour;
    d.counts[i] = (d.counts[i] ?? 0) + 1;
  }

  noteWake(minuteOfDay: number): void {
    if (this.current !== undefined && this.current.wakeMin === null) this.current.wakeMin = minuteOfDay;
  }

  /** A stay in a room (ended by activity elsewhere); group index in ROOM_GROUPS order. */
  noteStay(groupIndex: number, ms: number, night: boolean): void {
    const d = this.current;
    if (d === undefined) return;
    d.stayMin[groupIndex] = (d.stayMin[groupIndex] ?? 0) + ms / 60_000;
    if (groupIndex !== BATHROOM) return;
    d.bathStays += 1;
    d.bathMin += ms / 60_000;
    if (night) d.nightBath += 1;
  }

  /** Time out of the home, counted tick by tick. */
  noteOut(ms: number): void {
    if (this.current !== undefined) this.current.outMin += ms / 60_000;
  }

  /** Marks the current day as not the person's normal (away, hospital). */
  exclude(): void {
    if (this.current !== undefined) this.current.excluded = true;
  }

  /** Finishes the current day once the local day has moved past it; returns the finished day. */
  rollTo(day: number): DayRecord | undefined {
    const d = this.current;
    if (d === undefined || day <= d.day) return undefined;
    this.current = undefined;
    this.history.push(d);
    if (this.history.length > HISTORY_DAYS) this.history.shift();
    return d;
  }

  note(insight: Insight): void {
    this.insights.push(insight);
    if (this.insights.length > INSIGHTS_KEPT) this.insights.shift();
  }

  private dayFor(day: number, weekend: boolean): DayRecord | undefined {
    const d = this.current;
    if (d !== undefined && day === d.day) return d;
    if (d !== undefined && day < d.day) return undefined;
    this.rollTo(day);
    this.current = emptyDay(day, weekend);
    return this.current;
  }

  toJSON(): DayProfileJson {
    return {
      current: this.current ?? null,
      history: this.history,
      insights: this.insights,
      judgedDay: Number.isNaN(this.judgedDay) ? null : this.judgedDay,
      trendNoted: this.trendNoted,
    };
  }

  /** A profile from its JSON form; anything unreadable is dropped (relearned). */
  static fromJSON(json: unknown): DayProfile {
    const p = new DayProfile();
    if (typeof json !== 'object' || json === null) return p;
    const j = json as Partial<DayProfileJson>;
    if (isDay(j.current)) p.current = withDefaults(j.current);
    if (Array.isArray(j.history)) p.history = j.history.filter(isDay).map(withDefaults).slice(-HISTORY_DAYS);
    if (Array.isArray(j.insights)) p.insights = j.insights.filter(isInsight).slice(-INSIGHTS_KEPT);
    if (typeof j.judgedDay === 'number') p.judgedDay = j.judgedDay;
    if (typeof j.trendNoted === 'object' && j.trendNoted !== null) {
      for (const [k, v] of Object.entries(j.trendNoted)) if (typeof v === 'number') p.trendNoted[k] = v;
    }
    return p;
  }
}

export interface DayProfileJson {
  current: DayRecord | null;
  history: DayRecord[];
  insights: Insight[];
  judgedDay: number | null;
  trendNoted: Record<string, number>;
}

/** Fields added after a day may have been saved. */
function withDefaults(d: DayRecord): DayRecord {
  return { ...d, outMin: typeof d.outMin === 'number' ? d.outMin : 0 };
}

function isDay(x: unknown): x is DayRecord {
  if (typeof x !== 'object' || x === null) return false;
  const d = x as DayRecord;
  return (
    typeof d.day === 'number' &&
    typeof d.weekend === 'boolean' &&
    Array.isArray(d.counts) &&
    d.counts.length === CELLS &&
    d.counts.every((c) => typeof c === 'number') &&
    (d.wakeMin === null || typeof d.wakeMin === 'number') &&
    Array.isArray(d.stayMin) &&
    d.stayMin.length === ROOM_GROUPS.length &&
    typeof d.bathStays === 'number' &&
    typeof d.bathMin === 'number' &&
    typeof d.nightBath === 'number' &&
    typeof d.excluded === 'boolean'
  );
}

function isInsight(x: unknown): x is Insight {
  if (typeof x !== 'object' || x === null) return false;
  const i = x as Insight;
  return (
    (i.ruleId === 'DAY-1' || i.ruleId === 'TREND-1') &&
    typeof i.residentId === 'string' &&
    typeof i.at === 'number' &&
    typeof i.date === 'string' &&
    typeof i.score === 'number' &&
    typeof i.reason === 'string'
  );
}
