/** How devices turn what people do into readings: PIR timing, loss, batteries, radio, accelerometer windows. */
import { describe, expect, it } from 'vitest';
import { ACCEL_RATE_HZ, ACCEL_SAMPLES, accelWindow } from '../../simulator/accel.js';
import { deviceModel } from '../../simulator/device-model.js';
import { MOVEMENT_MEAN_S } from '../../simulator/home-sensors.js';
import { BATTERY_LOW_PCT, type Device, demoHomes, generateDay, type ScheduledReading } from '../../simulator/index.js';
import { Pir, RTCGQ11LM } from '../../simulator/pir.js';
import { createRng } from '../../simulator/random.js';
import { DAY, HOUR, isDetection, MONDAY_6AM } from './helpers.js';

const MIN = 60_000;
const [home] = demoHomes(1, 'vaka');
if (home === undefined) throw new Error('no demo home');

/** A PIR whose detections arrive unless `lose` says otherwise. */
function pir(lose: (n: number) => boolean = () => false) {
  const detections: number[] = [];
  const clears: number[] = [];
  let n = 0;
  const sensor = new Pir(RTCGQ11LM, createRng(5), {
    detected: (at) => {
      const received = !lose(n++);
      if (received) detections.push(at);
      return received;
    },
    cleared: (at) => clears.push(at),
  });
  return { sensor, detections, clears };
}

describe('a PIR motion sensor', () => {
  it('re-triggers about once per blind time while someone walks about, never sooner', () => {
    const { sensor, detections } = pir();
    sensor.add(0, 10 * MIN, MOVEMENT_MEAN_S.walking);
    sensor.process(0, 10 * MIN);
    expect(detections.length).toBeGreaterThanOrEqual(9);
    const gaps = detections.slice(1).map((at, i) => at - (detections[i] ?? 0));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(RTCGQ11LM.blindMs);
    expect(Math.max(...gaps)).toBeLessThan(RTCGQ11LM.blindMs + 20_000);
  });

  it('sees someone sitting now and then, someone asleep rarely, and someone still not at all', () => {
    const count = (posture: keyof typeof MOVEMENT_MEAN_S) => {
      const { sensor, detections } = pir();
      sensor.add(0, 4 * HOUR, MOVEMENT_MEAN_S[posture]);
      sensor.process(0, 4 * HOUR);
      return detections.length;
    };
    expect(count('seated')).toBeGreaterThan(count('asleep'));
    expect(count('asleep')).toBeGreaterThan(0);
    expect(count('still')).toBe(0);
  });

  it('sees two people more often than one', () => {
    const one = pir();
    one.sensor.add(0, 4 * HOUR, MOVEMENT_MEAN_S.seated);
    one.sensor.process(0, 4 * HOUR);
    const two = pir();
    two.sensor.add(0, 4 * HOUR, MOVEMENT_MEAN_S.seated);
    two.sensor.add(0, 4 * HOUR, MOVEMENT_MEAN_S.seated);
    two.sensor.process(0, 4 * HOUR);
    expect(two.detections.length).toBeGreaterThan(one.detections.length * 1.4);
  });

  it('clears occupancy its timeout after the last detection that arrived; a lost one does not restart the timer', () => {
    const { sensor, detections, clears } = pir((n) => n === 1);
    sensor.add(0, 20_000, MOVEMENT_MEAN_S.walking);
    sensor.add(65_000, 70_000, MOVEMENT_MEAN_S.walking);
    // Processed in slices, as a home is: the result must not depend on where the slices fall.
    for (let t = 0; t < 10 * MIN; t += 7_000) sensor.process(t, t + 7_000);
    expect(detections).toHaveLength(1);
    expect(clears).toEqual([(detections[0] ?? 0) + RTCGQ11LM.timeoutMs]);
  });
});

describe('radio noise', () => {
  const periodic = (lossRate: number) =>
    generateDay(home, {
      seed: 8,
      start: MONDAY_6AM,
      durationMs: 14 * DAY,
      noise: { lossRate, dropoutRate: 0 },
    }).filter((r) => r.reading.kind === 'battery' || r.reading.kind === 'heartbeat').length;

  it('loses roughly the configured share of messages', () => {
    const all = periodic(0);
    const kept = periodic(0.2);
    expect(kept / all).toBeGreaterThan(0.75);
    expect(kept / all).toBeLessThan(0.85);
  });

  it('a device that drops out is silent for a while, then reports again', () => {
    const readings = generateDay(home, {
      seed: 8,
      start: MONDAY_6AM,
      durationMs: 7 * DAY,
      noise: { lossRate: 0, dropoutRate: 1 },
    });
    const plug = readings.filter((r) => r.device.role === 'kettle' && r.reading.kind === 'heartbeat').map((r) => r.at);
    const gaps = plug.slice(1).map((at, i) => at - (plug[i] ?? 0));
    // Hourly heartbeats; a dropout of 10–90 minutes now and then swallows one.
    expect(Math.max(...gaps)).toBeGreaterThan(75 * MIN);
    expect(plug.length).toBeGreaterThan(7 * 20);
  });

  it('varies link quality from message to message and day to day, within 0–255', () => {
    const lqi = generateDay(home, { seed: 8, start: MONDAY_6AM, durationMs: 2 * DAY })
      .filter((r) => r.device.room === 'Kitchen' && r.device.kind === 'motion')
      .map((r) => r.reading.linkquality ?? -1);
    expect(new Set(lqi).size).toBeGreaterThan(5);
    expect(lqi.every((q) => q >= 0 && q <= 255)).toBe(true);
  });
});

