/**
 * How fast the simulator's publisher puts small QoS 1 messages on a broker, and whether all of
 * them arrive: `npx tsx bench/simulator-publish.ts [--messages 200000] [--window 500]
 * [--sub-qos 1] [--url mqtt://127.0.0.1:1883] [--only mosquitto|tuned|aedes]`.
 *
 * Targets: the broker at --url (the machine's Mosquitto by default); a Mosquitto of our own on a
 * free port with unbounded queues (when the `mosquitto` binary is installed); and an embedded
 * aedes in this process. One publisher (simulator/mqtt-publisher.ts, `send` with its window) and one subscriber
 * to `<random prefix>/#` that counts; topics are under a random prefix so nothing else sees them.
 * A run stops waiting once no message has arrived for IDLE_MS, so it is bounded in time.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import mqtt from 'mqtt';
import { startEmbeddedBroker } from '../service/broker/embedded-broker.js';
import { connectPublisher, DEFAULT_MAX_IN_FLIGHT } from '../simulator/mqtt-publisher.js';
import { startMosquitto as startTunedMosquitto } from './lib/mosquitto.js';
import { sleep } from './lib/ports.js';

/** Give up on missing messages after this long without one arriving, in milliseconds. */
const IDLE_MS = 5000;
/** A whole target's run may take at most this long, in milliseconds. */
const RUN_LIMIT_MS = 180_000;

interface Result {
  target: string;
  messages: number;
  window: number;
  subQos: 0 | 1;
  /** Wall time until every message was handed to the client, in ms. */
  sentMs: number;
  /** Wall time until every message was acknowledged, in ms. */
  ackedMs: number;
  /** Wall time until the last message arrived at the subscriber, in ms. */
  arrivedMs: number;
  acked: number;
  failed: number;
  maxInFlight: number;
  arrived: number;
}

async function measure(target: string, url: string, messages: number, window: number, subQos: 0 | 1): Promise<Result> {
  const prefix = `vaka-bench-${randomBytes(5).toString('hex')}`;
  const subscriber = await mqtt.connectAsync(url, { clean: true, reconnectPeriod: 0 });
  let arrived = 0;
  let lastArrival = Date.now();
  subscriber.on('message', () => {
    arrived++;
    lastArrival = Date.now();
  });
  await subscriber.subscribeAsync(`${prefix}/#`, { qos: subQos });
  const publisher = await connectPublisher({ url, connectTimeoutMs: 5000, maxInFlight: window });

  const start = Date.now();
  const deadline = start + RUN_LIMIT_MS;
  const ts = Date.parse('2025-03-03T06:00:00Z');
  for (let i = 0; i < messages && Date.now() < deadline; i++) {
    // ~65 bytes, like a native heartbeat.
    await publisher.send(`${prefix}/sensor/dev-${i % 1000}`, `{"type":"heartbeat","ts":${ts + i},"n":${i}}`);
  }
  const sentMs = Date.now() - start;
  await Promise.race([publisher.drain(), sleep(deadline - Date.now())]);
  const ackedMs = Date.now() - start;
  while (arrived < messages && Date.now() - lastArrival < IDLE_MS && Date.now() < deadline) {
    await sleep(10);
  }
  const arrivedMs = lastArrival - start;
  const c = publisher.counters();
  await publisher.close();
  await subscriber.endAsync(true);
  return {
    target,
    messages,
    window,
    subQos,
    sentMs,
    ackedMs,
    arrivedMs,
    acked: c.acked,
    failed: c.failed,
    maxInFlight: c.maxInFlight,
    arrived,
  };
}

function line(r: Result): string {
  const rate = (ms: number) => Math.round((r.messages / Math.max(1, ms)) * 1000).toLocaleString('en-US');
  const all = r.arrived === r.messages && r.acked === r.messages ? 'all arrived' : 'MISSING MESSAGES';
  return (
    `${r.target.padEnd(32)} ${r.messages.toLocaleString('en-US')} msgs, window ${r.window}, subscriber QoS ${r.subQos}: ` +
    `acked ${rate(r.ackedMs)} msg/s (${(r.ackedMs / 1000).toFixed(1)} s), end to end ${rate(r.arrivedMs)} msg/s; ` +
    `acked ${r.acked}, failed ${r.failed}, max in flight ${r.maxInFlight}, arrived ${r.arrived} — ${all}`
  );
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      messages: { type: 'string', default: '200000' },
      window: { type: 'string', default: String(DEFAULT_MAX_IN_FLIGHT) },
      'sub-qos': { type: 'string', default: '1' },
      url: { type: 'string', default: 'mqtt://127.0.0.1:1883' },
      only: { type: 'string' },
    },
  });
  const messages = Number(values.messages);
  const window = Number(values.window);
  const subQos = values['sub-qos'] === '0' ? 0 : 1;
  const results: Result[] = [];
  if (values.only === undefined || values.only === 'mosquitto') {
    try {
      results.push(await measure(`broker at ${values.url}`, values.url, messages, window, subQos));
    } catch (error) {
      process.stdout.write(`broker at ${values.url}: not measured (${(error as Error).message})\n`);
    }
  }
  if (values.only === undefined || values.only === 'tuned') {
    try {
      const tuned = await startTunedMosquitto();
      try {
        results.push(await measure('own Mosquitto, queues unbounded', tuned.url, messages, window, subQos));
      } finally {
        await tuned.close();
      }
    } catch (error) {
      process.stdout.write(`own Mosquitto: not measured (${(error as Error).message})\n`);
    }
  }
  if (values.only === undefined || values.only === 'aedes') {
    const broker = await startEmbeddedBroker({ port: 0, host: '127.0.0.1', access: 'open' });
    try {
      results.push(
        await measure('embedded aedes (in process)', `mqtt://127.0.0.1:${broker.port}`, messages, window, subQos),
      );
    } finally {
      await broker.close();
    }
  }
  for (const r of results) process.stdout.write(`${line(r)}\n`);
  process.stdout.write(`${JSON.stringify(results)}\n`);
}

await main();
