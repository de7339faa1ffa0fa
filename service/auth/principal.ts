/** Who is asking, once their session token checked out, and what that lets them see. */
import type { Role } from '../contract.js';

export interface Principal {
  userId: string;
  sessionId: string;
  username: string;
  displayName: string;
  role: Role;
  teamId: string | null;
  mustChangePassword: boolean;
  /** Session end, ms since the epoch. */
  expiresAt: number;
}

const RANK: Record<Role, number> = { carer: 0, operator: 1, admin: 2 };

/** Roles are ordered: an admin may do what an operator may, an operator what a carer may. */
export function hasRole(principal: Principal, least: Role): boolean {
  return RANK[principal.role] >= RANK[least];
}

/**
 * The teams whose residents this principal sees: undefined means every resident (operators
 * and admins onboard and oversee all homes); a carer sees their own team only, and a carer
 * with no team sees nobody.
 */
export function teamScope(principal: Principal): string[] | undefined {
  if (principal.role !== 'carer') return undefined;
  return principal.teamId === null ? [] : [principal.teamId];
}

/** Whether a resident of `teamId` (null: no team) is visible to this principal. */
export function seesTeam(principal: Principal, teamId: string | null): boolean {
  const scope = teamScope(principal);
  return scope === undefined || (teamId !== null && scope.includes(teamId));
}
