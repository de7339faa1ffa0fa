/**
 * [BASE-BATT] Once a day at 10:00 local, every device whose last battery reading is below 20 %
 * (or that flags its battery low) is reported — the Home Assistant low-battery blueprint. A
 * device still low the next day repeats into the same alert; a reading at or above the limit
 * closes it.
 */
import type { AlertAction } from '../../service/detectors/detector.js';
import { type RuleFactory, raise } from './rule.js';

interface Battery {
  residentId: string;
  roomId: string | null;
  pct: number | undefined;
  flagLow: boolean;
  alerted: boolean;
}

export const battery: RuleFactory = (settings, homes) => {
  const devices = new Map<string, Battery>();
  const checked = new Map<string, string>();
  const foldKey = (deviceId: string) => `battery_low:${deviceId}`;
  const isLow = (b: Battery) => b.flagLow || (b.pct !== undefined && b.pct < settings.batteryBelowPct);
  return {
    ruleId: 'BASE-BATT',
    onEvent({ event }) {
      if (event.battery === undefined && event.batteryLow === undefined) return [];
      let b = devices.get(event.deviceId);
      if (b === undefined) {
        b = { residentId: event.residentId, roomId: event.roomId, pct: undefined, flagLow: false, alerted: false };
        devices.set(event.deviceId, b);
      }
      if (event.battery !== undefined) b.pct = event.battery;
      if (event.batteryLow !== undefined) b.flagLow = event.batteryLow;
      if (!b.alerted || isLow(b)) return [];
      b.alerted = false;
      return [{ kind: 'clear', residentId: b.residentId, foldKey: foldKey(event.deviceId), at: event.eventTime }];
    },
    onTick(now) {
      const due = new Set<string>();
      for (const [residentId, home] of homes) {
        const timeOfDay = home.clock.timeOfDay(now);
        if (timeOfDay < settings.batteryCheckAt) continue;
        const date = home.clock.date(now);
        if (checked.get(residentId) === date) continue;
        checked.set(residentId, date);
        due.add(residentId);
      }
      if (due.size === 0) return [];
      const actions: AlertAction[] = [];
      for (const [deviceId, b] of devices) {
        if (!due.has(b.residentId) || !isLow(b)) continue;
        b.alerted = true;
        actions.push(
          raise({
            residentId: b.residentId,
            kind: 'battery_low',
            ruleId: 'BASE-BATT',
            severity: 'technical',
            reason: `Battery of ${deviceId} ${b.pct === undefined ? 'reported low' : `at ${b.pct}%`} (limit ${settings.batteryBelowPct}%, checked daily)`,
            at: now,
            foldKey: foldKey(deviceId),
            roomId: b.roomId,
            deviceId,
          }),
        );
      }
      return actions;
    },
  };
};
