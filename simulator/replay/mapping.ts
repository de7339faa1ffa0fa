/**
 * The mapping file: how each sensor of a dataset becomes a Vaka device (address, room, kind) and
 * how its on/off becomes readings. One schema for the van Kasteren houses and for any event log.
 * See docs/replay.md for the choices made in the bundled mappings.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { SensorKind } from '../../gateway/contract.js';
import { RoomKind } from '../contract.js';
import { ReplayInputError, type UnmappedSensor, UnmappedSensorError } from './errors.js';
import { isTimeZone } from './wall-clock.js';

/** The simulator's room kinds, and `other` (a study, a dining room, a room the dataset does not name) whether or not the contract has it. */
export const ReplayRoomKind = z.union([RoomKind, z.literal('other')]);
export type ReplayRoomKind = z.infer<typeof ReplayRoomKind>;

export const ReplayRoom = z.strictObject({ name: z.string().min(1), kind: ReplayRoomKind });
export type ReplayRoom = z.infer<typeof ReplayRoom>;

/** Lower-case words joined by `-`, starting with a letter: valid in a Vaka device id and a Zigbee2MQTT friendly name. */
const DEVICE_SLUG = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
/** The gateway accepts device ids of at most 64 characters. */
const MAX_ADDRESS_CHARS = 64;

const sensorBase = {
  /** The dataset's own name for the sensor, for people ("Hall-Toilet door"). */
  label: z.string().min(1),
  /** Stable device name within the home (`kitchen-fridge`); the address is `<homeId>-<device>` or `<homeId>/<device>`. */
  device: z.string().regex(DEVICE_SLUG, 'lower-case words joined by "-", starting with a letter'),
  /** A room name from `rooms`. */
  room: z.string().min(1),
  /** What an operator would register the device as. */
  kind: SensorKind,
  /** `front_door`: the door a resident leaves by; a night exit is injected on it. */
  role: z.enum(['front_door']).optional(),
  /** Why this mapping, when it is not obvious from the label. */
  note: z.string().optional(),
};

/**
 * How the sensor's on/off reads:
 * - contact: on = open (doors, cupboards, drawers, appliance doors, float and tilt switches);
 * - motion: on = detected; off = Zigbee2MQTT's occupancy clear, `clearAfterS` after the last detection;
 * - occupancy: on = occupied (bed and couch pressure mats);
 * - power: on = drawing `watts`, off = 0 W (an appliance or lamp on a smart plug or switch).
 */
export const SensorMapping = z.discriminatedUnion('signal', [
  z.strictObject({ ...sensorBase, signal: z.literal('contact') }),
  z.strictObject({
    ...sensorBase,
    signal: z.literal('motion'),
    /** Zigbee2MQTT `occupancy_timeout` default for the Aqara RTCGQ11LM: 90 s. */
    clearAfterS: z.number().int().min(0).max(3600).default(90),
  }),
  z.strictObject({ ...sensorBase, signal: z.literal('occupancy') }),
  z.strictObject({ ...sensorBase, signal: z.literal('power'), watts: z.number().positive().max(20_000) }),
]);
export type SensorMapping = z.infer<typeof SensorMapping>;
export type Signal = SensorMapping['signal'];

/** Which registered kinds make sense for each signal. */
const KINDS_FOR_SIGNAL: Record<Signal, readonly SensorKind[]> = {
  contact: ['door', 'other'],
  motion: ['motion', 'presence'],
  occupancy: ['bed', 'chair', 'presence'],
  power: ['power_plug', 'other'],
};

