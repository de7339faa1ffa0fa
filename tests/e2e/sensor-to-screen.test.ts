/**
 * End to end through the real process: a Zigbee2MQTT message published to the broker for a
 * claimed device becomes an alert frame on a WebSocket client; a malformed message becomes a
 * dead letter while the process keeps serving; SIGTERM stops it cleanly.
 */
import { createServer } from 'node:net';
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Resident } from '../../service/contract.js';
import { loginHttp } from '../helpers/auth.js';
import { openStream } from '../helpers/stream-client.js';
import { TEST_ADMIN, testVakaEnv } from '../helpers/test-vaka.js';
import { runVaka, startVakaProcess, type VakaProcess } from '../helpers/vaka-process.js';

let vaka: VakaProcess;
let setup: Awaited<ReturnType<typeof testVakaEnv>>;
let api: string;
let token: string;

beforeAll(async () => {
  setup = await testVakaEnv();
  vaka = await startVakaProcess(setup.env);
  api = `http://127.0.0.1:${vaka.port}/api/v1`;
  token = await loginHttp(`http://127.0.0.1:${vaka.port}`, TEST_ADMIN.username, TEST_ADMIN.password);
}, 60_000);
afterAll(async () => {
  await vaka?.stop();
  await setup?.cleanup();
});

async function post<T>(path: string, body: unknown): Promise<T> {
  const res = await fetch(`${api}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

async function publish(topic: string, payload: string): Promise<void> {
  const client = await mqtt.connectAsync(setup.broker.url);
  await client.publishAsync(topic, payload, { qos: 1 });
  await client.endAsync();
}

describe('a sensor message reaches a care worker’s screen', () => {
  it('answers health', async () => {
    const res = await fetch(`${api}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', broker: { connected: true } });
  });

  it.each([
    ['help button', 'help_button', '{"action":"emergency","battery":95,"linkquality":140}', 'help'],
    ['fall detector', 'fall_detector', '{"fall_down_status":"fall","presence":true}', 'fall'],
  ])('a Zigbee2MQTT %s message becomes an alert frame within one second', async (_name, kind, payload, alertKind) => {
    const resident = await post<Resident>('/residents', {
      name: 'Karin Holm',
      rooms: [{ name: 'Bathroom', kind: 'bathroom' }],
    });
    const address = `karin/${resident.id.slice(0, 8)}/${kind}`;
    await post('/devices', { format: 'z2m', address, residentId: resident.id, roomId: resident.rooms[0]?.id, kind });
    const stream = await openStream(`ws://127.0.0.1:${vaka.port}/api/v1/stream`, token);
    await stream.waitFor((f) => f.type === 'snapshot');
    const sent = performance.now();
    await publish(`${setup.broker.z2mBase}/${address}`, payload);
    const frame = await stream.waitFor(
      (f) => f.type === 'alert' && f.alert.residentId === resident.id && f.alert.kind === alertKind,
    );
    const ms = performance.now() - sent;
    expect(ms).toBeLessThan(1000);
    expect(frame).toMatchObject({
      type: 'alert',
      change: 'opened',
      alert: { severity: 'critical', residentName: 'Karin Holm', roomName: 'Bathroom', status: 'open' },
    });
    await stream.close();
  });

  it('keeps a malformed message as a dead letter and keeps serving', async () => {
    await publish(`${setup.broker.z2mBase}/somebody/pir`, '{"occupancy": tru');
    let letters: { reason: string; topic: string }[] = [];
    for (let i = 0; i < 50 && letters.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
      letters = (await (
        await fetch(`${api}/dead-letters?reason=malformed_json`, { headers: { authorization: `Bearer ${token}` } })
      ).json()) as typeof letters;
    }
    expect(letters).toEqual([
      expect.objectContaining({ reason: 'malformed_json', topic: `${setup.broker.z2mBase}/somebody/pir` }),
    ]);
    expect((await fetch(`${api}/health`)).status).toBe(200);
  });

  it('stops cleanly on SIGTERM', async () => {
    expect(await vaka.stop('SIGTERM')).toBe(0);
  });
});

describe('start-up problems a user can fix are one clear line', () => {
  it('names PORT when the HTTP port is taken', async () => {
    const blocker = createServer().listen(0, '127.0.0.1');
    await new Promise((r) => blocker.once('listening', r));
    const address = blocker.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const env = await testVakaEnv();
    const run = runVaka({ ...env.env, PORT: String(port) });
    expect(await run.exited).toBe(1);
    expect(run.output().trim().split('\n').at(-1)).toBe(
      `vaka: port ${port} is already in use: set PORT to a free port (e.g. PORT=${port + 1})`,
    );
    blocker.close();
    await env.cleanup();
  });

  it('names MQTT_PORT when the embedded broker’s port is taken', async () => {
    const blocker = createServer().listen(0, '127.0.0.1');
    await new Promise((r) => blocker.once('listening', r));
    const address = blocker.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const env = await testVakaEnv();
    const { MQTT_URL: _external, ...embedded } = env.env;
    const run = runVaka({ ...embedded, MQTT_PORT: String(port) });
    expect(await run.exited).toBe(1);
    expect(run.output().trim().split('\n').at(-1)).toBe(
      `vaka: port ${port} is already in use: set MQTT_PORT to a free port (e.g. MQTT_PORT=${port + 1})`,
    );
    blocker.close();
    await env.cleanup();
  });
});
