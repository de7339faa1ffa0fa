import { describe, expect, it } from 'vitest';
import type { Device, Home, Reading, ScheduledReading } from '../../../simulator/contract.js';
import type { TruthRecord } from '../../../simulator/ground-truth.js';
import {
  createRealismSummary,
  formatRealismSummary,
  RealismSummary,
  summarizeSource,
} from '../../../simulator/report/index.js';
import type { ReadingSource } from '../../../simulator/source.js';

const TZ = 'Europe/Stockholm';
/** Monday 3 March 2025, 00:00 in Stockholm (CET, UTC+1). */
const MIDNIGHT = Date.parse('2025-03-03T00:00:00+01:00');
const DAY = 86_400_000;

function home(id: string): Home {
  const rooms = [
    { name: 'Bedroom', kind: 'bedroom' as const },
    { name: 'Bathroom', kind: 'bathroom' as const },
    { name: 'Kitchen', kind: 'kitchen' as const },
  ];
  const devices: Device[] = [
    { address: `${id}-bedroom-motion`, kind: 'motion', room: 'Bedroom' },
    { address: `${id}-bedroom-bed`, kind: 'bed', room: 'Bedroom' },
    { address: `${id}-bathroom-motion`, kind: 'motion', room: 'Bathroom' },
    { address: `${id}-kitchen-motion`, kind: 'motion', room: 'Kitchen' },
    { address: `${id}-kitchen-kettle`, kind: 'power_plug', room: 'Kitchen' },
  ];
  return { id, resident: `Resident ${id}`, timeZone: TZ, rooms, devices };
}

const homes = [home('h1'), home('h2')];

/** A reading at local `day` (0 = Monday) and `hhmm` in home `homeId`. */
function at(homeId: string, day: number, hhmm: string, address: string, reading: Reading): ScheduledReading {
  const [h, m] = hhmm.split(':').map(Number);
  const device = homes.find((x) => x.id === homeId)?.devices.find((d) => d.address.endsWith(address));
  if (device === undefined) throw new Error(`no device ${address}`);
  return { at: MIDNIGHT + day * DAY + ((h ?? 0) * 60 + (m ?? 0)) * 60_000, homeId, device, reading };
}
const motion = (detected = true): Reading => ({ kind: 'motion', detected });

/** Two days of two residents, by hand; the expected numbers are worked out in the comments. */
const readings: ScheduledReading[] = [
  at('h1', 0, '02:00', 'bathroom-motion', motion()), // night event; bathroom entry 1
  at('h1', 0, '02:05', 'bathroom-motion', motion(false)), // a "clear": not activity
  at('h1', 0, '02:10', 'bedroom-motion', motion()), // night event
  at('h1', 0, '06:30', 'bedroom-bed', { kind: 'bed', occupied: false }), // first activity of Monday morning
  at('h1', 0, '06:31', 'bathroom-motion', motion()), // bathroom entry 2
  at('h1', 0, '06:40', 'bathroom-motion', motion()), // the same visit
  at('h1', 0, '07:00', 'kitchen-motion', motion()),
  at('h1', 0, '07:05', 'kitchen-kettle', { kind: 'power', watts: 1500 }),
  at('h1', 0, '10:00', 'bedroom-motion', { kind: 'battery', battery: 80 }), // a device report: not activity
  at('h1', 0, '13:00', 'bathroom-motion', motion()), // bathroom entry 3
  at('h2', 0, '09:00', 'kitchen-motion', motion()), // night owl's first activity
  at('h2', 0, '23:00', 'bathroom-motion', motion()), // bathroom entry 4
  at('h1', 1, '03:00', 'kitchen-kettle', { kind: 'heartbeat' }), // at night, but not activity
  at('h1', 1, '07:30', 'kitchen-motion', motion()), // first activity of Tuesday morning
  at('h1', 1, '08:00', 'bathroom-motion', motion()), // bathroom entry 5
];

const iso = (ms: number) => new Date(ms).toISOString();
const truth: TruthRecord[] = [
  {
    type: 'run',
    source: 'test',
    seed: 1,
    start: iso(MIDNIGHT),
    end: iso(MIDNIGHT + 2 * DAY),
    format: 'vaka',
    homes: [
      { homeId: 'h1', resident: 'Resident h1', profile: 'early_riser', timeZone: TZ },
      { homeId: 'h2', resident: 'Resident h2', profile: 'night_owl', timeZone: TZ },
    ],
  },
  ...(['fall_no_recovery', 'fall_no_recovery', 'away_day'] as const).map((kind, i) => ({
    type: 'incident' as const,
    id: `h1-000${i}`,
    kind,
    expect: kind === 'away_day' ? ('none' as const) : ('page' as const),
    homeId: 'h1',
    resident: 'Resident h1',
    start: iso(MIDNIGHT + 12 * 3_600_000),
    end: null,
    deadline: null,
    device: null,
    note: '',
  })),
];

