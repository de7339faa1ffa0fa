import { describe, expect, it } from 'vitest';
import { formatDuration } from '../../../service/detectors/detector.js';
import { sensorSilent } from '../../../service/detectors/sensor-silent.js';
import { bathroomDevice, contextWith, event } from './fixtures.js';

const HOUR = 3_600_000;

describe('[SILENT-1] a sensor silent for longer than the limit', () => {
  const ctx = contextWith(bathroomDevice());

  it('raises on the first tick past the limit, once, and clears when the sensor reports again', () => {
    const d = sensorSilent({ silentMs: 3 * HOUR });
    d.watch('dev-1', 'res-1', 'room-bath', 0);
    expect(d.onTick?.(3 * HOUR - 1, ctx)).toEqual([]);
    const [raise] = d.onTick?.(3 * HOUR + 10 * 60_000, ctx) ?? [];
    expect(raise?.kind === 'raise' && raise.alert).toMatchObject({
      ruleId: 'SILENT-1',
      severity: 'technical',
      foldKey: 'sensor_silent:dev-1',
      reason: 'No message from the bathroom motion sensor for 3 h 10 min (limit 3 h)',
    });
    expect(d.onTick?.(4 * HOUR, ctx)).toEqual([]);
    expect(d.onEvent?.(event({ eventTime: 5 * HOUR, receivedAt: 5 * HOUR }), ctx)).toEqual([
      { kind: 'clear', residentId: 'res-1', foldKey: 'sensor_silent:dev-1', at: 5 * HOUR },
    ]);
  });

  it('counts silence from when Vaka last heard the device, not the device’s own clock', () => {
    const d = sensorSilent({ silentMs: HOUR });
    d.watch('dev-1', 'res-1', null, 0);
    d.onEvent?.(event({ eventTime: 0, receivedAt: 50 * 60_000 }), ctx);
    expect(d.onTick?.(HOUR + 1, ctx)).toEqual([]);
  });

  it('after a restart, clears an alert raised before it when the device reports', () => {
    const d = sensorSilent({ silentMs: HOUR });
    d.watch('dev-1', 'res-1', null, 0);
    d.restore?.({ kind: 'sensor_silent', residentId: 'res-1', deviceId: 'dev-1' });
    expect(d.onTick?.(10 * HOUR, ctx)).toEqual([]);
    expect(d.onEvent?.(event({ receivedAt: 10 * HOUR }), ctx)?.[0]?.kind).toBe('clear');
  });

  it('forgets removed devices', () => {
    const d = sensorSilent({ silentMs: HOUR });
    d.watch('dev-1', 'res-1', null, 0);
    d.onEvent?.(event({ eventTime: 50 * 60_000, receivedAt: 50 * 60_000 }), ctx);
    expect(d.onTick?.(HOUR + 1, ctx)).toEqual([]);
    d.unwatch('dev-1');
    expect(d.onTick?.(10 * HOUR, ctx)).toEqual([]);
  });
});

describe('[SILENT-2] a device its bridge reports offline', () => {
  it('raises at once on offline and clears on online', () => {
    const ctx = contextWith(bathroomDevice());
    const d = sensorSilent({ silentMs: HOUR });
    const [raise] = d.onEvent?.(event({ type: 'availability', value: false }), ctx) ?? [];
    expect(raise?.kind === 'raise' && raise.alert).toMatchObject({
      ruleId: 'SILENT-2',
      reason: 'The bathroom motion sensor is reported offline by its Zigbee bridge',
    });
    expect(d.onEvent?.(event({ type: 'availability', value: true }), ctx)?.[0]?.kind).toBe('clear');
  });
});

describe('durations read as people say them', () => {
  it.each([
    [20_000, '20 s'],
    [45 * 60_000, '45 min'],
    [3 * HOUR, '3 h'],
    [3 * HOUR + 10 * 60_000, '3 h 10 min'],
  ])('%i ms is "%s"', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
