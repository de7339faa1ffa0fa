/**
 * The simulator's MQTT connection: connect once (failing fast, with a one-line reason, when the
 * broker cannot be reached or refuses us), then publish at QoS 1 through a bounded send window
 * and reconnect on its own if the connection drops mid-run.
 *
 * Why a window: mqtt.js message ids are 16-bit, so with more than 65,535 QoS 1 publishes awaiting
 * their PUBACK ids are reused and acks are lost; and without a bound, thousands of residents'
 * messages from one process pile up in memory while the broker is slow or away. 100–1,000 in
 * flight measured well (docs: /work/shared/stack-facts.md; bench/simulator-publish.ts).
 */
import { randomBytes } from 'node:crypto';
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import type { Publish } from './runner.js';

export interface BrokerTarget {
  url: string;
  username?: string | undefined;
  password?: string | undefined;
  /** How long to wait for the first connection, in milliseconds. */
  connectTimeoutMs: number;
  /** QoS 1 messages awaiting their acknowledgement at most, 1–65,535 (default 500). */
  maxInFlight?: number | undefined;
}

export interface PublisherCounters {
  /** Messages handed to the MQTT client. */
  published: number;
  /** Messages the broker acknowledged (PUBACK). */
  acked: number;
  /** Messages that failed, or were dropped unacknowledged at close. */
  failed: number;
  /** Published, neither acknowledged nor failed yet. */
  inFlight: number;
  /** The most ever in flight at once: never more than the window. */
  maxInFlight: number;
}

export interface Publisher {
  /** QoS 1: waits for room in the send window, then resolves when the broker has acknowledged the message. */
  publish: Publish;
  /**
   * QoS 1 with backpressure, for throughput: resolves as soon as the message is in the send
   * window (at once unless the window is full). A failure is counted and told to `onError`.
   */
  send: Publish;
  /** Resolves when nothing is in flight. */
  drain(): Promise<void>;
  counters(): PublisherCounters;
  /** The connection, e.g. to subscribe to the control topic (simulator/control). */
  readonly client: MqttClient;
  /** Waits for messages in flight (while connected), then disconnects. */
  close(): Promise<void>;
}

export interface PublisherOptions {
  /** QoS 1 messages awaiting their acknowledgement at most, 1–65,535. */
  maxInFlight?: number;
  /** Told about each message sent with `send` that failed. */
  onError?: (error: Error, topic: string) => void;
  /** How long close() waits for acknowledgements before dropping what is in flight, in milliseconds. */
  closeTimeoutMs?: number;
}

/** The broker could not be reached or refused the connection. */
export class BrokerError extends Error {
  readonly code = 'VAKA_SIM_BROKER';
}

/** The publisher was closed while a message waited for room in the window or for its ack. */
export class PublisherClosedError extends Error {
  readonly code = 'VAKA_SIM_PUBLISHER_CLOSED';
}

/** Between reconnect attempts after a drop, in milliseconds. */
const RECONNECT_MS = 2000;
/** Default send window, in messages: the middle of the 100–1,000 that measured well. */
export const DEFAULT_MAX_IN_FLIGHT = 500;
/** mqtt.js message ids are 16-bit and 0 is not used (MQTT 3.1.1 §2.3.1). */
const MAX_PACKET_IDS = 65_535;
/** close() waits this long for acknowledgements, in milliseconds. */
const CLOSE_TIMEOUT_MS = 10_000;

export async function connectPublisher(
  target: BrokerTarget,
  onConnectionChange: (state: 'lost' | 'restored', detail?: string) => void = () => {},
  options: PublisherOptions = {},
): Promise<Publisher> {
  const clientOptions: IClientOptions = {
    clientId: `vaka-sim-${randomBytes(4).toString('hex')}`,
    clean: true,
    connectTimeout: target.connectTimeoutMs,
    reconnectPeriod: RECONNECT_MS,
    ...(target.username === undefined ? {} : { username: target.username }),
    ...(target.password === undefined ? {} : { password: target.password }),
  };
  let client: MqttClient;
  try {
    // allowRetries = false: the first failed attempt rejects instead of retrying forever.
    client = await mqtt.connectAsync(target.url, clientOptions, false);
  } catch (error) {
    throw new BrokerError(`cannot connect to the MQTT broker at ${target.url}: ${reasonOf(error)}`);
  }
  let lost = false;
  client.on('error', (error) => onConnectionChange('lost', reasonOf(error)));
  client.on('offline', () => {
    if (!lost) onConnectionChange('lost');
    lost = true;
  });
  client.on('connect', () => {
    if (lost) onConnectionChange('restored');
    lost = false;
  });
  const maxInFlight = target.maxInFlight ?? options.maxInFlight;
  return createPublisher(client, { ...options, ...(maxInFlight === undefined ? {} : { maxInFlight }) });
}

