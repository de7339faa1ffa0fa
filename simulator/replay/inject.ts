/**
 * Injects a terminal incident into replayed readings and writes its ground truth. Both kinds end
 * the resident's activity for the rest of the replay, so a replay carries at most one; run the
 * replay with other seeds for more.
 */
import type { ScheduledReading } from '../contract.js';
import type { IncidentRecord } from '../ground-truth.js';
import { NIGHT_EXIT_DEADLINE_MIN, RISKY_FALL_ROOM_KINDS, unseenFallDeadlineMin } from '../incident-catalogue.js';
import type { Rng } from '../random.js';
import { IncidentPlacementError } from './errors.js';
import type { ReplayDevice } from './fit-contract.js';
import type { IncidentPlan } from './incident-plan.js';
import { toWall, wallClock, wallDate } from './wall-clock.js';

const MIN = 60_000;

/**
 * Deadlines are the incident catalogue's (issue 4's targets), so a replayed home and a simulated
 * cohort are held to the same promise:
 * - a fall without a wearable or fall detector can only be inferred from silence: 30 min where
 *   the last activity before it was in a bathroom, hall or entrance, 60 min elsewhere. Lying on
 *   the floor for an hour or more after a fall ("long lie") goes with serious injury, hospital
 *   admission and moving into care (Fleming & Brayne, BMJ 2008;337:a2227). Until December 2026 the
 *   replay used a flat 30 min wherever the fall happened, stricter than the issue's target.
 * - a night exit without return: door + 15 min (the replay used 20 min until December 2026).
 */
/** The injected front door stays open this long (real front doors in houses A–C: a few seconds to a minute). */
const DOOR_OPEN_S = [5, 30] as const;

export interface Injection {
  readings: ScheduledReading[];
  record: IncidentRecord;
}

export interface InjectContext {
  plan: IncidentPlan;
  /** The incident's moment: instant and wall ms. */
  at: number;
  wall: number;
  readings: readonly ScheduledReading[];
  devices: ReadonlyMap<string, ReplayDevice>;
  homeId: string;
  resident: string;
  timeZone: string;
  rng: Rng;
  id: string;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Whether a reading says someone did something (opened, was seen, sat or lay down, switched on). */
function isOn(reading: ScheduledReading['reading']): boolean {
  return 'open' in reading
    ? reading.open
    : 'detected' in reading
      ? reading.detected
      : 'occupied' in reading
        ? reading.occupied
        : 'watts' in reading && reading.watts > 0;
}

interface LastActivity {
  /** `last activity before it: "Fridge" (Kitchen) at 14:20`. */
  text: string;
  /** Where the resident was last seen: a fall there is judged by that room's deadline. */
  riskyRoom: boolean;
}

/** The last activity before the cut: where the resident was, as the readings tell. */
function lastActivity(context: InjectContext, before: readonly ScheduledReading[]): LastActivity {
  const last = before.findLast((r) => isOn(r.reading));
  if (last === undefined) return { text: 'no activity before it', riskyRoom: false };
  const replay = [...context.devices.values()].find((d) => d.device.address === last.device.address);
  const label = replay === undefined ? last.device.address : `"${replay.sensor.label}"`;
  return {
    text: `last activity before it: ${label} (${last.device.room}) at ${wallClock(toWall(last.at, context.timeZone))}`,
    riskyRoom: replay !== undefined && RISKY_FALL_ROOM_KINDS.has(replay.roomKind),
  };
}

export function inject(context: InjectContext): Injection {
  const before = context.readings.filter((r) => r.at < context.at);
  const when = `${wallDate(context.wall)} ${wallClock(context.wall)}`;
  const base = {
    type: 'incident' as const,
    id: context.id,
    expect: 'page' as const,
    homeId: context.homeId,
    resident: context.resident,
    start: iso(context.at),
    end: null,
  };
  if (context.plan.kind === 'fall_no_recovery') {
    const last = lastActivity(context, before);
    return {
      readings: before,
      record: {
        ...base,
        kind: 'fall_no_recovery',
        deadline: iso(context.at + unseenFallDeadlineMin(last.riskyRoom) * MIN),
        device: null,
        note: `real day cut short at ${when} local: a fall without a wearable or fall detector, no recovery, no readings after it (${last.text})`,
      },
    };
  }
  const door = [...context.devices.values()].find((d) => d.sensor.role === 'front_door');
  if (door === undefined) {
    throw new IncidentPlacementError(
      `home ${context.homeId} has no sensor with role front_door that occurs in the data`,
    );
  }
  const openS = context.rng.int(DOOR_OPEN_S[0], DOOR_OPEN_S[1]);
  const reading = (at: number, open: boolean): ScheduledReading => ({
    at,
    homeId: context.homeId,
    device: door.device,
    reading: door.reading(open),
  });
  return {
    readings: [...before, reading(context.at, true), reading(context.at + openS * 1000, false)],
    record: {
      ...base,
      kind: 'night_exit_no_return',
      deadline: iso(context.at + NIGHT_EXIT_DEADLINE_MIN * MIN),
      device: door.device.address,
      note: `front door ${door.device.address} ("${door.sensor.label}") opened at ${when} local and closed ${openS} s later; no activity after it, no return (${lastActivity(context, before).text})`,
    },
  };
}
