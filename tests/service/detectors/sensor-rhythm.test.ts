import { describe, expect, it } from 'vitest';
import { silentLimit } from '../../../service/detectors/sensor-silent.js';
import { Engine } from '../../../service/engine.js';
import { ctx, silentLog } from '../model/synthetic-home.js';

const HOUR = 3_600_000;

/** A message from the hall door: a battery report (as a device with a heartbeat sends), or the door used. */
function send(engine: Engine, deviceId: string, at: number, type: 'battery' | 'contact' = 'battery') {
  return engine.onEvent({
    deviceId,
    residentId: 'res-1',
    roomId: 'room-hall',
    sensorKind: 'door',
    type,
    value: type === 'battery' ? 80 : true,
    eventTime: at,
    receivedAt: at,
  });
}
const report = (engine: Engine, deviceId: string, at: number) => send(engine, deviceId, at);
const opened = (engine: Engine, deviceId: string, at: number) => send(engine, deviceId, at, 'contact');

const raisedAt = (engine: Engine, t: number) =>
  engine.tick(t).filter((a) => a.kind === 'raise' && a.alert.ruleId === 'SILENT-1');

describe('[SILENT-1] a sensor silent against its own rhythm', () => {
  it('does not flag a device that always reports every 5 h at the fixed 3 h limit, after its first 3 gaps', () => {
    const engine = new Engine({ batteryLowPct: 15, sensorSilentMs: 3 * HOUR }, ctx, silentLog);
    let t = 0;
    for (let i = 0; i < 40; i++) {
      report(engine, 'door-front', t);
      t += 5 * HOUR;
      const raised = engine.tick(t - 1000).filter((a) => a.kind === 'raise');
      if (i >= 3) expect(raised).toEqual([]);
    }
    // A real silence, well past the rhythm, is still flagged, with the device's own norm in words.
    const [alert] = engine.tick(t + 4 * HOUR).filter((a) => a.kind === 'raise');
    expect(alert?.kind === 'raise' && alert.alert.reason).toMatch(
      /^No message from the hall door sensor \(Front door\) for 9 h \(limit \d+ h( \d+ min)?; its usual longest gap between messages is \d+ h/,
    );
  });

  it('keeps the fixed limit as the floor for a device that reports often', () => {
    const engine = new Engine({ batteryLowPct: 15, sensorSilentMs: 3 * HOUR }, ctx, silentLog);
    for (let i = 0; i < 100; i++) report(engine, 'door-front', i * 600_000);
    const last = 99 * 600_000;
    expect(engine.tick(last + 2 * HOUR).filter((a) => a.kind === 'raise')).toEqual([]);
    expect(engine.tick(last + 3 * HOUR).filter((a) => a.kind === 'raise')).toHaveLength(1);
  });

  it('holds a device that only ever sent events to a week until its use is known, then to its own longest gap', () => {
    const engine = new Engine({ batteryLowPct: 15, sensorSilentMs: 3 * HOUR }, ctx, silentLog);
    // A door with no heartbeat, used every 6 to 30 hours.
    let t = 0;
    const gaps = [6, 30, 12, 8, 20, 6, 9, 30, 14, 7];
    for (let i = 0; i < 10; i++) {
      opened(engine, 'door-front', t);
      t += (gaps[i] ?? 6) * HOUR;
      expect(raisedAt(engine, t - 1000)).toEqual([]);
    }
    // Ten gaps: still learning, so 3 days without use are not flagged; a week is.
    opened(engine, 'door-front', t);
    expect(raisedAt(engine, t + 3 * 24 * HOUR)).toEqual([]);
    expect(raisedAt(engine, t + 7 * 24 * HOUR)).toHaveLength(1);
  });

  it('[SILENT-1] limits: the fixed floor, a day at most for a device that reports, a week for one that does not', () => {
    const fixed = 3 * HOUR;
    expect(silentLimit(fixed, undefined)).toBe(fixed);
    expect(silentLimit(fixed, { usualLongestMs: 5 * HOUR, observed: 2, periodic: true })).toBe(fixed);
    expect(silentLimit(fixed, { usualLongestMs: 5 * HOUR, observed: 3, periodic: true })).toBe(6.25 * HOUR);
    expect(silentLimit(fixed, { usualLongestMs: 40 * HOUR, observed: 50, periodic: true })).toBe(24 * HOUR);
    expect(silentLimit(fixed, { usualLongestMs: 5 * HOUR, observed: 19, periodic: false })).toBe(7 * 24 * HOUR);
    expect(silentLimit(fixed, { usualLongestMs: 5 * HOUR, observed: 20, periodic: false })).toBe(24 * HOUR);
    expect(silentLimit(fixed, { usualLongestMs: 48 * HOUR, observed: 20, periodic: false })).toBe(60 * HOUR);
    expect(silentLimit(fixed, { usualLongestMs: 30 * 24 * HOUR, observed: 20, periodic: false })).toBe(7 * 24 * HOUR);
  });
});
