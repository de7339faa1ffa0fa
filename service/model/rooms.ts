/**
 * Rooms as the behaviour model groups them. The room's kind comes from the registry when the
 * caller can give it; otherwise from the room's name (English and Swedish), then from the
 * kind of sensor in it (a bed sensor means a bedroom). Risky rooms are where falls happen and
 * are judged sooner: the bathroom (wet floors) and the hall or entrance (steps, shoes, the door).
 */
import type { SensorKind } from '../../gateway/contract.js';

export const ROOM_GROUPS = ['bathroom', 'hall', 'bedroom', 'kitchen', 'living', 'other'] as const;
export type RoomGroup = (typeof ROOM_GROUPS)[number];
export const GROUP_INDEX: Readonly<Record<RoomGroup, number>> = {
  bathroom: 0,
  hall: 1,
  bedroom: 2,
  kitchen: 3,
  living: 4,
  other: 5,
};

/** The service's room kinds (service/contract.ts RoomKind) to groups. */
const KIND_GROUP: Readonly<Record<string, RoomGroup>> = {
  bathroom: 'bathroom',
  hall: 'hall',
  entrance: 'hall',
  bedroom: 'bedroom',
  kitchen: 'kitchen',
  living_room: 'living',
  outdoor: 'other',
  other: 'other',
};

const NAME_PATTERNS: readonly [RegExp, RoomGroup][] = [
  [/bath|toilet|\bwc\b|shower|badrum|toalett|dusch/i, 'bathroom'],
  [/hall|entr|porch|corridor|hallway|farstu|tambur/i, 'hall'],
  [/bed|sovrum|sleep/i, 'bedroom'],
  [/kitchen|k[öo]k|pantry/i, 'kitchen'],
  [/living|lounge|sitting|vardagsrum|room|rum|stue/i, 'living'],
];

export function groupOfKind(kind: string | undefined): RoomGroup | undefined {
  return kind === undefined ? undefined : KIND_GROUP[kind];
}

export function groupOfName(name: string | null | undefined): RoomGroup | undefined {
  if (!name) return undefined;
  for (const [pattern, group] of NAME_PATTERNS) if (pattern.test(name)) return group;
  return undefined;
}

export function groupOfSensor(kind: SensorKind): RoomGroup | undefined {
  return kind === 'bed' ? 'bedroom' : undefined;
}

export function isRisky(group: RoomGroup): boolean {
  return group === 'bathroom' || group === 'hall';
}

/** "the bathroom", "the hall": how a reason names a room group when the room has no name. */
export const GROUP_NAMES: Readonly<Record<RoomGroup, string>> = {
  bathroom: 'the bathroom',
  hall: 'the hall',
  bedroom: 'the bedroom',
  kitchen: 'the kitchen',
  living: 'the living room',
  other: 'a room',
};
