import { describe, expect, it } from 'vitest';
import { batteryLow } from '../../../service/detectors/battery-low.js';
import { bathroomDevice, contextWith, event } from './fixtures.js';

describe('[BATT-1] battery low', () => {
  const ctx = contextWith(bathroomDevice());

  it('raises one technical alert per device when the battery reaches the limit', () => {
    const d = batteryLow({ lowPct: 15 });
    const [first] = d.onEvent?.(event({ battery: 15 }), ctx) ?? [];
    expect(first?.kind === 'raise' && first.alert).toMatchObject({
      ruleId: 'BATT-1',
      severity: 'technical',
      foldKey: 'battery_low:dev-1',
      reason: 'Battery of the bathroom motion sensor at 15% (limit 15%): replace it',
    });
    expect(d.onEvent?.(event({ battery: 14 }), ctx)).toEqual([]);
  });

  it('raises on a device that only says battery_low', () => {
    const [a] = batteryLow({ lowPct: 15 }).onEvent?.(event({ batteryLow: true }), ctx) ?? [];
    expect(a?.kind === 'raise' && a.alert.reason).toContain('reported low');
  });

  it('clears when the battery is well above the limit again (a new battery), not when it wobbles', () => {
    const d = batteryLow({ lowPct: 15 });
    d.onEvent?.(event({ battery: 10 }), ctx);
    expect(d.onEvent?.(event({ battery: 18 }), ctx)).toEqual([]);
    expect(d.onEvent?.(event({ battery: 100, eventTime: 5 }), ctx)).toEqual([
      { kind: 'clear', residentId: 'res-1', foldKey: 'battery_low:dev-1', at: 5 },
    ]);
  });

  it('clears a battery_low-only device when it reports battery_low: false', () => {
    const d = batteryLow({ lowPct: 15 });
    d.onEvent?.(event({ batteryLow: true }), ctx);
    expect(d.onEvent?.(event({ batteryLow: false }), ctx)?.[0]?.kind).toBe('clear');
  });

  it('after a restart, clears an alert raised before it', () => {
    const d = batteryLow({ lowPct: 15 });
    d.restore?.({ kind: 'battery_low', residentId: 'res-1', deviceId: 'dev-1' });
    expect(d.onEvent?.(event({ battery: 100 }), ctx)?.[0]?.kind).toBe('clear');
  });

  it('says nothing for a healthy battery or a message without one', () => {
    const d = batteryLow({ lowPct: 15 });
    expect(d.onEvent?.(event({ battery: 80 }), ctx)).toEqual([]);
    expect(d.onEvent?.(event({}), ctx)).toEqual([]);
  });
});
