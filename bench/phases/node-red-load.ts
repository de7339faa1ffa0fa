/**
 * The Node-RED peer under the same load as Vaka: the same publisher process, messages, send
 * window and injected help/fall messages. Node-RED stores nothing, so the end of a run is an end
 * marker published after the load was acknowledged (Mosquitto delivers one subscriber's messages
 * in order), and its arrival on the WebSocket.
 */
import { randomBytes } from 'node:crypto';
import type { Child } from '../lib/child.js';
import type { Broker } from '../lib/mosquitto.js';
import { cpuSecondsOf, nowMs, sleep } from '../lib/ports.js';
import type { AlertTarget } from '../lib/seed.js';
import { type Latency, perSecond } from '../lib/stats.js';
import { alertLog, loadRun } from '../lib/under-load.js';
import { ensureNodeRed, type NodeRedInstall } from '../node-red/install.js';
import { startNodeRed } from '../node-red/process.js';

export interface PeerFigures {
  rate: number | 'max';
  published: number;
  injected: number;
  /** First publish to the end marker's arrival, in ms (to giving up, when it did not arrive). */
  elapsedMs: number;
  /** False when the end marker had not arrived after END_WAIT_MS: messagesPerS is then an upper bound. */
  finished: boolean;
  messagesPerS: number;
  latency: Latency;
  alertsMissing: number;
  cpu: number;
}

export interface NodeRedResult {
  install: NodeRedInstall;
  saturated: PeerFigures;
  paced: PeerFigures;
  rssBytes: number | undefined;
}

const END = 'bench-end';
/** How long to wait for the end marker after the load was acknowledged, in ms. */
const END_WAIT_MS = 120_000;

export async function nodeRedUnderLoad(ctx: {
  broker: Broker;
  publisher: Child;
  targets: readonly AlertTarget[];
  messages: number;
  injections: number;
  paceRate: number;
  window: number;
  seed: number;
  expectedRate: number;
}): Promise<NodeRedResult> {
  const install = await ensureNodeRed();
  let rssBytes: number | undefined;
  /**
   * Each run in a fresh Node-RED on a fresh prefix: a run it did not finish would otherwise
   * still be queued at the broker ahead of the next run's messages (its session is clean, so
   * the broker drops that backlog when it disconnects).
   */
  const run = async (rate: number, targets: readonly AlertTarget[]): Promise<PeerFigures> => {
    const prefix = `vn${randomBytes(4).toString('hex')}`;
    const red = await startNodeRed(ctx.broker.url, prefix);
    try {
      const log = alertLog();
      let endAt = Number.NaN;
      const stream = await red.stream((payload, at) => {
        const address = payload.topic?.slice(payload.topic.lastIndexOf('/') + 1);
        if (address === undefined) return;
        if (address === END) endAt = at;
        else log.arrived(address, at);
      });
      const cpu0 = await cpuSecondsOf(red.child.pid ?? 0);
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
        keyOf: (t) => t.address,
        log,
      });
      await result.mark(`${prefix}/sensor/${END}`, JSON.stringify({ type: 'help', ts: Math.round(nowMs()) }));
      const deadline = nowMs() + END_WAIT_MS;
      while (Number.isNaN(endAt) && nowMs() < deadline) await sleep(10);
      const finished = !Number.isNaN(endAt);
      for (let i = 0; i < 40 && log.missing() > 0; i++) await sleep(50);
      const cpu1 = await cpuSecondsOf(red.child.pid ?? 0);
      rssBytes = await red.rss();
      await result.close();
      stream.close();
      const elapsedMs = (finished ? endAt : nowMs()) - result.done.startedAt;
      return {
        rate: rate === 0 ? 'max' : rate,
        published: result.done.published,
        injected: result.injected,
        elapsedMs,
        finished,
        messagesPerS: perSecond(result.done.published + result.injected, elapsedMs),
        latency: log.latency(),
        alertsMissing: log.missing(),
        cpu: ((cpu1 ?? Number.NaN) - (cpu0 ?? Number.NaN)) / ((nowMs() - result.done.startedAt) / 1000),
      };
    } finally {
      await red.stop();
    }
  };
  const half = Math.floor(ctx.targets.length / 2);
  const saturated = await run(0, ctx.targets.slice(0, Math.min(half, ctx.injections)));
  const paced = await run(ctx.paceRate, ctx.targets.slice(half, half + ctx.injections));
  return { install, saturated, paced, rssBytes };
}
