import { clockMinute } from '../alerts/explanation.js';
import { fromDays } from '../model/explain.js';
import { clockText } from '../model/local-time.js';
import { MORNING_END_MIN, MORNING_START_MIN, type ResidentState } from '../model/resident-state.js';
import { morning } from '../model/thresholds.js';
import { type BehaviourRule, learnedAlert, MIN_EVENTS, NOTHING, type RuleResult } from './behaviour-rule.js';

const MIN = 60_000;
/** Mornings learned before MORN-1 judges a home with movement sensors in fewer than WATCHED_ROOMS rooms. */
const SPARSE_MIN_DAYS = 7;
/** Mornings learned before MORN-1 judges any home: the population prior alone pages late risers. */
const MIN_DAYS = 5;
const WATCHED_ROOMS = 3;
/** Mornings of a day type (weekday, weekend) before it is judged by its own routine (a weekend lie-in). */
const DAY_TYPE_MIN_DAYS = 6;
/** Someone not heard from for this long is a matter for INACT-1 and SILENT-1, not for the morning rule. */
const RECENT_MS = 36 * 60 * MIN;
/** A getting-up time that varies by more than this (sd, minutes) is no routine to miss. */
const IRREGULAR_SD_MIN = 90;

/**
 * [MORN-1] Missed morning routine: by this person's usual getting-up time (on weekdays or on
 * weekends, once each has 6 mornings) + 2 sd + 20 min, no
 * lasting activity outside the bedroom since 04:00. Not while out (they slept elsewhere).
 * Medium; once a day.
 */
export function missedMorning(): BehaviourRule {
  return {
    id: 'MORN-1',
    check(s: ResidentState, now: number): RuleResult {
      const last = s.lastActivity;
      if (last === undefined || s.model.events < MIN_EVENTS || now - last > RECENT_MS) return NOTHING;
      // With few movement sensors, "up" is guesswork until the person's own mornings are known.
      if (s.model.wake.days < (s.model.motionRooms.size < WATCHED_ROOMS ? SPARSE_MIN_DAYS : MIN_DAYS)) return NOTHING;
      const lt = s.clock.at(now);
      const wake = s.model.wakeFor(lt.weekend, DAY_TYPE_MIN_DAYS);
      const t = morning(s.model, wake);
      if (t.low > IRREGULAR_SD_MIN) return { due: s.clock.toEpoch(lt.day + 1, MORNING_START_MIN) };
      const limit = Math.max(MORNING_START_MIN, t.limit);
      if (lt.minuteOfDay < limit) return { due: s.clock.toEpoch(lt.day, limit) };
      const tomorrow = s.clock.toEpoch(lt.day + 1, MORNING_START_MIN);
      if (lt.minuteOfDay >= MORNING_END_MIN + 60 || s.fired.get('MORN-1') === lt.day) return { due: tomorrow };
      s.settleMorning(now);
      const today = s.morningDay === lt.day;
      const up = today && (s.upAt !== undefined || s.morningCandidate !== undefined);
      if (up || s.isOut(now)) return { due: today && s.upAt === undefined ? now + 5 * MIN : tomorrow };
      // One silence, one page: INACT-1 has already paged this one ("no activity anywhere").
      if (s.fired.get('INACT-1') === last) return { due: tomorrow };
      s.fired.set('MORN-1', lt.day);
      // The silence behind it: INACT-1 does not page it a second time.
      s.fired.set('MORN-1/silence', last);
      const sd = t.low;
      return {
        due: tomorrow,
        alert: learnedAlert(
          s,
          'MORN-1',
          now,
          `Not up yet at ${clockText(lt.minuteOfDay)}: no lasting activity outside the bedroom since ${clockText(MORNING_START_MIN)}. ` +
            `Usually up at ${clockText(t.norm)} ± ${Math.round(sd)} min${wake === s.model.wake ? '' : lt.weekend ? ' on weekends' : ' on weekdays'}, ${fromDays(s.model.wake.days)}.`,
          {
            key: 'morning.missed',
            params: {
              at: clockMinute(lt.minuteOfDay),
              since: clockMinute(MORNING_START_MIN),
              usualAt: clockMinute(t.norm),
              sd: Math.round(sd),
              dayType: wake === s.model.wake ? 'any' : lt.weekend ? 'weekend' : 'weekday',
              days: s.model.wake.days,
            },
          },
          null,
        ),
      };
    },
  };
}
