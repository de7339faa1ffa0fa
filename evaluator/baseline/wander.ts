/**
 * [BASE-WANDER] Movement in at least 4 rooms other than the bedroom within 30 min between 00:00
 * and 05:00 local, like a "motion in 3 rooms at night" automation. Once a night.
 */
import type { AlertAction } from '../../service/detectors/detector.js';
import { clockText, type RuleFactory, raise } from './rule.js';

export const wander: RuleFactory = (settings, homes) => {
  const state = new Map<string, { seen: Map<string, number>; alerted: string }>();
  return {
    ruleId: 'BASE-WANDER',
    onEvent({ event, home, present }) {
      const clock = homes.get(event.residentId)?.clock;
      if (!present || clock === undefined || event.roomId === null || !home.isUp(event)) return [];
      const timeOfDay = clock.timeOfDay(event.eventTime);
      if (timeOfDay < settings.wanderFrom || timeOfDay >= settings.wanderTo) return [];
      let s = state.get(event.residentId);
      if (s === undefined) {
        s = { seen: new Map(), alerted: '' };
        state.set(event.residentId, s);
      }
      s.seen.set(event.roomId, event.eventTime);
      for (const [room, t] of s.seen) if (event.eventTime - t > settings.wanderWithinMs) s.seen.delete(room);
      const date = clock.date(event.eventTime);
      if (s.seen.size < settings.wanderRooms || s.alerted === date) return [];
      s.alerted = date;
      const actions: AlertAction[] = [
        raise({
          residentId: event.residentId,
          kind: 'wandering',
          ruleId: 'BASE-WANDER',
          severity: 'medium',
          reason: `Movement in ${s.seen.size} rooms within ${settings.wanderWithinMs / 60_000} min between ${clockText(settings.wanderFrom)} and ${clockText(settings.wanderTo)}`,
          at: event.eventTime,
        }),
      ];
      return actions;
    },
  };
};
