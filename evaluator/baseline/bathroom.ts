/**
 * [BASE-BATH] In the bathroom for longer than a fixed time (60 min): the last room where anything
 * happened is a bathroom, and nothing has happened in any other room since the resident went in.
 * Raised once per stay.
 */
import type { AlertAction } from '../../service/detectors/detector.js';
import { duration, type RuleFactory, raise } from './rule.js';

export const bathroom: RuleFactory = (settings) => {
  const stays = new Map<string, { since: number; roomId: string | null; alerted: boolean }>();
  return {
    ruleId: 'BASE-BATH',
    onEvent({ event, home, present }) {
      if (!present) return [];
      if (home.roomKind(event) !== 'bathroom') stays.delete(event.residentId);
      else if (!stays.has(event.residentId)) {
        stays.set(event.residentId, { since: event.eventTime, roomId: event.roomId, alerted: false });
      }
      return [];
    },
    onTick(now) {
      const actions: AlertAction[] = [];
      for (const [residentId, stay] of stays) {
        if (stay.alerted || now - stay.since < settings.bathroomMs) continue;
        stay.alerted = true;
        actions.push(
          raise({
            residentId,
            kind: 'bathroom',
            ruleId: 'BASE-BATH',
            severity: 'high',
            reason: `In the bathroom for ${duration(now - stay.since)} (fixed limit ${duration(settings.bathroomMs)})`,
            at: now,
            roomId: stay.roomId,
          }),
        );
      }
      return actions;
    },
  };
};
