import { clockMinute, wholeMinutes } from '../alerts/explanation.js';
import { fromDays } from '../model/explain.js';
import { clockText } from '../model/local-time.js';
import type { ResidentState } from '../model/resident-state.js';
import { nightExit } from '../model/thresholds.js';
import { type BehaviourRule, learnedAlert, NOTHING, type RuleResult } from './behaviour-rule.js';
import { formatDuration } from './detector.js';

/**
 * [EXIT-1] Night exit without return: the front door at night (from this person's bedtime + 15
 * min to their usual getting-up time) and no movement indoors after it for longer than they
 * take to come back on nights they use the door (7–10 min). Critical. Being "out" does not
 * hide it: out is exactly what it is about.
 */
export function nightExitWithoutReturn(): BehaviourRule {
  return {
    id: 'EXIT-1',
    check(s: ResidentState, now: number): RuleResult {
      const door = s.nightDoorAt;
      if (door === undefined || s.fired.get('EXIT-1') === door) return NOTHING;
      const t = nightExit(s.model);
      const due = door + t.limit;
      if (now < due) return { due };
      s.fired.set('EXIT-1', door);
      const bed = s.model.bedtime.mean + 720;
      const usual =
        s.model.nightReturn.observed >= 1
          ? `on nights the door is used, back within ${formatDuration(t.norm)}`
          : 'the door is not used at night';
      return {
        due: Number.POSITIVE_INFINITY,
        alert: learnedAlert(
          s,
          'EXIT-1',
          now,
          `Front door used at ${clockText(s.clock.at(door).minuteOfDay)} at night and no movement indoors since (${formatDuration(now - door)}). ` +
            `Usually in bed from about ${clockText(bed)} to ${clockText(s.model.wake.mean)}; ${usual} (${fromDays(s.model.days)}).`,
          {
            key: 'exit.night',
            params: {
              doorAt: clockMinute(s.clock.at(door).minuteOfDay),
              minutes: wholeMinutes(now - door),
              bedFrom: clockMinute(bed),
              bedTo: clockMinute(s.model.wake.mean),
              backWithin: s.model.nightReturn.observed >= 1 ? wholeMinutes(t.norm) : null,
              days: s.model.days,
            },
          },
          null,
        ),
      };
    },
  };
}
