/** What the fault tests share: calling a spawned Vaka's API, and counting what reached the database. */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { loginHttp } from './auth.js';
import { type OwnMosquitto, ownMosquitto } from './mosquitto.js';
import { openStream, type TestStream } from './stream-client.js';
import { createSchema } from './test-db.js';
import { TEST_ADMIN } from './test-vaka.js';
import { startVakaProcess, type VakaProcess } from './vaka-process.js';

/** Signs in to a spawned Vaka (started with TEST_ADMIN as its admin): its API base and a token. */
export async function signIn(port: number): Promise<{ api: string; token: string }> {
  const token = await loginHttp(`http://127.0.0.1:${port}`, TEST_ADMIN.username, TEST_ADMIN.password);
  return { api: `http://127.0.0.1:${port}/api/v1`, token };
}

/** POST as a signed-in user; throws with the status and body unless 2xx. */
export async function apiPost<T>(api: string, token: string, path: string, body: unknown): Promise<T> {
  const res = await fetch(`${api}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/**
 * Events stored for the device with this address, read straight from the database: waits up to
 * `ms` for `expected` of them (writes are batched and may be catching up), then returns the count.
 */
export async function storedEvents(
  databaseUrl: string,
  address: string,
  expected: number,
  ms: number,
): Promise<number> {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const count = async () =>
      Number(
        (
          await db.query(
            'SELECT count(*) AS n FROM events WHERE device_id IN (SELECT id FROM devices WHERE address = $1)',
            [address],
          )
        ).rows[0].n,
      );
    const end = Date.now() + ms;
    while ((await count()) < expected && Date.now() < end) await new Promise((r) => setTimeout(r, 300));
    return await count();
  } finally {
    await db.end();
  }
}

/** The environment of a Vaka process on a broker and database of the fault test's own. */
export function ownServicesEnv(mqttUrl: string, databaseUrl: string): Record<string, string> {
  return {
    PORT: '0',
    HOST: '127.0.0.1',
    MQTT_URL: mqttUrl,
    MQTT_CLIENT_ID: `vaka-f-${randomBytes(4).toString('hex')}`,
    DATABASE_URL: databaseUrl,
    VAKA_ADMIN_USER: TEST_ADMIN.username,
    VAKA_ADMIN_PASSWORD: TEST_ADMIN.password,
  };
}

/** A Vaka process on a Mosquitto and a database schema of the test's own, signed in, its stream open. */
export interface OwnServices {
  broker: OwnMosquitto;
  schema: Awaited<ReturnType<typeof createSchema>>;
  vaka: VakaProcess;
  api: string;
  token: string;
  stream: TestStream;
  close(): Promise<void>;
}

export async function startOwnServices(): Promise<OwnServices> {
  const broker = await ownMosquitto();
  const schema = await createSchema();
  const vaka = await startVakaProcess(ownServicesEnv(broker.url, schema.url));
  const { api, token } = await signIn(vaka.port);
  const stream = await openStream(`ws://127.0.0.1:${vaka.port}/api/v1/stream`, token);
  return {
    broker,
    schema,
    vaka,
    api,
    token,
    stream,
    async close() {
      await stream.close();
      await vaka.stop();
      await broker.close();
      await schema.drop();
    },
  };
}
