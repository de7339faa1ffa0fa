/**
 * Injects a terminal incident into replayed readings and writes its ground truth. Both kinds end
 * the resident's activity for the rest of the replay, so a replay carries at most one; run the
 * replay with other seeds for more.
 */
import type { ScheduledReading } from '../contract.js';
import type { IncidentRecord } from '../ground-truth.js';
import type { Rng } from '../random.js';
import { IncidentPlacementError } from './errors.js';
import type { ReplayDevice } from './fit-contract.js';
import type { IncidentPlan } from './incident-plan.js';
import { toWall, wallClock, wallDate } from './wall-clock.js';

const MIN = 60_000;

/**
 * [FALL-2] A fall without a wearable or fall detector can only be inferred from silence. The
 * deadline keeps the time on the floor under an hour with time left for a carer to get there:
 * lying on the floor for an hour or more after a fall ("long lie") goes with serious injury,
 * hospital admission and moving into care (Fleming & Brayne, BMJ 2008;337:a2227). 30 min to alert
 * leaves about 30 min to arrive.
 */
export const FALL_NO_WEARABLE_DEADLINE_MIN = 30; // minutes
/**
 * [EXIT-1] A night exit without return: an outing to the bins or the post is over within a few
 * minutes, so 15 min without a return separates it from leaving; 5 min more to raise the alert.
 * A working value until the incident catalogue sets it.
 */
export const NIGHT_EXIT_DEADLINE_MIN = 20; // minutes
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

/** `last activity before it: "Fridge" (Kitchen) at 14:20`, from the readings before the cut. */
function lastActivity(context: InjectContext, before: readonly ScheduledReading[]): string {
  const last = before.findLast((r) => isOn(r.reading));
  if (last === undefined) return 'no activity before it';
  const replay = [...context.devices.values()].find((d) => d.device.address === last.device.address);
  const label = replay === undefined ? last.device.address : `"${replay.sensor.label}"`;
  return `last activity before it: ${label} (${last.device.room}) at ${wallClock(toWall(last.at, context.timeZone))}`;
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
    return {
      readings: before,
      record: {
        ...base,
        kind: 'fall_no_recovery',
        deadline: iso(context.at + FALL_NO_WEARABLE_DEADLINE_MIN * MIN),
        device: null,
        note: `real day cut short at ${when} local: a fall without a wearable or fall detector, no recovery, no readings after it (${lastActivity(context, before)})`,
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
      note: `front door ${door.device.address} ("${door.sensor.label}") opened at ${when} local and closed ${openS} s later; no activity after it, no return (${lastActivity(context, before)})`,
    },
  };
}
