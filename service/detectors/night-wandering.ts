import { clockMinute, wholeMinutes } from '../alerts/explanation.js';
import { fromDays } from '../model/explain.js';
import { clockText } from '../model/local-time.js';
import { type ResidentState, WANDER_EARLY_MIN, WANDER_LATE_MIN } from '../model/resident-state.js';
import { nightWander } from '../model/thresholds.js';
import { type BehaviourRule, learnedAlert, MIN_EVENTS, NOTHING, type RuleResult } from './behaviour-rule.js';
import { formatDuration } from './detector.js';

const MIN = 60_000;
/** Room changes in a spell before it counts as moving between rooms (a toilet trip has three or four). */
const MIN_MOVES = 6;
/** Rooms in a spell before it counts as wandering (a toilet trip is bedroom, hall, bathroom). */
const MIN_ROOMS = 4;

/**
 * [WANDER-1] Night wandering: at night, moving between rooms (at least 6 room changes, none
 * more than 15 min apart, through at least 4 rooms) and out of the bedroom for longer than
 * this person's night spells usually last (night-spell.ts; thresholds.ts nightWander:
 * 18–22 min out of the bedroom). Medium; once a spell. Not while out (EXIT-1's).
 */
export function nightWandering(): BehaviourRule {
  return {
    id: 'WANDER-1',
    check(s: ResidentState, now: number): RuleResult {
      const spell = s.spell;
      const start = spell.start;
      if (start === undefined || s.model.events < MIN_EVENTS || s.fired.get('WANDER-1') === start) return NOTHING;
      if (
        !spell.active(now) ||
        s.isOut(now) ||
        !s.nightHoursKnown() ||
        !s.isNightHours(now, WANDER_EARLY_MIN, WANDER_LATE_MIN)
      )
        return NOTHING;
      const t = nightWander(s.model);
      const up = spell.outMs;
      // Time out of the bedroom grows at most as fast as the clock: check again when it could be enough.
      if (up < t.limit) return { due: now + Math.max(MIN, Math.min(5 * MIN, t.limit - up)) };
      if (spell.moves < MIN_MOVES || spell.rooms.size < MIN_ROOMS) return { due: now + 5 * MIN };
      s.fired.set('WANDER-1', start);
      return {
        due: Number.POSITIVE_INFINITY,
        alert: learnedAlert(
          s,
          'WANDER-1',
          now,
          `Up at night and moving between rooms since ${clockText(s.clock.at(start).minuteOfDay)}: ` +
            `${formatDuration(up)} out of the bedroom, ${spell.moves} room changes through ${spell.rooms.size} rooms. ` +
            `Usually up at night for at most ${formatDuration(t.norm)} at a time, ${fromDays(s.model.days)}.`,
          {
            key: 'wander.night',
            params: {
              since: clockMinute(s.clock.at(start).minuteOfDay),
              minutes: wholeMinutes(up),
              moves: spell.moves,
              rooms: spell.rooms.size,
              usualMax: wholeMinutes(t.norm),
              days: s.model.days,
            },
          },
        ),
      };
    },
  };
}
