/**
 * The gateway: an MQTT client that subscribes to every format's topics with QoS 1 on a
 * persistent session (clean: false), so what the broker queued for Vaka while it was away
 * arrives after a restart, and feeds each message through the ingest pipeline. It also
 * publishes Vaka's own retained online/offline state, with offline as its last will.
 */
import mqtt, { type MqttClient } from 'mqtt';
import type { Logger } from 'pino';
import type { DeviceDirectory, GatewayCounters, GatewaySink, MessageJournal } from './contract.js';
import { nativeSubscription } from './formats/vaka-native.js';
import { z2mSubscription } from './formats/zigbee2mqtt.js';
import { createIngest, type IngestOptions, type PacketFlags } from './ingest.js';
import { Redeliveries } from './redelivery.js';

export interface GatewayOptions extends IngestOptions {
  mqttUrl: string;
  /** Fixed client id: the broker keeps the session (and queued QoS 1 messages) under it. */
  clientId: string;
  username?: string | undefined;
  password?: string | undefined;
  /** How long start() waits for the first connection, in milliseconds. */
  connectTimeoutMs: number;
  now: () => number;
  logger: Logger;
  /** Records each message before it is handled and acknowledged (service/journal/). */
  journal?: MessageJournal | undefined;
}

export interface Gateway {
  start(): Promise<void>;
  /** Handles a message received before, at its original receive time (a journal replay, before start). */
  replay(topic: string, payload: Uint8Array, receivedAt: number, packetId: number): void;
  stop(): Promise<void>;
  readonly connected: boolean;
  readonly counters: Readonly<GatewayCounters>;
}

/**
 * Vaka's own state, retained on `<VAKA_TOPIC_PREFIX>/status` (the shape Zigbee2MQTT uses for
 * bridge/state): online once connected; offline on a clean stop, or from the broker as the
 * last will when Vaka vanishes.
 */
const ONLINE = '{"state":"online"}';
const OFFLINE = '{"state":"offline"}';

export class BrokerUnreachableError extends Error {
  readonly code = 'VAKA_ERR_BROKER_UNREACHABLE';
}

export function createGateway(options: GatewayOptions, directory: DeviceDirectory, sink: GatewaySink): Gateway {
  const ingest = createIngest(options, directory, sink);
  const redeliveries = new Redeliveries();
  const log = options.logger.child({ part: 'gateway' });
  const statusTopic = `${options.native.prefix}/status`;
  let client: MqttClient | undefined;

  function onMessage(
    topic: string,
    payload: Buffer,
    packet: { dup?: boolean; qos?: number; messageId?: number },
  ): void {
    const receivedAt = options.now();
    const packetId = (packet.qos ?? 0) > 0 ? (packet.messageId ?? 0) : 0;
    // DUP only says the broker may have sent it before; the packet identifier says whether we had it.
    const copy = packetId > 0 && redeliveries.handled(packetId, topic, payload, packet.dup === true);
    // Written ahead: mqtt.js sends the PUBACK only after this returns (and handleMessage's callback).
    options.journal?.record(topic, payload, receivedAt, packetId);
    handle(topic, payload, receivedAt, { dup: copy });
  }

  function handle(topic: string, payload: Uint8Array, receivedAt: number, flags: PacketFlags): void {
    try {
      ingest.handle(topic, payload, receivedAt, flags);
    } catch (error) {
      // ingest never throws on input; this is a bug, and one message must not stop the rest.
      log.error({ err: error, topic }, 'message handling failed');
    } finally {
      options.journal?.handled();
    }
  }

  async function start(): Promise<void> {
    const c = mqtt.connect(options.mqttUrl, {
      clientId: options.clientId,
      clean: false,
      // If Vaka dies without saying goodbye, the broker tells the world (an outside monitor).
      will: { topic: statusTopic, payload: Buffer.from(OFFLINE), qos: 1, retain: true },
      reconnectPeriod: 1000,
      connectTimeout: options.connectTimeoutMs,
      ...(options.username === undefined ? {} : { username: options.username }),
      ...(options.password === undefined ? {} : { password: options.password }),
    });
    client = c;
    c.on('message', onMessage);
    // mqtt.js reads the next packet and sends this one's PUBACK only after this callback: while
    // the sink is behind, waiting here leaves the rest queued at the broker (bench/, docs/performance.md).
    c.handleMessage = (_packet, callback) => {
      const wait = sink.backpressure?.();
      if (wait === undefined) callback();
      else wait.then(() => callback(), callback);
    };
    c.on('connect', (packet) => {
      log.info({ sessionPresent: packet.sessionPresent }, 'connected to broker');
      c.publish(statusTopic, ONLINE, { qos: 1, retain: true });
      c.subscribe([nativeSubscription(options.native), z2mSubscription(options.z2m)], { qos: 1 }, (error) => {
        if (error) log.error({ err: error }, 'subscribe failed');
      });
    });
    c.on('offline', () => log.warn('broker connection lost; reconnecting'));
    c.on('error', (error) => log.warn({ err: error.message }, 'broker error'));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        c.off('connect', onConnect);
        c.end(true);
        reject(new BrokerUnreachableError(`cannot reach the MQTT broker at ${redact(options.mqttUrl)}`));
      }, options.connectTimeoutMs);
      function onConnect() {
        clearTimeout(timer);
        resolve();
      }
      c.once('connect', onConnect);
    });
  }

  async function stop(): Promise<void> {
    const c = client;
    client = undefined;
    if (c === undefined) return;
    // QoS 0: waiting for a PUBACK could wait for ever while backpressure holds the incoming
    // stream (mqtt.js reads the ack only after the held message). The broker handles the
    // packets of one connection in order, so it keeps this retained state before the goodbye.
    if (c.connected) await c.publishAsync(statusTopic, OFFLINE, { qos: 0, retain: true }).catch(() => undefined);
    await c.endAsync();
  }

  return {
    start,
    replay(topic, payload, receivedAt, packetId) {
      // Remembered as handled, so the broker's copy of it (a PUBACK the kill cut off) is known;
      // its duplicate window starts now, however long ago it was received.
      if (packetId > 0) redeliveries.handled(packetId, topic, payload, false);
      handle(topic, payload, receivedAt, { windowFrom: options.now() });
    },
    stop,
    get connected() {
      return client?.connected ?? false;
    },
    get counters() {
      return ingest.counters;
    },
  };
}

/** A URL fit for a log line: no password. */
export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(invalid URL)';
  }
}
