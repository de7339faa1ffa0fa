import { describe, expect, it } from 'vitest';
import { teamSummary } from '../../dashboard/src/team-summary.js';
import type { Role } from '../../service/contract.js';

const NORR = '10000000-0000-4000-8000-00000000000a';
const SYD = '10000000-0000-4000-8000-00000000000b';
const GONE = '10000000-0000-4000-8000-00000000000c';
const teams = [
  { id: SYD, name: 'Hemtjänst Syd', createdAt: '2026-11-01T08:00:00.000Z' },
  { id: NORR, name: 'Hemtjänst Norr', createdAt: '2026-11-02T08:00:00.000Z' },
];
const resident = (teamId: string | null) => ({ teamId });
const user = (role: Role, teamId: string | null, disabled = false) => ({ role, teamId, disabled });
const sv = new Intl.Collator('sv');

describe('care teams with their residents and carers', () => {
  it('counts each team’s residents and active carers, in name order', () => {
    const summary = teamSummary(
      teams,
      [resident(NORR), resident(NORR), resident(SYD), resident(null)],
      [user('carer', NORR), user('carer', SYD), user('carer', SYD), user('admin', null)],
      sv,
    );
    expect(summary.teams).toEqual([
      { id: NORR, name: 'Hemtjänst Norr', residents: 2, carers: 1 },
      { id: SYD, name: 'Hemtjänst Syd', residents: 1, carers: 2 },
    ]);
    expect(summary.withoutTeam).toEqual({ residents: 1, carers: 0 });
  });

  it('does not count a disabled carer, nor an operator or admin who has a team', () => {
    const summary = teamSummary(
      teams,
      [],
      [user('carer', NORR, true), user('operator', NORR), user('admin', NORR), user('carer', NORR)],
      sv,
    );
    expect(summary.teams.find((t) => t.id === NORR)).toMatchObject({ carers: 1 });
  });

  it('shows a new team with nobody in it as zero, and a carer of a team no longer listed as without a team', () => {
    const summary = teamSummary(teams, [resident(GONE)], [user('carer', null), user('carer', GONE)], sv);
    expect(summary.teams.map((t) => [t.name, t.residents, t.carers])).toEqual([
      ['Hemtjänst Norr', 0, 0],
      ['Hemtjänst Syd', 0, 0],
    ]);
    expect(summary.withoutTeam).toEqual({ residents: 1, carers: 2 });
  });

  it('sorts Swedish names the Swedish way (Å, Ä, Ö after Z)', () => {
    const named = [
      { id: NORR, name: 'Östermalm', createdAt: '2026-11-01T08:00:00.000Z' },
      { id: SYD, name: 'Zorn', createdAt: '2026-11-01T08:00:00.000Z' },
    ];
    expect(teamSummary(named, [], [], sv).teams.map((t) => t.name)).toEqual(['Zorn', 'Östermalm']);
  });
});
