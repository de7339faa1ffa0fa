import { outside, partOfDayOf, place, usualRange, wholeMinutes } from '../alerts/explanation.js';
import { fromDays, howFar, partOfDay, range } from '../model/explain.js';
import type { ResidentState } from '../model/resident-state.js';
import { bathroomStay } from '../model/thresholds.js';
import { type BehaviourRule, learnedAlert, MIN_EVENTS, NOTHING, type RuleResult, roomText } from './behaviour-rule.js';
import { formatDuration } from './detector.js';

/**
 * [BATH-1] Long bathroom stay: in the bathroom (no activity elsewhere since entering) for
 * longer than this person's usual longest stay (97th percentile, day or night) + 10 min. High.
 * Not raised for a stay FALL-3 already paged.
 */
export function longBathroomStay(): BehaviourRule {
  return {
    id: 'BATH-1',
    check(s: ResidentState, now: number): RuleResult {
      const last = s.lastActivity;
      if (last === undefined || s.lastGroup !== 'bathroom' || s.model.events < MIN_EVENTS || s.isOut(now)) {
        return NOTHING;
      }
      // Only a movement sensor in the bathroom shows the stay goes on.
      if (!s.watchedRoom() || s.isLoneTrigger() || s.stayHasLongGap()) return NOTHING;
      const entered = s.roomEnteredAt;
      if (s.fired.get('BATH-1') === entered) return NOTHING;
      const firedFall = s.fired.get('FALL-3');
      if (firedFall !== undefined && firedFall >= entered) return NOTHING;
      const night = s.isNight(entered);
      const t = bathroomStay(s.model, night);
      const due = entered + t.limit;
      if (now < due) return { due };
      s.fired.set('BATH-1', entered);
      const stay = now - entered;
      return {
        due: Number.POSITIVE_INFINITY,
        alert: learnedAlert(
          s,
          'BATH-1',
          now,
          `In ${roomText(s.lastRoomName, 'the bathroom')} for ${formatDuration(stay)}; ` +
            `usually ${range(t.low, t.norm)} ${night ? 'at night' : partOfDay(s.clock.at(entered).hour)}, ${fromDays(s.model.days)}. ` +
            `This is ${howFar(stay, t.norm)}.`,
          {
            key: 'bathroom.long',
            params: {
              place: place(s.lastRoomName, 'bathroom'),
              minutes: wholeMinutes(stay),
              ...usualRange(t.low, t.norm),
              partOfDay: night ? 'night' : partOfDayOf(s.clock.at(entered).hour),
              days: s.model.days,
              ...outside(stay, t.norm),
            },
          },
        ),
      };
    },
  };
}
