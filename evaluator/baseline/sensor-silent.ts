/**
 * [BASE-SILENT] A device has sent nothing for a fixed time (25 h, Zigbee2MQTT's availability
 * timeout for battery devices). Cleared by its next message.
 */
import type { AlertAction } from '../../service/detectors/detector.js';
import { duration, type RuleFactory, raise } from './rule.js';

export const sensorSilent: RuleFactory = (settings) => {
  const devices = new Map<string, { residentId: string; roomId: string | null; lastHeard: number; silent: boolean }>();
  const foldKey = (deviceId: string) => `sensor_silent:${deviceId}`;
  return {
    ruleId: 'BASE-SILENT',
    added(device, lastSeen) {
      devices.set(device.deviceId, {
        residentId: device.residentId,
        roomId: device.roomId,
        lastHeard: lastSeen,
        silent: false,
      });
    },
    onEvent({ event }) {
      const device = devices.get(event.deviceId);
      if (device === undefined) return [];
      device.lastHeard = Math.max(device.lastHeard, event.receivedAt);
      if (!device.silent) return [];
      device.silent = false;
      return [{ kind: 'clear', residentId: device.residentId, foldKey: foldKey(event.deviceId), at: event.receivedAt }];
    },
    onTick(now) {
      const actions: AlertAction[] = [];
      for (const [deviceId, device] of devices) {
        if (device.silent || now - device.lastHeard < settings.silentMs) continue;
        device.silent = true;
        actions.push(
          raise({
            residentId: device.residentId,
            kind: 'sensor_silent',
            ruleId: 'BASE-SILENT',
            severity: 'technical',
            reason: `No message from ${deviceId} for ${duration(now - device.lastHeard)} (fixed limit ${duration(settings.silentMs)})`,
            at: now,
            foldKey: foldKey(deviceId),
            roomId: device.roomId,
            deviceId,
          }),
        );
      }
      return actions;
    },
  };
};