export const ReplayMapping = z
  .strictObject({
    $comment: z.string().optional(),
    /** The dataset this maps, also the run record's `source` (`vankasteren/houseA`). */
    dataset: z.string().min(1),
    /** Home id, the first part of every device address. */
    homeId: z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,15}$/, '1–16 letters and digits, starting with a letter'),
    resident: z.string().min(1),
    /** IANA zone of the dataset's home. */
    timeZone: z.string().refine(isTimeZone, 'not an IANA time zone Intl knows'),
    /**
     * How epoch numbers in the dataset are read: `utc` = real instants; `local` = the home's
     * wall clock written as if it were UTC (the van Kasteren and MIT files; see docs/replay.md).
     */
    clock: z.enum(['utc', 'local']),
    /** Activity-label ids that mean the resident is out (van Kasteren `leave-house`); incidents avoid them. */
    awayActivities: z.array(z.string().min(1)).default([]),
    rooms: z.array(ReplayRoom).min(1),
    /** Dataset sensor id → device. Every id that occurs in the data must be here. */
    sensors: z.record(z.string().min(1), SensorMapping),
  })
  .superRefine((mapping, ctx) => {
    const rooms = new Set(mapping.rooms.map((r) => r.name));
    if (rooms.size !== mapping.rooms.length)
      ctx.addIssue({ code: 'custom', path: ['rooms'], message: 'duplicate room name' });
    const devices = new Map<string, string>();
    let frontDoors = 0;
    for (const [id, sensor] of Object.entries(mapping.sensors)) {
      const at = ['sensors', id];
      if (!rooms.has(sensor.room)) {
        ctx.addIssue({ code: 'custom', path: [...at, 'room'], message: `room "${sensor.room}" is not in rooms` });
      }
      const other = devices.get(sensor.device);
      if (other !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: [...at, 'device'],
          message: `device "${sensor.device}" is also sensor ${other}`,
        });
      }
      devices.set(sensor.device, id);
      if (`${mapping.homeId}-${sensor.device}`.length > MAX_ADDRESS_CHARS) {
        ctx.addIssue({ code: 'custom', path: [...at, 'device'], message: `address longer than ${MAX_ADDRESS_CHARS}` });
      }
      if (!KINDS_FOR_SIGNAL[sensor.signal].includes(sensor.kind)) {
        const allowed = KINDS_FOR_SIGNAL[sensor.signal].join(', ');
        ctx.addIssue({ code: 'custom', path: [...at, 'kind'], message: `the ${sensor.signal} signal fits ${allowed}` });
      }
      if (sensor.role === 'front_door') {
        frontDoors++;
        if (sensor.signal !== 'contact') {
          ctx.addIssue({ code: 'custom', path: [...at, 'role'], message: 'a front door is a contact' });
        }
      }
    }
    if (frontDoors > 1) ctx.addIssue({ code: 'custom', path: ['sensors'], message: 'more than one front_door' });
  });
export type ReplayMapping = z.infer<typeof ReplayMapping>;

/** Validates a mapping already parsed from JSON; `name` names it in errors. */
export function parseMapping(json: unknown, name: string): ReplayMapping {
  const parsed = ReplayMapping.safeParse(json);
  if (!parsed.success)
    throw new ReplayInputError(name, undefined, `not a valid mapping:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** Reads and validates a mapping file. */
export function readMapping(path: string): ReplayMapping {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ReplayInputError(
      path,
      undefined,
      `cannot read the mapping file (${(error as NodeJS.ErrnoException).code})`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ReplayInputError(path, undefined, `not JSON: ${(error as Error).message}`);
  }
  return parseMapping(json, path);
}

/** The sensor's device address in a payload format. */
export function addressOf(mapping: ReplayMapping, sensor: SensorMapping, format: 'vaka' | 'z2m'): string {
  return format === 'vaka' ? `${mapping.homeId}-${sensor.device}` : `${mapping.homeId}/${sensor.device}`;
}

/** Throws UnmappedSensorError naming every sensor id in `seen` (where it first occurs) that the mapping lacks. */
export function assertAllMapped(mapping: ReplayMapping, seen: Iterable<UnmappedSensor>): void {
  const missing = new Map<string, UnmappedSensor>();
  for (const sensor of seen) {
    if (!Object.hasOwn(mapping.sensors, sensor.id) && !missing.has(sensor.id)) missing.set(sensor.id, sensor);
  }
  if (missing.size > 0) throw new UnmappedSensorError(mapping.dataset, [...missing.values()]);
}
