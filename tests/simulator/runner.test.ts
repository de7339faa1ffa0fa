import { describe, expect, it } from 'vitest';
import {
  createCohort,
  createSimulation,
  demoHomes,
  generateReadings,
  type SimulationOptions,
  TruthRecord,
} from '../../simulator/index.js';
import { fakeClock } from './fake-clock.js';
import { DAY, HOUR, MONDAY_6AM, recordingPublish, render } from './helpers.js';

const MIN = 60_000;
function setup(overrides: Partial<SimulationOptions> = {}) {
  const clock = fakeClock(1_000_000);
  const sink = recordingPublish();
  const homes = demoHomes(2, 'z2m');
  const simulation = createSimulation({
    publish: sink.publish,
    homes,
    format: 'z2m',
    seed: 9,
    start: MONDAY_6AM,
    speed: 60,
    now: clock.now,
    setTimer: clock.setTimer,
    ...overrides,
  });
  return { clock, sink, homes, simulation };
}

const isMotion = (topic: string, payload: string, home: string) =>
  topic.startsWith(`zigbee2mqtt/${home}/`) && topic.endsWith('/motion') && payload.includes('"occupancy"');

describe('simulation runner', () => {
  it('at speed Infinity publishes every generated reading, in time order, and then ends', async () => {
    const { clock, sink, homes, simulation } = setup({
      speed: Number.POSITIVE_INFINITY,
      durationMs: DAY,
      format: 'vaka',
    });
    simulation.start();
    await clock.runUntil(simulation.done);
    await simulation.done;
    const expected = render('vaka', generateReadings(homes, { seed: 9, start: MONDAY_6AM, durationMs: DAY }));
    expect(sink.messages).toEqual(expected);
    const times = sink.messages.map((m) => JSON.parse(m.payload).ts as number);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(simulation.counters()).toMatchObject({ published: expected.length, failed: 0 });
    expect(simulation.simTime()).toBe(MONDAY_6AM + DAY);
  });

  it('with the same seed publishes byte-identical messages', async () => {
    const runs: string[] = [];
    for (let i = 0; i < 2; i++) {
      const { clock, sink, simulation } = setup({ speed: Number.POSITIVE_INFINITY, durationMs: 12 * HOUR });
      simulation.start();
      await clock.runUntil(simulation.done);
      runs.push(JSON.stringify(sink.messages));
    }
    expect(runs[1]).toBe(runs[0]);
  });

  it('at speed 60 plays a simulated minute per real second, publishing nothing early', async () => {
    const { clock, sink, homes, simulation } = setup();
    simulation.start();
    await clock.advance(30_000); // half a real minute = half a simulated hour
    const firstHalf = generateReadings(homes, { seed: 9, start: MONDAY_6AM, durationMs: 30 * MIN + 1 });
    expect(sink.messages).toEqual(render('z2m', firstHalf));
    await clock.advance(30_000);
    const firstHour = generateReadings(homes, { seed: 9, start: MONDAY_6AM, durationMs: HOUR });
    expect(sink.messages).toEqual(render('z2m', firstHour));
    expect(simulation.simTime()).toBe(MONDAY_6AM + HOUR);
    await simulation.stop();
  });

  it('stop() ends the run: nothing more is published however long the clock runs', async () => {
    const { clock, sink, simulation } = setup();
    simulation.start();
    await clock.advance(30_000);
    await simulation.stop();
    await simulation.done;
    const count = sink.messages.length;
    await clock.advance(10 * 60_000);
    expect(sink.messages.length).toBe(count);
  });

  it('trigger fall publishes the fall detector message, then no more motion from that home', async () => {
    const { clock, sink, simulation } = setup();
    simulation.start();
    await clock.advance(4 * 60_000); // to 10:00 simulated: both residents up and about
    const message = await simulation.trigger('fall', 0);
    expect(message).toMatchObject({ topic: 'zigbee2mqtt/demo1/bathroom/fall_detector' });
    expect(JSON.parse(message.payload)).toMatchObject({ fall_down_status: 'fall', presence: true });
    const fallIndex = sink.messages.length - 1;
    expect(sink.messages[fallIndex]).toEqual(message);
    const before = sink.messages.slice(0, fallIndex);
    expect(before.filter((m) => isMotion(m.topic, m.payload, 'demo1')).length).toBeGreaterThan(5);
    await clock.advance(6 * 60_000); // six more simulated hours
    const after = sink.messages.slice(fallIndex + 1);
    expect(after.filter((m) => isMotion(m.topic, m.payload, 'demo1'))).toEqual([]);
    expect(after.filter((m) => isMotion(m.topic, m.payload, 'demo2')).length).toBeGreaterThan(10);
    // The fallen resident's devices still report: silence from the resident, not from the sensors.
    expect(after.some((m) => m.topic.startsWith('zigbee2mqtt/demo1/') && m.payload.includes('"battery"'))).toBe(true);
    expect(simulation.counters()).toMatchObject({ incidents: 1 });
    expect(simulation.counters().suppressed).toBeGreaterThan(0);
    await simulation.stop();
  });

  it('trigger help publishes the help button press for that home and the run goes on', async () => {
    const { clock, sink, simulation } = setup();
    simulation.start();
    await clock.advance(60_000);
    const message = await simulation.trigger('help', 1);
    expect(message.topic).toBe('zigbee2mqtt/demo2/living_room/help_button');
    expect(JSON.parse(message.payload)).toMatchObject({ action: 'emergency' });
    const before = sink.messages.length;
    await clock.advance(60_000);
    expect(sink.messages.length).toBeGreaterThan(before);
    await simulation.stop();
  });

  it('trigger refuses a home that does not exist', async () => {
    const { simulation } = setup();
    await expect(simulation.trigger('fall', 2)).rejects.toThrow(RangeError);
  });

  it('counts a failed publish and carries on with the next message', async () => {
    let calls = 0;
    const errors: string[] = [];
    const { clock, simulation } = setup({
      speed: Number.POSITIVE_INFINITY,
      durationMs: 2 * HOUR,
      publish: async () => {
        if (calls++ === 0) throw new Error('broker said no');
      },
      onError: (error) => errors.push((error as Error).message),
    });
    simulation.start();
    await clock.runUntil(simulation.done);
    expect(errors).toEqual(['broker said no']);
    expect(simulation.counters()).toMatchObject({ failed: 1, published: calls - 1 });
  });

  it('refuses a speed that is not positive', () => {
    expect(() => setup({ speed: 0 })).toThrow(RangeError);
  });

  it('plays any reading source: a cohort at speed Infinity publishes exactly its messages, start to end', async () => {
    const cohort = createCohort({
      seed: 4,
      start: '2025-03-03',
      days: 1,
      residents: { count: 2 },
      incidents: { rates: { help_button: 3 } },
    });
    const clock = fakeClock(0);
    const sink = recordingPublish();
    const simulation = createSimulation({
      publish: sink.publish,
      source: cohort,
      format: 'z2m',
      speed: Number.POSITIVE_INFINITY,
      now: clock.now,
      setTimer: clock.setTimer,
    });
    simulation.start();
    await clock.runUntil(simulation.done);
    await simulation.done;
    expect(sink.messages).toEqual([...cohort.messages()]);
    expect(simulation.simTime()).toBe(cohort.end);
    expect(simulation.truth()).toEqual(cohort.truth());
  });

  it('adds a triggered incident to the truth it returns, and that day is no longer incident-free', async () => {
    const cohort = createCohort({ seed: 4, start: '2025-03-03', days: 2, residents: { count: 2 } });
    const clock = fakeClock(0);
    const sink = recordingPublish();
    const simulation = createSimulation({
      publish: sink.publish,
      source: cohort,
      format: 'z2m',
      speed: 3600,
      now: clock.now,
      setTimer: clock.setTimer,
    });
    simulation.start();
    await clock.advance(10_000); // ten simulated hours: 10:00 on the first day
    const at = simulation.simTime();
    await simulation.trigger('fall', 1);
    const truth = simulation.truth();
    expect(truth.every((r) => TruthRecord.safeParse(r).success)).toBe(true);
    const fall = truth.find((r) => r.type === 'incident');
    expect(fall).toMatchObject({ kind: 'fall_no_recovery', expect: 'page', homeId: 'sim2', end: null });
    expect(fall?.type === 'incident' ? Date.parse(fall.start) : 0).toBe(at);
    expect(fall?.type === 'incident' ? Date.parse(fall.deadline ?? '') - at : 0).toBe(60_000);
    const free = (home: string) => truth.find((r) => r.type === 'incident_free_days' && r.homeId === home);
    expect(free('sim2')).toMatchObject({ days: [] });
    expect(free('sim1')).toMatchObject({ days: ['2025-03-03', '2025-03-04'] });
    await simulation.stop();
  });

  it('without a source, returns the run and the triggered incidents up to now', async () => {
    const { clock, simulation } = setup();
    simulation.start();
    await clock.advance(60_000);
    await simulation.trigger('help', 0);
    const truth = simulation.truth();
    expect(truth[0]).toMatchObject({ type: 'run', source: 'simulator', format: 'z2m' });
    expect(truth.filter((r) => r.type === 'incident')).toEqual([
      expect.objectContaining({ kind: 'help_button', homeId: 'demo1', device: 'demo1/living_room/help_button' }),
    ]);
    await simulation.stop();
  });
});
