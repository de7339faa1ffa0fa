/**
 * Each care team with how many residents it looks after and how many carers it has, for the
 * admins' Accounts page. A carer sees only their own team's residents, so a team with
 * residents and no carer is a team whose alerts only operators and admins see.
 */
import type { Resident, Team, User } from '../../service/contract.js';

export interface TeamCounts {
  residents: number;
  /** Carers whose account is active: a disabled account answers no alert. */
  carers: number;
}

export interface TeamRow extends TeamCounts {
  id: string;
  name: string;
}

export interface TeamSummary {
  teams: TeamRow[];
  /** Residents no carer sees, and carers who see no resident. */
  withoutTeam: TeamCounts;
}

export function teamSummary(
  teams: readonly Team[],
  residents: readonly Pick<Resident, 'teamId'>[],
  users: readonly Pick<User, 'role' | 'teamId' | 'disabled'>[],
  collator: Intl.Collator,
): TeamSummary {
  const counts = new Map<string | null, TeamCounts>();
  const of = (teamId: string | null) => {
    // An id of a team not (or no longer) listed counts as no team: nobody sees through it.
    const key = teamId !== null && teams.some((t) => t.id === teamId) ? teamId : null;
    let c = counts.get(key);
    if (c === undefined) {
      c = { residents: 0, carers: 0 };
      counts.set(key, c);
    }
    return c;
  };
  for (const r of residents) of(r.teamId).residents++;
  for (const u of users) if (u.role === 'carer' && !u.disabled) of(u.teamId).carers++;
  const zero = { residents: 0, carers: 0 };
  return {
    teams: teams
      .map((t) => ({ id: t.id, name: t.name, ...(counts.get(t.id) ?? zero) }))
      .sort((a, b) => collator.compare(a.name, b.name)),
    withoutTeam: counts.get(null) ?? zero,
  };
}
