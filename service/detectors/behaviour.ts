/**
 * The behaviour detector: keeps one ResidentState (learned model + presence) per resident,
 * folds each activity event into it in O(1), and on clock ticks runs the behaviour rules only
 * for residents whose next due time has come (a number compare per resident otherwise).
 * Rules: [FALL-3] [INACT-1] [BATH-1] [EXIT-1] [MORN-1] [WANDER-1] [MEAL-1] (docs/alert-rules.md).
 */
import type { SensorEvent } from '../../gateway/contract.js';
import { clockMinute } from '../alerts/explanation.js';
import { quantile } from '../model/histogram.js';
import { clockText, LocalClock } from '../model/local-time.js';
import { ResidentModel } from '../model/resident-model.js';
import { type ContextKind, type ResidentContext, ResidentState } from '../model/resident-state.js';
import { groupOfKind, groupOfName, groupOfSensor, type RoomGroup } from '../model/rooms.js';
import type { AlertCandidate } from '../store/alerts-store.js';
import type { BehaviourRule } from './behaviour-rule.js';
import type { AlertAction, Detector, DetectorContext } from './detector.js';
import { prolongedInactivity } from './inactivity.js';
import { longBathroomStay } from './long-bathroom.js';
import { missedMeal } from './missed-meal.js';
import { missedMorning } from './missed-morning.js';
import { nightExitWithoutReturn } from './night-exit.js';
import { nightWandering } from './night-wandering.js';
import type { DeviceRhythm } from './sensor-silent.js';
import { suspectedFall } from './suspected-fall.js';

export interface BehaviourOptions {
  /** IANA time zone of the homes, e.g. Europe/Stockholm. */
  timeZone: string;
  /** A resident's own time zone, where it differs. */
  timeZoneOf?: ((residentId: string) => string | undefined) | undefined;
}

/** Sensors that see a person move in a room (a door contact or a pad only sees one act). */
const MOVEMENT_SENSORS = new Set(['motion', 'presence']);

/** A smart plug drawing more than this is switched on (a kettle, a TV), in watts. */
const POWER_ON_W = 15;

/** Rules that away and hospital contexts silence: they are about the resident being at home. */
const AT_HOME_RULES = new Set(['FALL-3', 'INACT-1', 'BATH-1', 'EXIT-1', 'MORN-1', 'WANDER-1', 'MEAL-1']);

/** [HOME-1] A whole home's rhythm, once learned. */
export interface HomeRhythm {
  /** The longest of the home's learned intervals between messages from any device, ms. */
  usualLongestMs: number;
  observed: number;
}

/**
 * [HOME-1] The whole home's intervals are kept beside its devices' (and saved with them), under
 * a key no device has: device ids are UUIDs.
 */
const HOME_RHYTHM_KEY = 'home';

/** [HOME-1] Intervals learned before a home's rhythm is trusted. */
const HOME_RHYTHM_MIN_INTERVALS = 20;

export type Outcome = 'confirmed' | 'false_alarm' | 'expected';

export interface BehaviourDetector extends Detector {
  state(residentId: string): ResidentState | undefined;
  setContext(residentId: string, context: ResidentContext | undefined): void;
  feedback(residentId: string, ruleId: string, outcome: Outcome): void;
  /** Model states changed since the last export (all with `all`), as JSON objects. */
  exportModels(all?: boolean): { residentId: string; state: unknown }[];
  importModel(residentId: string, state: unknown): void;
  /** [SILENT-1] A device's own reporting rhythm, once learned: the longest usual interval. */
  sensorRhythm(residentId: string, deviceId: string): DeviceRhythm | undefined;
  /** [HOME-1] The rhythm of a whole home: intervals between messages from any of its devices. */
  homeRhythm(residentId: string): HomeRhythm | undefined;
  forget(residentId: string): void;
  /** Every resident's live state (for the day-level insights, day-insights.ts). */
  residents(): Iterable<ResidentState>;
}

