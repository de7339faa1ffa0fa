/**
 * A whole Vaka in the test process, on ephemeral ports, with its own database schema (or
 * in-memory PGlite) and its own topics on the test broker.
 */
import { randomBytes } from 'node:crypto';
import { loadConfig } from '../../service/config.js';
import { type StartOptions, startVaka, type Vaka } from '../../service/vaka.js';
import { testEnv } from './env.js';
import { testLogger } from './silent-logger.js';
import { startTestBroker, type TestBroker } from './test-broker.js';
import { createSchema } from './test-db.js';

export interface TestVaka {
  vaka: Vaka;
  broker: TestBroker;
  env: Record<string, string>;
  stop(): Promise<void>;
}

/** Environment for a Vaka of the test's own (also used to spawn the real process). */
export async function testVakaEnv(extra: Record<string, string> = {}): Promise<{
  env: Record<string, string>;
  broker: TestBroker;
  cleanup(): Promise<void>;
}> {
  const broker = await startTestBroker();
  const schema = testEnv.databaseUrl ? await createSchema() : undefined;
  const env: Record<string, string> = {
    PORT: '0',
    HOST: '127.0.0.1',
    MQTT_URL: broker.url,
    MQTT_CLIENT_ID: `vaka-t-${randomBytes(5).toString('hex')}`,
    VAKA_TOPIC_PREFIX: broker.prefix,
    Z2M_BASE_TOPIC: broker.z2mBase,
    LOG_LEVEL: 'silent',
    ...(schema ? { DATABASE_URL: schema.url } : { DATA_DIR: 'memory://' }),
    ...extra,
  };
  return {
    env,
    broker,
    async cleanup() {
      await broker.close();
      await schema?.drop();
    },
  };
}

export async function startTestVaka(extra: Record<string, string> = {}, options: StartOptions = {}): Promise<TestVaka> {
  const { env, broker, cleanup } = await testVakaEnv(extra);
  const vaka = await startVaka(loadConfig(env), testLogger, options);
  return {
    vaka,
    broker,
    env,
    async stop() {
      await vaka.stop();
      await cleanup();
    },
  };
}
