/**
 * `simulate summary --reference`: a cohort measured exactly as docs/replay.md measures the van
 * Kasteren and MIT homes (referenceStats), so the two sets of numbers compare like with like.
 * The realism summary counts every message (motion clears, battery reports and heartbeats
 * included); this counts on-events only: a device going from off to on (a detection after a
 * clear, a door opening, a mat pressed, an appliance switched on). One home at a time, then the
 * mean over a profile's homes (the median of their medians for the first morning activity).
 */
import type { Home, Reading, ScheduledReading } from './contract.js';
import { type OnEvent, type ReferenceStats, referenceStats } from './replay/index.js';
import { toWall } from './replay/wall-clock.js';
import { table } from './report/table.js';

export interface ReferenceRow {
  profile: string;
  homes: number;
  /** Whole days per home (the first and last are left out, as for the datasets). */
  days: number;
  eventsPerDay: number;
  byRoomKind: Record<string, number>;
  bySensorKind: Record<string, number>;
  firstMorningActivity: string | null;
  nightEventsPerNight: number;
  nightEventsOutsideBedroom: number;
  bathroomVisitsPerDay: number;
}

export interface ReferenceBuilder {
  add(reading: ScheduledReading): void;
  result(): ReferenceRow[];
}

interface HomeEvents {
  home: Home;
  rooms: Map<string, string>;
  /** Whether each device is on now, by address. */
  on: Map<string, boolean>;
  events: OnEvent[];
}

/** Whether a reading says the device is on; undefined for readings with no on/off (battery, accel, alarms). */
function onState(reading: Reading): boolean | undefined {
  switch (reading.kind) {
    case 'motion':
      return reading.detected;
    case 'door':
      return reading.open;
    case 'bed':
    case 'chair':
      return reading.occupied;
    case 'power':
      return reading.watts > 0;
    default:
      return undefined;
  }
}

export function createReferenceStats(homes: readonly Home[]): ReferenceBuilder {
  const byId = new Map<string, HomeEvents>(
    homes.map((home) => [
      home.id,
      { home, rooms: new Map(home.rooms.map((r) => [r.name, r.kind])), on: new Map(), events: [] },
    ]),
  );
  return {
    add(reading) {
      const state = byId.get(reading.homeId);
      const on = onState(reading.reading);
      if (state === undefined || on === undefined) return;
      const address = reading.device.address;
      const was = state.on.get(address) ?? false;
      state.on.set(address, on);
      if (!on || was) return;
      state.events.push({
        wall: toWall(reading.at, state.home.timeZone),
        roomKind: state.rooms.get(reading.device.room) ?? 'other',
        sensorKind: reading.device.kind,
        mat: reading.device.kind === 'bed' || reading.device.kind === 'chair',
      });
    },
    result() {
      const byProfile = new Map<string, ReferenceStats[]>();
      for (const { home, events } of byId.values()) {
        const profile = home.profile ?? 'all';
        const list = byProfile.get(profile) ?? [];
        list.push(referenceStats(events));
        byProfile.set(profile, list);
      }
      const rows = [...byProfile.keys()].sort().map((profile) => rowOf(profile, byProfile.get(profile) ?? []));
      if (byProfile.size > 1) rows.push(rowOf('all', [...byProfile.values()].flat()));
      return rows;
    },
  };
}

const round = (x: number) => Math.round(x * 10) / 10;
const mean = (xs: readonly number[]) => (xs.length === 0 ? 0 : round(xs.reduce((a, b) => a + b, 0) / xs.length));

function rowOf(profile: string, stats: readonly ReferenceStats[]): ReferenceRow {
  const perKind = (of: (s: ReferenceStats) => Record<string, number>) => {
    const kinds = [...new Set(stats.flatMap((s) => Object.keys(of(s))))].sort();
    return Object.fromEntries(kinds.map((k) => [k, mean(stats.map((s) => of(s)[k] ?? 0))]));
  };
  const mornings = stats
    .map((s) => s.firstMorningActivity)
    .filter((t): t is string => t !== null)
    .sort();
  return {
    profile,
    homes: stats.length,
    days: mean(stats.map((s) => s.days)),
    eventsPerDay: mean(stats.map((s) => s.eventsPerDay)),
    byRoomKind: perKind((s) => s.byRoomKind),
    bySensorKind: perKind((s) => s.bySensorKind),
    firstMorningActivity: mornings[Math.floor((mornings.length - 1) / 2)] ?? null,
    nightEventsPerNight: mean(stats.map((s) => s.nightEventsPerNight)),
    nightEventsOutsideBedroom: mean(stats.map((s) => s.nightEventsOutsideBedroom)),
    bathroomVisitsPerDay: mean(stats.map((s) => s.bathroomVisitsPerDay)),
  };
}

/** The columns of docs/replay.md's tables, so the two read side by side. */
const ROOM_KINDS = ['bedroom', 'bathroom', 'kitchen', 'living_room', 'hall', 'entrance', 'other'];
const SENSOR_KINDS = ['door', 'motion', 'bed', 'chair', 'power_plug'];

export function formatReferenceStats(rows: readonly ReferenceRow[]): string {
  const cell = (x: number | undefined) => (x === undefined ? '–' : String(x));
  return [
    'As docs/replay.md measures the van Kasteren homes (on-events only; mean per home, first morning activity 05:00–12:00',
    'outside the bedroom and off the mats: median of the homes’ medians)',
    ...table(
      [
        'profile',
        'homes',
        'days',
        'events/day',
        'first morning',
        'night 00–06 all / outside bedroom',
        'bathroom visits/day',
      ],
      rows.map((r) => [
        r.profile,
        r.homes,
        r.days,
        r.eventsPerDay,
        r.firstMorningActivity ?? '–',
        `${r.nightEventsPerNight} / ${r.nightEventsOutsideBedroom}`,
        r.bathroomVisitsPerDay,
      ]),
    ),
    '',
    'On-events per day by room kind',
    ...table(
      ['profile', ...ROOM_KINDS],
      rows.map((r) => [r.profile, ...ROOM_KINDS.map((k) => cell(r.byRoomKind[k]))]),
    ),
    '',
    'On-events per day by sensor kind',
    ...table(
      ['profile', ...SENSOR_KINDS],
      rows.map((r) => [r.profile, ...SENSOR_KINDS.map((k) => cell(r.bySensorKind[k]))]),
    ),
  ].join('\n');
}
