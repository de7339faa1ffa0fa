/**
 * A home's plan for the run, made before any reading is generated (incident-planner.ts): the
 * incidents with their exact times and details, and what they do to the devices. Behaviour
 * (day.ts) and the sensors (home-sensors.ts) carry it out; the ground truth is written from it.
 */
import type { Expectation, TruthKind } from './ground-truth.js';
import type { Silence } from './home-sensors.js';

export interface PlannedIncident {
  /** `<homeId>-<nnnn>`, by start within the home. */
  id: string;
  kind: TruthKind;
  expect: Expectation;
  start: number;
  end: number | null;
  deadline: number | null;
  /** The device involved (address), for the truth record. */
  device: string | null;
  note: string;
  /** The resident stops what they are doing this long before `start`. */
  leadMs: number;
  /** The date of the resident's day (wake to wake) it happens in. */
  date: string;
  night: boolean;
  /** Where it happens (a fall, help press, a stay), by room name. */
  room?: string;
  /** A device reports the fall, or takes the help press, at this time. */
  reporter?: { address: string; at: number };
  /** Someone finds the resident (after a fall or a night exit); null: not within the run. */
  foundAt?: number | null;
  /** After being found, leaves for hospital then (the start of a hospital_stay incident). */
  departAt?: number;
  /** Someone comes after a help call. */
  responder?: { arrive: number; leave: number };
  /** A missed meal: no kitchen from then until `end`. */
  kitchenFreeFrom?: number;
  /** A night exit: the door is left open. */
  leavesDoorOpen?: boolean;
}

export interface HomePlan {
  /** All incidents, by start. */
  incidents: PlannedIncident[];
  /** Devices silenced by sensor_silent incidents. */
  silences: Map<string, Silence[]>;
  /** Devices whose battery is made to go low (battery_low incidents), and when. */
  lowAt: Map<string, number>;
}

export const EMPTY_PLAN: HomePlan = { incidents: [], silences: new Map(), lowAt: new Map() };
