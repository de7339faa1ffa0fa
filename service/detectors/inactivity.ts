import { clockMinute, outside, partOfDayOf, place, wholeMinutes } from '../alerts/explanation.js';
import { fromDays, howFar, partOfDay } from '../model/explain.js';
import { clockText } from '../model/local-time.js';
import type { ResidentState } from '../model/resident-state.js';
import { GROUP_NAMES } from '../model/rooms.js';
import { inactivity } from '../model/thresholds.js';
import { type BehaviourRule, learnedAlert, MIN_EVENTS, NOTHING, type RuleResult, roomText } from './behaviour-rule.js';
import { formatDuration } from './detector.js';

/**
 * Silences observed in that room and 3-hour bucket before INACT-1 judges them: a long silence
 * is only "beyond the norm" once there is a norm of the person's own (a day or two with
 * movement sensors; FALL-3 and EXIT-1 work from the priors on day one).
 */
const MIN_OBSERVED = 20;
/** After activity in a room without a movement sensor, more: silences there are long by nature. */
const SPARSE_MIN_OBSERVED = 30;
/**
 * Days learned before INACT-1 judges a home with movement sensors in fewer than WATCHED_ROOMS
 * rooms, or none where the person sits (the living room): the person's own long quiet spells
 * out of sight must be seen first.
 */
const SPARSE_MIN_DAYS = 7;
const WATCHED_ROOMS = 3;
/**
 * … and with no movement sensor at all (door contacts and plugs only: van Kasteren houses A, D,
 * E), the whole learning period: such sensors show acts, not presence, and a day without them
 * is an ordinary day (house E: silences of 3–9 h after the kitchen on days 10–14).
 */
const UNWATCHED_MIN_DAYS = 14;

/**
 * [INACT-1] Prolonged inactivity at home: no activity anywhere for longer than this person's
 * quiet spells in the room they were last in, at that time of day (the night's sleep is part of
 * the learned norm). Not while out; one alert per silence (FALL-3 for the same silence wins). High.
 */
export function prolongedInactivity(): BehaviourRule {
  return {
    id: 'INACT-1',
    check(s: ResidentState, now: number): RuleResult {
      const last = s.lastActivity;
      if (last === undefined || s.model.events < MIN_EVENTS || s.isOut(now)) return NOTHING;
      // One silence, one page: not for a silence FALL-3 or MORN-1 ("not up yet") has paged.
      if (s.fired.get('INACT-1') === last || s.fired.get('FALL-3') === last) return NOTHING;
      if (s.fired.get('MORN-1/silence') === last) return NOTHING;
      // … nor a bathroom stay BATH-1 has paged, with nothing heard since.
      if (s.lastGroup === 'bathroom' && s.fired.get('BATH-1') === s.roomEnteredAt) return NOTHING;
      // With few movement sensors, a silence says little until the person's own weeks are known.
      const rooms = s.model.motionRooms.size;
      const seenSitting = s.movementGroups.has('living');
      const minDays = rooms === 0 ? UNWATCHED_MIN_DAYS : rooms < WATCHED_ROOMS || !seenSitting ? SPARSE_MIN_DAYS : 0;
      if (s.model.days < minDays) return NOTHING;
      const watched = s.watchedRoom();
      // Unseen sitting: after activity no movement sensor saw, or in a home where none watches
      // the living room, the person may be sitting anywhere.
      const t = inactivity(s.model, s.lastGroup, s.lastBucket, !watched || !seenSitting);
      // After a door contact or a plug in a room no movement sensor watches, silences are long by
      // nature: judge them only on the person's own data.
      if (t.observed < (watched ? MIN_OBSERVED : SPARSE_MIN_OBSERVED)) return NOTHING;
      const due = last + t.limit;
      if (now < due) return { due };
      s.fired.set('INACT-1', last);
      const quiet = now - last;
      const at = s.clock.at(last);
      return {
        due: Number.POSITIVE_INFINITY,
        alert: learnedAlert(
          s,
          'INACT-1',
          now,
          `No activity anywhere for ${formatDuration(quiet)} (last in ${roomText(s.lastRoomName, GROUP_NAMES[s.lastGroup])} at ${clockText(at.minuteOfDay)}). ` +
            `Usually quiet there for at most ${formatDuration(t.norm)} ${partOfDay(at.hour)}, ${fromDays(s.model.days)}; ` +
            `this is ${howFar(quiet, t.norm)}.`,
          {
            key: 'inactivity',
            params: {
              place: place(s.lastRoomName, s.lastGroup),
              minutes: wholeMinutes(quiet),
              since: clockMinute(at.minuteOfDay),
              usualMax: wholeMinutes(t.norm),
              partOfDay: partOfDayOf(at.hour),
              days: s.model.days,
              ...outside(quiet, t.norm),
            },
          },
        ),
      };
    },
  };
}
