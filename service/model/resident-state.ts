/**
 * One resident's live state: the learned model plus where they are now (last room with
 * activity, in bed, out of the home), what the current morning and night look like, and which
 * episodes have already been alerted. `observe` folds one activity event in, in O(1):
 * it learns the silence that just ended, the stay in the room just left, bedtime and getting
 * up, and night-time door returns.
 */
import type { LocalClock } from './local-time.js';
import { MealDay } from './meals.js';
import { NightSpell } from './night-spell.js';
import { bucketOfHour, type ResidentModel } from './resident-model.js';
import type { RoomGroup } from './rooms.js';

const SEC = 1000;
const MIN = 60_000;
/** Movement within this long after a door event is the person passing the door, not coming back. */
export const DOOR_GRACE_MS = 20 * SEC;
/** How long before the usual getting-up time being up counts as the morning, in minutes. */
const EARLY_START_MIN = 90;
/** [FALL-3] [BATH-1] A single trigger after this long with nothing heard anywhere does not place the resident in a room. */
const LONE_TRIGGER_QUIET_MS = 2 * 60 * MIN;
/** … and a trigger with its repeats within this long is one trigger (a movement sensor reports a few times as someone passes). */
const LONE_BURST_MS = 2 * MIN;
/** [MORN-1] Fewer rooms than this with a movement sensor: a sparsely watched home. */
const SPARSE_ROOMS = 3;
/** [EXIT-1] The front door before this local time (minutes after midnight) is at night, whatever the person's bedtime. */
const CORE_NIGHT_END_MIN = 5 * 60;
/** Front door closed and no movement indoors for this long: the resident is out. */
export const OUT_AFTER_MS = 5 * MIN;
/** The first bedroom stay this long begun in the evening is the night's sleep; bedtime is when it began. */
const BEDTIME_STAY_MS = 2 * 60 * MIN;
/** Up for the day: activity outside the bedroom that goes on for this long … */
const UP_CONFIRM_MS = 20 * MIN;
/** … without a gap this long back in (or near) bed. */
const UP_RESET_MS = 30 * MIN;
/** Night-time door returns longer than this are not learned as returns. */
const NIGHT_RETURN_MAX_MS = 3 * 60 * MIN;
/** [WANDER-1] Night spells end this long before the usual getting-up time (an early start is not wandering) … */
export const WANDER_EARLY_MIN = 60;
/** … and begin this long after the usual bedtime + 15 min (a late evening is not wandering) … */
export const WANDER_LATE_MIN = 45;
/** … once this person's bedtime and getting up are known from this many days each. */
const NIGHT_HOURS_DAYS = 3;
/** The morning window, local minutes after midnight. */
export const MORNING_START_MIN = 4 * 60;
export const MORNING_END_MIN = 13 * 60;

export type ContextKind = 'away' | 'hospital' | 'visitor';
export interface ResidentContext {
  kind: ContextKind;
  /** Until when, ms since the epoch. */
  until: number;
  note?: string | undefined;
}

export interface ActivityInput {
  at: number;
  group: RoomGroup;
  roomId: string | null;
  roomName: string | null;
  /** A front door contact (opened or closed). */
  frontDoor: boolean;
  /** For a front door: true when opened, false when closed. */
  doorOpen?: boolean | undefined;
  /** For a bed sensor: true when getting in, false when getting out. */
  inBed?: boolean | undefined;
  /** For a chair pad: true when sitting down, false when getting up. */
  inChair?: boolean | undefined;
  /** From a movement sensor (PIR, presence). */
  movement?: boolean | undefined;
}

export class ResidentState {
  lastActivity: number | undefined;
  lastGroup: RoomGroup = 'other';
  lastRoomId: string | null = null;
  lastRoomName: string | null = null;
  lastBucket = 0;
  /** The local day of the last activity (silences are learned by the day they began). */
  lastLocalDay = 0;
  /** When the current stay in the room began (first activity there after activity elsewhere). */
  roomEnteredAt = 0;
  /** The latest burst of activity (events less than LONE_TRIGGER_QUIET_MS apart) began then … */
  burstStart = 0;
  /** … after this long with nothing heard at all, ms. */
  quietBeforeBurst = 0;
  /** The last activity came from a movement sensor. */
  lastWasMovement = false;
  /** The longest silence within the current stay so far, ms. */
  longestGapInStay = 0;
  lastDoorAt: number | undefined;
  doorOpen = false;
  doorSeen = false;
  lastIndoorAt: number | undefined;
  /** A front door event at night not yet followed by movement indoors. */
  nightDoorAt: number | undefined;
  inBed = false;
  /** Sitting in a chair with a pad (someone dozing in the armchair at night is resting, not fallen). */
  inChair = false;
  /** A bed sensor has reported (so "not in bed" means something). */
  bedSensor = false;
  /** A movement sensor saw the person after they got out of bed (a pad that lets go in sleep is not getting up). */
  movedSinceBedExit = false;
  readonly bedRooms = new Set<string>();
  /** Room groups a movement sensor has seen the person in (rebuilt from events after a restart). */
  readonly movementGroups = new Set<RoomGroup>();
  morningDay = Number.NaN;
  morningCandidate: number | undefined;
  upAt: number | undefined;
  lastNonBedAt: number | undefined;
  /** The latest activity in the bedroom (or a bed); undefined while no bedroom sensor has been heard. */
  lastBedroomAt: number | undefined;
  bedtimeNight = Number.NaN;
  /** [MEAL-1] Today's kitchen: meal stays so far and the latest kitchen activity. */
  readonly meals = new MealDay();
  /** [WANDER-1] The night-time spell out of bed going on, if any. */
  readonly spell = new NightSpell();
  /** Rule id → the episode (a time) it has alerted for, so one episode pages once. */
  readonly fired = new Map<string, number>();
  /** The next time a tick has something to check; Infinity: nothing pending. */
  nextDue = 0;
  context: ResidentContext | undefined;
  /** Model changed since last saved. */
  dirty = false;

