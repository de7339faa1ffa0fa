/**
 * Every incident kind in the catalogue, placed by hand on day 3 of a six-day run, one resident
 * each: its truth record, and what it does to the readings.
 */
import { describe, expect, it } from 'vitest';
import {
  ACCEL_RATE_HZ,
  CATALOGUE,
  createCohort,
  type IncidentRecord,
  type IncidentSpec,
  type ProfileName,
  type ScheduledReading,
  TruthKind,
  TruthRecord,
} from '../../simulator/index.js';
import { between, byHome, isActivity, isDetection, localDay, localHour } from './helpers.js';

const MIN = 60_000;
const KINDS = TruthKind.options;
const PROFILES: readonly ProfileName[] = [
  'early_riser',
  'night_owl',
  'frail_seated',
  'dementia_restless',
  'active_outgoing',
];
/** Details that make each case's checks crisp; the rest is drawn. */
const DETAILS: Partial<Record<TruthKind, Partial<IncidentSpec>>> = {
  fall_no_recovery: { room: 'bathroom', wearing: true, at: '10:30' },
  help_button: { at: '11:00' },
  sensor_silent: { device: 'motion', at: '09:00', durationMin: 600 },
  battery_low: { device: 'door', at: '12:00' },
  missed_meal: { meal: 'lunch' },
};
/** Extra residents: a fall with no wearable and no fall detector, and a resident with no incident at all. */
const NO_DEVICE_FALL = KINDS.length + 1;
const QUIET = KINDS.length + 2;

const cohort = createCohort({
  seed: 11,
  start: '2025-03-03',
  days: 6,
  format: 'vaka',
  residents: [
    ...KINDS.map((_, i) => ({ profile: PROFILES[i % PROFILES.length] ?? 'early_riser' })),
    { profile: 'early_riser', equipment: { wearable: false, fallDetector: false } },
    { profile: 'active_outgoing' },
  ],
  incidents: {
    list: [
      ...KINDS.map((kind, i) => ({ kind, resident: i + 1, day: 3, ...DETAILS[kind] })),
      { kind: 'fall_no_recovery', resident: NO_DEVICE_FALL, day: 3, at: '10:00', room: 'kitchen' },
    ],
  },
  noise: { lossRate: 0, dropoutRate: 0 },
});
const truth = cohort.truth();
const readings = byHome(cohort.readings());
const homeOf = (resident: number) => `sim${resident}`;

function incident(kind: TruthKind, resident = KINDS.indexOf(kind) + 1): IncidentRecord & { from: number; to: number } {
  const record = truth.find(
    (r): r is IncidentRecord => r.type === 'incident' && r.kind === kind && r.homeId === homeOf(resident),
  );
  if (record === undefined) throw new Error(`no ${kind} for resident ${resident}`);
  return { ...record, from: Date.parse(record.start), to: record.end === null ? cohort.end : Date.parse(record.end) };
}
const of = (kind: TruthKind, resident = KINDS.indexOf(kind) + 1): ScheduledReading[] =>
  readings.get(homeOf(resident)) ?? [];
const magnitudes = (r: ScheduledReading) =>
  r.reading.kind === 'accel' ? r.reading.samples.map(([x, y, z]) => Math.hypot(x, y, z)) : [];

describe('the incident catalogue', () => {
  it('produces every kind, each with a valid truth record, the catalogue’s expectation and a deadline where one is due', () => {
    for (const kind of KINDS) {
      const record = incident(kind);
      expect(TruthRecord.safeParse(record).success, kind).toBe(true);
      expect(record.expect, kind).toBe(CATALOGUE[kind].expect);
      const due = record.expect === 'page' || record.expect === 'technical';
      expect(record.deadline !== null, kind).toBe(due);
      if (due) expect(Date.parse(record.deadline ?? '')).toBeGreaterThan(record.from);
    }
  });

  it('writes the truth in order: the run, incidents by start, then each resident’s incident-free days', () => {
    expect(truth[0]?.type).toBe('run');
    const starts = truth.filter((r) => r.type === 'incident').map((r) => Date.parse(r.start));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    const free = truth.filter((r) => r.type === 'incident_free_days');
    expect(free.map((r) => r.homeId)).toEqual(cohort.homes.map((h) => h.id));
    expect(truth.slice(-free.length)).toEqual(free);
  });
});

