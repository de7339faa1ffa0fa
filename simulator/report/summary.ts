/**
 * A realism summary of a reading stream, for a tester to hold against what the literature and
 * real homes show (events per resident-day, when mornings start, night activity, bathroom
 * visits). Streaming: memory grows with the number of homes, never with the number of readings
 * (first activity times are kept as per-minute histograms).
 */
import type { Home, ScheduledReading } from '../contract.js';
import type { TruthRecord } from '../ground-truth.js';
import type { ReadingSource } from '../source.js';
import { LocalClock, windowsWithin } from './local-clock.js';
import type { RealismSummary } from './summary-schema.js';

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** The morning window in which the first activity of the day is looked for, local time. */
export const MORNING_FROM_MS = 4 * HOUR_MS;
export const MORNING_TO_MS = 12 * HOUR_MS;
/** Night, local time: 00:00 to 06:00. */
export const NIGHT_TO_MS = 6 * HOUR_MS;
/** The profile name for homes that carry none. */
export const NO_PROFILE = 'all';

export interface SummaryOptions {
  homes: readonly Home[];
  /** The ground truth: incident counts, and resident profiles from its `run` record. */
  truth?: readonly TruthRecord[];
  /** Start of simulated time, epoch ms. Default: the first reading. */
  start?: number;
  /** End of simulated time (exclusive), epoch ms. Default: just after the last reading. */
  end?: number | undefined;
}

export interface RealismSummaryBuilder {
  add(reading: ScheduledReading): void;
  result(): RealismSummary;
}

/**
 * Resident activity: what a person does, as opposed to a device's own reports (battery,
 * heartbeat, accelerometer windows a wearable sends whatever its wearer does) and a motion
 * sensor's "clear" that follows activity after a timeout.
 */
export function isActivity(reading: ScheduledReading['reading']): boolean {
  switch (reading.kind) {
    case 'motion':
      return reading.detected;
    case 'power':
      return reading.watts > 0;
    case 'door':
    case 'bed':
    case 'help':
    case 'fall':
      return true;
    default:
      // Chair pads and any kind added later count when they report a state change by a person.
      return 'occupied' in reading;
  }
}

interface HomeState {
  clock: LocalClock;
  profile: string;
  roomKinds: Map<string, string>;
  /** The local day whose first morning activity is already counted. */
  morningDay: number;
  /** Where the last motion was seen: a room kind. */
  lastRoomKind: string | undefined;
}

export function createRealismSummary(options: SummaryOptions): RealismSummaryBuilder {
  const truthProfiles = profilesFromTruth(options.truth ?? []);
  const homes = new Map<string, HomeState>();
  for (const home of options.homes) {
    homes.set(home.id, {
      clock: new LocalClock(home.timeZone),
      profile: profileOf(home) ?? truthProfiles.get(home.id) ?? NO_PROFILE,
      roomKinds: new Map(home.rooms.map((room) => [room.name, room.kind])),
      morningDay: Number.NaN,
      lastRoomKind: undefined,
    });
  }
  const byRoomKind = new Map<string, number>();
  const bySensorKind = new Map<string, number>();
  const byReadingKind = new Map<string, number>();
  /** Per profile, first-activity counts per minute of the morning window. */
  const mornings = new Map<string, number[]>();
  let readings = 0;
  let nightEvents = 0;
  let bathroomVisits = 0;
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;

  function add(reading: ScheduledReading): void {
    readings++;
    first = Math.min(first, reading.at);
    last = Math.max(last, reading.at);
    const home = homes.get(reading.homeId);
    const roomKind = home?.roomKinds.get(reading.device.room) ?? 'unknown';
    bump(byRoomKind, roomKind);
    bump(bySensorKind, reading.device.kind);
    bump(byReadingKind, reading.reading.kind);
    if (home === undefined || !isActivity(reading.reading)) return;
    const local = home.clock.at(reading.at);
    if (local.timeOfDay < NIGHT_TO_MS) nightEvents++;
    if (local.timeOfDay >= MORNING_FROM_MS && local.timeOfDay < MORNING_TO_MS && local.day !== home.morningDay) {
      home.morningDay = local.day;
      let histogram = mornings.get(home.profile);
      if (histogram === undefined) {
        histogram = new Array<number>((MORNING_TO_MS - MORNING_FROM_MS) / MINUTE_MS).fill(0);
        mornings.set(home.profile, histogram);
      }
      const minute = Math.floor((local.timeOfDay - MORNING_FROM_MS) / MINUTE_MS);
      histogram[minute] = (histogram[minute] ?? 0) + 1;
    }
    if (reading.reading.kind === 'motion') {
      if (roomKind === 'bathroom' && home.lastRoomKind !== 'bathroom') bathroomVisits++;
      home.lastRoomKind = roomKind;
    }
  }

  function result(): RealismSummary {
    const start = options.start ?? (readings > 0 ? first : 0);
    const end = options.end ?? (readings > 0 ? last + 1 : start);
    const days = Math.max(0, end - start) / DAY_MS;
    const residentDays = days * homes.size;
    const nightsByZone = new Map<string, number>();
    const profileDays = new Map<string, number>();
    let residentNights = 0;
    for (const home of options.homes) {
      let nights = nightsByZone.get(home.timeZone);
      if (nights === undefined) {
        nights = windowsWithin(start, end, 0, NIGHT_TO_MS, home.timeZone);
        nightsByZone.set(home.timeZone, nights);
      }
      residentNights += nights;
      const profile = homes.get(home.id)?.profile ?? NO_PROFILE;
      profileDays.set(profile, (profileDays.get(profile) ?? 0) + days);
    }
    const perDay = (counts: Map<string, number>) =>
      Object.fromEntries([...counts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, n]) => [k, ratio(n, residentDays)]));
    const profiles = [...profileDays.keys()].sort();
    const all = new Array<number>((MORNING_TO_MS - MORNING_FROM_MS) / MINUTE_MS).fill(0);
    for (const histogram of mornings.values()) {
      for (let i = 0; i < all.length; i++) all[i] = (all[i] ?? 0) + (histogram[i] ?? 0);
    }
    const morningRows = profiles.map((profile) =>
      morningRow(profile, profileDays.get(profile) ?? 0, mornings.get(profile) ?? []),
    );
    if (profiles.length > 1) morningRows.push(morningRow('all', residentDays, all));
    return {
      homes: homes.size,
      start: new Date(start).toISOString(),
      end: new Date(end).toISOString(),
      residentDays: round(residentDays),
      residentNights: round(residentNights),
      messages: readings,
      messagesPerResidentDay: ratio(readings, residentDays),
      perResidentDay: {
        byRoomKind: perDay(byRoomKind),
        bySensorKind: perDay(bySensorKind),
        byReadingKind: perDay(byReadingKind),
      },
      firstMorningActivity: morningRows,
      night: { events: nightEvents, perNight: ratio(nightEvents, residentNights) },
      bathroomVisits: { entries: bathroomVisits, perResidentDay: ratio(bathroomVisits, residentDays) },
      incidents: incidentCounts(options.truth ?? []),
    };
  }

  return { add, result };
}

