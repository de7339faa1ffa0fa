import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, auditActionText, auditStrings } from '../../dashboard/src/i18n-audit.js';
import { ROUTE_POLICY } from '../../service/auth/policy.js';

/**
 * Every action Vaka writes: the routes' audit actions, those the sign-in service records itself,
 * and `<scope>.read` for a refused look at another team's data (auth-hooks.ts).
 */
async function writtenActions(): Promise<Set<string>> {
  const routes = Object.values(ROUTE_POLICY).flatMap((p) => (p.audit === undefined ? [] : [p.audit]));
  const reads = Object.values(ROUTE_POLICY).flatMap((p) => (p.scope === undefined ? [] : [`${p.scope}.read`]));
  expect(reads).toContain('resident.read');
  const source = await readFile(new URL('../../service/auth/auth-service.ts', import.meta.url), 'utf8');
  const recorded = [...source.matchAll(/record\([^)]*?'([a-z]+(?:\.[a-z]+)+)'/gs)].map((m) => m[1] as string);
  expect(recorded).toContain('auth.login');
  return new Set([...routes, ...recorded, ...reads]);
}

describe('the audit log in words', () => {
  it('names every action Vaka writes, in Swedish and English', async () => {
    for (const action of await writtenActions()) {
      expect(AUDIT_ACTIONS).toContain(action);
      for (const s of Object.values(auditStrings)) expect(auditActionText(s, action)).not.toBe(action);
    }
  });

  it('reads "Kvitterade ett larm" for an acknowledgement in Swedish, and shows an unknown action as its code', () => {
    expect(auditActionText(auditStrings.sv, 'alert.acknowledge')).toBe('Kvitterade ett larm');
    expect(auditActionText(auditStrings.en, 'alert.acknowledge')).toBe('Acknowledged an alert');
    expect(auditActionText(auditStrings.sv, 'something.new')).toBe('something.new');
    expect(auditStrings.sv.outcomes.denied).toBe('Nekades');
  });
});
