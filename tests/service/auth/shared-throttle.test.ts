/**
 * Two Vaka processes on one database share the sign-in rate limit: failures made against one
 * count at the other (the count is in the database's audit log), still answered 429 with
 * Retry-After. Needs PostgreSQL (an in-memory PGlite cannot be shared).
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../service/config.js';
import { startVaka, type Vaka } from '../../../service/vaka.js';
import { apiAs, createStaff, type Staff } from '../../helpers/auth.js';
import { testEnv } from '../../helpers/env.js';
import { type TempJournal, tempJournalDir } from '../../helpers/journal-dir.js';
import { testLogger } from '../../helpers/silent-logger.js';
import { startTestVaka, type TestVaka } from '../../helpers/test-vaka.js';

describe.skipIf(testEnv.databaseUrl === undefined)('login throttle across two Vaka processes', () => {
  let first: TestVaka;
  let second: Vaka;
  let eva: Staff;
  let journal: TempJournal | undefined;

  beforeAll(async () => {
    first = await startTestVaka({ LOGIN_MAX_FAILURES: '5' });
    journal = tempJournalDir();
    // The same schema, its own MQTT client and journal: a second instance behind the same load balancer.
    second = await startVaka(
      loadConfig({
        ...first.env,
        MQTT_CLIENT_ID: `vaka-t2-${randomBytes(5).toString('hex')}`,
        JOURNAL_DIR: journal.dir,
      }),
      testLogger,
    );
    eva = await createStaff(first.vaka.app, first.api, 'carer', null, 'eva2', 'Eva Andra');
  }, 60_000);

  afterAll(async () => {
    await second?.stop();
    await first?.stop();
    journal?.remove();
  });

  const attempt = (vaka: Vaka, password: string) =>
    apiAs(vaka.app as FastifyInstance, undefined)('POST', '/auth/login', { username: eva.user.username, password });

  it('counts failures made at either process, and refuses at both with 429 and Retry-After', async () => {
    for (let i = 0; i < 3; i++) expect((await attempt(first.vaka, `wrong-a${i}`)).statusCode).toBe(401);
    for (let i = 0; i < 2; i++) expect((await attempt(second, `wrong-b${i}`)).statusCode).toBe(401);
    for (const vaka of [first.vaka, second]) {
      const refused = await attempt(vaka, eva.password);
      expect(refused.statusCode).toBe(429);
      const retryAfter = Number(refused.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    }
  });
});
