import { describe, expect, it } from 'vitest';
import {
  type AuditNames,
  auditActor,
  auditNames,
  auditTarget,
  type TargetWords,
} from '../../dashboard/src/audit-target.js';
import { strings } from '../../dashboard/src/i18n.js';
import { auditStrings } from '../../dashboard/src/i18n-audit.js';
import { authStrings } from '../../dashboard/src/i18n-auth.js';
import type { AuditEntry, Device, User } from '../../service/contract.js';
import { alert, resident } from './fixtures.js';

const EVA = '30000000-0000-4000-8000-000000000001';
const NATT = '40000000-0000-4000-8000-000000000001';
const ASTRID = '10000000-0000-4000-8000-000000000001';
const SENSOR = '50000000-0000-4000-8000-000000000001';
const ALERT = '60000000-0000-4000-8000-000000000001';
const UNKNOWN = '3f2a91c0-0000-4000-8000-000000000009';

const names: AuditNames = {
  accounts: new Map([[EVA, { displayName: 'Eva Natt', username: 'natt-eva' }]]),
  teams: new Map([[NATT, 'Nattpatrullen']]),
  residents: new Map([[ASTRID, 'Astrid Lindqvist']]),
  sensors: new Map([[SENSOR, { address: '0x00158d0009a1b2c3', label: null }]]),
  alerts: new Map([[ALERT, 'Astrid Lindqvist']]),
};

function words(language: 'en' | 'sv'): TargetWords {
  return {
    target: auditStrings[language].target,
    roles: authStrings[language].roles,
    outcomes: strings[language].resolve.outcome,
    contexts: strings[language].pages.resident.context.kind,
  };
}
const en = words('en');
const sv = words('sv');
const entry = (action: string, targetId: string | null, detail: Record<string, unknown> = {}) => ({
  action,
  targetId,
  detail,
});

