/**
 * Fault: Vaka is stopped with SIGTERM in the middle of a stream of sensor messages and started
 * again. Promise: in-flight work is finished before exit (exit 0), what the broker kept for
 * Vaka's session while it was down arrives after the restart, so every published event is
 * stored; the open alert is still open, once.
 */
import { randomBytes } from 'node:crypto';
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alert, Resident } from '../../service/contract.js';
import { loginHttp } from '../helpers/auth.js';
import { testEnv } from '../helpers/env.js';
import { apiPost, storedEvents } from '../helpers/fault-kit.js';
import { type RestartRig, restartRig } from '../helpers/restart-rig.js';
import { TEST_ADMIN } from '../helpers/test-vaka.js';
import { startVakaProcess, type VakaProcess } from '../helpers/vaka-process.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(testEnv.databaseUrl === undefined)('SIGTERM under load, then a restart', () => {
  let rig: RestartRig | undefined;
  let vaka: VakaProcess | undefined;

  beforeAll(async () => {
    rig = await restartRig();
  }, 60_000);

  afterAll(async () => {
    await vaka?.stop();
    await rig?.close();
  });

  it('loses no event and keeps the open alert, once', async () => {
    if (rig === undefined) throw new Error('no rig');
    const { broker, env, databaseUrl } = rig;
    vaka = await startVakaProcess(env);
    const api = () => `http://127.0.0.1:${vaka?.port}/api/v1`;
    // Sessions live in the database: the same token still works after the restart.
    const token = await loginHttp(`http://127.0.0.1:${vaka.port}`, TEST_ADMIN.username, TEST_ADMIN.password);
    const authorization = `Bearer ${token}`;
    const post = <T>(path: string, body: unknown) => apiPost<T>(api(), token, path, body);
    const resident = await post<Resident>('/residents', { name: 'Ingrid Ek', rooms: [{ name: 'Hall', kind: 'hall' }] });
    const roomId = resident.rooms[0]?.id;
    await post('/devices', { format: 'vaka', address: 'pir-2', residentId: resident.id, roomId, kind: 'motion' });
    await post('/devices', { format: 'vaka', address: 'sos-2', residentId: resident.id, roomId, kind: 'help_button' });

    const sensor = await mqtt.connectAsync(broker.url, { clientId: `sensor-${randomBytes(4).toString('hex')}` });
    await sensor.publishAsync('vaka/sensor/sos-2', JSON.stringify({ type: 'help' }), { qos: 1 });
    const base = Date.now();
    const acked: Promise<unknown>[] = [];
    const N = 3000;
    let stopped: Promise<number | null> | undefined;
    for (let i = 0; i < N; i++) {
      acked.push(
        sensor.publishAsync(
          'vaka/sensor/pir-2',
          JSON.stringify({ type: 'motion', motion: i % 2 === 0, ts: base + i }),
          {
            qos: 1,
          },
        ),
      );
      if (i === N / 3) stopped = vaka.stop('SIGTERM');
      if (i % 100 === 0) await sleep(5);
    }
    await Promise.all(acked);
    const exitCode = await stopped;
    await sensor.endAsync();

    vaka = await startVakaProcess(env);
    const stored = await storedEvents(databaseUrl, 'pir-2', N, 30_000);
    const alerts = (await fetch(`${api()}/alerts?residentId=${resident.id}`, { headers: { authorization } }).then((r) =>
      r.json(),
    )) as Alert[];
    console.log(`SIGTERM under load: exit ${exitCode}; published ${N}, stored ${stored} after the restart`);
    expect(exitCode).toBe(0);
    expect(stored).toBe(N);
    expect(alerts.map((a) => [a.kind, a.status])).toEqual([['help', 'open']]);
  }, 120_000);
});
