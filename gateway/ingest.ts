/**
 * One message in, canonical events (or a dead letter, or an unclaimed sighting) out.
 * No MQTT here, so the whole pipeline is testable with plain calls. Nothing a message
 * contains can make this throw: every failure becomes a dead letter with its reason.
 */
import type { DecodedMessage, DeviceDirectory, GatewayCounters, GatewaySink, Signals } from './contract.js';
import { Dedupe } from './dedupe.js';
import type { DecodeResult } from './formats/decode-result.js';
import { decodeNative, matchesNative, type NativeTopics } from './formats/vaka-native.js';
import { decodeZ2m, matchesZ2m, type Z2mTopics } from './formats/zigbee2mqtt.js';
import { AlarmLatch } from './latch.js';
import { toEvents } from './readings.js';

export interface IngestOptions {
  native: NativeTopics;
  z2m: Z2mTopics;
  /** Larger payloads are dead-lettered unread, in bytes. */
  maxPayloadBytes: number;
  /** Exact duplicates within this window are dropped, in milliseconds. */
  dedupeWindowMs: number;
  /** An event time further ahead of receive time than this is not trusted, in milliseconds. */
  maxClockSkewMs: number;
}

/** Dead letters keep at most this much of the payload, in characters. */
const DEAD_LETTER_PAYLOAD_CHARS = 2048;

export type IngestOutcome = 'accepted' | 'duplicate' | 'dead_letter' | 'unclaimed' | 'ignored';

/** What MQTT says about a message beyond its topic and payload. */
export interface PacketFlags {
  /** The broker is re-sending a message this gateway handled before (MQTT 3.1.1 §3.3.1.1; redelivery.ts). */
  dup?: boolean;
  /**
   * When the duplicate window starts for this message, if not at receipt: a journal replay
   * handles a message at its original receive time, but the broker's copy of it (the PUBACK the
   * kill cut off) arrives after the restart, however long that took.
   */
  windowFrom?: number;
}

export interface Ingest {
  handle(topic: string, payload: Uint8Array, receivedAt: number, flags?: PacketFlags): IngestOutcome;
  readonly counters: Readonly<GatewayCounters>;
}

const utf8 = new TextDecoder('utf-8', { fatal: false });

export function createIngest(options: IngestOptions, directory: DeviceDirectory, sink: GatewaySink): Ingest {
  const dedupe = new Dedupe({ windowMs: options.dedupeWindowMs, capacity: 100_000 });
  const latch = new AlarmLatch();
  const counters: GatewayCounters = {
    received: 0,
    accepted: 0,
    duplicates: 0,
    deadLetters: 0,
    unclaimed: 0,
    ignored: 0,
  };

  function decode(topic: string, text: string): DecodeResult {
    if (matchesNative(topic, options.native)) return decodeNative(topic, text, options.native);
    if (matchesZ2m(topic, options.z2m)) return decodeZ2m(topic, text, options.z2m);
    return { kind: 'rejected', reason: 'unknown_topic', detail: 'topic belongs to no known payload format' };
  }

  function handle(topic: string, payload: Uint8Array, receivedAt: number, flags: PacketFlags = {}): IngestOutcome {
    counters.received++;
    const deadLetter = (reason: Parameters<GatewaySink['deadLetter']>[0]['reason'], detail: string, text: string) => {
      counters.deadLetters++;
      sink.deadLetter({
        topic,
        payload: text.slice(0, DEAD_LETTER_PAYLOAD_CHARS),
        payloadBytes: payload.byteLength,
        reason,
        detail,
        receivedAt,
      });
      return 'dead_letter' as const;
    };

    if (payload.byteLength > options.maxPayloadBytes) {
      const head = utf8.decode(payload.subarray(0, DEAD_LETTER_PAYLOAD_CHARS));
      return deadLetter('too_large', `${payload.byteLength} bytes, limit ${options.maxPayloadBytes}`, head);
    }
    const seenBefore = dedupe.isDuplicate(topic, payload, flags.windowFrom ?? receivedAt);
    const text = utf8.decode(payload);
    const result = decode(topic, text);
    // Identical bytes are the same reading when the payload carries its own time, or when
    // the broker marks the copy as a redelivery. A Zigbee2MQTT payload without a time can
    // legitimately repeat (a door opened, closed, and opened again), so it is kept.
    const timed = result.kind === 'decoded' && result.message.eventTime !== undefined;
    if (seenBefore && (timed || flags.dup === true)) {
      counters.duplicates++;
      return 'duplicate';
    }
    if (result.kind === 'ignored') {
      counters.ignored++;
      return 'ignored';
    }
    if (result.kind === 'rejected') return deadLetter(result.reason, result.detail, text);

    const message = result.message;
    if (message.eventTime !== undefined && message.eventTime > receivedAt + options.maxClockSkewMs) {
      // A sensor clock running ahead would place the reading in the future; receive time is truer.
      message.eventTime = receivedAt;
    }
    if (message.format === 'z2m') latchAlarms(latch, message);
    const binding = directory.lookup(message.format, message.address);
    if (binding === undefined) {
      counters.unclaimed++;
      sink.unclaimed({
        format: message.format,
        address: message.address,
        topic,
        signals: Object.keys(message.signals) as (keyof Signals)[],
        payload: text.slice(0, DEAD_LETTER_PAYLOAD_CHARS),
        receivedAt,
      });
      return 'unclaimed';
    }
    counters.accepted++;
    sink.events(toEvents(message, binding, receivedAt));
    return 'accepted';
  }

  return { handle, counters };
}

/** Zigbee2MQTT fall and SOS states become events only when they switch on. */
function latchAlarms(latch: AlarmLatch, message: DecodedMessage): void {
  const s = message.signals;
  if (s.fall !== undefined) {
    if (latch.rising(message.address, 'fall', s.fall)) s.fall = true;
    else delete s.fall;
  }
  if (s.sos !== undefined) {
    if (latch.rising(message.address, 'sos', s.sos)) s.help = true;
    delete s.sos;
  }
}
