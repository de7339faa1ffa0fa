import { clockMinute, outside, partOfDayOf, place, wholeMinutes } from '../alerts/explanation.js';
import { fromDays, howFar, partOfDay } from '../model/explain.js';
import { clockText } from '../model/local-time.js';
import type { ResidentState } from '../model/resident-state.js';
import { GROUP_NAMES, isRisky } from '../model/rooms.js';
import { fallSilence, hallDwell, outOfBedSilence } from '../model/thresholds.js';
import { type BehaviourRule, learnedAlert, MIN_EVENTS, NOTHING, type RuleResult, roomText } from './behaviour-rule.js';
import { formatDuration } from './detector.js';

const MIN = 60_000;
/** Days of learning before the hall counts as risky in a home without a front door sensor (leaving looks like a silence in the hall). */
const HALL_DAYS_WITHOUT_DOOR = 3;

/**
 * [FALL-3] Suspected fall: silence in a risky room (bathroom, hall or entrance) far beyond this
 * person's norm for that room and time of day; or, in the hall, a stay with movement but no
 * door far beyond the usual (someone on the floor by the door moves now and then); or, at
 * night, out of bed (a bed sensor says so) and still, anywhere. Critical.
 */
export function suspectedFall(): BehaviourRule {
  return {
    id: 'FALL-3',
    check(s: ResidentState, now: number): RuleResult {
      const last = s.lastActivity;
      if (last === undefined || s.model.events < MIN_EVENTS || s.isOut(now)) return NOTHING;
      if (!isRisky(s.lastGroup)) return outOfBed(s, now, last);
      // Only a movement sensor shows someone still in the room; a door contact or a flush does not.
      if (!s.watchedRoom()) return NOTHING;
      // After a flush or a door in that room, the person may walk out unseen (the movement sensor
      // saw them come in moments before and is still blind): van Kasteren house C, 20–43 min of
      // quiet after the bathroom's bath lift or flush, the person elsewhere. BATH-1 (the stay)
      // and INACT-1 (the silence) still judge it.
      if (!s.lastWasMovement) return NOTHING;
      if (s.lastGroup === 'hall' && !s.doorSeen && s.model.days < HALL_DAYS_WITHOUT_DOOR) return NOTHING;
      // A single trigger after hours of nothing does not place anyone in the room (ResidentState).
      if (s.isLoneTrigger()) return NOTHING;
      if (s.fired.get('FALL-3') === last || s.fired.get('INACT-1') === last) return NOTHING;
      const where = roomText(s.lastRoomName, GROUP_NAMES[s.lastGroup]);
      const silence = fallSilence(s.model, s.lastGroup, s.lastBucket);
      let due = last + silence.limit;
      if (now >= due) {
        s.fired.set('FALL-3', last);
        const quiet = now - last;
        const hour = s.clock.at(last).hour;
        return {
          due: Number.POSITIVE_INFINITY,
          alert: learnedAlert(
            s,
            'FALL-3',
            now,
            `Possible fall: no movement in ${where} for ${formatDuration(quiet)} (since ${clockText(s.clock.at(last).minuteOfDay)}). ` +
              `Usually quiet there for at most ${formatDuration(silence.norm)} ${partOfDay(hour)}, ${fromDays(s.model.days)}; ` +
              `this is ${howFar(quiet, silence.norm)}.`,
            {
              key: 'fall.silence',
              params: {
                place: place(s.lastRoomName, s.lastGroup),
                minutes: wholeMinutes(quiet),
                since: clockMinute(s.clock.at(last).minuteOfDay),
                usualMax: wholeMinutes(silence.norm),
                partOfDay: partOfDayOf(hour),
                days: s.model.days,
                ...outside(quiet, silence.norm),
              },
            },
          ),
        };
      }
      // In the hall: moving, but not leaving, for far longer than usual.
      const entered = s.roomEnteredAt;
      const doorSince = s.lastDoorAt !== undefined && s.lastDoorAt >= entered;
      if (s.lastGroup === 'hall' && !doorSince && s.fired.get('FALL-3/hall') !== entered && now - last < 15 * MIN) {
        const stay = hallDwell(s.model);
        const dueStay = entered + stay.limit;
        if (now >= dueStay) {
          s.fired.set('FALL-3/hall', entered);
          s.fired.set('FALL-3', last);
          const length = now - entered;
          return {
            due: Number.POSITIVE_INFINITY,
            alert: learnedAlert(
              s,
              'FALL-3',
              now,
              `Possible fall: in ${where} for ${formatDuration(length)} moving now and then but not leaving. ` +
                `Usually passes through in at most ${formatDuration(stay.norm)}, ${fromDays(s.model.days)}; ` +
                `this is ${howFar(length, stay.norm)}.`,
              {
                key: 'fall.hall',
                params: {
                  place: place(s.lastRoomName, s.lastGroup),
                  minutes: wholeMinutes(length),
                  usualMax: wholeMinutes(stay.norm),
                  days: s.model.days,
                  ...outside(length, stay.norm),
                },
              },
            ),
          };
        }
        due = Math.min(due, dueStay);
      }
      return { due };
    },
  };
}

/** The daytime of issue 4's fall target, local hours [from, to). */
const DAY_FROM_H = 8;
const DAY_TO_H = 20;

/**
 * [FALL-3] Out of bed but still in the bedroom, and no movement for longer than the person's norm
 * there: at night, and in the daytime (08:00–20:00) too, where it pages a fall in the bedroom
 * inside 60 min (the cohort's one fall without a wearable paged late: in the bedroom at 13:18,
 * the bed pad empty, INACT-1's 90 min floor).
 */
function outOfBed(s: ResidentState, now: number, last: number): RuleResult {
  const hour = s.clock.at(last).hour;
  const night = s.isNight(last);
  const day = !night && hour >= DAY_FROM_H && hour < DAY_TO_H;
  if (!s.bedSensor || s.inBed || s.inChair || !s.movedSinceBedExit || !(night || day) || !s.watchedRoom()) {
    return NOTHING;
  }
  // Beside the bed: elsewhere at night (the kitchen) a still spell may be a missed return to bed.
  if (!s.isBedRoom(s.lastGroup, s.lastRoomId)) return NOTHING;
  if (s.fired.get('FALL-3') === last || s.fired.get('INACT-1') === last) return NOTHING;
  const t = outOfBedSilence(s.model, s.lastGroup, s.lastBucket, day);
  const due = last + t.limit;
  if (now < due) return { due };
  s.fired.set('FALL-3', last);
  const quiet = now - last;
  return {
    due: Number.POSITIVE_INFINITY,
    alert: learnedAlert(
      s,
      'FALL-3',
      now,
      `Possible fall: out of bed${night ? ' at night' : ''} and no movement for ${formatDuration(quiet)} (last in ${roomText(s.lastRoomName, GROUP_NAMES[s.lastGroup])} at ${clockText(s.clock.at(last).minuteOfDay)}). ` +
        `Usually quiet there for at most ${formatDuration(t.norm)} at this hour, ${fromDays(s.model.days)}; this is ${howFar(quiet, t.norm)}.`,
      {
        key: night ? 'fall.outOfBed' : 'fall.outOfBedDay',
        params: {
          place: place(s.lastRoomName, s.lastGroup),
          minutes: wholeMinutes(quiet),
          since: clockMinute(s.clock.at(last).minuteOfDay),
          usualMax: wholeMinutes(t.norm),
          days: s.model.days,
          ...outside(quiet, t.norm),
        },
      },
    ),
  };
}
