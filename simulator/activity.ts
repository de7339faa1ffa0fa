/**
 * What people do, before any sensor sees it: who is in which room, in what posture, and what
 * they touch. Behaviour (day.ts, episodes.ts) speaks this; the home's sensors (home-sensors.ts)
 * turn it into readings. Keeping the two apart lets a resident live the same day whatever
 * devices the home has.
 */
import type { DeviceRole } from './contract.js';

/**
 * How someone is in a room, which sets how often a PIR sees them move
 * (home-sensors.ts MOVEMENT_MEAN_S):
 * - walking: crossing or entering the room;
 * - active: on their feet, busy (cooking, washing, tidying);
 * - seated: sitting, awake (reading, TV, eating);
 * - lying: in bed, awake;
 * - asleep: in bed, asleep;
 * - down: on the floor after a fall, conscious, trying to get up;
 * - still: unwell or unconscious, hardly moving at all.
 */
export type Posture = 'walking' | 'active' | 'seated' | 'lying' | 'asleep' | 'down' | 'still';

/** 0 is the resident; other numbers are visitors and carers, for as long as they stay. */
export type Person = number;
export const RESIDENT: Person = 0;

export interface ActivitySink {
  /**
   * `who` is in `room` from `from` to `to` (epoch ms) in `posture`. One person's spells come in
   * time order and never overlap; different people's may.
   */
  presence(who: Person, room: string, from: number, to: number, posture: Posture): void;
  /** A door, or the fridge door, opens or closes. */
  contact(role: Extract<DeviceRole, 'front_door' | 'bathroom_door' | 'fridge'>, open: boolean, at: number): void;
  /** An appliance's power draw changes (watts; a TV on standby draws a little). */
  power(role: Extract<DeviceRole, 'kettle' | 'tv'>, watts: number, at: number): void;
  bed(occupied: boolean, at: number): void;
  chair(occupied: boolean, at: number): void;
  /** The resident puts the wearable on or takes it off. */
  wearing(on: boolean, at: number): void;
  /** The resident falls: an impact at `at`. */
  impact(at: number): void;
  /** A device reports a fall (the planner decided which, and when). */
  fallReport(address: string, at: number): void;
  /** The resident presses the help button on this device. */
  help(address: string, at: number): void;
  /**
   * Everything before `until` has been said: the sensors may turn it into final readings.
   * `until` never goes back.
   */
  settle(until: number): void;
}
