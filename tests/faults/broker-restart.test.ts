/**
 * Fault: the broker restarts in the middle of a stream of sensor messages, with a real Vaka
 * process, real PostgreSQL and a Mosquitto of the test's own (persistence on, as shipped).
 * Promise: every QoS 1 message published by the sensors is stored once the broker is back,
 * and an alert published after the restart still reaches the dashboard.
 */
import { randomBytes } from 'node:crypto';
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Resident } from '../../service/contract.js';
import { testEnv } from '../helpers/env.js';
import { apiPost, type OwnServices, startOwnServices, storedEvents } from '../helpers/fault-kit.js';

const DOWN_MS = 5000;
const PUBLISH_EVERY_MS = 20;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(testEnv.databaseUrl === undefined)('the broker restarts mid-stream', () => {
  let rig: OwnServices;
  beforeAll(async () => {
    rig = await startOwnServices();
  }, 60_000);
  afterAll(() => rig?.close());

  const post = <T>(path: string, body: unknown) => apiPost<T>(rig.api, rig.token, path, body);

  it('stores every QoS 1 message published around a restart, and a later alert still arrives', async () => {
    const { api, broker, databaseUrl, stream, vaka } = rig;
    const resident = await post<Resident>('/residents', { name: 'Stig Lund', rooms: [{ name: 'Hall', kind: 'hall' }] });
    const roomId = resident.rooms[0]?.id;
    await post('/devices', { format: 'vaka', address: 'pir-1', residentId: resident.id, roomId, kind: 'motion' });
    await post('/devices', { format: 'vaka', address: 'sos-1', residentId: resident.id, roomId, kind: 'help_button' });

    // A sensor with its own persistent session: what it could not deliver, it sends again.
    const sensor = await mqtt.connectAsync(broker.url, {
      clientId: `sensor-${randomBytes(4).toString('hex')}`,
      clean: false,
      reconnectPeriod: 200,
    });
    const acked: Promise<unknown>[] = [];
    let published = 0;
    let running = true;
    const base = Date.now();
    const pump = (async () => {
      while (running) {
        const ts = base + published;
        acked.push(
          sensor.publishAsync(
            'vaka/sensor/pir-1',
            JSON.stringify({ type: 'motion', motion: published % 2 === 0, ts }),
            {
              qos: 1,
            },
          ),
        );
        published++;
        await sleep(PUBLISH_EVERY_MS);
      }
    })();

    await sleep(2000);
    await broker.stop();
    await sleep(DOWN_MS);
    await broker.start();
    await sleep(3000);
    running = false;
    await pump;
    await Promise.all(acked);
    const sent = Date.now();
    await sensor.publishAsync('vaka/sensor/sos-1', JSON.stringify({ type: 'help' }), { qos: 1 });
    const alert = await stream.waitFor(
      (f) => f.type === 'alert' && f.change === 'opened' && f.alert.residentId === resident.id,
      15_000,
    );
    const alertMs = Date.now() - sent;
    await sensor.endAsync();

    const stored = await storedEvents(databaseUrl, 'pir-1', published, 20_000);
    const gateway = ((await fetch(`${api}/health`).then((r) => r.json())) as { gateway: object }).gateway;
    const sessions = vaka
      .output()
      .split('\n')
      .filter((line) => line.includes('connected to broker'))
      .map((line) => /"sessionPresent":(\w+)/.exec(line)?.[1]);
    console.log(
      `gateway ${JSON.stringify(gateway)}; Vaka's sessions on connect: ${sessions.join(', ')}; ` +
        `broker restart (${DOWN_MS / 1000} s down): published ${published}, stored ${stored}; ` +
        `alert after the restart on the dashboard ${alertMs} ms after publish`,
    );
    // Vaka's persistent session survived the restart: the broker queued for it while it was away.
    expect(sessions).toEqual(['false', 'true']);
    expect(stored).toBe(published);
    expect(alert.type === 'alert' && alert.alert.kind).toBe('help');
  }, 90_000);
});