describe('what an audit entry acted on', () => {
  it('names the account added, with its role and team, in English and Swedish', () => {
    const added = entry('user.create', EVA, { username: 'natt-eva', role: 'carer', teamId: NATT, passwordSet: true });
    expect(auditTarget(added, names, en)).toBe('Eva Natt (natt-eva) · carer · Nattpatrullen');
    expect(auditTarget(added, names, sv)).toBe('Eva Natt (natt-eva) · vårdpersonal · Nattpatrullen');
  });

  it('names the first admin, whose entry holds the username rather than an id', () => {
    const first = entry('user.create', 'natt-eva', { role: 'admin', source: 'one-time password' });
    expect(auditTarget(first, names, en)).toBe('Eva Natt (natt-eva) · administrator');
  });

  it('says what changed on an account: role, team, disabled or enabled, a password reset', () => {
    expect(auditTarget(entry('user.update', EVA, { role: 'operator' }), names, en)).toBe(
      'Eva Natt (natt-eva) · role: operator',
    );
    expect(auditTarget(entry('user.update', EVA, { teamId: null }), names, sv)).toBe(
      'Eva Natt (natt-eva) · team: inget team',
    );
    expect(auditTarget(entry('user.update', EVA, { disabled: true }), names, sv)).toBe(
      'Eva Natt (natt-eva) · avstängt',
    );
    expect(auditTarget(entry('user.update', EVA, { disabled: false, passwordSet: true }), names, en)).toBe(
      'Eva Natt (natt-eva) · enabled · new temporary password',
    );
  });

  it('names the team, the resident and where the resident moved', () => {
    expect(auditTarget(entry('team.create', NATT), names, en)).toBe('Nattpatrullen');
    expect(auditTarget(entry('resident.team', ASTRID, { teamId: NATT }), names, en)).toBe(
      'Astrid Lindqvist → Nattpatrullen',
    );
    expect(auditTarget(entry('resident.team', ASTRID, { teamId: null }), names, sv)).toBe(
      'Astrid Lindqvist → inget team',
    );
    expect(auditTarget(entry('room.create', ASTRID, { kind: 'kitchen' }), names, en)).toBe('Astrid Lindqvist');
    expect(auditTarget(entry('resident.context.set', ASTRID, { kind: 'hospital' }), names, sv)).toBe(
      'Astrid Lindqvist · På sjukhus',
    );
  });

  it('names a sensor by its address and the resident it now belongs to', () => {
    const claim = entry('device.claim', SENSOR, { format: 'z2m', address: '0x00158d0009a1b2c3', residentId: ASTRID });
    expect(auditTarget(claim, names, en)).toBe('0x00158d0009a1b2c3 → Astrid Lindqvist');
    expect(auditTarget(entry('device.delete', SENSOR), names, en)).toBe('0x00158d0009a1b2c3');
  });

  it('names the resident an alert was about, and the outcome it was resolved with', () => {
    expect(auditTarget(entry('alert.acknowledge', ALERT), names, en)).toBe('Astrid Lindqvist');
    expect(auditTarget(entry('alert.resolve', ALERT, { outcome: 'false_alarm' }), names, sv)).toBe(
      'Astrid Lindqvist · Falsklarm',
    );
  });

  it('says a refused look was at another team’s resident', () => {
    const refused = entry('resident.read', ASTRID, { reason: 'other team', route: 'GET /api/v1/residents/:id' });
    expect(auditTarget(refused, names, en)).toBe('Astrid Lindqvist · outside their team');
    expect(auditTarget(refused, names, sv)).toBe('Astrid Lindqvist · utanför eget team');
  });

  it('says why a sign-in failed, and nothing more for one that worked (the account is the "who")', () => {
    expect(auditTarget(entry('auth.login', EVA, { reason: 'bad credentials' }), names, sv)).toBe(
      'fel användarnamn eller lösenord',
    );
    expect(auditTarget(entry('auth.login', null, { reason: 'rate limited' }), names, en)).toBe('too many attempts');
    expect(auditTarget(entry('auth.login', EVA), names, en)).toBeNull();
  });

  it('reads an id it has no name for as its kind and the start of the id', () => {
    expect(auditTarget(entry('resident.delete', UNKNOWN), names, en)).toBe('resident 3f2a91c0');
    expect(auditTarget(entry('alert.note', UNKNOWN), names, sv)).toBe('larm 3f2a91c0');
    expect(auditTarget(entry('something.new', 'x-1'), names, en)).toBe('x-1');
  });

  it('keeps the rest of an entry when one detail field has an unexpected value', () => {
    const odd = entry('user.update', EVA, { role: 'superuser', disabled: true });
    expect(auditTarget(odd, names, en)).toBe('Eva Natt (natt-eva) · disabled');
  });

  it('names who acted by their display name, and keeps the recorded name for an account it does not know', () => {
    expect(auditActor({ actorId: EVA, actorName: 'natt-eva' }, names)).toBe('Eva Natt');
    expect(auditActor({ actorId: UNKNOWN, actorName: 'removed-user' }, names)).toBe('removed-user');
    expect(auditActor({ actorId: null, actorName: 'vaka' }, names)).toBe('vaka');
    expect(auditActor({ actorId: null, actorName: null }, names)).toBeNull();
  });

  it('builds its names from the lists the page loads', () => {
    const astrid = resident({ id: ASTRID, name: 'Astrid Lindqvist' });
    const user: User = {
      id: EVA,
      username: 'natt-eva',
      displayName: 'Eva Natt',
      role: 'carer',
      teamId: NATT,
      mustChangePassword: false,
      disabled: false,
      createdAt: '2026-11-01T08:00:00.000Z',
    };
    const device: Device = {
      id: SENSOR,
      format: 'z2m',
      address: '0xabc',
      residentId: ASTRID,
      roomId: null,
      kind: 'motion',
      label: null,
      createdAt: '2026-11-01T08:00:00.000Z',
      lastSeenAt: null,
      battery: null,
      batteryLow: null,
      linkquality: null,
      online: null,
    };
    const built = auditNames({
      users: [user],
      teams: [{ id: NATT, name: 'Nattpatrullen', createdAt: '2026-11-01T08:00:00.000Z' }],
      residents: [astrid],
      devices: [device],
      alerts: [alert({ id: ALERT, residentName: 'Gunnel Ek' })],
    });
    const resolved: Pick<AuditEntry, 'action' | 'targetId' | 'detail'> = entry('alert.resolve', ALERT);
    expect(auditTarget(resolved, built, en)).toBe('Gunnel Ek');
    expect(auditTarget(entry('device.delete', SENSOR), built, en)).toBe('0xabc');
    expect(auditTarget(entry('user.update', EVA, { role: 'admin' }), built, en)).toBe(
      'Eva Natt (natt-eva) · role: administrator',
    );
  });
});