  constructor(
    readonly residentId: string,
    readonly model: ResidentModel,
    readonly clock: LocalClock,
  ) {}

  /** Whether a silence in the room of the last activity means stillness (a movement sensor is there). */
  watchedRoom(): boolean {
    return this.lastRoomId !== null && this.model.motionRooms.has(this.lastRoomId);
  }

  /**
   * [FALL-3] [BATH-1] The last activity is a lone trigger: a burst shorter than LONE_BURST_MS
   * after hours in which nothing at all was heard, and nothing since. Nobody was seen coming from
   * anywhere, so it says little about someone being in that room (van Kasteren house B, days
   * without labels: the bathroom sensor fired alone at 04:02, 20:25 and 02:20 after 2–51 h of
   * silence, and nothing followed for hours). Someone who walks in and falls was heard
   * elsewhere shortly before.
   */
  isLoneTrigger(): boolean {
    const last = this.lastActivity;
    return (
      last !== undefined && this.quietBeforeBurst >= LONE_TRIGGER_QUIET_MS && last - this.burstStart < LONE_BURST_MS
    );
  }

  /** [BATH-1] The stay in this room had hours without a sound in it: not one visit, but triggers hours apart. */
  stayHasLongGap(): boolean {
    return this.longestGapInStay >= LONE_TRIGGER_QUIET_MS;
  }

  isBedRoom(group: RoomGroup, roomId: string | null): boolean {
    return group === 'bedroom' || (roomId !== null && this.bedRooms.has(roomId));
  }

  /** Out of the home: the front door closed after the last movement indoors, a while ago. */
  isOut(now: number): boolean {
    if (this.lastDoorAt === undefined || this.doorOpen) return false;
    if (this.lastIndoorAt !== undefined && this.lastIndoorAt > this.lastDoorAt + DOOR_GRACE_MS) return false;
    return now - this.lastDoorAt >= OUT_AFTER_MS;
  }

  /** Night: from the person's bedtime + 15 min to their usual getting-up time, unless already up. */
  isNight(t: number): boolean {
    const lt = this.clock.at(t);
    if (lt.minuteOfDay < MORNING_END_MIN && this.morningDay === lt.day && this.upAt !== undefined) return false;
    // Up outside the bedroom within the last hour and a half before the usual getting-up time: a
    // morning start (someone leaving for the day), not the night.
    if (
      lt.minuteOfDay < MORNING_END_MIN &&
      this.morningDay === lt.day &&
      this.morningCandidate !== undefined &&
      this.isEarlyStart(this.morningCandidate)
    )
      return false;
    return this.isNightHours(t);
  }

  /**
   * [EXIT-1] Night for the front door: the person's own night, and in any case midnight to 05:00
   * (to an hour and a half before their usual getting-up time, if earlier) unless they are up
   * for the day. Someone who usually goes to bed at 00:54 and leaves at 00:39 without coming
   * back is as much at risk (van Kasteren house C, the one night exit missed before).
   */
  isExitNight(t: number): boolean {
    if (this.isNight(t)) return true;
    const lt = this.clock.at(t);
    if (lt.minuteOfDay >= Math.min(CORE_NIGHT_END_MIN, this.model.wake.mean - EARLY_START_MIN)) return false;
    return !(this.morningDay === lt.day && this.upAt !== undefined);
  }

  /** [WANDER-1] Bedtime and getting up learned for a few days: before that the night's hours are the population's guess. */
  nightHoursKnown(): boolean {
    return this.model.wake.days >= NIGHT_HOURS_DAYS && this.model.bedtime.days >= NIGHT_HOURS_DAYS;
  }

