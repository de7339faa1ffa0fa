/**
 * A whole Vaka in the test process, on ephemeral ports, with its own database schema (or
 * in-memory PGlite) and its own topics on the test broker.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../service/config.js';
import { type StartOptions, startVaka, type Vaka } from '../../service/vaka.js';
import { type Api, apiAs, login, newPassword } from './auth.js';
import { testEnv } from './env.js';
import { tempJournalDir } from './journal-dir.js';
import { testLogger } from './silent-logger.js';
import { startTestBroker, type TestBroker } from './test-broker.js';
import { createSchema } from './test-db.js';

export interface TestVaka {
  vaka: Vaka;
  broker: TestBroker;
  env: Record<string, string>;
  /** The first admin (from VAKA_ADMIN_USER / VAKA_ADMIN_PASSWORD in the test env), signed in. */
  admin: { username: string; password: string; token: string };
  /** `api('GET', '/residents')`: /api/v1 as the admin. */
  api: Api;
  stop(): Promise<void>;
}

/** The admin every test Vaka starts with; the password is new for each run. */
export const TEST_ADMIN = { username: 'admin', password: newPassword() };

/** Environment for a Vaka of the test's own (also used to spawn the real process). */
export async function testVakaEnv(extra: Record<string, string> = {}): Promise<{
  env: Record<string, string>;
  broker: TestBroker;
  cleanup(): Promise<void>;
}> {
  const broker = await startTestBroker();
  const schema = testEnv.databaseUrl ? await createSchema() : undefined;
  // Beside an in-memory database the journal is off (there is nothing to replay into).
  const journal = schema ? tempJournalDir() : undefined;
  const env: Record<string, string> = {
    PORT: '0',
    HOST: '127.0.0.1',
    MQTT_URL: broker.url,
    MQTT_CLIENT_ID: `vaka-t-${randomBytes(5).toString('hex')}`,
    VAKA_TOPIC_PREFIX: broker.prefix,
    Z2M_BASE_TOPIC: broker.z2mBase,
    LOG_LEVEL: 'silent',
    VAKA_ADMIN_USER: TEST_ADMIN.username,
    VAKA_ADMIN_PASSWORD: TEST_ADMIN.password,
    ...(schema ? { DATABASE_URL: schema.url } : { DATA_DIR: 'memory://' }),
    ...(journal ? { JOURNAL_DIR: journal.dir } : {}),
    ...extra,
  };
  return {
    env,
    broker,
    async cleanup() {
      await broker.close();
      await schema?.drop();
      journal?.remove();
    },
  };
}

export async function startTestVaka(extra: Record<string, string> = {}, options: StartOptions = {}): Promise<TestVaka> {
  const { env, broker, cleanup } = await testVakaEnv(extra);
  const vaka = await startVaka(loadConfig(env), testLogger, options);
  const { token } = await login(vaka.app as FastifyInstance, TEST_ADMIN.username, TEST_ADMIN.password);
  return {
    vaka,
    broker,
    env,
    admin: { ...TEST_ADMIN, token },
    api: apiAs(vaka.app as FastifyInstance, token),
    async stop() {
      await vaka.stop();
      await cleanup();
    },
  };
}
