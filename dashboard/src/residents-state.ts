/**
 * Residents as listed, kept current by the stream's activity frames between fetches.
 * Pure functions only, so the rules are unit tests.
 */
import type { Resident } from '../../service/contract.js';
import type { ActivityFrame } from './stream-client.js';

/**
 * Moves a resident's last activity forward. Activity frames are not sequenced, so one that
 * is older than what we already show (a late frame, or a fetch that raced it) is ignored.
 */
export function applyActivity(residents: readonly Resident[], frame: ActivityFrame): readonly Resident[] {
  const index = residents.findIndex((r) => r.id === frame.residentId);
  const resident = residents[index];
  if (resident === undefined) return residents;
  if (resident.lastActivityAt !== null && Date.parse(resident.lastActivityAt) > Date.parse(frame.at)) return residents;
  const next = [...residents];
  next[index] = { ...resident, lastActivityAt: frame.at, lastRoomId: frame.roomId };
  return next;
}

/** The name of the room the resident was last active in, if known. */
export function lastRoomName(resident: Resident): string | null {
  if (resident.lastRoomId === null) return null;
  return resident.rooms.find((room) => room.id === resident.lastRoomId)?.name ?? null;
}
