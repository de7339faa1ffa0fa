/**
 * What a restart fault test runs a Vaka process on, all its own: a Mosquitto configured as Vaka
 * ships it (persistence on, so Vaka's session survives), a database schema, a journal folder,
 * and the environment for them. The test starts, kills and restarts Vaka itself.
 */
import { randomBytes } from 'node:crypto';
import { tempJournalDir } from './journal-dir.js';
import { type OwnMosquitto, ownMosquitto } from './mosquitto.js';
import { createSchema } from './test-db.js';
import { TEST_ADMIN } from './test-vaka.js';

export interface RestartRig {
  broker: OwnMosquitto;
  databaseUrl: string;
  env: Record<string, string>;
  close(): Promise<void>;
}

export async function restartRig(extra: Record<string, string> = {}): Promise<RestartRig> {
  const broker = await ownMosquitto();
  const journal = tempJournalDir();
  const schema = await createSchema();
  return {
    broker,
    databaseUrl: schema.url,
    env: {
      PORT: '0',
      HOST: '127.0.0.1',
      MQTT_URL: broker.url,
      MQTT_CLIENT_ID: `vaka-f-${randomBytes(4).toString('hex')}`,
      DATABASE_URL: schema.url,
      JOURNAL_DIR: journal.dir,
      VAKA_ADMIN_USER: TEST_ADMIN.username,
      VAKA_ADMIN_PASSWORD: TEST_ADMIN.password,
      ...extra,
    },
    async close() {
      await broker.close();
      await schema.drop();
      journal.remove();
    },
  };
}
