/**
 * Fault: dashboard connections are dropped and re-established while alerts are raised. A real
 * Vaka process (real PostgreSQL), the dashboard's own stream client (dashboard/src/
 * stream-client.ts, with its reconnect, backoff and `?since=` resume) talking to it through a
 * TCP proxy the test cuts, as a Wi-Fi drop or a restarted load balancer would.
 * Promise: no alert missed, none shown twice. Then Vaka is killed: the dashboard says the
 * connection is lost.
 */
import { randomBytes } from 'node:crypto';
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { AlertState } from '../../dashboard/src/alert-state.js';
import { type ConnectionState, streamProtocols, subscribeStream } from '../../dashboard/src/stream-client.js';
import type { Connect } from '../../dashboard/src/transport.js';
import type { Alert, Resident } from '../../service/contract.js';
import { testEnv } from '../helpers/env.js';
import { apiPost, signIn } from '../helpers/fault-kit.js';
import { startTcpProxy, type TcpProxy } from '../helpers/tcp-proxy.js';
import { testVakaEnv } from '../helpers/test-vaka.js';
import { startVakaProcess, type VakaProcess } from '../helpers/vaka-process.js';

const HOMES = 12;
const PRESS_EVERY_MS = 500;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The dashboard's transport, on `ws` (Node 20 has no global WebSocket); records every raw frame. */
function wsConnect(raw: { url: string; frames: string[] }[]): Connect {
  return (url, on, protocols = []) => {
    const record = { url, frames: [] as string[] };
    raw.push(record);
    const socket = new WebSocket(url, [...protocols]);
    socket.on('open', () => on.open());
    socket.on('message', (data) => {
      record.frames.push(String(data));
      on.message(String(data));
    });
    socket.on('close', (code) => on.close(code));
    socket.on('error', () => undefined); // a close follows
    return {
      close() {
        socket.removeAllListeners('message');
        socket.removeAllListeners('close');
        socket.close(1000);
      },
    };
  };
}

describe.skipIf(testEnv.databaseUrl === undefined)('dashboard connections dropped and re-established', () => {
  let setup: Awaited<ReturnType<typeof testVakaEnv>>;
  let vaka: VakaProcess;
  let proxy: TcpProxy;
  let api: string;
  let token: string;

  beforeAll(async () => {
    setup = await testVakaEnv({ MQTT_CLIENT_ID: `vaka-w-${randomBytes(4).toString('hex')}` });
    vaka = await startVakaProcess(setup.env);
    ({ api, token } = await signIn(vaka.port));
    proxy = await startTcpProxy({ host: '127.0.0.1', port: vaka.port });
  }, 60_000);

  afterAll(async () => {
    await proxy?.close();
    await vaka?.stop();
    await setup?.cleanup();
  });

  it('misses no alert and shows none twice across three drops; says so when Vaka dies', async () => {
    const post = <T>(path: string, body: unknown) => apiPost<T>(api, token, path, body);
    const buttons: string[] = [];
    for (let i = 0; i < HOMES; i++) {
      const resident = await post<Resident>('/residents', {
        name: `Home ${i}`,
        rooms: [{ name: 'Hall', kind: 'hall' }],
      });
      const address = `ws-sos-${i}`;
      await post('/devices', {
        format: 'vaka',
        address,
        residentId: resident.id,
        roomId: resident.rooms[0]?.id,
        kind: 'help_button',
      });
      buttons.push(address);
    }

    let state: AlertState | undefined;
    const arrivals = new Map<string, number>();
    const connections: ConnectionState[] = [];
    const raw: { url: string; frames: string[] }[] = [];
    const unsubscribe = subscribeStream(
      `ws://127.0.0.1:${proxy.port}/api/v1/stream`,
      {
        onAlerts(next, arrived) {
          state = next;
          for (const a of arrived) arrivals.set(a.id, (arrivals.get(a.id) ?? 0) + 1);
        },
        onConnection: (c) => connections.push(c),
      },
      { connect: wsConnect(raw), protocols: streamProtocols(token), random: () => 0 },
    );
    const live = async () => {
      const end = Date.now() + 10_000;
      while (connections.at(-1)?.status !== 'live') {
        if (Date.now() > end) throw new Error(`not live: ${JSON.stringify(connections)}`);
        await sleep(20);
      }
    };
    await live();

    // Help presses every 500 ms; meanwhile the connection is cut three times, each until the
    // client's backoff (1 s) brings it back.
    const sensor = await mqtt.connectAsync(setup.broker.url);
    let down = false;
    let pressedWhileDown = 0;
    const presses = (async () => {
      for (const address of buttons) {
        if (down) pressedWhileDown += 1;
        await sensor.publishAsync(`${setup.broker.prefix}/sensor/${address}`, JSON.stringify({ type: 'help' }), {
          qos: 1,
        });
        await sleep(PRESS_EVERY_MS);
      }
    })();
    for (let drop = 0; drop < 3; drop++) {
      await sleep(600);
      down = true;
      proxy.cut();
      await sleep(300);
      proxy.restore();
      await live();
      down = false;
    }
    await presses;
    await sensor.endAsync();

    // Every alert the service holds is on the dashboard, once.
    const res = await fetch(`${api}/alerts?status=open`, { headers: { authorization: `Bearer ${token}` } });
    const expected = ((await res.json()) as Alert[]).filter((a) => a.ruleId === 'HELP-1').map((a) => a.id);
    expect(expected).toHaveLength(HOMES);
    const end = Date.now() + 10_000;
    while ((state?.alerts.size ?? 0) < HOMES && Date.now() < end) await sleep(50);
    expect([...(state?.alerts.keys() ?? [])].sort()).toEqual([...expected].sort());
    expect([...arrivals.values()].every((n) => n === 1)).toBe(true);
    expect([...arrivals.keys()].sort()).toEqual([...expected].sort());

    // The drops were real, and each reconnection resumed where it left off.
    const drops = connections.filter((c) => c.status === 'lost').length;
    expect(drops).toBeGreaterThanOrEqual(3);
    expect(pressedWhileDown).toBeGreaterThan(0);
    expect(raw.length).toBeGreaterThanOrEqual(4);
    for (const r of raw.slice(1)) expect(r.url).toMatch(/\?since=\d+$/);
    // On the wire, no change was sent twice: each sequence number arrived once over all connections.
    const seqs = raw.flatMap((r) =>
      r.frames.map((f) => JSON.parse(f) as { type: string; seq?: number }).filter((f) => f.type === 'alert'),
    );
    expect(new Set(seqs.map((f) => f.seq)).size).toBe(seqs.length);

    // Vaka itself dies: the dashboard says the connection is lost, at once (the socket closes).
    const before = connections.length;
    const killedAt = Date.now();
    await vaka.stop('SIGKILL');
    while (!connections.slice(before).some((c) => c.status === 'lost') && Date.now() - killedAt < 10_000)
      await sleep(20);
    expect(connections.slice(before).some((c) => c.status === 'lost')).toBe(true);
    console.info(
      `stream: ${HOMES} alerts (${pressedWhileDown} raised while disconnected), ${drops} drops, ${raw.length} connections, lost shown ${Date.now() - killedAt} ms after SIGKILL`,
    );
    unsubscribe();
  }, 60_000);
});
