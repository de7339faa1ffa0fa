/**
 * The login throttle counts failed sign-ins where every Vaka process sees them: the audit log
 * in the database (PGlite, and PostgreSQL when configured). Per username and address, per
 * address alone, in a sliding window; a success clears the pair's failures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoginThrottle } from '../../../service/auth/login-throttle.js';
import { AuditStore } from '../../../service/store/audit-store.js';
import { dbKinds, openTestDb, type TestDb } from '../../helpers/test-db.js';

describe.each(dbKinds())('login throttle on %s', (kind) => {
  let test: TestDb;
  let audit: AuditStore;
  let now = Date.parse('2026-11-20T03:00:00Z');
  let throttle: LoginThrottle;
  /** A sign-in attempt as AuthService records it. */
  const attempt = (username: string, ip: string, outcome: 'failure' | 'success' | 'denied' = 'failure') =>
    audit.write({
      at: now,
      actorId: null,
      actorName: username,
      action: 'auth.login',
      targetId: null,
      outcome,
      ip,
      detail: {},
    });

  beforeAll(async () => {
    test = await openTestDb(kind);
    audit = new AuditStore(test.db);
    throttle = new LoginThrottle(audit, { maxPerUser: 3, maxPerAddress: 5, windowMs: 60_000 }, () => now);
  });
  afterAll(() => test.drop());

  it('allows failures up to the limit per username and address, then says how long to wait', async () => {
    for (let i = 0; i < 3; i++) {
      expect(await throttle.retryAfter('eva', '10.0.0.1')).toBe(0);
      await attempt('eva', '10.0.0.1');
      now += 1000;
    }
    expect(await throttle.retryAfter('eva', '10.0.0.1')).toBe(57_000);
    // The same username from elsewhere is not locked out by someone else's guesses.
    expect(await throttle.retryAfter('eva', '10.0.0.2')).toBe(0);
    // Refused attempts (denied) do not lengthen the wait.
    await attempt('eva', '10.0.0.1', 'denied');
    expect(await throttle.retryAfter('eva', '10.0.0.1')).toBe(57_000);
    now += 57_000;
    expect(await throttle.retryAfter('eva', '10.0.0.1')).toBe(0);
  });

  it('limits one address trying many usernames', async () => {
    for (let i = 0; i < 5; i++) await attempt(`user${i}`, '10.0.0.9');
    expect(await throttle.retryAfter('someone-new', '10.0.0.9')).toBe(60_000);
    expect(await throttle.retryAfter('someone-new', '10.0.0.8')).toBe(0);
  });

  it('forgets a username’s failures after a successful sign-in from that address', async () => {
    await attempt('anna', '10.0.0.3');
    await attempt('anna', '10.0.0.3');
    now += 10;
    await attempt('anna', '10.0.0.3', 'success');
    now += 10;
    await attempt('anna', '10.0.0.3');
    await attempt('anna', '10.0.0.3');
    expect(await throttle.retryAfter('anna', '10.0.0.3')).toBe(0);
    await attempt('anna', '10.0.0.3');
    expect(await throttle.retryAfter('anna', '10.0.0.3')).toBe(60_000);
  });
});