/** A publisher over a connected client. Separate from connecting, so tests can drive a fake client. */
export function createPublisher(client: MqttClient, options: PublisherOptions = {}): Publisher {
  const limit = options.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PACKET_IDS) {
    throw new RangeError(`maxInFlight must be a whole number 1–${MAX_PACKET_IDS}, got ${limit}`);
  }
  const counters: PublisherCounters = { published: 0, acked: 0, failed: 0, inFlight: 0, maxInFlight: 0 };
  /** Senders waiting for room, first come first served. */
  const waiting: { go: () => void; stop: (error: Error) => void }[] = [];
  /** Each message in flight, so close() can settle what the broker will never acknowledge. */
  const inFlight = new Set<(error?: Error) => void>();
  /** Window slots taken: messages in flight plus senders given room that have not published yet. */
  let taken = 0;
  let drained: (() => void)[] = [];
  let closed = false;

  function room(): Promise<void> {
    if (closed) return Promise.reject(new PublisherClosedError('the publisher is closed'));
    if (taken < limit && waiting.length === 0) {
      taken++;
      return Promise.resolve();
    }
    return new Promise<void>((go, stop) => waiting.push({ go, stop }));
  }

  /** A slot is free again: hand it to the next sender in line (the slot stays taken), or give it back. */
  function free(): void {
    const next = waiting.shift();
    if (next !== undefined) {
      next.go();
      return;
    }
    taken--;
    if (taken === 0) {
      for (const resolve of drained) resolve();
      drained = [];
    }
  }

  function drain(): Promise<void> {
    if (taken === 0) return Promise.resolve();
    return new Promise<void>((resolve) => drained.push(resolve));
  }

  /** Puts one message on the wire; `acked` settles with the broker's acknowledgement. */
  function put(topic: string, payload: string): Promise<void> {
    counters.published++;
    counters.inFlight++;
    counters.maxInFlight = Math.max(counters.maxInFlight, counters.inFlight);
    return new Promise<void>((resolve, reject) => {
      const done = (error?: Error) => {
        if (!inFlight.delete(done)) return; // already settled by close()
        counters.inFlight--;
        if (error === undefined) counters.acked++;
        else counters.failed++;
        free();
        if (error === undefined) resolve();
        else reject(error);
      };
      inFlight.add(done);
      try {
        client.publish(topic, payload, { qos: 1 }, (error) => done(error ?? undefined));
      } catch (error) {
        done(error instanceof Error ? error : new Error(String(error)));
      }
    });
  }

  return {
    async publish(topic, payload) {
      await room();
      await put(topic, payload);
    },
    async send(topic, payload) {
      await room();
      put(topic, payload).catch((error: Error) => options.onError?.(error, topic));
    },
    drain,
    counters: () => ({ ...counters }),
    client,
    async close() {
      if (closed) return;
      closed = true;
      const gone = new PublisherClosedError('the publisher closed with the message unacknowledged');
      for (const w of waiting.splice(0)) w.stop(gone);
      // A graceful end waits for acknowledgements: give them a while while connected, never forever.
      const timeout = new Promise<'timeout'>((resolve) =>
        setTimeout(resolve, options.closeTimeoutMs ?? CLOSE_TIMEOUT_MS, 'timeout').unref(),
      );
      const acked = client.connected && (await Promise.race([drain(), timeout])) !== 'timeout';
      // Otherwise drop what is in flight (simulated readings, nothing of value).
      await client.endAsync(!acked);
      // mqtt.js keeps unacknowledged QoS 1 callbacks for a reconnect that will not come now.
      for (const done of [...inFlight]) done(gone);
      for (const resolve of drained) resolve();
      drained = [];
    },
  };
}

function reasonOf(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    const message = error.message.split('\n')[0] ?? '';
    if (message === '' && typeof code === 'string') return code;
    // AggregateError (IPv4 and IPv6 both refused) has an empty message: name its first cause.
    if (message === '' && error instanceof AggregateError) return reasonOf(error.errors[0]);
    return message;
  }
  return String(error);
}
