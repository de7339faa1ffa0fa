/**
 * [BASE-MORN] No sign of the resident being up between 07:00 and 10:00 local: checked once a day
 * at 10:00, like a social alarm's inactivity time window (Tunstall Caresse, Mode 2). Days the
 * replay had not yet started by 07:00 are not judged.
 */
import type { AlertAction } from '../../service/detectors/detector.js';
import { clockText, type RuleFactory, raise } from './rule.js';

export const morning: RuleFactory = (settings, homes) => {
  const state = new Map<string, { since: number; lastUp: number; checked: string }>();
  return {
    ruleId: 'BASE-MORN',
    added(device, lastSeen) {
      if (!state.has(device.residentId)) {
        state.set(device.residentId, { since: lastSeen, lastUp: Number.NEGATIVE_INFINITY, checked: '' });
      }
    },
    onEvent({ event, up }) {
      const s = state.get(event.residentId);
      if (up && s !== undefined) s.lastUp = Math.max(s.lastUp, event.eventTime);
      return [];
    },
    onTick(now) {
      const actions: AlertAction[] = [];
      for (const [residentId, s] of state) {
        const clock = homes.get(residentId)?.clock;
        if (clock === undefined) continue;
        const timeOfDay = clock.timeOfDay(now);
        if (timeOfDay < settings.morningBy) continue;
        const date = clock.date(now);
        if (s.checked === date) continue;
        s.checked = date;
        const windowStart = now - (timeOfDay - settings.morningFrom);
        if (windowStart < s.since || s.lastUp >= windowStart) continue;
        actions.push(
          raise({
            residentId,
            kind: 'morning',
            ruleId: 'BASE-MORN',
            severity: 'medium',
            reason: `No activity between ${clockText(settings.morningFrom)} and ${clockText(settings.morningBy)}`,
            at: now,
          }),
        );
      }
      return actions;
    },
  };
};
