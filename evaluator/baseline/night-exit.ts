/**
 * [BASE-EXIT] The front door opens at night (23:00–07:00 local) and nothing happens indoors for a
 * fixed time (10 min) after it: a property exit sensor's "left and did not return". Activity in
 * the first minute after the door opened is the resident on the way out and does not count.
 */
import type { AlertAction } from '../../service/detectors/detector.js';
import { duration, type RuleFactory, raise } from './rule.js';

export function inWindow(timeOfDay: number, from: number, to: number): boolean {
  return from <= to ? timeOfDay >= from && timeOfDay < to : timeOfDay >= from || timeOfDay < to;
}

export const nightExit: RuleFactory = (settings) => {
  const pending = new Map<string, { openedAt: number; deviceId: string; roomId: string | null }>();
  return {
    ruleId: 'BASE-EXIT',
    onEvent({ event, home, present }) {
      if (!present) return [];
      const t = event.eventTime;
      if (home.isFrontDoor(event.deviceId)) {
        const night = inWindow(home.clock.timeOfDay(t), settings.nightFrom, settings.nightTo);
        if (event.type === 'contact' && night && !pending.has(event.residentId)) {
          pending.set(event.residentId, { openedAt: t, deviceId: event.deviceId, roomId: event.roomId });
        }
        return [];
      }
      const exit = pending.get(event.residentId);
      if (exit !== undefined && t > exit.openedAt + settings.exitGraceMs) pending.delete(event.residentId);
      return [];
    },
    onTick(now) {
      const actions: AlertAction[] = [];
      for (const [residentId, exit] of pending) {
        if (now - exit.openedAt < settings.exitNoReturnMs) continue;
        pending.delete(residentId);
        actions.push(
          raise({
            residentId,
            kind: 'night_exit',
            ruleId: 'BASE-EXIT',
            severity: 'critical',
            reason: `Front door opened at night and no activity indoors for ${duration(now - exit.openedAt)} (fixed limit ${duration(settings.exitNoReturnMs)})`,
            at: now,
            roomId: exit.roomId,
            deviceId: exit.deviceId,
          }),
        );
      }
      return actions;
    },
  };
};
