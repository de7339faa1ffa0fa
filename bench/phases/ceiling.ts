/**
 * The broker's own pass-through, the ceiling for everyone: the same publisher process and
 * messages to a subscriber process that only counts (QoS 1, like Vaka's gateway).
 */
import { randomBytes } from 'node:crypto';
import type { Child, IpcMessage } from '../lib/child.js';
import { forkModule } from '../lib/child.js';
import type { RunDone } from '../lib/load-publisher.js';
import type { Broker } from '../lib/mosquitto.js';
import { perSecond } from '../lib/stats.js';

export interface CeilingResult {
  published: number;
  arrived: number;
  elapsedMs: number;
  messagesPerS: number;
}

export async function brokerCeiling(
  broker: Broker,
  publisher: Child,
  messages: number,
  window: number,
): Promise<CeilingResult> {
  const sink = forkModule('lib/sink-process.ts');
  try {
    const prefix = `vc${randomBytes(4).toString('hex')}`;
    sink.send({ type: 'subscribe', url: broker.url, prefix, expected: messages });
    await sink.next('subscribed', 30_000);
    publisher.send({ type: 'run', url: broker.url, prefix, rate: 0, window });
    await publisher.next('started');
    const done = await publisher.next<IpcMessage & RunDone>('done');
    const complete = sink.next<IpcMessage & { count: number; lastAt: number }>('complete', 60_000);
    const timer = setTimeout(() => sink.send({ type: 'report' }), 30_000);
    const c = await complete;
    clearTimeout(timer);
    const elapsedMs = c.lastAt - done.startedAt;
    return { published: done.published, arrived: c.count, elapsedMs, messagesPerS: perSecond(c.count, elapsedMs) };
  } finally {
    await sink.close();
  }
}
