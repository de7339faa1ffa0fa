/** A scenario played as a cohort: a ReadingSource with complete ground truth, deterministic by seed. */
import { describe, expect, it } from 'vitest';
import { decodeNative, NativePayload } from '../../gateway/formats/vaka-native.js';
import { decodeZ2m } from '../../gateway/formats/zigbee2mqtt.js';
import {
  addressProblem,
  createCohort,
  PlanError,
  parseScenario,
  ScenarioError,
  type ScenarioInput,
  TruthRecord,
  toJsonLines,
} from '../../simulator/index.js';

const SCENARIO: ScenarioInput = {
  seed: 7,
  start: '2025-03-03',
  days: 4,
  residents: { count: 4 },
  incidents: {
    rates: { help_button: 1, fall_recovered: 0.5, visitor_present: 0.5, sensor_silent: 0.5 },
    list: [{ kind: 'fall_no_recovery', resident: 2, day: 3, at: '10:15' }],
    foundAfterHours: 4,
  },
};

const fingerprint = (input: ScenarioInput) => {
  const cohort = createCohort(input);
  const truth = toJsonLines(cohort.truth());
  const messages = [...cohort.messages()];
  return { truth, messages: JSON.stringify(messages), count: messages.length };
};

describe('a cohort', () => {
  it('with the same seed gives byte-identical messages and truth; with another seed, different ones', () => {
    const first = fingerprint(SCENARIO);
    const second = fingerprint(SCENARIO);
    expect(second.truth).toBe(first.truth);
    expect(second.messages).toBe(first.messages);
    expect(first.count).toBeGreaterThan(3000);
    const other = fingerprint({ ...SCENARIO, seed: 8 });
    expect(other.messages).not.toBe(first.messages);
    expect(other.truth).not.toBe(first.truth);
  });

  it('plays the same readings however often they are read, and has the full truth before any is read', () => {
    const cohort = createCohort(SCENARIO);
    const truth = cohort.truth();
    expect(truth.filter((r) => r.type === 'incident').length).toBeGreaterThan(3);
    expect(truth.every((r) => TruthRecord.safeParse(r).success)).toBe(true);
    const once = [...cohort.readings()];
    expect([...cohort.readings()]).toEqual(once);
    expect(cohort.truth()).toEqual(truth);
  });

  it('yields readings in time order within [start, end), ties in home order', () => {
    const cohort = createCohort(SCENARIO);
    const order = new Map(cohort.homes.map((h, i) => [h.id, i]));
    let previous = { at: cohort.start, home: 0 };
    for (const r of cohort.readings()) {
      const home = order.get(r.homeId) ?? -1;
      expect(r.at > previous.at || (r.at === previous.at && home >= previous.home)).toBe(true);
      previous = { at: r.at, home };
    }
    expect(previous.at).toBeLessThan(cohort.end);
    expect(cohort.end - cohort.start).toBe(4 * 86_400_000);
  });

  it('records the run: seed, local start and end, format, and each home’s resident and profile', () => {
    const cohort = createCohort(SCENARIO);
    const [run] = cohort.truth();
    expect(run).toMatchObject({
      type: 'run',
      source: 'simulator',
      seed: 7,
      start: '2025-03-03T00:00:00.000+01:00',
      end: '2025-03-07T00:00:00.000+01:00',
      format: 'z2m',
    });
    expect(run?.type === 'run' ? run.homes.map((h) => h.homeId) : []).toEqual(['sim1', 'sim2', 'sim3', 'sim4']);
    expect(run?.type === 'run' ? run.homes.every((h) => h.profile !== '') : false).toBe(true);
  });

  it('shares a profile mix out exactly and gives every device a valid, unique address', () => {
    const cohort = createCohort({
      seed: 1,
      start: '2025-03-03',
      days: 1,
      format: 'vaka',
      residents: { count: 10, profiles: { frail_seated: 3, night_owl: 2 }, equipment: { wearable: 1, tv: 0 } },
    });
    const profiles = cohort.homes.map((h) => h.profile);
    expect(profiles.filter((p) => p === 'frail_seated')).toHaveLength(6);
    expect(profiles.filter((p) => p === 'night_owl')).toHaveLength(4);
    expect(cohort.homes.every((h) => h.devices.some((d) => d.kind === 'wearable'))).toBe(true);
    expect(cohort.homes.some((h) => h.devices.some((d) => d.role === 'tv'))).toBe(false);
    const addresses = cohort.homes.flatMap((h) => h.devices.map((d) => d.address));
    expect(new Set(addresses).size).toBe(addresses.length);
    expect(addresses.filter((a) => addressProblem('vaka', a) !== undefined)).toEqual([]);
  });

  it('renders every native message so the gateway accepts it, accelerometer windows included', () => {
    const cohort = createCohort({ ...SCENARIO, format: 'vaka', days: 3 });
    let accel = 0;
    for (const message of cohort.messages()) {
      const payload = JSON.parse(message.payload);
      if (payload.type === 'accel') accel++;
      expect(NativePayload.safeParse(payload).success, message.payload.slice(0, 120)).toBe(true);
      expect(decodeNative(message.topic, message.payload, { prefix: 'vaka' }).kind).toBe('decoded');
    }
    expect(accel).toBeGreaterThan(0);
  });

  it('renders every Zigbee2MQTT message so the gateway decodes it', () => {
    for (const message of createCohort({ ...SCENARIO, days: 3 }).messages()) {
      expect(decodeZ2m(message.topic, message.payload, { baseTopic: 'zigbee2mqtt' }).kind, message.payload).toBe(
        'decoded',
      );
    }
  });

  it('generates two thousand residents lazily: the first readings come without the whole day', () => {
    const started = performance.now();
    const cohort = createCohort({ seed: 2, start: '2025-03-03', days: 1, residents: { count: 2000 } });
    let n = 0;
    for (const _ of cohort.readings()) if (++n >= 20_000) break;
    expect(cohort.homes).toHaveLength(2000);
    expect(performance.now() - started).toBeLessThan(8000);
  });
});

