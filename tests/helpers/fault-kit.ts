/** What the fault tests share: calling a spawned Vaka's API, and counting what reached the database. */
import pg from 'pg';
import { loginHttp } from './auth.js';
import type { OwnMosquitto } from './mosquitto.js';
import { restartRig } from './restart-rig.js';
import { openStream, type TestStream } from './stream-client.js';
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

/** A Vaka process on a Mosquitto, a database schema and a journal of the test's own, signed in, its stream open. */
export interface OwnServices {
  broker: OwnMosquitto;
  databaseUrl: string;
  vaka: VakaProcess;
  api: string;
  token: string;
  stream: TestStream;
  close(): Promise<void>;
}

export async function startOwnServices(extra: Record<string, string> = {}): Promise<OwnServices> {
  const rig = await restartRig(extra);
  const vaka = await startVakaProcess(rig.env);
  const { api, token } = await signIn(vaka.port);
  const stream = await openStream(`ws://127.0.0.1:${vaka.port}/api/v1/stream`, token);
  return {
    broker: rig.broker,
    databaseUrl: rig.databaseUrl,
    vaka,
    api,
    token,
    stream,
    async close() {
      await stream.close();
      await vaka.stop();
      await rig.close();
    },
  };
}
