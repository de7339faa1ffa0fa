/**
 * Homes: built from a layout, the equipment the home has and the resident's profile; the demo
 * homes; lookups. Device addresses depend only on the home id, the room and the device, so a
 * one-shot `simulate fall --home 1` hits the same device as a running simulation.
 */
import type { PayloadFormat } from '../gateway/contract.js';
import { DEVICE_ID_PATTERN } from '../gateway/formats/vaka-native.js';
import type { Device, DeviceRole, Home, ProfileName, Room, SimSensorKind } from './contract.js';
import { Equipment, LAYOUTS, type LayoutName, placesOf } from './layouts.js';
import { PROFILES, type ResidentProfile } from './profiles.js';
import { hashString } from './random.js';

export const RESIDENT_NAMES = [
  'Astrid Lindqvist',
  'Bertil Nyström',
  'Karin Holm',
  'Sven Ekberg',
  'Ingrid Sjöberg',
  'Gunnar Dahl',
  'Maj-Britt Lund',
  'Olof Forsberg',
  'Elsa Strand',
  'Nils Wallin',
  'Greta Sandberg',
  'Arne Björk',
] as const;

export const DEMO_TIME_ZONE = 'Europe/Stockholm';

/** The demo's residents, in home order: up early, out a lot, frail, restless, late. */
const DEMO_PROFILES: readonly ProfileName[] = [
  'early_riser',
  'active_outgoing',
  'frail_seated',
  'dementia_restless',
  'night_owl',
];

/**
 * A device's address: `demo1-kitchen-motion` (a Vaka device id) or `demo1/kitchen/motion`
 * (a Zigbee2MQTT friendly name; `/` builds a hierarchy, per the z2m docs on friendly names).
 * `place` is a room's slug (roomSlug) or `person` for a wearable.
 */
export function deviceAddress(format: PayloadFormat, homeId: string, place: string, name: string): string {
  return format === 'vaka' ? `${homeId}-${place}-${name}` : `${homeId}/${place}/${name}`;
}

/** `Living room` → `living_room`: a room's name as it appears in device addresses. */
export function roomSlug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '') || 'room'
  );
}

/** The resident's name for home `index` (0-based); names repeat with a number after the list runs out. */
export function residentName(index: number): string {
  const name = RESIDENT_NAMES[index % RESIDENT_NAMES.length] ?? 'Resident';
  const round = Math.floor(index / RESIDENT_NAMES.length);
  return round === 0 ? name : `${name} ${round + 1}`;
}

export interface HomeSpec {
  id: string;
  resident: string;
  timeZone: string;
  layout: LayoutName;
  equipment: Equipment;
  profile: ProfileName;
  format: PayloadFormat;
}

/** A home: the layout's rooms, a motion sensor in each (if equipped), then the other devices it is equipped with. */
export function buildHome(spec: HomeSpec): Home {
  const rooms: Room[] = LAYOUTS[spec.layout].rooms.map((room) => ({ ...room }));
  const shell: Home = { id: spec.id, resident: spec.resident, timeZone: spec.timeZone, rooms, devices: [] };
  const places = placesOf(shell);
  const devices: Device[] = [];
  const add = (has: boolean, room: string, kind: SimSensorKind, name: string, role?: DeviceRole) => {
    if (!has) return;
    const place = kind === 'wearable' ? 'person' : roomSlug(room);
    devices.push({
      address: deviceAddress(spec.format, spec.id, place, name),
      kind,
      room,
      ...(role === undefined ? {} : { role }),
    });
  };
  const e = spec.equipment;
  for (const room of rooms) add(e.motion, room.name, 'motion', 'motion');
  add(e.frontDoor, places.entry, 'door', 'front_door', 'front_door');
  add(e.bathroomDoor, places.bathroom, 'door', 'door', 'bathroom_door');
  add(e.fridge, places.kitchen, 'door', 'fridge', 'fridge');
  add(e.bed, places.bed, 'bed', 'bed');
  add(e.chair, places.chair, 'chair', 'chair');
  add(e.kettle, places.kitchen, 'power_plug', 'kettle', 'kettle');
  add(e.tv, places.chair, 'power_plug', 'tv', 'tv');
  add(e.helpButton, places.chair, 'help_button', 'help_button');
  add(e.fallDetector, places.bathroom, 'fall_detector', 'fall_detector');
  add(e.wearable, places.bed, 'wearable', 'wearable');
  return { ...shell, devices, profile: spec.profile };
}

/** `count` distinct homes: two-room flats with every device, residents of each profile in turn. */
export function demoHomes(count: number, format: PayloadFormat): Home[] {
  return Array.from({ length: count }, (_, index) =>
    buildHome({
      id: `demo${index + 1}`,
      resident: residentName(index),
      timeZone: DEMO_TIME_ZONE,
      layout: 'flat',
      equipment: Equipment.parse({}),
      profile: DEMO_PROFILES[index % DEMO_PROFILES.length] ?? 'early_riser',
      format,
    }),
  );
}

/** The home's resident profile: its own, or one chosen from the home id. */
export function profileOf(home: Home): ResidentProfile {
  const names = Object.keys(PROFILES) as ProfileName[];
  const name = home.profile ?? names[hashString(home.id) % names.length] ?? 'early_riser';
  return PROFILES[name];
}

/**
 * How a device is powered: coin cells (PIRs, contacts, pads, buttons) drain over months; a
 * wearable is recharged; plugs and the mmWave fall radar are on the mains and send heartbeats.
 */
export type PowerSource = 'coin_cell' | 'rechargeable' | 'mains';

export function powerOf(kind: SimSensorKind): PowerSource {
  if (kind === 'power_plug' || kind === 'fall_detector') return 'mains';
  return kind === 'wearable' ? 'rechargeable' : 'coin_cell';
}

/** Battery-powered devices report their charge; mains-powered ones (plug, mmWave fall radar) send heartbeats. */
export function isBatteryPowered(kind: SimSensorKind): boolean {
  return powerOf(kind) !== 'mains';
}

export function roomOfKind(home: Home, kind: Room['kind']): Room | undefined {
  return home.rooms.find((room) => room.kind === kind);
}

/** The first device of a kind, optionally in a given room. */
export function findDevice(home: Home, kind: SimSensorKind, room?: string): Device | undefined {
  return home.devices.find((d) => d.kind === kind && (room === undefined || d.room === room));
}

/** The device with this role (the fridge contact, the TV plug). */
export function deviceByRole(home: Home, role: DeviceRole): Device | undefined {
  return home.devices.find((d) => d.role === role);
}

/**
 * Why an address would be refused, or undefined. Vaka ids follow the gateway's DEVICE_ID_PATTERN;
 * friendly names follow Zigbee2MQTT 2.x `validateFriendlyName` (lib/util/utils.ts): not empty, no
 * leading or trailing `/`, no `#`, `+` or control characters, and no trailing `/<digits>`.
 */
export function addressProblem(format: PayloadFormat, address: string): string | undefined {
  if (format === 'vaka') {
    return DEVICE_ID_PATTERN.test(address) ? undefined : 'not 1–64 of A–Z a–z 0–9 _ . : -';
  }
  if (address.length === 0) return 'empty';
  if (address.startsWith('/') || address.endsWith('/')) return 'leading or trailing /';
  if (/[#+\u0000-\u001f]/.test(address)) return 'contains #, + or a control character';
  if (/\/\d*$/.test(address)) return 'ends with /<digits>';
  return undefined;
}
