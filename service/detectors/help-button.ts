import { deviceRef } from '../alerts/explanation.js';
import type { Detector } from './detector.js';
import { deviceName } from './detector.js';

/** [HELP-1] The resident pressed a help button (or a wearable's): page at once. */
export function helpButton(): Detector {
  return {
    ruleIds: ['HELP-1'],
    onEvent(event, ctx) {
      if (event.type !== 'help' || event.value !== true) return [];
      return [
        {
          kind: 'raise',
          alert: {
            residentId: event.residentId,
            roomId: event.roomId,
            deviceId: event.deviceId,
            kind: 'help',
            ruleId: 'HELP-1',
            severity: 'critical',
            reason: `Help requested: ${deviceName(ctx.device(event.deviceId))} was pressed`,
            explanation: { key: 'help.pressed', params: { device: deviceRef(ctx.device(event.deviceId)) } },
            foldKey: 'help',
            at: event.eventTime,
          },
        },
      ];
    },
  };
}
