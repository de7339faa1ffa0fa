/**
 * Turns mapped sensors into the simulator contract's Home, Device and Reading. The mapping speaks
 * the gateway's full vocabulary (a couch mat is a `chair`, a cistern float is `other`, a study is
 * an `other` room); the simulator contract may not have those kinds yet. Each kind is checked
 * against the contract at run time, so a kind the contract gains is used as soon as it exists,
 * and until then a documented stand-in with the same on/off meaning is used and reported in notes.
 */
import type { PayloadFormat } from '../../gateway/contract.js';
import { Device, type Home, Reading, type Room, RoomKind, SimSensorKind } from '../contract.js';
import { addressOf, type ReplayMapping, type ReplayRoomKind, type SensorMapping, type Signal } from './mapping.js';

/** A dataset sensor as a device of the replayed home. */
export interface ReplayDevice {
  sensorId: string;
  sensor: SensorMapping;
  device: Device;
  /** The room kind as mapped (`other` included), for statistics. */
  roomKind: ReplayRoomKind;
  /** The reading when the sensor goes on (true) or off (false). */
  reading(on: boolean): Reading;
  /** Motion only: Zigbee2MQTT's occupancy clear comes this long after the last detection; 0 otherwise. */
  clearAfterMs: number;
}

/**
 * Stand-ins while the contract lacks a kind: the device kind whose readings carry the same
 * on/off. A chair or presence mat stands in as motion (someone is there), not as a bed, so
 * nothing reads a couch as sleep.
 */
const STAND_IN: Record<Signal, SimSensorKind> = {
  contact: 'door',
  motion: 'motion',
  occupancy: 'motion',
  power: 'power_plug',
};
/** A room the contract has no kind for stands in as a living room: not a bedroom (sleep), bathroom (dwell), kitchen (meals) or hall (exits). */
const ROOM_STAND_IN: RoomKind = 'living_room';

function readingFor(kind: SimSensorKind, sensor: SensorMapping): ((on: boolean) => Reading) | undefined {
  switch (kind) {
    case 'door':
      return (on) => ({ kind: 'door', open: on });
    case 'motion':
      return (on) => ({ kind: 'motion', detected: on });
    case 'bed':
      return (on) => ({ kind: 'bed', occupied: on });
    case 'power_plug': {
      const watts = sensor.signal === 'power' ? sensor.watts : 1;
      return (on) => ({ kind: 'power', watts: on ? watts : 0 });
    }
    default: {
      // A kind the contract gained later (a chair): used if its reading is `{ kind, occupied }`.
      const probe = Reading.safeParse({ kind, occupied: true });
      if (!probe.success) return undefined;
      return (on) => Reading.parse({ kind, occupied: on });
    }
  }
}

function fitSensor(sensor: SensorMapping): {
  kind: SimSensorKind;
  reading: (on: boolean) => Reading;
  standIn: boolean;
} {
  const direct = SimSensorKind.safeParse(sensor.kind);
  const directReading = direct.success ? readingFor(direct.data, sensor) : undefined;
  if (direct.success && directReading !== undefined)
    return { kind: direct.data, reading: directReading, standIn: false };
  const kind = STAND_IN[sensor.signal];
  const reading = readingFor(kind, sensor);
  if (reading === undefined) throw new Error(`no reading for stand-in kind ${kind}`);
  return { kind, reading, standIn: true };
}

export interface FittedHome {
  home: Home;
  /** By dataset sensor id; only sensors that occur in the data. */
  devices: Map<string, ReplayDevice>;
  /** What was substituted or left out, in plain words. */
  notes: string[];
}

/** The replayed home: the mapping's rooms, and a device for each sensor id in `present`. */
export function fitHome(
  mapping: ReplayMapping,
  present: ReadonlySet<string>,
  format: PayloadFormat,
  timeZone: string,
): FittedHome {
  const notes: string[] = [];
  const rooms: Room[] = mapping.rooms.map((room) => {
    const kind = RoomKind.safeParse(room.kind);
    if (kind.success) return { name: room.name, kind: kind.data };
    notes.push(
      `room "${room.name}" (${room.kind}) stands in as ${ROOM_STAND_IN}: the simulator contract has no such room kind yet`,
    );
    return { name: room.name, kind: ROOM_STAND_IN };
  });
  const roomKinds = new Map(mapping.rooms.map((r) => [r.name, r.kind]));
  const devices = new Map<string, ReplayDevice>();
  const standIns = new Map<string, string[]>();
  const absent: string[] = [];
  for (const [sensorId, sensor] of Object.entries(mapping.sensors)) {
    if (!present.has(sensorId)) {
      absent.push(`${sensorId} (${sensor.label})`);
      continue;
    }
    const fitted = fitSensor(sensor);
    if (fitted.standIn) {
      const key = `${sensor.kind} as ${fitted.kind}`;
      standIns.set(key, [...(standIns.get(key) ?? []), sensorId]);
    }
    devices.set(sensorId, {
      sensorId,
      sensor,
      // Device.parse keeps `role` where the contract has roles and drops it where it has not.
      device: Device.parse({
        address: addressOf(mapping, sensor, format),
        kind: fitted.kind,
        room: sensor.room,
        role: sensor.role,
      }),
      roomKind: roomKinds.get(sensor.room) ?? 'other',
      reading: fitted.reading,
      clearAfterMs: sensor.signal === 'motion' ? sensor.clearAfterS * 1000 : 0,
    });
  }
  for (const [key, ids] of standIns) {
    notes.push(`sensors ${ids.join(', ')} registered ${key}: the simulator contract has no such device kind yet`);
  }
  if (absent.length > 0) notes.push(`mapped but never on in the data, so left out: ${absent.join(', ')}`);
  const home: Home = {
    id: mapping.homeId,
    resident: mapping.resident,
    timeZone,
    rooms,
    devices: [...devices.values()].map((d) => d.device),
  };
  return { home, devices, notes };
}
