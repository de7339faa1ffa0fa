import { describe, expect, it } from 'vitest';
import { Engine } from '../../../service/engine.js';
import { ctx, silentLog } from '../model/synthetic-home.js';

const HOUR = 3_600_000;

function report(engine: Engine, deviceId: string, at: number) {
  return engine.onEvent({
    deviceId,
    residentId: 'res-1',
    roomId: 'room-hall',
    sensorKind: 'door',
    type: 'battery',
    value: 80,
    eventTime: at,
    receivedAt: at,
  });
}

describe('[SILENT-1] a sensor silent against its own rhythm', () => {
  it('does not flag a device that always reports every 5 h at the fixed 3 h limit, once its rhythm is learned', () => {
    const engine = new Engine({ batteryLowPct: 15, sensorSilentMs: 3 * HOUR }, ctx, silentLog);
    let t = 0;
    for (let i = 0; i < 40; i++) {
      report(engine, 'door-front', t);
      t += 5 * HOUR;
      const raised = engine.tick(t - 1000).filter((a) => a.kind === 'raise');
      if (i >= 25) expect(raised).toEqual([]);
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
});
