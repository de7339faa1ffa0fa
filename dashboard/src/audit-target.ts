/**
 * What an audit entry acted on, in words: the account, team, resident or sensor by the name
 * the page knows for its `targetId`, and what changed from its `detail`. The service keeps
 * ids and choices only, never names (service/auth/auth-hooks.ts `auditDetail`), so names come
 * from the lists the page already has; an id it cannot name reads as "resident 3f2a91c0".
 */
import { z } from 'zod';
import {
  type Alert,
  type AuditEntry,
  ContextKind,
  type Device,
  Outcome,
  type Resident,
  Role,
  type Team,
  type User,
} from '../../service/contract.js';
import type { AuditStrings, TargetKind } from './i18n-audit.js';

export interface AuditNames {
  accounts: ReadonlyMap<string, Pick<User, 'displayName' | 'username'>>;
  teams: ReadonlyMap<string, string>;
  residents: ReadonlyMap<string, string>;
  sensors: ReadonlyMap<string, Pick<Device, 'address' | 'label'>>;
  /** An alert by the resident it was about. */
  alerts: ReadonlyMap<string, string>;
}

export function auditNames(lists: {
  users: readonly User[];
  teams: readonly Team[];
  residents: readonly Resident[];
  devices: readonly Device[];
  alerts: readonly Alert[];
}): AuditNames {
  return {
    accounts: new Map(lists.users.map((u) => [u.id, u])),
    teams: new Map(lists.teams.map((t) => [t.id, t.name])),
    residents: new Map(lists.residents.map((r) => [r.id, r.name])),
    sensors: new Map(lists.devices.map((d) => [d.id, d])),
    alerts: new Map(lists.alerts.map((a) => [a.id, a.residentName])),
  };
}

/**
 * Who acted, by the name staff know them by: the account's display name while it exists, else
 * the name the entry was written with (a username, an attempted username, or "vaka" itself).
 */
export function auditActor(entry: Pick<AuditEntry, 'actorId' | 'actorName'>, names: AuditNames): string | null {
  return (entry.actorId === null ? undefined : names.accounts.get(entry.actorId)?.displayName) ?? entry.actorName;
}

/** Words from other string tables that an entry's detail may need. */
export interface TargetWords {
  target: AuditStrings['target'];
  roles: Record<Role, string>;
  outcomes: Record<Outcome, string>;
  contexts: Record<ContextKind, string>;
}

/**
 * The detail fields Vaka writes (auth-hooks.ts `auditDetail`, auth-service.ts), each read on
 * its own: an odd value in one (an entry written by another version) does not hide the rest.
 */
const text = z.string().optional().catch(undefined);
const Detail = z.object({
  role: Role.optional().catch(undefined),
  teamId: z.string().nullable().optional().catch(undefined),
  disabled: z.boolean().optional().catch(undefined),
  passwordSet: z.boolean().optional().catch(undefined),
  username: text,
  residentId: text,
  address: text,
  outcome: Outcome.optional().catch(undefined),
  kind: text,
  reason: text,
});

/** The first part of an action names what it acts on ("room.create" acts on a resident's home). */
const KIND_OF: Readonly<Record<string, TargetKind>> = {
  auth: 'account',
  user: 'account',
  team: 'team',
  resident: 'resident',
  room: 'resident',
  device: 'sensor',
  alert: 'alert',
};

/** The entry's target and changes joined with " · "; null when there is nothing to say. */
export function auditTarget(
  entry: Pick<AuditEntry, 'action' | 'targetId' | 'detail'>,
  names: AuditNames,
  w: TargetWords,
): string | null {
  const d = Detail.parse(entry.detail);
  const prefix = entry.action.split('.')[0] ?? '';
  const kind = KIND_OF[prefix];
  const unnamed = (k: TargetKind, id: string) => `${w.target.kinds[k]} ${id.slice(0, 8)}`;
  const team = (id: string | null) => (id === null ? w.target.noTeam : (names.teams.get(id) ?? unnamed('team', id)));
  const resident = (id: string) => names.residents.get(id) ?? unnamed('resident', id);
  const account = (idOrUsername: string) => {
    const user =
      names.accounts.get(idOrUsername) ?? [...names.accounts.values()].find((u) => u.username === idOrUsername);
    return user === undefined ? idOrUsername : `${user.displayName} (${user.username})`;
  };
  const named = (k: TargetKind, id: string): string => {
    if (k === 'account') return account(id);
    if (k === 'team') return team(id);
    if (k === 'resident') return resident(id);
    if (k === 'sensor') return names.sensors.get(id)?.address ?? unnamed('sensor', id);
    return names.alerts.get(id) ?? unnamed('alert', id);
  };

  const parts: (string | undefined)[] = [];
  const id = entry.targetId;
  if (prefix === 'auth') {
    // The account signing in is the "who"; what is worth saying is why it failed.
    parts.push(d.reason === undefined ? undefined : (w.target.reasons[d.reason] ?? d.reason));
  } else if (entry.action === 'user.create') {
    parts.push(
      id === null ? d.username : account(id),
      d.role && w.roles[d.role],
      d.teamId === undefined || d.teamId === null ? undefined : team(d.teamId),
    );
  } else if (entry.action === 'user.update') {
    parts.push(
      id === null ? undefined : account(id),
      d.role && `${w.target.role}: ${w.roles[d.role]}`,
      d.teamId === undefined ? undefined : `${w.target.team}: ${team(d.teamId)}`,
      d.disabled === undefined ? undefined : d.disabled ? w.target.disabled : w.target.enabled,
      d.passwordSet ? w.target.passwordReset : undefined,
    );
  } else if (entry.action === 'resident.team' && id !== null) {
    parts.push(d.teamId === undefined ? resident(id) : `${resident(id)} → ${team(d.teamId)}`);
  } else if ((entry.action === 'device.create' || entry.action === 'device.claim') && d.address !== undefined) {
    parts.push(d.residentId === undefined ? d.address : `${d.address} → ${resident(d.residentId)}`);
  } else if (id !== null) {
    parts.push(kind === undefined ? id : named(kind, id));
    if (entry.action === 'resident.context.set') parts.push(contextWord(w, d.kind));
    if (entry.action === 'resident.create' && d.teamId) parts.push(team(d.teamId));
    if (entry.action === 'alert.resolve') parts.push(d.outcome && w.outcomes[d.outcome]);
  }
  if (prefix !== 'auth' && d.reason === 'other team') parts.push(w.target.otherTeam);
  const said = parts.filter((p): p is string => p !== undefined && p !== '');
  return said.length === 0 ? null : said.join(' · ');
}

function contextWord(w: TargetWords, kind: string | undefined): string | undefined {
  const parsed = ContextKind.safeParse(kind);
  return parsed.success ? w.contexts[parsed.data] : undefined;
}
