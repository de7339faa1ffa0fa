/**
 * [BASE-FALL] A fall detector or wearable reports a fall: page at once.
 * [BASE-HELP] A help button is pressed: page at once.
 * Every blueprint and social alarm does this; it is the same as Vaka's FALL-1 and HELP-1, so the
 * comparison is about what happens without a press or a device's report.
 */
import type { RuleFactory } from './rule.js';
import { raise } from './rule.js';

export const deviceAlarms: RuleFactory = () => ({
  ruleId: 'BASE-FALL/BASE-HELP',
  onEvent({ event }) {
    if (event.value !== true || (event.type !== 'fall' && event.type !== 'help')) return [];
    const fall = event.type === 'fall';
    return [
      raise({
        residentId: event.residentId,
        kind: fall ? 'fall' : 'help',
        ruleId: fall ? 'BASE-FALL' : 'BASE-HELP',
        severity: 'critical',
        reason: fall ? `Fall reported by ${event.deviceId}` : `Help button ${event.deviceId} pressed`,
        at: event.eventTime,
        roomId: event.roomId,
        deviceId: event.deviceId,
      }),
    ];
  },
});
