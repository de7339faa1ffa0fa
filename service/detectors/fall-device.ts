import { deviceRef } from '../alerts/explanation.js';
import type { Detector } from './detector.js';
import { deviceName } from './detector.js';

/** [FALL-1] A fall detector or wearable reports a fall: page at once. */
export function fallFromDevice(): Detector {
  return {
    ruleIds: ['FALL-1'],
    onEvent(event, ctx) {
      if (event.type !== 'fall' || event.value !== true) return [];
      const device = ctx.device(event.deviceId);
      return [
        {
          kind: 'raise',
          alert: {
            residentId: event.residentId,
            roomId: event.roomId,
            deviceId: event.deviceId,
            kind: 'fall',
            ruleId: 'FALL-1',
            severity: 'critical',
            reason: `Fall reported by ${deviceName(device)}`,
            explanation: { key: 'fall.device', params: { device: deviceRef(device) } },
            foldKey: 'fall',
            at: event.eventTime,
          },
        },
      ];
    },
  };
}
