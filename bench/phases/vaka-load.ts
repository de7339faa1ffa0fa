/**
 * Ingest throughput and alert latency of the real Vaka (node dist/service/main.js) on real
 * Mosquitto and PostgreSQL: a saturating run (as fast as the publisher's send window allows), then
 * a paced run, each with help/fall messages injected at random moments and timed to their alert
 * frame on /api/v1/stream.
 */
import { randomBytes } from 'node:crypto';
import type { Health } from '../../service/contract.js';
import type { Home } from '../../simulator/index.js';
import type { Child } from '../lib/child.js';
import type { Broker } from '../lib/mosquitto.js';
import { cpuSecondsOf, nowMs, sleep } from '../lib/ports.js';
import { createDatabase } from '../lib/postgres.js';
import { type AlertTarget, countEvents, seedHomes } from '../lib/seed.js';
import { type Latency, perSecond } from '../lib/stats.js';
import { alertLog, loadRun } from '../lib/under-load.js';
import type { VakaClient } from '../lib/vaka-client.js';
import { startVaka } from '../lib/vaka-process.js';

export interface LoadFigures {
  rate: number | 'max';
  published: number;
  injected: number;
  /** Messages the gateway received, accepted, and counted apart. */
  received: number;
  accepted: number;
  deadLetters: number;
  duplicates: number;
  unclaimed: number;
  ignored: number;
  /** Events written to PostgreSQL during the run (one message may carry more than one reading). */
  eventsStored: number;
  /** Messages published but never received by the gateway. */
  lostMessages: number;
  /** Accepted messages minus events stored: above 0, events were lost (each message is at least one event). */
  eventsShort: number;
  /** First publish to the last event stored, in ms. */
  elapsedMs: number;
  messagesPerS: number;
  eventsPerS: number;
  latency: Latency;
  alertsMissing: number;
  /** CPU used during the run, in cores (1 = one core busy the whole run): Vaka, Mosquitto, the publisher. */
  cpu: { vaka: number; broker: number; publisher: number };
  /** Alert frames of any kind during the run (the injected ones and whatever the detectors raised). */
  alertFrames: number;
  /** When the gateway had received every message, and when the publisher had them all acknowledged, ms after the start. */
  receivedAllMs: number;
  publishedAllMs: number;
}

export interface VakaLoadResult {
  residents: number;
  devices: number;
  saturated: LoadFigures;
  paced: LoadFigures;
  /** Rows in the events table at the end, against the service's own count. */
  eventsInDatabase: number;
  eventsCounted: number;
  rssBytes: number | undefined;
}

export interface LoadContext {
  broker: Broker;
  publisher: Child;
  homes: readonly Home[];
  messages: number;
  injections: number;
  paceRate: number;
  window: number;
  seed: number;
  /** Expected saturated rate, to spread injections over the run, messages/s. */
  expectedRate: number;
}

/** Nothing stored for this long after the last message arrived means the run is written, in ms. */
const QUIET_MS = 500;
/** Give up waiting for messages that do not arrive after this long without progress, in ms. */
const STALL_MS = 30_000;

/**
 * Waits until every published message reached the gateway and the events are written: nothing
 * pending and the stored count still for QUIET_MS (a batch in flight is neither pending nor
 * stored yet). Returns the health then and when the last event was stored.
 */
async function settle(
  client: VakaClient,
  h0: Health,
  expected: number,
): Promise<{ health: Health; at: number; receivedAllAt: number }> {
  let last: Health = h0;
  let lastChange = nowMs();
  let receivedAllAt = Number.NaN;
  for (;;) {
    const h = await client.health();
    const at = nowMs();
    if (h !== undefined) {
      if (process.env.BENCH_TRACE)
        console.error(
          `${Math.round(at) % 100000} received ${h.gateway.received} stored ${h.eventsStored} pending ${h.eventsPending}`,
        );
      if (h.gateway.received !== last.gateway.received || h.eventsStored !== last.eventsStored) lastChange = at;
      last = h;
      const received = h.gateway.received - h0.gateway.received;
      if (received >= expected && Number.isNaN(receivedAllAt)) receivedAllAt = at;
      // Each accepted message is at least one event: fewer stored means a batch is still being written.
      const written = h.eventsStored - h0.eventsStored >= h.gateway.accepted - h0.gateway.accepted;
      if (received >= expected && written && h.eventsPending === 0 && at - lastChange >= QUIET_MS) {
        return { health: h, at: lastChange, receivedAllAt };
      }
    }
    if (at - lastChange > STALL_MS) return { health: last, at: lastChange, receivedAllAt };
    await sleep(20);
  }
}

