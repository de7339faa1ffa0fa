/**
 * [BASE-MEAL] No kitchen activity in a fixed meal window (lunch 11:00–13:30, dinner 16:30–19:30
 * local): checked once a day at the window's end, like a "no kitchen motion by 13:30" automation.
 * Windows the replay had not yet reached by their start are not judged.
 */
import type { AlertAction } from '../../service/detectors/detector.js';
import { clockText, type RuleFactory, raise } from './rule.js';

export const meal: RuleFactory = (settings, homes) => {
  const state = new Map<string, { since: number; lastKitchen: number; checked: string[] }>();
  return {
    ruleId: 'BASE-MEAL',
    added(device, lastSeen) {
      if (!state.has(device.residentId)) {
        state.set(device.residentId, { since: lastSeen, lastKitchen: Number.NEGATIVE_INFINITY, checked: [] });
      }
    },
    onEvent({ event, home, present }) {
      const s = state.get(event.residentId);
      if (present && s !== undefined && home.roomKind(event) === 'kitchen') {
        s.lastKitchen = Math.max(s.lastKitchen, event.eventTime);
      }
      return [];
    },
    onTick(now) {
      const actions: AlertAction[] = [];
      for (const [residentId, s] of state) {
        const clock = homes.get(residentId)?.clock;
        if (clock === undefined) continue;
        const timeOfDay = clock.timeOfDay(now);
        const date = clock.date(now);
        settings.meals.forEach(([from, by], i) => {
          if (timeOfDay < by || s.checked[i] === date) return;
          s.checked[i] = date;
          const windowStart = now - (timeOfDay - from);
          if (windowStart < s.since || s.lastKitchen >= windowStart) return;
          actions.push(
            raise({
              residentId,
              kind: 'meal',
              ruleId: 'BASE-MEAL',
              severity: 'medium',
              reason: `No kitchen activity between ${clockText(from)} and ${clockText(by)}`,
              at: now,
            }),
          );
        });
      }
      return actions;
    },
  };
};
