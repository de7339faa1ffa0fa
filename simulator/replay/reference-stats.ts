/**
 * Reference numbers from real homes for the simulator's realism summary: events per day by room
 * kind and sensor kind, the first activity of the morning, night-time events, bathroom visits.
 * Works on plain on-events (a door opening, a mat pressed, a detection, an appliance switched on)
 * on the wall clock, so the simulator can compute the same numbers from its own readings.
 * Definitions are in docs/replay.md; `npx tsx simulator/replay/print-reference-stats.ts` prints them.
 */
import type { ReplayDataset } from './dataset.js';
import { mergeIntervals } from './interval-readings.js';
import type { ReplayMapping } from './mapping.js';
import { DAY_MS, wallMidnight, wallTimeOfDay } from './wall-clock.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
/** The morning window in which the first activity is looked for, local time. */
const MORNING = [5 * HOUR, 12 * HOUR] as const;
/** Night, local time: [00:00, 06:00). */
const NIGHT_END = 6 * HOUR;
/** Bathroom events closer together than this are one visit. */
const VISIT_GAP = 10 * MIN;

/** One sensor going on, on the home's wall clock. */
export interface OnEvent {
  wall: number;
  roomKind: string;
  sensorKind: string;
  /** A bed or couch mat (occupancy signal): mats twitch all night, so the morning's first activity leaves them out. */
  mat: boolean;
}

export interface ReferenceStats {
  /** Whole local days measured: the first and last (partial) days are left out. */
  days: number;
  eventsPerDay: number;
  /** Events per day by room kind and by sensor kind. */
  byRoomKind: Record<string, number>;
  bySensorKind: Record<string, number>;
  /** Median local time (HH:MM) of the first event at or after 05:00 not from the bedroom or a mat; null if no day has one. */
  firstMorningActivity: string | null;
  /** Days that had a morning activity before 12:00. */
  mornings: number;
  /** Events from 00:00 to 06:00 per night: all, and outside the bedroom (up and about, not turning over in bed). */
  nightEventsPerNight: number;
  nightEventsOutsideBedroom: number;
  /** Runs of bathroom events with gaps under 10 min, per day. */
  bathroomVisitsPerDay: number;
}

/** On-events of a mapped dataset: one per merged on-stretch, in time order. */
export function onEvents(dataset: ReplayDataset, mapping: ReplayMapping): OnEvent[] {
  const rooms = new Map(mapping.rooms.map((r) => [r.name, r.kind]));
  return mergeIntervals(dataset.intervals).flatMap((span) => {
    const sensor = mapping.sensors[span.sensor];
    if (sensor === undefined) return [];
    return [
      {
        wall: span.start,
        roomKind: rooms.get(sensor.room) ?? 'other',
        sensorKind: sensor.kind,
        mat: sensor.signal === 'occupancy',
      },
    ];
  });
}

const round = (x: number) => Math.round(x * 10) / 10;

function clock(ms: number): string {
  const minutes = Math.round(ms / MIN);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

function median(values: number[]): number | undefined {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return undefined;
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function perDay(events: readonly OnEvent[], key: (e: OnEvent) => string, days: number): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const event of events) counts[key(event)] = (counts[key(event)] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).map(([k, n]) => [k, round(n / days)]));
}

export function referenceStats(all: readonly OnEvent[]): ReferenceStats {
  const sorted = [...all].sort((a, b) => a.wall - b.wall);
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  const from = first === undefined ? 0 : wallMidnight(first.wall) + DAY_MS;
  const to = last === undefined ? 0 : wallMidnight(last.wall);
  const days = Math.max(0, Math.round((to - from) / DAY_MS));
  const events = sorted.filter((e) => e.wall >= from && e.wall < to);
  const byDay = new Map<number, OnEvent[]>();
  for (const event of events) {
    const day = wallMidnight(event.wall);
    const list = byDay.get(day);
    if (list === undefined) byDay.set(day, [event]);
    else list.push(event);
  }
  const mornings: number[] = [];
  let night = 0;
  let nightOut = 0;
  let visits = 0;
  for (const dayEvents of byDay.values()) {
    const morning = dayEvents.find((e) => {
      const t = wallTimeOfDay(e.wall);
      return t >= MORNING[0] && t < MORNING[1] && e.roomKind !== 'bedroom' && !e.mat;
    });
    if (morning !== undefined) mornings.push(wallTimeOfDay(morning.wall));
    const nightEvents = dayEvents.filter((e) => wallTimeOfDay(e.wall) < NIGHT_END);
    night += nightEvents.length;
    nightOut += nightEvents.filter((e) => e.roomKind !== 'bedroom').length;
    let lastBathroom = Number.NEGATIVE_INFINITY;
    for (const e of dayEvents) {
      if (e.roomKind !== 'bathroom') continue;
      if (e.wall - lastBathroom >= VISIT_GAP) visits++;
      lastBathroom = e.wall;
    }
  }
  const perDayOf = (n: number) => (days === 0 ? 0 : round(n / days));
  const firstMorning = median(mornings);
  return {
    days,
    eventsPerDay: perDayOf(events.length),
    byRoomKind: days === 0 ? {} : perDay(events, (e) => e.roomKind, days),
    bySensorKind: days === 0 ? {} : perDay(events, (e) => e.sensorKind, days),
    firstMorningActivity: firstMorning === undefined ? null : clock(firstMorning),
    mornings: mornings.length,
    nightEventsPerNight: perDayOf(night),
    nightEventsOutsideBedroom: perDayOf(nightOut),
    bathroomVisitsPerDay: perDayOf(visits),
  };
}