function figures(
  rate: number,
  h0: Health,
  h1: Health,
  published: number,
  injected: number,
  elapsedMs: number,
): LoadFigures {
  const g = (k: keyof Health['gateway']) => h1.gateway[k] - h0.gateway[k];
  const eventsStored = h1.eventsStored - h0.eventsStored;
  return {
    rate: rate === 0 ? 'max' : rate,
    published,
    injected,
    received: g('received'),
    accepted: g('accepted'),
    deadLetters: g('deadLetters'),
    duplicates: g('duplicates'),
    unclaimed: g('unclaimed'),
    ignored: g('ignored'),
    eventsStored,
    lostMessages: published + injected - g('received'),
    eventsShort: g('accepted') - eventsStored,
    elapsedMs,
    messagesPerS: perSecond(published + injected, elapsedMs),
    eventsPerS: perSecond(eventsStored, elapsedMs),
    latency: { count: 0, p50: Number.NaN, p95: Number.NaN, p99: Number.NaN, max: Number.NaN },
    alertsMissing: 0,
    cpu: { vaka: Number.NaN, broker: Number.NaN, publisher: Number.NaN },
    alertFrames: 0,
    receivedAllMs: Number.NaN,
    publishedAllMs: Number.NaN,
  };
}

export async function vakaUnderLoad(ctx: LoadContext): Promise<VakaLoadResult> {
  const db = await createDatabase();
  try {
    const seeded = await seedHomes(db.url, ctx.homes);
    const prefix = `vb${randomBytes(4).toString('hex')}`;
    const nodeArgs = process.env.BENCH_VAKA_NODE_ARGS?.split(' ').filter((a) => a !== '') ?? [];
    const vaka = await startVaka(
      {
        MQTT_URL: ctx.broker.url,
        DATABASE_URL: db.url,
        MQTT_CLIENT_ID: `vaka-bench-${randomBytes(4).toString('hex')}`,
        VAKA_TOPIC_PREFIX: prefix,
      },
      nodeArgs,
    );
    try {
      const run = async (rate: number, targets: readonly AlertTarget[]): Promise<LoadFigures> => {
        const log = alertLog();
        let alertFrames = 0;
        const stream = await vaka.client.stream((frame, at) => {
          if (frame.type === 'alert') alertFrames++;
          if (frame.type === 'alert' && frame.change === 'opened') log.arrived(frame.alert.residentId, at);
        });
        const pids = [vaka.child.pid ?? 0, ctx.broker.pid, ctx.publisher.process.pid ?? 0];
        const cpu0 = await Promise.all(pids.map(cpuSecondsOf));
        const h0 = await vaka.client.health();
        if (h0 === undefined) throw new Error('Vaka stopped answering /api/v1/health');
        const result = await loadRun({
          publisher: ctx.publisher,
          brokerUrl: ctx.broker.url,
          prefix,
          rate,
          window: ctx.window,
          targets,
          messages: ctx.messages,
          expectedRate: ctx.expectedRate,
          seed: ctx.seed,
          keyOf: (t) => t.residentId,
          log,
        });
        const expected = result.done.published + result.injected;
        const { health: h1, at, receivedAllAt } = await settle(vaka.client, h0, expected);
        // Alerts still on their way get a moment after the load has drained.
        for (let i = 0; i < 40 && log.missing() > 0; i++) await sleep(50);
        await result.close();
        stream.close();
        const cpu1 = await Promise.all(pids.map(cpuSecondsOf));
        const f = figures(rate, h0, h1, result.done.published, result.injected, at - result.done.startedAt);
        const cores = (i: number) =>
          ((cpu1[i] ?? Number.NaN) - (cpu0[i] ?? Number.NaN)) / ((nowMs() - result.done.startedAt) / 1000);
        return {
          ...f,
          latency: log.latency(),
          alertsMissing: log.missing(),
          cpu: { vaka: cores(0), broker: cores(1), publisher: cores(2) },
          alertFrames,
          receivedAllMs: receivedAllAt - result.done.startedAt,
          publishedAllMs: result.done.ackedAt - result.done.startedAt,
        };
      };
      const half = Math.floor(seeded.targets.length / 2);
      const saturated = await run(0, seeded.targets.slice(0, Math.min(half, ctx.injections)));
      const paced = await run(ctx.paceRate, seeded.targets.slice(half, half + ctx.injections));
      const rssBytes = await vaka.rss();
      const h = await vaka.client.health();
      const eventsInDatabase = await countEvents(db.url);
      return {
        residents: seeded.residents,
        devices: seeded.devices,
        saturated,
        paced,
        eventsInDatabase,
        eventsCounted: h?.eventsStored ?? Number.NaN,
        rssBytes,
      };
    } finally {
      await vaka.stop();
    }
  } finally {
    await db.drop();
  }
}