export function behaviour(options: BehaviourOptions): BehaviourDetector {
  const residents = new Map<string, ResidentState>();
  const clocks = new Map<string, LocalClock>();
  const models = new Map<string, ResidentModel>();
  const powerOn = new Map<string, boolean>();
  const roomGroups = new Map<string, RoomGroup>();
  const heardAt = new Map<string, number>();
  const homeHeardAt = new Map<string, number>();
  const rules: BehaviourRule[] = [
    nightExitWithoutReturn(),
    suspectedFall(),
    longBathroomStay(),
    prolongedInactivity(),
    missedMorning(),
    nightWandering(),
    missedMeal(),
  ];

  const clockFor = (residentId: string): LocalClock => {
    const zone = options.timeZoneOf?.(residentId) ?? options.timeZone;
    let clock = clocks.get(zone);
    if (clock === undefined) {
      clock = new LocalClock(zone);
      clocks.set(zone, clock);
    }
    return clock;
  };

  const stateOf = (residentId: string): ResidentState => {
    let s = residents.get(residentId);
    if (s === undefined) {
      const model = models.get(residentId) ?? new ResidentModel();
      models.delete(residentId);
      s = new ResidentState(residentId, model, clockFor(residentId));
      residents.set(residentId, s);
    }
    return s;
  };

  const groupOf = (event: SensorEvent, ctx: DetectorContext): RoomGroup => {
    const roomId = event.roomId;
    if (roomId === null) return 'other';
    const known = roomGroups.get(roomId);
    if (known !== undefined) return known;
    const device = ctx.device(event.deviceId);
    const group =
      groupOfKind(ctx.roomKind?.(roomId)) ?? groupOfName(device?.roomName) ?? groupOfSensor(event.sensorKind);
    if (group !== undefined) {
      roomGroups.set(roomId, group);
      return group;
    }
    return 'other';
  };

  const evaluate = (s: ResidentState, now: number, out: AlertAction[]): void => {
    const ctx = s.context;
    if (ctx !== undefined && now >= ctx.until) s.context = undefined;
    let due = Number.POSITIVE_INFINITY;
    for (const rule of rules) {
      const result = rule.check(s, now);
      if (result.due < due) due = result.due;
      if (result.alert === undefined) continue;
      const alert = withContext(result.alert, s.context, s.clock);
      if (alert !== undefined) out.push({ kind: 'raise', alert });
    }
    // Re-check at least every 30 min: the morning window and day buckets move on by themselves.
    s.nextDue = Math.min(due, now + 30 * 60_000);
  };

  return {
    ruleIds: rules.map((r) => r.id),
    onEvent(event, ctx) {
      const s = stateOf(event.residentId);
      const prevHeard = heardAt.get(event.deviceId);
      if (prevHeard === undefined || event.receivedAt > prevHeard) {
        if (prevHeard !== undefined) s.model.addSensorInterval(event.deviceId, event.receivedAt - prevHeard);
        heardAt.set(event.deviceId, event.receivedAt);
      }
      const prevHome = homeHeardAt.get(event.residentId);
      if (prevHome === undefined || event.receivedAt > prevHome) {
        if (prevHome !== undefined) s.model.addSensorInterval(HOME_RHYTHM_KEY, event.receivedAt - prevHome);
        homeHeardAt.set(event.residentId, event.receivedAt);
      }
      if ((event.type === 'battery' || event.type === 'heartbeat') && !s.model.periodic.has(event.deviceId)) {
        s.model.periodic.add(event.deviceId);
      }
      const group = groupOf(event, ctx);
      if (!isActivity(event, powerOn)) return [];
      if (event.roomId !== null && MOVEMENT_SENSORS.has(event.sensorKind) && !s.model.motionRooms.has(event.roomId)) {
        s.model.motionRooms.add(event.roomId);
      }
      const frontDoor = event.type === 'contact' && event.sensorKind === 'door' && group === 'hall';
      const bed = event.sensorKind === 'bed';
      s.observe({
        at: event.eventTime,
        group,
        roomId: event.roomId,
        roomName: ctx.device(event.deviceId)?.roomName ?? null,
        frontDoor,
        doorOpen: frontDoor ? event.value === true : undefined,
        inBed: bed && typeof event.value === 'boolean' ? event.value : undefined,
        inChair: event.sensorKind === 'chair' && typeof event.value === 'boolean' ? event.value : undefined,
        movement: MOVEMENT_SENSORS.has(event.sensorKind),
      });
      return [];
    },
    onTick(now) {
      const actions: AlertAction[] = [];
      for (const s of residents.values()) {
        if (now < s.nextDue) continue;
        evaluate(s, now, actions);
      }
      return actions;
    },
    state: (residentId) => residents.get(residentId),
    setContext(residentId, context) {
      const s = stateOf(residentId);
      s.context = context;
      s.nextDue = 0;
    },
    feedback(residentId, ruleId, outcome) {
      const s = residents.get(residentId);
      const model = s?.model ?? models.get(residentId);
      if (model === undefined) return;
      model.applyOutcome(ruleId, outcome);
      if (s) {
        s.dirty = true;
        s.nextDue = 0;
      }
    },
    exportModels(all = false) {
      const out: { residentId: string; state: unknown }[] = [];
      for (const s of residents.values()) {
        if (!all && !s.dirty) continue;
        s.dirty = false;
        out.push({ residentId: s.residentId, state: s.model.toJSON() });
      }
      if (all) for (const [id, m] of models) out.push({ residentId: id, state: m.toJSON() });
      return out;
    },
    importModel(residentId, state) {
      const model = ResidentModel.fromJSON(state);
      const existing = residents.get(residentId);
      if (existing === undefined) models.set(residentId, model);
      else residents.set(residentId, new ResidentState(residentId, model, existing.clock));
    },
    sensorRhythm(residentId, deviceId) {
      const model = residents.get(residentId)?.model;
      if (model === undefined) return undefined;
      const h = model.sensors.get(deviceId);
      const observed = h?.observed ?? 0;
      return {
        usualLongestMs: h === undefined || observed < 1 ? undefined : quantile(h, 0.999),
        observed,
        periodic: model.periodic.has(deviceId),
      };
    },
    homeRhythm(residentId) {
      const h = residents.get(residentId)?.model.sensors.get(HOME_RHYTHM_KEY);
      if (h === undefined || h.observed < HOME_RHYTHM_MIN_INTERVALS) return undefined;
      // The longest interval learned (the top bin), not the 99.9th percentile: a home's stream is
      // mostly short daytime gaps, so its rare long night gaps fall above any percentile of it (the
      // cohort: 230 HOME-1 alerts on incident-free days with the 99.9th, mostly at night).
      return { usualLongestMs: quantile(h, 1), observed: h.observed };
    },
    forget(residentId) {
      residents.delete(residentId);
      models.delete(residentId);
    },
    residents: () => residents.values(),
  };
}