  /**
   * The clock part of isNight: from bedtime + 15 min (+ `late` minutes) to the usual getting-up
   * time (− `early` minutes).
   */
  isNightHours(t: number, early = 0, late = 0): boolean {
    const afterNoon = (this.clock.at(t).minuteOfDay - 720 + 1440) % 1440;
    const start = Math.min(13 * 60, Math.max(8 * 60, this.model.bedtime.mean + 15 + late));
    const end = Math.min(10 * 60, Math.max(4 * 60, this.model.wake.mean - early)) + 720;
    return afterNoon >= start && afterNoon < end;
  }

  /** Folds one activity event in. Events older than the last one are learned from no further. */
  observe(a: ActivityInput): void {
    const t = a.at;
    const prev = this.lastActivity;
    if (prev !== undefined && t < prev) return;
    const lt = this.clock.at(t);
    const out = this.isOut(t);
    const m = this.model;
    this.dirty = true;

    if (prev !== undefined && !out) {
      const gap = t - prev;
      if (gap > 0) m.addSilence(this.lastGroup, this.lastBucket, gap, this.lastLocalDay);
    }

    // A stay ends at the first activity somewhere else.
    const sameRoom = a.roomId === this.lastRoomId && a.group === this.lastGroup;
    let kitchenStay: { at: number; ms: number } | undefined;
    if (!sameRoom && prev !== undefined && !out && this.lastGroup === 'kitchen') {
      kitchenStay = { at: this.clock.at(this.roomEnteredAt).minuteOfDay, ms: t - this.roomEnteredAt };
    }
    if (!sameRoom) {
      if (prev !== undefined && !out && !a.frontDoor) {
        const stay = t - this.roomEnteredAt;
        m.addDwell(this.lastGroup, this.isNight(this.roomEnteredAt), stay);
        if (stay >= BEDTIME_STAY_MS && this.isBedRoom(this.lastGroup, this.lastRoomId))
          this.learnBedtime(this.roomEnteredAt);
      }
      this.roomEnteredAt = t;
      this.longestGapInStay = 0;
    } else if (prev !== undefined) {
      this.longestGapInStay = Math.max(this.longestGapInStay, t - prev);
    }
    if (prev === undefined || t - prev >= LONE_TRIGGER_QUIET_MS) {
      this.burstStart = t;
      this.quietBeforeBurst = prev === undefined ? Number.POSITIVE_INFINITY : t - prev;
    }

    if (a.inBed !== undefined) {
      this.inBed = a.inBed;
      this.bedSensor = true;
      this.movedSinceBedExit = false;
      if (a.roomId !== null) this.bedRooms.add(a.roomId);
    }

    if (a.inChair !== undefined) this.inChair = a.inChair;
    if (a.movement === true && !this.inBed) this.movedSinceBedExit = true;
    if (a.movement === true) this.movementGroups.add(a.group);

    if (a.frontDoor) {
      // The door starts a new stay: time spent out is not time spent in the hall.
      this.roomEnteredAt = t;
      this.doorSeen = true;
      this.doorOpen = a.doorOpen === true;
      if (this.nightDoorAt !== undefined && t - this.nightDoorAt > NIGHT_RETURN_MAX_MS) this.nightDoorAt = undefined;
      if (this.nightDoorAt === undefined && !out && this.isExitNight(t)) this.nightDoorAt = t;
      this.lastDoorAt = t;
    } else {
      // Passing the door on the way out shows in the hall; activity in any other room right after
      // the door is someone indoors (house A: back home at 06:21, into the bedroom 15 s after
      // closing the front door).
      const afterDoor = this.lastDoorAt === undefined || t > this.lastDoorAt + DOOR_GRACE_MS || a.group !== 'hall';
      if (this.nightDoorAt !== undefined && afterDoor) {
        // A return after hours is a night away, not a night-time errand.
        if (t - this.nightDoorAt < NIGHT_RETURN_MAX_MS) m.addNightReturn(t - this.nightDoorAt);
        this.nightDoorAt = undefined;
      }
      if (afterDoor) this.lastIndoorAt = t;
    }

    if (this.isBedRoom(a.group, a.roomId)) this.lastBedroomAt = t;
    this.observeRoutines(t, lt.day, lt.minuteOfDay, a, out, kitchenStay);
    this.observeMorning(t, lt.day, lt.minuteOfDay, a, out);

    m.noteActivity(a.group, lt.hour, lt.weekend, lt.day);
    this.lastActivity = t;
    this.lastGroup = a.group;
    this.lastRoomId = a.roomId;
    this.lastRoomName = a.roomName;
    this.lastBucket = bucketOfHour(lt.hour);
    this.lastWasMovement = a.movement === true;
    this.lastLocalDay = lt.day;
    this.nextDue = 0;
  }

