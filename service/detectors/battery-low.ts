import { deviceRef } from '../alerts/explanation.js';
import type { Detector } from './detector.js';
import { deviceName } from './detector.js';

export interface BatteryLowOptions {
  /** At or below this the battery is low, in percent. */
  lowPct: number;
}

/** Percentage points above the limit before a low-battery alert clears, so a reading that wobbles around it does not flap. */
const CLEAR_MARGIN_PCT = 5;

/** [BATT-1] A device's battery is at or below the limit, or the device says it is low. */
export function batteryLow(options: BatteryLowOptions): Detector {
  const low = new Set<string>();
  return {
    ruleIds: ['BATT-1'],
    restore(alert) {
      if (alert.kind === 'battery_low' && alert.deviceId !== null) low.add(alert.deviceId);
    },
    onEvent(event, ctx) {
      const pct = event.battery;
      const isLow = event.batteryLow === true || (pct !== undefined && pct <= options.lowPct);
      const foldKey = `battery_low:${event.deviceId}`;
      if (isLow) {
        if (low.has(event.deviceId)) return [];
        low.add(event.deviceId);
        const level = pct === undefined ? 'reported low' : `at ${pct}% (limit ${options.lowPct}%)`;
        return [
          {
            kind: 'raise',
            alert: {
              residentId: event.residentId,
              roomId: event.roomId,
              deviceId: event.deviceId,
              kind: 'battery_low',
              ruleId: 'BATT-1',
              severity: 'technical',
              reason: `Battery of ${deviceName(ctx.device(event.deviceId))} ${level}: replace it`,
              explanation: {
                key: 'battery.low',
                params: { device: deviceRef(ctx.device(event.deviceId)), percent: pct ?? null, limit: options.lowPct },
              },
              foldKey,
              at: event.eventTime,
            },
          },
        ];
      }
      const recovered = pct === undefined ? event.batteryLow === false : pct > options.lowPct + CLEAR_MARGIN_PCT;
      if (recovered && low.delete(event.deviceId)) {
        return [{ kind: 'clear', residentId: event.residentId, foldKey, at: event.eventTime }];
      }
      return [];
    },
  };
}
