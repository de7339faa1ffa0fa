/**
 * Home layouts: the rooms of a home and where things are in it (the bed, the armchair, the
 * front door), and the equipment a home may have. A layout says where a device would go; the
 * home's equipment says whether it is there.
 */
import { z } from 'zod';
import type { Home, Room } from './contract.js';

export const LayoutName = z.enum(['flat', 'studio', 'house']);
export type LayoutName = z.infer<typeof LayoutName>;

/** Where the resident does things, by room name. Every field names one of the layout's rooms. */
export interface Places {
  /** The room with the bed. */
  bed: string;
  /** The room with the armchair (and the TV). */
  chair: string;
  kitchen: string;
  /** The bathroom with the shower, the one used at night. */
  bathroom: string;
  /** Other toilets, used in the day now and then. */
  toilets: readonly string[];
  /** The room with the front door. */
  entry: string;
  /** The room one passes through between the others, if there is one. */
  hall: string | undefined;
  /** Rooms the resident goes to now and then for no routine reason (a guest room, a study). */
  other: readonly string[];
}

/** A layout's places follow from its rooms' kinds (placesOf), as they do for any home. */
export interface Layout {
  name: LayoutName;
  description: string;
  rooms: readonly Room[];
}

const FLAT: Layout = {
  name: 'flat',
  description: 'a two-room flat: bedroom, living room, kitchen, bathroom and hall',
  rooms: [
    { name: 'Bedroom', kind: 'bedroom' },
    { name: 'Bathroom', kind: 'bathroom' },
    { name: 'Kitchen', kind: 'kitchen' },
    { name: 'Living room', kind: 'living_room' },
    { name: 'Hall', kind: 'hall' },
  ],
};

const STUDIO: Layout = {
  name: 'studio',
  description: 'a one-room senior flat: the bed and the armchair share the main room',
  rooms: [
    { name: 'Room', kind: 'living_room' },
    { name: 'Kitchenette', kind: 'kitchen' },
    { name: 'Bathroom', kind: 'bathroom' },
    { name: 'Hall', kind: 'hall' },
  ],
};

const HOUSE: Layout = {
  name: 'house',
  description: 'a detached house: entrance, hall, kitchen, living room, bedroom, bathroom, a WC and a guest room',
  rooms: [
    { name: 'Entrance', kind: 'entrance' },
    { name: 'Hall', kind: 'hall' },
    { name: 'Kitchen', kind: 'kitchen' },
    { name: 'Living room', kind: 'living_room' },
    { name: 'Bedroom', kind: 'bedroom' },
    { name: 'Bathroom', kind: 'bathroom' },
    { name: 'WC', kind: 'bathroom' },
    { name: 'Guest room', kind: 'other' },
  ],
};

export const LAYOUTS: Readonly<Record<LayoutName, Layout>> = { flat: FLAT, studio: STUDIO, house: HOUSE };

/** Which devices a home has; each is optional. Motion means a PIR in every room. */
export const Equipment = z.object({
  motion: z.boolean().default(true),
  frontDoor: z.boolean().default(true),
  bathroomDoor: z.boolean().default(true),
  fridge: z.boolean().default(true),
  bed: z.boolean().default(true),
  chair: z.boolean().default(true),
  kettle: z.boolean().default(true),
  tv: z.boolean().default(true),
  wearable: z.boolean().default(true),
  fallDetector: z.boolean().default(true),
  helpButton: z.boolean().default(true),
});
export type Equipment = z.infer<typeof Equipment>;
export type EquipmentItem = keyof Equipment;
export const EQUIPMENT_ITEMS = Equipment.keyof().options;

/**
 * Where things are in any home, also one not built from a layout (a replayed dataset's, a
 * hand-made test home): by room kind, falling back to a room that exists, so behaviour never
 * needs a room the home lacks.
 */
export function placesOf(home: Home): Places {
  const named = (kind: Room['kind']) => home.rooms.filter((r) => r.kind === kind).map((r) => r.name);
  const first = home.rooms[0]?.name ?? 'Room';
  const living = named('living_room')[0];
  const bed = named('bedroom')[0] ?? living ?? first;
  const chair = living ?? bed;
  const bathrooms = named('bathroom');
  const hall = named('hall')[0];
  const entry = named('entrance')[0] ?? hall ?? chair;
  const used = new Set([bed, chair, entry, hall, named('kitchen')[0], ...bathrooms]);
  return {
    bed,
    chair,
    kitchen: named('kitchen')[0] ?? chair,
    bathroom: bathrooms[0] ?? bed,
    toilets: bathrooms.slice(1),
    entry,
    hall,
    other: home.rooms.map((r) => r.name).filter((name) => !used.has(name)),
  };
}
