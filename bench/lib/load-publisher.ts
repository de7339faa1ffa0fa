/**
 * The publisher, in a process of its own so it never shares an event loop with what it measures
 * (Vaka, Node-RED, or the bench's own WebSocket client timing alerts). Driven over IPC:
 *   → { type: 'load', residents, messages, seed }      ← { type: 'loaded', count, genMs, spanMs }
 *   → { type: 'run', url, prefix, rate, window }       ← { type: 'started', at } … { type: 'done', … }
 * `rate` 0 publishes as fast as the QoS 1 send window allows; otherwise messages per second.
 * Event times are moved so the last message's time is the moment the run starts.
 */
import { connectPublisher } from '../../simulator/mqtt-publisher.js';
import { type LoadSpec, type MessageTemplate, render, templates } from './load.js';
import { nowMs, sleep } from './ports.js';

export interface RunCommand {
  type: 'run';
  url: string;
  prefix: string;
  rate: number;
  window: number;
  /** Publish only the first this many messages (a paced run need not play them all). */
  limit?: number;
}

export interface RunDone {
  type: 'done';
  published: number;
  acked: number;
  failed: number;
  startedAt: number;
  sentAt: number;
  ackedAt: number;
}

let loaded: MessageTemplate[] = [];

async function run(command: RunCommand): Promise<RunDone> {
  const publisher = await connectPublisher({ url: command.url, connectTimeoutMs: 5000, maxInFlight: command.window });
  const startedAt = nowMs();
  process.send?.({ type: 'started', at: startedAt });
  const count = Math.min(loaded.length, command.limit ?? loaded.length);
  const last = loaded[count - 1];
  const shift = last === undefined ? 0 : Math.floor(startedAt) - last.ts;
  for (let i = 0; i < count; i++) {
    const t = loaded[i] as MessageTemplate;
    if (command.rate > 0 && i % 20 === 0) {
      const due = startedAt + (i / command.rate) * 1000;
      const ahead = due - nowMs();
      if (ahead > 1) await sleep(ahead);
    }
    await publisher.send(`${command.prefix}${t.topicTail}`, render(t, shift));
  }
  const sentAt = nowMs();
  await publisher.drain();
  const ackedAt = nowMs();
  const c = publisher.counters();
  await publisher.close();
  return { type: 'done', published: c.published, acked: c.acked, failed: c.failed, startedAt, sentAt, ackedAt };
}

process.on('message', (message: { type: string } & Partial<LoadSpec> & Partial<Omit<RunCommand, 'type'>>) => {
  if (message.type === 'load') {
    const started = performance.now();
    loaded = templates(message as LoadSpec);
    const first = loaded[0]?.ts ?? 0;
    const spanMs = (loaded[loaded.length - 1]?.ts ?? 0) - first;
    process.send?.({ type: 'loaded', count: loaded.length, genMs: performance.now() - started, spanMs });
  } else if (message.type === 'run') {
    run(message as RunCommand).then(
      (done) => process.send?.(done),
      (error: unknown) => process.send?.({ type: 'error', message: String(error) }),
    );
  } else if (message.type === 'exit') {
    process.disconnect();
  }
});