/** Whether a reading means the resident did something (and so ends a silence). */
export function isActivity(event: SensorEvent, powerOn: Map<string, boolean>): boolean {
  switch (event.type) {
    case 'motion':
    case 'presence':
    case 'occupancy':
      // A bed or chair pad: getting in and getting out are both the person moving.
      if (event.sensorKind === 'bed' || event.sensorKind === 'chair') return typeof event.value === 'boolean';
      return event.value === true;
    case 'contact':
      return typeof event.value === 'boolean';
    case 'power': {
      const on = typeof event.value === 'number' && event.value > POWER_ON_W;
      const was = powerOn.get(event.deviceId) ?? false;
      powerOn.set(event.deviceId, on);
      return on && !was;
    }
    case 'help':
    case 'fall':
    case 'vibration':
      return event.value === true;
    default:
      return false;
  }
}

const CONTEXT_WORDS: Record<ContextKind, string> = {
  away: 'away',
  hospital: 'in hospital',
  visitor: 'with a visitor',
};

/** Away and hospital silence the at-home rules; a visitor is said in the reason. */
function withContext(
  alert: AlertCandidate,
  context: ResidentContext | undefined,
  clock: LocalClock,
): AlertCandidate | undefined {
  if (context === undefined) return alert;
  if (context.kind !== 'visitor' && AT_HOME_RULES.has(alert.ruleId)) return undefined;
  const until = clockText(clock.at(context.until).minuteOfDay);
  const note = context.note ? ` (${context.note})` : '';
  const said = {
    kind: context.kind,
    until: clockMinute(clock.at(context.until).minuteOfDay),
    note: context.note ?? null,
  };
  return {
    ...alert,
    reason: `${alert.reason} Registered as ${CONTEXT_WORDS[context.kind]} until ${until}${note}.`,
    explanation: alert.explanation && { ...alert.explanation, context: said },
  };
}
