/**
 * The residents-at-a-glance rows: where each resident is, when they were last active, and
 * what is open. Pure, so the order and the wording rules are unit tests.
 */
import type { Presence, Resident } from '../../service/contract.js';
import { lastRoomName } from './residents-state.js';

/** No activity for this long while (thought to be) at home is worth a look, in milliseconds. */
export const QUIET_AT_HOME_MS = 4 * 3_600_000;

export interface ResidentRow {
  resident: Resident;
  presence: Presence;
  room: string | null;
  open: number;
  /** At home (not asleep, not out) and nothing seen for QUIET_AT_HOME_MS. */
  quiet: boolean;
}

/**
 * Rows with open alerts first (most first), then residents quiet at home, then by name.
 * `presence` comes from the service; a resident it does not know yet is 'unknown'.
 */
export function overviewRows(
  residents: readonly Resident[],
  presence: ReadonlyMap<string, Presence>,
  openCounts: ReadonlyMap<string, number> | null,
  now: number,
  collator: Intl.Collator = new Intl.Collator(),
): ResidentRow[] {
  const rows = residents.map((resident): ResidentRow => {
    const state = presence.get(resident.id) ?? 'unknown';
    const open = openCounts === null ? resident.openAlerts : (openCounts.get(resident.id) ?? 0);
    const last = resident.lastActivityAt === null ? null : Date.parse(resident.lastActivityAt);
    return {
      resident,
      presence: state,
      room: lastRoomName(resident),
      open,
      quiet: state === 'home' && last !== null && now - last >= QUIET_AT_HOME_MS,
    };
  });
  return rows.sort(
    (a, b) =>
      b.open - a.open || Number(b.quiet) - Number(a.quiet) || collator.compare(a.resident.name, b.resident.name),
  );
}