function summarize() {
  const summary = createRealismSummary({ homes, truth, start: MIDNIGHT, end: MIDNIGHT + 2 * DAY });
  for (const r of readings) summary.add(r);
  return summary.result();
}

describe('realism summary of a reading stream', () => {
  const s = summarize();

  it('counts messages per resident-day over homes × simulated days', () => {
    expect(s).toMatchObject({ homes: 2, residentDays: 4, messages: 15, messagesPerResidentDay: 3.75 });
  });

  it('counts events per resident-day by room kind, sensor kind and reading kind', () => {
    expect(s.perResidentDay.byRoomKind).toEqual({ bathroom: 1.75, bedroom: 0.75, kitchen: 1.25 });
    expect(s.perResidentDay.bySensorKind).toEqual({ bed: 0.25, motion: 3, power_plug: 0.5 });
    expect(s.perResidentDay.byReadingKind).toEqual({
      battery: 0.25,
      bed: 0.25,
      heartbeat: 0.25,
      motion: 2.75,
      power: 0.25,
    });
  });

  it('finds the first activity of the morning per profile and overall, to the minute, in local time', () => {
    expect(s.firstMorningActivity).toEqual([
      { profile: 'early_riser', residentDays: 2, days: 2, median: '06:30', p25: '06:30', p75: '07:30' },
      { profile: 'night_owl', residentDays: 2, days: 1, median: '09:00', p25: '09:00', p75: '09:00' },
      { profile: 'all', residentDays: 4, days: 3, median: '07:30', p25: '06:30', p75: '09:00' },
    ]);
  });

  it('counts resident activity between 00:00 and 06:00 local per night, not device reports or clears', () => {
    expect(s.residentNights).toBe(4);
    expect(s.night).toEqual({ events: 2, perNight: 0.5 });
  });

  it('counts bathroom visits as entries into the bathroom, not as every motion there', () => {
    expect(s.bathroomVisits).toEqual({ entries: 5, perResidentDay: 1.25 });
  });

  it('counts the incidents injected by kind and by expectation from the ground truth', () => {
    expect(s.incidents).toEqual({
      total: 3,
      byKind: { fall_no_recovery: 2, away_day: 1 },
      byExpectation: { page: 2, none: 1 },
    });
  });

  it('gives a JSON form that its schema accepts and that survives a round trip', () => {
    expect(RealismSummary.parse(JSON.parse(JSON.stringify(s)))).toEqual(s);
  });

  it('formats the same numbers as a readable table', () => {
    const text = formatRealismSummary(s);
    expect(text).toContain('Messages: 15 (3.8 per resident-day)');
    expect(text).toMatch(/^ {4}bathroom +1\.8$/m);
    expect(text).toMatch(/^ {2}early_riser +2 +2 +06:30 +06:30–07:30$/m);
    expect(text).toContain('Night (00:00–06:00 local): 0.5 activity events per night (2 in 4 resident-nights)');
    expect(text).toContain('Bathroom visits: 1.25 per resident-day (5 entries)');
    expect(text).toMatch(/^ {2}fall_no_recovery +2$/m);
  });

  it('uses one "all" row when the homes carry no profile', () => {
    const plain = createRealismSummary({ homes, start: MIDNIGHT, end: MIDNIGHT + 2 * DAY });
    for (const r of readings) plain.add(r);
    expect(plain.result().firstMorningActivity.map((r) => r.profile)).toEqual(['all']);
  });
});

describe('realism summary over a reading source', () => {
  it('reads the source once, lazily, with its own start and end as the exposure', () => {
    let passes = 0;
    const source: ReadingSource = {
      homes,
      start: MIDNIGHT,
      end: MIDNIGHT + 2 * DAY,
      *readings() {
        passes++;
        yield* readings;
      },
      truth: () => truth,
    };
    expect(summarizeSource(source)).toEqual(summarize());
    expect(passes).toBe(1);
  });

  it('counts a night cut short by a spring-forward clock change as a whole night', () => {
    // Sunday 30 March 2025: Stockholm's clocks go from 02:00 to 03:00.
    const start = Date.parse('2025-03-30T00:00:00+01:00');
    const summary = createRealismSummary({ homes: [home('h1')], start, end: start + 23 * 3_600_000 });
    expect(summary.result().residentNights).toBe(1);
  });
});
