/** Resident profiles differ the way people do, and routines vary from day to day. */
import { describe, expect, it } from 'vitest';
import { createCohort, type ProfileName, type ScheduledReading } from '../../simulator/index.js';
import { byHome, isDetection, localDay, localHour } from './helpers.js';

const PROFILES: readonly ProfileName[] = [
  'early_riser',
  'night_owl',
  'frail_seated',
  'dementia_restless',
  'active_outgoing',
];
const DAYS = 28;
const cohort = createCohort({
  seed: 21,
  start: '2025-03-03',
  days: DAYS,
  format: 'z2m',
  residents: PROFILES.map((profile) => ({ profile })),
  noise: { lossRate: 0, dropoutRate: 0 },
});
const homes = byHome(cohort.readings());
const lives = (profile: ProfileName) => homes.get(`sim${PROFILES.indexOf(profile) + 1}`) ?? [];

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const sd = (xs: number[]) => Math.sqrt(mean(xs.map((x) => (x - mean(xs)) ** 2)));
const perDay = (readings: ScheduledReading[], count: (r: ScheduledReading) => boolean) =>
  readings.filter(count).length / DAYS;
const weekend = (day: string) => [0, 6].includes(new Date(`${day}T12:00:00Z`).getUTCDay());

/** The first kitchen activity after 04:00 each day (breakfast), as local hours, by date. */
function breakfasts(profile: ProfileName): Map<string, number> {
  const first = new Map<string, number>();
  for (const r of lives(profile)) {
    const hour = localHour(r.at);
    const day = localDay(r.at);
    if (hour >= 4 && isDetection(r) && r.device.room.startsWith('Kitchen') && !first.has(day)) first.set(day, hour);
  }
  return first;
}

/** Hours the armchair pad is occupied, per day. */
function chairHours(profile: ProfileName): number {
  let since: number | undefined;
  let total = 0;
  for (const r of lives(profile)) {
    if (r.reading.kind !== 'chair') continue;
    if (r.reading.occupied) since ??= r.at;
    else if (since !== undefined) {
      total += r.at - since;
      since = undefined;
    }
  }
  return total / 3_600_000 / DAYS;
}

describe('resident profiles', () => {
  it('an early riser’s morning starts hours before a night owl’s, on average', () => {
    const early = mean([...breakfasts('early_riser').values()]);
    const late = mean([...breakfasts('night_owl').values()]);
    expect(early).toBeLessThan(7.5);
    expect(late - early).toBeGreaterThan(2);
  });

  it('a frail resident sits in the armchair far longer each day than an active one', () => {
    expect(chairHours('frail_seated')).toBeGreaterThan(1.5 * chairHours('active_outgoing'));
  });

  it('an active resident goes out by the front door far more often than a frail one', () => {
    const door = (r: ScheduledReading) => r.device.role === 'front_door' && r.reading.kind === 'door' && r.reading.open;
    expect(perDay(lives('active_outgoing'), door)).toBeGreaterThan(1);
    // A frail resident's door opens for her carers, four times a day, not for outings.
    const carers = (r: ScheduledReading) => door(r) && localHour(r.at) > 7;
    expect(perDay(lives('frail_seated'), carers)).toBeGreaterThanOrEqual(6);
  });

  it('a resident with dementia moves about at night more than an early riser', () => {
    const night = (r: ScheduledReading) => isDetection(r) && r.device.room !== 'Bedroom' && localHour(r.at) < 5;
    expect(perDay(lives('dementia_restless'), night)).toBeGreaterThan(1.5 * perDay(lives('early_riser'), night));
  });

  it('varies the morning from day to day, and starts it later at weekends', () => {
    for (const profile of PROFILES) {
      expect(sd([...breakfasts(profile).values()]) * 60, profile).toBeGreaterThan(10);
    }
    const active = [...breakfasts('active_outgoing')];
    const weekends = mean(active.filter(([d]) => weekend(d)).map(([, h]) => h));
    const weekdays = mean(active.filter(([d]) => !weekend(d)).map(([, h]) => h));
    expect(weekends - weekdays).toBeGreaterThan(0.25);
  });
});

describe('a decline', () => {
  it('shows over weeks as more night-time toilet trips than the same residents without it', () => {
    // Three residents decline from the first day (full by day 14); three like them do not.
    const twins = createCohort({
      seed: 5,
      start: '2025-03-03',
      days: 42,
      format: 'z2m',
      residents: Array.from({ length: 6 }, () => ({ profile: 'early_riser' as const })),
      incidents: { list: [1, 2, 3].map((resident) => ({ kind: 'decline' as const, resident, day: 1, days: 14 })) },
      noise: { lossRate: 0, dropoutRate: 0 },
    });
    const lastWeeks = Date.parse('2025-03-24T00:00:00+01:00');
    const trips = (home: ScheduledReading[]) =>
      home.filter(
        (r) =>
          r.at >= lastWeeks &&
          r.reading.kind === 'bed' &&
          !r.reading.occupied &&
          (localHour(r.at) < 4 || localHour(r.at) >= 23),
      ).length;
    const twinHomes = byHome(twins.readings());
    const count = (ids: number[]) => ids.reduce((sum, id) => sum + trips(twinHomes.get(`sim${id}`) ?? []), 0);
    expect(count([1, 2, 3])).toBeGreaterThan(1.4 * count([4, 5, 6]));
  });
});
