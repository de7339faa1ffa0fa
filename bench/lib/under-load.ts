/**
 * One load run against one consumer (Vaka or Node-RED): the publisher process plays the cohort's
 * messages onto the broker while this process publishes help and fall messages at random moments
 * on a connection of its own and times each until the consumer's alert arrives on its WebSocket.
 */
import mqtt from 'mqtt';
import { mulberry32 } from '../../simulator/random.js';
import type { Child, IpcMessage } from './child.js';
import type { RunDone } from './load-publisher.js';
import { nowMs, sleep } from './ports.js';
import type { AlertTarget } from './seed.js';
import { type Latency, summarise } from './stats.js';

export interface LoadRunOptions {
  publisher: Child;
  brokerUrl: string;
  prefix: string;
  /** Messages per second; 0 as fast as the send window allows. */
  rate: number;
  window: number;
  /** Messages the publisher holds; a paced run plays only PACED_S seconds of them. */
  messages: number;
  /** Expected rate of a saturating run, to spread injections over it, messages/s. */
  expectedRate: number;
  /** Distinct residents to raise one alert each; their count is the number of injections. */
  targets: readonly AlertTarget[];
  seed: number;
  /** The key an arriving alert is matched by: the resident (Vaka) or the device address (Node-RED). */
  keyOf: (target: AlertTarget) => string;
  log: AlertLog;
}

export interface LoadRunResult {
  done: RunDone;
  injected: number;
  /** Publishes one more message on the injection connection (an end marker), returning when it was sent. */
  mark: (topic: string, payload: string) => Promise<number>;
  close(): Promise<void>;
}

/** Publish and arrival times of injected alerts, by key. */
export interface AlertLog {
  sent(key: string, at: number): void;
  /** Called by the consumer's WebSocket listener with the key of an alert that arrived and when. */
  arrived(key: string, at: number): void;
  latency(): Latency;
  /** Injected alerts whose frame has not arrived. */
  missing(): number;
}

export function alertLog(): AlertLog {
  const pending = new Map<string, number>();
  const latencies: number[] = [];
  return {
    sent: (key, at) => pending.set(key, at),
    arrived(key, at) {
      const at0 = pending.get(key);
      if (at0 === undefined) return;
      pending.delete(key);
      latencies.push(at - at0);
    },
    latency: () => summarise(latencies),
    missing: () => pending.size,
  };
}

/** How long a paced run lasts, in seconds: long enough for its injections, short enough for a sane run time. */
export const PACED_S = 20;

/** Messages a run publishes: all of them as fast as possible, or PACED_S seconds' worth at a rate. */
export function messagesOf(run: Pick<LoadRunOptions, 'rate' | 'messages'>): number {
  return run.rate === 0 ? run.messages : Math.min(run.messages, run.rate * PACED_S);
}

export async function loadRun(options: LoadRunOptions): Promise<LoadRunResult> {
  const limit = messagesOf(options);
  const expectedMs = (limit / (options.rate === 0 ? options.expectedRate : options.rate)) * 1000;
  const gapMs = expectedMs / (options.targets.length + 1);
  const injector = await mqtt.connectAsync(options.brokerUrl, { clean: true, reconnectPeriod: 0 });
  const random = mulberry32(options.seed);
  options.publisher.send({
    type: 'run',
    url: options.brokerUrl,
    prefix: options.prefix,
    rate: options.rate,
    window: options.window,
    limit,
  });
  const donePromise = options.publisher.next<IpcMessage & RunDone>('done');
  let finished = false;
  void donePromise.then(() => {
    finished = true;
  });
  await options.publisher.next('started');
  let injected = 0;
  for (const target of options.targets) {
    // Uniform gaps around the mean, so injections land at unrelated moments of the load.
    await sleep(gapMs * (0.5 + random()));
    if (finished) break;
    const payload = JSON.stringify({ type: target.type, ts: Math.round(nowMs()) });
    const at = nowMs();
    options.log.sent(options.keyOf(target), at);
    await injector.publishAsync(`${options.prefix}/sensor/${target.address}`, payload, { qos: 1 });
    injected++;
  }
  const done = await donePromise;
  return {
    done,
    injected,
    async mark(topic, payload) {
      const at = nowMs();
      await injector.publishAsync(topic, payload, { qos: 1 });
      return at;
    },
    close: () => injector.endAsync(),
  };
}