  /** [MEAL-1] meals and [WANDER-1] night spells: both only from activity at home. */
  private observeRoutines(
    t: number,
    day: number,
    minute: number,
    a: ActivityInput,
    out: boolean,
    kitchenStay: { at: number; ms: number } | undefined,
  ): void {
    if (out || a.frontDoor) {
      this.spell.drop(t);
      return;
    }
    if (a.group === 'kitchen') this.meals.lastKitchenAt = t;
    this.meals.note(this.model.meals, day, minute, kitchenStay);
    const bedroomKnown = this.bedSensor || this.movementGroups.has('bedroom');
    this.spell.note(
      {
        at: t,
        roomId: a.roomId,
        // In a studio the bed stands in the living room: there only lying in bed is "in the bedroom".
        bedroom: a.group === 'bedroom' || this.inBed,
        night: this.nightHoursKnown() && this.isNightHours(t, WANDER_EARLY_MIN, WANDER_LATE_MIN),
        fromBed: !bedroomKnown || this.isBedRoom(this.lastGroup, this.lastRoomId),
      },
      this.model.nightSpells,
    );
  }

  /** Drops a getting-up candidate that was followed by a long spell back in bed (a night trip). */
  settleMorning(now: number): void {
    if (this.upAt !== undefined || this.morningCandidate === undefined || this.isOut(now)) return;
    if (this.lastNonBedAt === undefined || now - this.lastNonBedAt <= UP_RESET_MS) return;
    // Back to bed shows in a home whose bedroom has a sensor: the bedroom heard after the last
    // activity elsewhere. Without it (a door left open, house A's bedroom door contact), a long
    // quiet after getting up is the person somewhere no sensor watches, not asleep again.
    const backInBedroom = this.lastBedroomAt !== undefined && this.lastBedroomAt > this.lastNonBedAt;
    if (!this.sparselyWatched() || backInBedroom || this.lastBedroomAt === undefined) this.morningCandidate = undefined;
  }

  private observeMorning(t: number, day: number, minute: number, a: ActivityInput, out: boolean): void {
    if (minute < MORNING_START_MIN || minute >= MORNING_END_MIN) return;
    if (this.morningDay !== day) {
      this.morningDay = day;
      this.morningCandidate = undefined;
      this.upAt = undefined;
      this.lastNonBedAt = undefined;
    }
    if (this.upAt !== undefined) return;
    this.settleMorning(t);
    if (this.isBedRoom(a.group, a.roomId) || out) return;
    if (this.morningCandidate === undefined) this.morningCandidate = t;
    const candidate = this.morningCandidate;
    // Up for the day: activity outside the bedroom that lasts; or, near the usual time, breakfast
    // begun or the front door used. In a home with door contacts and plugs only, the minutes
    // between two events while up are often longer than the 30 that say "back to bed" (house A,
    // 08:42 a flush, 09:48–09:59 breakfast; house E, 05:14–06:08 bathroom and kitchen), and
    // someone leaving for the day may go within 20 min of getting up (house C, 07:20–07:37).
    const decisive = this.sparselyWatched() && (a.group === 'kitchen' || a.frontDoor) && this.isEarlyStart(candidate);
    if (t - candidate >= UP_CONFIRM_MS || decisive) {
      this.upAt = candidate;
      const c = this.clock.at(candidate);
      this.model.observeWake(c.minuteOfDay, c.weekend);
    }
    this.lastNonBedAt = t;
  }

  /**
   * [MORN-1] A home where the person is mostly out of the movement sensors' sight: fewer than 3
   * rooms with one, or none seeing them in a living room. Only there do breakfast and the front
   * door confirm getting up, and a long quiet need the bedroom heard again to mean "back to
   * bed": where movement sensors watch the home, the old rule stands (with these in every home,
   * the cohort's TREND-1 found one decline fewer of 3: an early kitchen visit taken for getting
   * up hides a later getting-up time).
   */
  sparselyWatched(): boolean {
    return this.model.motionRooms.size < SPARSE_ROOMS || !this.movementGroups.has('living');
  }

  /** Within the hour and a half before the usual getting-up time, or later: the morning, not the night. */
  private isEarlyStart(t: number): boolean {
    return this.clock.at(t).minuteOfDay >= this.model.wake.mean - EARLY_START_MIN;
  }

  private learnBedtime(intoBedroom: number): void {
    const lt = this.clock.at(intoBedroom);
    const afterNoon = (lt.minuteOfDay - 720 + 1440) % 1440;
    // Evening 19:00 to 03:00 only; the night is named by the day it began.
    if (afterNoon < 7 * 60 || afterNoon > 15 * 60) return;
    const night = lt.minuteOfDay < 720 ? lt.day - 1 : lt.day;
    if (night === this.bedtimeNight) return;
    this.bedtimeNight = night;
    this.model.observeBedtime(afterNoon);
  }
}

export { MIN as MINUTE_MS };
