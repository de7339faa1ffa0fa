/**
 * Fault: Vaka is killed (SIGKILL) in the middle of a stream of QoS 1 messages and started again.
 * Promise: no accepted event lost — every message was in the write-ahead journal before the
 * broker got its PUBACK, and the restart replays what was not stored (idempotent writes skip
 * what was); no duplicate alert; open alerts intact; the behaviour models exactly as if nothing
 * had happened (each activity learned once). docs/reliability.md, "SIGKILL".
 */
import { randomBytes } from 'node:crypto';
import mqtt from 'mqtt';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alert, Resident } from '../../service/contract.js';
import { testEnv } from '../helpers/env.js';
import { apiPost, signIn, storedEvents } from '../helpers/fault-kit.js';
import { type RestartRig, restartRig } from '../helpers/restart-rig.js';
import { startVakaProcess, type VakaProcess } from '../helpers/vaka-process.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Motion messages from the native sensor; every Z2M_EVERY-th message is also an untimed Zigbee2MQTT one. */
const N = 4000;
const Z2M_EVERY = 100;
/** The kill comes after this many messages are published (the rest go to the broker while Vaka is dead). */
const KILL_AT = Math.round((N * 2) / 3);

describe.skipIf(testEnv.databaseUrl === undefined)('SIGKILL under load, then a restart', () => {
  let rig: RestartRig | undefined;
  let vaka: VakaProcess | undefined;

  beforeAll(async () => {
    // Models saved every second, so the kill falls between saves: the replay must feed the models
    // exactly what the last save had not seen.
    rig = await restartRig({ MODEL_SAVE_S: '1', MQTT_CLIENT_ID: `vaka-k-${randomBytes(4).toString('hex')}` });
  }, 60_000);

  afterAll(async () => {
    await vaka?.stop();
    await rig?.close();
  });

  it('loses no event, raises no alert twice, keeps the open alert and learns each activity once', async () => {
    if (rig === undefined) throw new Error('no rig');
    const { broker, env, databaseUrl } = rig;
    vaka = await startVakaProcess(env);
    let { api, token } = await signIn(vaka.port);
    const post = <T>(path: string, body: unknown) => apiPost<T>(api, token, path, body);
    const get = async <T>(path: string) =>
      (await (await fetch(`${api}${path}`, { headers: { authorization: `Bearer ${token}` } })).json()) as T;
    const ingrid = await post<Resident>('/residents', { name: 'Ingrid Ek', rooms: [{ name: 'Hall', kind: 'hall' }] });
    const hall = ingrid.rooms[0]?.id;
    await post('/devices', { format: 'vaka', address: 'pir-k', residentId: ingrid.id, roomId: hall, kind: 'motion' });
    await post('/devices', {
      format: 'vaka',
      address: 'sos-k',
      residentId: ingrid.id,
      roomId: hall,
      kind: 'help_button',
    });
    // The untimed Zigbee2MQTT sensor at another home: its readings take their time from receipt.
    const stig = await post<Resident>('/residents', { name: 'Stig Lund', rooms: [{ name: 'Hall', kind: 'hall' }] });
    await post('/devices', {
      format: 'z2m',
      address: 'stig/hall/pir',
      residentId: stig.id,
      roomId: stig.rooms[0]?.id,
      kind: 'motion',
    });

    const sensor = await mqtt.connectAsync(broker.url, { clientId: `sensor-${randomBytes(4).toString('hex')}` });
    const base = Date.now();
    // A first help call, answered and resolved before the stream: a replay must not open it again.
    await sensor.publishAsync('vaka/sensor/sos-k', JSON.stringify({ type: 'help', ts: base - 1000 }), { qos: 1 });
    let first: Alert | undefined;
    for (let i = 0; i < 50 && first === undefined; i++, await sleep(100)) {
      first = (await get<Alert[]>(`/alerts?residentId=${ingrid.id}`))[0];
    }
    if (first === undefined) throw new Error('the first help call raised no alert');
    await post(`/alerts/${first.id}/resolve`, { outcome: 'confirmed' });

    const acked: Promise<unknown>[] = [];
    let z2m = 0;
    let killed: Promise<number | null> | undefined;
    for (let i = 0; i < N; i++) {
      // Strictly increasing times (2 ms apart), so each activity is learned in order: none is skipped as "older".
      const reading = { type: 'motion', motion: i % 2 === 0, ts: base + 2 * i };
      acked.push(sensor.publishAsync('vaka/sensor/pir-k', JSON.stringify(reading), { qos: 1 }));
      if (i % Z2M_EVERY === 0) {
        z2m++;
        // Three payloads over and over, as an untimed sensor repeats itself: after the kill every message
        // the broker had in flight comes again with DUP, and only the packet identifier tells a copy from a repeat.
        const payload = JSON.stringify({ occupancy: true, linkquality: 100 + ((i / Z2M_EVERY) % 3) });
        acked.push(sensor.publishAsync('zigbee2mqtt/stig/hall/pir', payload, { qos: 1 }));
      }
      // The second help call just before the kill: its alert may or may not be stored when Vaka dies.
      if (i === KILL_AT - 20) {
        const call = JSON.stringify({ type: 'help', ts: base + 2 * i + 1 });
        acked.push(sensor.publishAsync('vaka/sensor/sos-k', call, { qos: 1 }));
      }
      if (i === KILL_AT) killed = vaka.stop('SIGKILL');
      if (i % 50 === 0) await sleep(20);
    }
    await Promise.all(acked);
    await killed;
    await sensor.endAsync();
    const storedAtKill = await storedEvents(databaseUrl, 'pir-k', 0, 0);

    vaka = await startVakaProcess(env);
    const replayLine = /"msg":"journal replayed[^"]*"/.test(vaka.output())
      ? vaka
          .output()
          .split('\n')
          .find((l) => l.includes('journal replayed'))
      : undefined;
    const replay = replayLine === undefined ? undefined : (JSON.parse(replayLine) as Record<string, unknown>);
    ({ api, token } = await signIn(vaka.port));
    const stored = await storedEvents(databaseUrl, 'pir-k', N, 30_000);
    const storedZ2m = await storedEvents(databaseUrl, 'stig/hall/pir', z2m, 10_000);
    const helps = await storedEvents(databaseUrl, 'sos-k', 2, 10_000);
    const alerts = await get<Alert[]>(`/alerts?residentId=${ingrid.id}`);

    // A clean stop saves the models: what they learned, from before the kill, the replay and after.
    expect(await vaka.stop('SIGTERM')).toBe(0);
    const learned = await modelEvents(databaseUrl, [ingrid.id, stig.id]);
    console.log(
      `SIGKILL under load (after ${KILL_AT} of ${N} published): ${storedAtKill} stored at the kill; ` +
        `replayed ${JSON.stringify(replay && { messages: replay.messages, stored: replay.stored, detected: replay.detected, alertActions: replay.alertActions })}; ` +
        `published ${N} + ${z2m} untimed + 2 help, stored ${stored} + ${storedZ2m} + ${helps}; ` +
        `models learned ${learned[0]} and ${learned[1]} activities`,
    );

    // The kill came mid-stream with events not yet stored, and the journal gave them back.
    expect(storedAtKill).toBeLessThan(N);
    expect(replay?.stored).toBeGreaterThan(0);
    expect([stored, storedZ2m, helps]).toEqual([N, z2m, 2]);
    // The first call stays resolved; the second is open, once, however far it got before the kill.
    expect(alerts.map((a) => [a.kind, a.status, a.occurrences]).sort()).toEqual([
      ['help', 'open', 1],
      ['help', 'resolved', 1],
    ]);
    // Each activity learned exactly once: every motion-on reading and both help calls; each untimed reading.
    expect(learned).toEqual([N / 2 + 2, z2m]);
  }, 180_000);
});

/** The number of activity events each resident's saved model has learned (ResidentModel.events). */
async function modelEvents(databaseUrl: string, residentIds: readonly string[]): Promise<number[]> {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query<{ resident_id: string; events: string }>(
      "SELECT resident_id, state->>'events' AS events FROM resident_models WHERE resident_id = ANY($1::uuid[])",
      [residentIds],
    );
    return residentIds.map((id) => Number(rows.find((r) => r.resident_id === id)?.events ?? Number.NaN));
  } finally {
    await db.end();
  }
}