describe('falls', () => {
  it('[fall_no_recovery] with a wearable on: an impact of several g, a device report within the minute, then no activity at all', () => {
    const fall = incident('fall_no_recovery');
    const home = of('fall_no_recovery');
    const impact = home.find((r) => r.reading.kind === 'accel' && r.at <= fall.from && r.at >= fall.from - 3000);
    expect(Math.max(...(impact === undefined ? [0] : magnitudes(impact)))).toBeGreaterThanOrEqual(3);
    if (impact?.reading.kind === 'accel') {
      expect(impact.reading.rateHz).toBe(ACCEL_RATE_HZ);
      // Lying still after the impact: about 1 g, hardly varying.
      const after = magnitudes(impact).slice(-25);
      expect(Math.abs(after.reduce((a, b) => a + b, 0) / after.length - 1)).toBeLessThan(0.1);
    }
    const report = home.find((r) => r.reading.kind === 'fall');
    expect(report?.device.address).toBe(fall.device);
    expect((report?.at ?? 0) - fall.from).toBeLessThanOrEqual(65_000);
    expect(Date.parse(fall.deadline ?? '')).toBe((report?.at ?? 0) + 60_000);
    expect(home.filter(between(fall.from + 1000, cohort.end)).filter(isActivity)).toEqual([]);
    expect(fall.end).toBeNull();
  });

  it('[fall_no_recovery] with no wearable or fall detector: motion just stops, and the deadline allows for a silence', () => {
    const fall = incident('fall_no_recovery', NO_DEVICE_FALL);
    const home = readings.get(homeOf(NO_DEVICE_FALL)) ?? [];
    expect(home.filter(between(fall.from - 30 * MIN, fall.from)).filter(isDetection).length).toBeGreaterThan(0);
    expect(home.filter(between(fall.from + 1000, cohort.end)).filter(isActivity)).toEqual([]);
    expect(home.some((r) => r.reading.kind === 'fall' || r.reading.kind === 'accel')).toBe(false);
    expect(Date.parse(fall.deadline ?? '') - fall.from).toBe(60 * MIN);
    // The home's devices go on reporting: silence from the resident, not from the sensors.
    expect(home.filter(between(fall.from, cohort.end)).some((r) => r.reading.kind === 'battery')).toBe(true);
  });

  it('[fall_recovered] nothing is touched while down, then activity resumes', () => {
    const fall = incident('fall_recovered');
    const home = of('fall_recovered');
    const down = home.filter(between(fall.from + 1000, fall.to));
    expect(down.filter((r) => ['door', 'bed', 'chair', 'power'].includes(r.reading.kind))).toEqual([]);
    expect(home.filter(between(fall.to, fall.to + 2 * 60 * MIN)).filter(isDetection).length).toBeGreaterThan(0);
  });
});

describe('calls, stillness and stays', () => {
  it('[help_button] the press is a help reading at the start; a carer comes in by the front door', () => {
    const help = incident('help_button');
    const home = of('help_button');
    const press = home.find((r) => r.reading.kind === 'help');
    expect(press?.at).toBe(help.from);
    expect(press?.device.address).toBe(help.device);
    const door = home.filter(between(help.from, help.to + MIN)).filter((r) => r.device.role === 'front_door');
    expect(door.length).toBeGreaterThanOrEqual(2);
  });

  it('[prolonged_inactivity] sits down in the armchair at the onset and does not move for hours', () => {
    const still = incident('prolonged_inactivity');
    const home = of('prolonged_inactivity');
    const sat = home.find(
      (r) => r.reading.kind === 'chair' && r.reading.occupied && Math.abs(r.at - still.from) < 20_000,
    );
    expect(sat).toBeDefined();
    expect(still.to - still.from).toBeGreaterThan(2 * 60 * MIN);
    expect(home.filter(between(still.from + 2 * MIN, still.to - MIN)).filter(isActivity)).toEqual([]);
    expect(home.filter(between(still.to, still.to + 30 * MIN)).filter(isDetection).length).toBeGreaterThan(0);
  });

  it('[long_bathroom_stay] only the bathroom sees anyone, for well over the usual time', () => {
    const stay = incident('long_bathroom_stay');
    const seen = of('long_bathroom_stay')
      .filter(between(stay.from + MIN, stay.to - MIN))
      .filter(isDetection);
    expect(seen.length).toBeGreaterThan(3);
    expect(new Set(seen.map((r) => r.device.room))).toEqual(new Set(['Bathroom']));
  });

  it('[missed_morning_routine] stays in bed past the usual time, out of bed only at the end', () => {
    const morning = incident('missed_morning_routine');
    const home = of('missed_morning_routine');
    const during = home.filter(between(morning.from, morning.to - MIN));
    expect(during.filter((r) => r.reading.kind === 'bed' && !r.reading.occupied)).toEqual([]);
    expect(during.filter(isDetection).filter((r) => r.device.room !== 'Bedroom')).toEqual([]);
    const up = home.find((r) => r.reading.kind === 'bed' && !r.reading.occupied && r.at >= morning.to - MIN);
    expect((up?.at ?? 0) - morning.to).toBeLessThan(2 * MIN);
  });

  it('[missed_meal] nobody in the kitchen from the usual meal time until the end, then a meal', () => {
    const meal = incident('missed_meal');
    const home = of('missed_meal');
    const kitchen = (r: ScheduledReading) => isActivity(r) && r.device.room === 'Kitchen';
    expect(home.filter(between(meal.from, meal.to)).filter(kitchen)).toEqual([]);
    expect(home.filter(between(meal.to, meal.to + 30 * MIN)).filter(kitchen).length).toBeGreaterThan(0);
  });
});

