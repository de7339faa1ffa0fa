/**
 * [BASE-INACT] No sign of the resident being up anywhere for a fixed time (12 h): the
 * "stopwatch" of a social-alarm unit, reset by every movement sensor and pressure mat outside
 * the bedroom. Raised once per quiet spell, like the Tunstall Caresse, which suspends monitoring
 * "after first alarm until further activity is detected".
 */
import type { AlertAction } from '../../service/detectors/detector.js';
import { duration, type RuleFactory, raise } from './rule.js';

export const inactivity: RuleFactory = (settings) => {
  const last = new Map<string, { at: number; alerted: boolean }>();
  return {
    ruleId: 'BASE-INACT',
    added(device, lastSeen) {
      if (!last.has(device.residentId)) last.set(device.residentId, { at: lastSeen, alerted: false });
    },
    onEvent({ event, up }) {
      if (!up) return [];
      last.set(event.residentId, { at: event.eventTime, alerted: false });
      return [];
    },
    onTick(now) {
      const actions: AlertAction[] = [];
      for (const [residentId, state] of last) {
        if (state.alerted || now - state.at < settings.inactivityMs) continue;
        state.alerted = true;
        actions.push(
          raise({
            residentId,
            kind: 'inactivity',
            ruleId: 'BASE-INACT',
            severity: 'high',
            reason: `No activity for ${duration(now - state.at)} (fixed limit ${duration(settings.inactivityMs)})`,
            at: now,
          }),
        );
      }
      return actions;
    },
  };
};
