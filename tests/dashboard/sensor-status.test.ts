import { describe, expect, it } from 'vitest';
import { conditionOf, needingAttention, SILENT_AFTER_MS, sensorRows } from '../../dashboard/src/sensor-status.js';
import type { Device } from '../../service/contract.js';
import { uuid } from './fixtures.js';

const NOW = Date.parse('2026-11-20T14:00:00Z');
const ago = (ms: number) => new Date(NOW - ms).toISOString();

function device(overrides: Partial<Device> = {}): Device {
  return {
    id: uuid(),
    format: 'z2m',
    address: 'home/pir',
    residentId: '10000000-0000-4000-8000-000000000001',
    roomId: null,
    kind: 'motion',
    label: null,
    createdAt: '2026-11-01T08:00:00.000Z',
    lastSeenAt: ago(60_000),
    battery: 90,
    batteryLow: false,
    linkquality: 150,
    online: true,
    ...overrides,
  };
}

describe('a sensor’s condition', () => {
  it('is ok when it reports, with battery and signal to spare', () => {
    expect(conditionOf(device(), NOW)).toBe('ok');
    expect(conditionOf(device({ battery: null, linkquality: null, online: null }), NOW)).toBe('ok');
  });

  it('is silent once not heard from for the silence limit', () => {
    expect(conditionOf(device({ lastSeenAt: ago(SILENT_AFTER_MS - 1000) }), NOW)).toBe('ok');
    expect(conditionOf(device({ lastSeenAt: ago(SILENT_AFTER_MS) }), NOW)).toBe('silent');
  });

  it('is offline when the broker says so, and never heard from before its first message', () => {
    expect(conditionOf(device({ online: false }), NOW)).toBe('offline');
    expect(conditionOf(device({ lastSeenAt: null }), NOW)).toBe('never');
  });

  it('has a low battery by the device’s own flag or at 20 % and under, and a weak signal at LQI 40 and under', () => {
    expect(conditionOf(device({ battery: 20 }), NOW)).toBe('battery');
    expect(conditionOf(device({ battery: 60, batteryLow: true }), NOW)).toBe('battery');
    expect(conditionOf(device({ linkquality: 40 }), NOW)).toBe('weak');
    expect(conditionOf(device({ linkquality: 41 }), NOW)).toBe('ok');
  });
});

describe('the sensors list', () => {
  it('puts the worst first and, within a condition, the longest silent first', () => {
    const rows = sensorRows(
      [
        device({ label: 'fine' }),
        device({ label: 'weak', linkquality: 10 }),
        device({ label: 'silent 4 h', lastSeenAt: ago(4 * 3_600_000) }),
        device({ label: 'never', lastSeenAt: null }),
        device({ label: 'silent 9 h', lastSeenAt: ago(9 * 3_600_000) }),
        device({ label: 'offline', online: false }),
        device({ label: 'battery', battery: 5 }),
      ],
      NOW,
    );
    expect(rows.map((r) => r.device.label)).toEqual([
      'offline',
      'never',
      'silent 9 h',
      'silent 4 h',
      'battery',
      'weak',
      'fine',
    ]);
    expect(needingAttention(rows)).toBe(6);
  });
});
