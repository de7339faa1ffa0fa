import { describe, expect, it } from 'vitest';
import {
  demoHomes,
  generateDay,
  generateReadings,
  isBatteryPowered,
  type ScheduledReading,
} from '../../simulator/index.js';
import { RTCGQ11LM, RTCGQ14LM } from '../../simulator/pir.js';
import { DAY, HOUR, isDetection, localHour, MONDAY_6AM, render } from './helpers.js';

const [home] = demoHomes(1, 'z2m');
if (home === undefined) throw new Error('no demo home');
const quiet = { lossRate: 0, dropoutRate: 0 };
/** A week of the first demo resident (an early riser), with no radio noise. */
const week = generateDay(home, { seed: 11, start: MONDAY_6AM, durationMs: 7 * DAY, noise: quiet });
const of = (kind: ScheduledReading['reading']['kind']) => week.filter((r) => r.reading.kind === kind);

describe('a resident day', () => {
  it('same seed gives byte-identical messages; another seed gives different ones', () => {
    const homes = demoHomes(3, 'vaka');
    const options = { seed: 42, start: MONDAY_6AM, durationMs: 2 * DAY };
    const first = render('vaka', generateReadings(homes, options));
    const second = render('vaka', generateReadings(demoHomes(3, 'vaka'), options));
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
    const other = render('vaka', generateReadings(homes, { ...options, seed: 43 }));
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(first));
  });

  it('a longer window starts with exactly the readings of a shorter one', () => {
    const day = generateDay(home, { seed: 11, start: MONDAY_6AM, durationMs: DAY, noise: quiet });
    expect(week.slice(0, day.length)).toEqual(day);
    expect(week[day.length]?.at).toBeGreaterThanOrEqual(MONDAY_6AM + DAY);
  });

  it('produces readings in time order, at whole milliseconds, within the window', () => {
    for (let i = 1; i < week.length; i++) expect(week[i]?.at).toBeGreaterThanOrEqual(week[i - 1]?.at ?? 0);
    expect(week.every((r) => Number.isInteger(r.at))).toBe(true);
    expect(week[0]?.at).toBeGreaterThanOrEqual(MONDAY_6AM);
    expect(week.at(-1)?.at).toBeLessThan(MONDAY_6AM + 7 * DAY);
  });

  it('gets into bed in the evening and out of it early in the morning, every day', () => {
    const bed = of('bed').map((r) => ({
      occupied: r.reading.kind === 'bed' && r.reading.occupied,
      hour: localHour(r.at),
    }));
    const into = bed.filter((b) => b.occupied && (b.hour >= 20 || b.hour < 1));
    const outOf = bed.filter((b) => !b.occupied && b.hour >= 4.5 && b.hour < 8);
    expect(into.length).toBeGreaterThanOrEqual(6);
    expect(outOf.length).toBeGreaterThanOrEqual(6);
  });

  it('boils the kettle in the morning, and it switches itself off minutes later', () => {
    const power = of('power').filter((r) => r.device.role === 'kettle');
    const mornings = power.filter((r) => r.reading.kind === 'power' && r.reading.watts > 0 && localHour(r.at) < 10);
    expect(mornings.length).toBeGreaterThanOrEqual(6);
    for (const on of mornings) {
      const off = power.find((r) => r.at > on.at && r.reading.kind === 'power' && r.reading.watts === 0);
      expect((off?.at ?? Number.POSITIVE_INFINITY) - on.at).toBeLessThanOrEqual(5 * 60_000);
    }
  });

  it('visits the bathroom several times every day and gets up for it at night now and then', () => {
    const bathroom = week.filter((r) => r.device.room === 'Bathroom' && isDetection(r));
    const days = new Set(bathroom.map((r) => Math.floor((r.at - MONDAY_6AM) / DAY)));
    expect(days.size).toBe(7);
    const nights = bathroom.filter((r) => localHour(r.at) < 4 || localHour(r.at) >= 23);
    expect(nights.length).toBeGreaterThan(0);
  });

  it('opens the front door now and then, and always closes it again', () => {
    const door = of('door')
      .filter((r) => r.device.role === 'front_door')
      .map((r) => (r.reading.kind === 'door' ? r.reading.open : undefined));
    expect(door.length).toBeGreaterThanOrEqual(4);
    door.forEach((open, i) => {
      expect(open).toBe(i % 2 === 0);
    });
  });

  it('sits in the armchair with the TV on in the evening', () => {
    const tv = of('power').filter((r) => r.device.role === 'tv' && r.reading.kind === 'power' && r.reading.watts > 0);
    expect(tv.some((r) => localHour(r.at) >= 17)).toBe(true);
    expect(of('chair').length).toBeGreaterThan(14);
  });

  it('clears a motion sensor its timeout after the last detection, as Zigbee2MQTT occupancy_timeout does', () => {
    const kitchen = week.filter((r) => r.device.address === 'demo1/kitchen/motion');
    const clears = kitchen.filter((r) => r.reading.kind === 'motion' && !r.reading.detected);
    expect(clears.length).toBeGreaterThan(10);
    const gaps = new Set<number>();
    for (const clear of clears) {
      const previous = kitchen.filter((r) => r.at < clear.at && r.reading.kind === 'motion').at(-1);
      expect(previous?.reading).toMatchObject({ detected: true });
      gaps.add(clear.at - (previous?.at ?? 0));
    }
    expect(gaps.size).toBe(1);
    expect([RTCGQ11LM.timeoutMs, RTCGQ14LM.timeoutMs]).toContain([...gaps][0]);
  });

  it('never reports a detection from a PIR within its blind time of the previous one', () => {
    const pirs = new Set(week.filter((r) => r.device.kind === 'motion').map((r) => r.device.address));
    for (const address of pirs) {
      const detections = week.filter((r) => r.device.address === address && isDetection(r)).map((r) => r.at);
      const gaps = detections.slice(1).map((at, i) => at - (detections[i] ?? 0));
      expect(Math.min(...gaps), address).toBeGreaterThanOrEqual(RTCGQ14LM.blindMs);
    }
  });

  it('has every battery device report its charge every few hours, and mains devices send heartbeats', () => {
    for (const device of home.devices) {
      const reports = week.filter(
        (r) => r.device.address === device.address && (r.reading.kind === 'battery' || r.reading.kind === 'heartbeat'),
      );
      const kind = isBatteryPowered(device.kind) ? 'battery' : 'heartbeat';
      expect(reports.every((r) => r.reading.kind === kind)).toBe(true);
      const gaps = reports.slice(1).map((r, i) => r.at - (reports[i]?.at ?? 0));
      expect(Math.max(...gaps)).toBeLessThanOrEqual(kind === 'battery' ? 5 * HOUR : 70 * 60_000);
    }
  });

  it('reports battery levels that only go down', () => {
    const levels = of('battery').filter((r) => r.device.address === 'demo1/hall/front_door');
    const values = levels.map((r) => (r.reading.kind === 'battery' ? r.reading.battery : 0));
    expect(values).toEqual([...values].sort((a, b) => b - a));
  });
});

describe('a resident day, whatever the devices', () => {
  it('has the resident do the same things in a home with fewer sensors', () => {
    const options = { seed: 3, start: MONDAY_6AM, durationMs: 2 * DAY };
    const [full] = demoHomes(1, 'vaka');
    if (full === undefined) throw new Error('no demo home');
    const bare = { ...full, devices: full.devices.filter((d) => d.kind === 'bed' || d.kind === 'motion') };
    const movements = (h: typeof full) =>
      generateDay(h, options)
        .filter((r) => r.reading.kind === 'bed' || isDetection(r))
        .map((r) => `${r.at} ${r.device.address} ${JSON.stringify({ ...r.reading, battery: 0, linkquality: 0 })}`);
    expect(movements(bare)).toEqual(movements(full));
  });
});