/** One pass over a source's readings; the source's own start and end set the exposure. */
export function summarizeSource(source: ReadingSource): RealismSummary {
  const summary = createRealismSummary({
    homes: source.homes,
    truth: source.truth(),
    start: source.start,
    end: source.end,
  });
  for (const reading of source.readings()) summary.add(reading);
  return summary.result();
}

function profileOf(home: Home): string | undefined {
  return 'profile' in home && typeof home.profile === 'string' ? home.profile : undefined;
}

function profilesFromTruth(truth: readonly TruthRecord[]): Map<string, string> {
  const profiles = new Map<string, string>();
  for (const record of truth) {
    if (record.type === 'run') for (const h of record.homes) profiles.set(h.homeId, h.profile);
  }
  return profiles;
}

function morningRow(profile: string, residentDays: number, histogram: readonly number[]) {
  const days = histogram.reduce((a, b) => a + b, 0);
  return {
    profile,
    residentDays: round(residentDays),
    days,
    median: quantile(histogram, days, 0.5),
    p25: quantile(histogram, days, 0.25),
    p75: quantile(histogram, days, 0.75),
  };
}

/** The q-quantile of a per-minute histogram as local "HH:MM", or null when it is empty. */
function quantile(histogram: readonly number[], total: number, q: number): string | null {
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(q * total));
  let seen = 0;
  for (let minute = 0; minute < histogram.length; minute++) {
    seen += histogram[minute] ?? 0;
    if (seen >= rank) return clockTime(MORNING_FROM_MS / MINUTE_MS + minute);
  }
  return null;
}

function clockTime(minuteOfDay: number): string {
  const h = Math.floor(minuteOfDay / 60);
  return `${String(h).padStart(2, '0')}:${String(minuteOfDay % 60).padStart(2, '0')}`;
}

function incidentCounts(truth: readonly TruthRecord[]): RealismSummary['incidents'] {
  const byKind: Record<string, number> = {};
  const byExpectation: Record<string, number> = {};
  let total = 0;
  for (const record of truth) {
    if (record.type !== 'incident') continue;
    total++;
    byKind[record.kind] = (byKind[record.kind] ?? 0) + 1;
    byExpectation[record.expect] = (byExpectation[record.expect] ?? 0) + 1;
  }
  return { total, byKind, byExpectation };
}

function bump(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function ratio(count: number, exposure: number): number {
  return exposure > 0 ? round(count / exposure) : 0;
}