describe('batteries', () => {
  const door: Device = { address: 'x-hall-front_door', kind: 'door', room: 'Hall', role: 'front_door' };

  it('drain monotonically between replacements, go low when planned, and are replaced days later', () => {
    const lowAt = MONDAY_6AM + 10 * DAY;
    const model = deviceModel(door, 1, MONDAY_6AM, { lowAt });
    const levels: { at: number; pct: number }[] = [];
    for (let at = MONDAY_6AM; at < MONDAY_6AM + 30 * DAY; at += HOUR)
      levels.push({ at, pct: model.batteryAt(at) ?? -1 });
    const rises = levels.slice(1).filter((l, i) => l.pct > (levels[i]?.pct ?? 0));
    expect(rises).toHaveLength(1);
    expect(rises[0]?.pct).toBe(100);
    expect(model.batteryAt(lowAt - 1)).toBeGreaterThan(BATTERY_LOW_PCT);
    expect(model.batteryAt(lowAt)).toBeLessThanOrEqual(BATTERY_LOW_PCT);
    const [low] = model.batteryLows(MONDAY_6AM, MONDAY_6AM + 30 * DAY);
    expect(low?.at).toBe(lowAt);
    expect(((low?.replaced ?? 0) - lowAt) / DAY).toBeGreaterThanOrEqual(1);
    expect(rises[0]?.at).toBeGreaterThanOrEqual(low?.replaced ?? 0);
  });

  it('last months in a PIR or contact, so an ordinary month has no low battery', () => {
    const model = deviceModel(door, 2, MONDAY_6AM);
    expect(model.batteryLows(MONDAY_6AM, MONDAY_6AM + 30 * DAY)).toEqual([]);
  });
});

describe('a wearable’s accelerometer windows', () => {
  const magnitude = (samples: [number, number, number][]) => samples.map(([x, y, z]) => Math.hypot(x, y, z));
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = (xs: number[]) => Math.sqrt(mean(xs.map((x) => (x - mean(xs)) ** 2)));

  it('are 2.56 s at 50 Hz in g: about 1 g at rest, swinging when walking', () => {
    const rest = accelWindow('rest_seated', createRng(1));
    expect(rest).toHaveLength(ACCEL_SAMPLES);
    expect(ACCEL_SAMPLES / ACCEL_RATE_HZ).toBeCloseTo(2.56);
    expect(Math.abs(mean(magnitude(rest)) - 1)).toBeLessThan(0.05);
    expect(sd(magnitude(rest))).toBeLessThan(0.03);
    expect(sd(magnitude(accelWindow('walk', createRng(1))))).toBeGreaterThan(0.08);
  });

  it('show a fall as an impact of several g, then lying still', () => {
    const fall = magnitude(accelWindow('fall', createRng(3)));
    const peak = fall.indexOf(Math.max(...fall));
    expect(fall[peak]).toBeGreaterThanOrEqual(3);
    const after = fall.slice(peak + 25);
    expect(Math.abs(mean(after) - 1)).toBeLessThan(0.05);
    expect(sd(after)).toBeLessThan(0.03);
    expect(Math.min(...fall.slice(0, peak))).toBeLessThan(0.5);
  });

  it('are sent sparsely: a few dozen a day, at least five minutes apart unless an alarm', () => {
    const windows = generateDay(home, { seed: 4, start: MONDAY_6AM, durationMs: 7 * DAY }).filter(
      (r: ScheduledReading) => r.reading.kind === 'accel',
    );
    expect(windows.length / 7).toBeLessThan(80);
    const gaps = windows.slice(1).map((r, i) => r.at - (windows[i]?.at ?? 0));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(5 * MIN);
  });

  it('are never generated for Zigbee2MQTT, which has no such device', () => {
    const [z2mHome] = demoHomes(1, 'z2m');
    if (z2mHome === undefined) throw new Error('no demo home');
    const readings = generateDay(z2mHome, { seed: 4, start: MONDAY_6AM, durationMs: DAY, accel: false });
    expect(readings.some((r) => r.reading.kind === 'accel')).toBe(false);
    expect(readings.some(isDetection)).toBe(true);
  });
});