describe('a scenario', () => {
  it('fills in defaults: Stockholm, Zigbee2MQTT, no incidents, a little radio noise', () => {
    const scenario = parseScenario({ seed: 1, start: '2025-03-03', days: 7, residents: [{ profile: 'night_owl' }] });
    expect(scenario).toMatchObject({
      timeZone: 'Europe/Stockholm',
      format: 'z2m',
      idPrefix: 'sim',
      incidents: { rates: {}, list: [], foundAfterHours: null },
      noise: { lossRate: 0.005, dropoutRate: 0.02 },
    });
    expect(scenario.residents).toEqual([expect.objectContaining({ profile: 'night_owl', layout: 'flat' })]);
  });

  it('refuses a bad scenario with every problem named by its path', () => {
    const attempt = () =>
      parseScenario({
        seed: -1,
        start: '3 March',
        days: 2,
        timeZone: 'Mars/Olympus',
        residents: { count: 2 },
        incidents: { list: [{ kind: 'fall_no_recovery', resident: 3, day: 5 }] },
      });
    expect(attempt).toThrow(ScenarioError);
    try {
      attempt();
    } catch (error) {
      const message = (error as Error).message;
      for (const path of ['seed', 'start', 'timeZone']) expect(message).toContain(path);
    }
    expect(() =>
      parseScenario({
        seed: 1,
        start: '2025-03-03',
        days: 2,
        residents: { count: 2 },
        incidents: { list: [{ kind: 'help_button', resident: 3, day: 5 }] },
      }),
    ).toThrow(/resident[\s\S]*day|day[\s\S]*resident/);
  });

  it('refuses an incident that cannot happen, naming it', () => {
    expect(() =>
      createCohort({
        seed: 1,
        start: '2025-03-03',
        days: 3,
        residents: [{ profile: 'early_riser', equipment: { wearable: false, helpButton: false } }],
        incidents: { list: [{ kind: 'help_button', resident: 1, day: 2, at: '11:00' }] },
      }),
    ).toThrow(PlanError);
    expect(() =>
      createCohort({
        seed: 1,
        start: '2025-03-03',
        days: 3,
        residents: [{ profile: 'early_riser' }],
        incidents: {
          list: [
            { kind: 'away_day', resident: 1, day: 2 },
            { kind: 'fall_recovered', resident: 1, day: 2, at: '13:00' },
          ],
        },
      }),
    ).toThrow(/incidents\.list\[1\]/);
  });
});
