/** Access control fails closed: a route under /api/v1 without a policy stops the app from building. */
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import type { AuthHookDeps } from '../../../service/auth/auth-hooks.js';
import { auditDetail, installAuthHooks, MissingPolicyError } from '../../../service/auth/auth-hooks.js';

describe('auth hooks', () => {
  it('refuse to register an /api/v1 route that has no access policy', async () => {
    const app = Fastify();
    installAuthHooks(app, {} as AuthHookDeps);
    expect(() => app.get('/api/v1/secret-new-route', () => 'oops')).toThrow(MissingPolicyError);
    // Routes outside the API (the dashboard's files) need none.
    expect(() => app.get('/index.html', () => 'page')).not.toThrow();
    await app.close();
  });

  it('keep identifiers and choices in the audit detail, never passwords, names or notes', () => {
    expect(
      auditDetail({
        outcome: 'confirmed',
        note: 'found on the floor',
        name: 'Astrid Lindqvist',
        password: 'secret-secret',
        role: 'carer',
        username: 'eva',
      }),
    ).toEqual({ outcome: 'confirmed', role: 'carer', username: 'eva', passwordSet: true });
  });
});