describe('nights', () => {
  it('[night_wandering] out of bed at night, moving through at least three rooms', () => {
    const night = incident('night_wandering');
    const hour = localHour(night.from);
    expect(hour < 6 || hour >= 22).toBe(true);
    const rooms = new Set(
      of('night_wandering')
        .filter(between(night.from, night.to))
        .filter(isDetection)
        .map((r) => r.device.room),
    );
    expect(rooms.size).toBeGreaterThanOrEqual(3);
  });

  it('[night_exit_no_return] the front door opens at the start and the home stays empty', () => {
    const exit = incident('night_exit_no_return');
    const home = of('night_exit_no_return');
    const door = home.find(
      (r) => r.device.role === 'front_door' && r.reading.kind === 'door' && r.reading.open && r.at >= exit.from,
    );
    expect((door?.at ?? 0) - exit.from).toBeLessThan(2000);
    expect(home.filter(between(exit.from + MIN, cohort.end)).filter(isActivity)).toEqual([]);
  });
});

describe('trends and devices', () => {
  it('[decline] is an insight with no deadline that lasts to the end of the run', () => {
    const decline = incident('decline');
    expect(decline).toMatchObject({ expect: 'insight', deadline: null, end: null });
  });

  it('[sensor_silent] the device sends nothing from the start until it is back', () => {
    const silent = incident('sensor_silent');
    const device = of('sensor_silent').filter((r) => r.device.address === silent.device);
    expect(device.filter(between(silent.from, silent.to))).toEqual([]);
    expect(device.filter(between(silent.from - 6 * 60 * MIN, silent.from)).length).toBeGreaterThan(0);
    expect(device.filter(between(silent.to, cohort.end)).length).toBeGreaterThan(0);
  });

  it('[battery_low] the battery is above the limit before the start and at or below it after', () => {
    const low = incident('battery_low');
    const levels = of('battery_low')
      .filter((r) => r.device.address === low.device)
      .map((r) => ({ at: r.at, battery: r.reading.battery ?? -1 }));
    expect(levels.filter((l) => l.at < low.from).every((l) => l.battery > 15)).toBe(true);
    const after = levels.filter((l) => l.at >= low.from && l.at < low.to);
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((l) => l.battery <= 15)).toBe(true);
  });
});

describe('expected absences and company', () => {
  it('[away_day] out by the front door in the morning, no activity all day, back in the evening', () => {
    const away = incident('away_day');
    const home = of('away_day');
    expect(localHour(away.from)).toBeLessThan(12);
    expect(localHour(away.to)).toBeGreaterThan(15);
    expect(home.filter(between(away.from + MIN, away.to)).filter(isActivity)).toEqual([]);
    const back = home.find((r) => r.device.role === 'front_door' && r.at >= away.to);
    expect((back?.at ?? 0) - away.to).toBeLessThan(2000);
  });

  it('[hospital_stay] several days with no activity in the home', () => {
    const stay = incident('hospital_stay');
    expect(stay.to - stay.from).toBeGreaterThan(24 * 60 * MIN);
    expect(
      of('hospital_stay')
        .filter(between(stay.from + MIN, stay.to))
        .filter(isActivity),
    ).toEqual([]);
  });

  it('[visitor_present] two people: someone moves in another room while the resident sits in the armchair', () => {
    const visit = incident('visitor_present');
    const home = of('visitor_present').filter(between(visit.from, visit.to));
    let seated = false;
    let elsewhere = 0;
    for (const r of home) {
      if (r.reading.kind === 'chair') seated = r.reading.occupied;
      else if (seated && isDetection(r) && r.device.room !== 'Living room') elsewhere++;
    }
    expect(elsewhere).toBeGreaterThan(0);
    expect(home.filter((r) => r.device.role === 'front_door').length).toBeGreaterThanOrEqual(2);
  });
});

describe('incident-free days', () => {
  it('are exactly the run’s dates that no incident touches, from its start to its end or deadline', () => {
    const dates = ['2025-03-03', '2025-03-04', '2025-03-05', '2025-03-06', '2025-03-07', '2025-03-08'];
    for (const home of cohort.homes) {
      const touched = new Set<string>();
      for (const r of truth) {
        if (r.type !== 'incident' || r.homeId !== home.id) continue;
        const last =
          r.end === null
            ? cohort.end - 1
            : Math.min(cohort.end - 1, Math.max(Date.parse(r.end), Date.parse(r.deadline ?? r.start)));
        for (const d of dates) if (d >= localDay(Date.parse(r.start)) && d <= localDay(last)) touched.add(d);
      }
      const free = truth.find((r) => r.type === 'incident_free_days' && r.homeId === home.id);
      expect(free?.type === 'incident_free_days' ? free.days : [], home.id).toEqual(
        dates.filter((d) => !touched.has(d)),
      );
    }
    const quiet = truth.find((r) => r.type === 'incident_free_days' && r.homeId === homeOf(QUIET));
    expect(quiet?.type === 'incident_free_days' ? quiet.days : []).toEqual(dates);
  });
});
