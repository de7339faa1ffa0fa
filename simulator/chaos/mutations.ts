/**
 * Pure makers of bad messages from a genuine one. Each result is checked against what the
 * gateway's decoders do (tests/simulator/chaos), so "malformed" really fails JSON.parse and a
 * "schema violation" really fails the format's schema.
 */
import type { PayloadFormat } from '../../gateway/contract.js';
import type { SimMessage, Topics } from '../contract.js';
import type { Rng } from '../random.js';

export type JsonObject = Record<string, unknown>;

/** A message chaos understands: its format, and its payload as a JSON object. */
export interface Parsed {
  format: PayloadFormat;
  body: JsonObject;
}

/** Zigbee2MQTT topics that are not device state (gateway/formats/zigbee2mqtt.ts). */
const Z2M_NOT_STATE = /\/((set|get)(\/[^/]+)?|action|availability)$/;

/** The message's format and body, or undefined when chaos should leave it alone. */
export function parseMessage(message: SimMessage, topics: Topics): Parsed | undefined {
  const format = formatOf(message.topic, topics);
  if (format === undefined) return undefined;
  let body: unknown;
  try {
    body = JSON.parse(message.payload);
  } catch {
    return undefined;
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  return { format, body: body as JsonObject };
}

function formatOf(topic: string, topics: Topics): PayloadFormat | undefined {
  const parts = topic.split('/');
  if (parts.length === 3 && parts[0] === topics.prefix && parts[1] === 'sensor') return 'vaka';
  const base = `${topics.baseTopic}/`;
  if (!topic.startsWith(base)) return undefined;
  const rest = topic.slice(base.length);
  if (rest === '' || rest === 'bridge' || rest.startsWith('bridge/') || Z2M_NOT_STATE.test(rest)) return undefined;
  return 'z2m';
}

/** Whether the payload carries its own time, which makes the gateway drop an identical copy. */
export function isTimed({ format, body }: Parsed): boolean {
  return format === 'vaka' ? body.ts !== undefined : body.last_seen !== undefined;
}

/** A help press or a fall, in the shapes payloads.ts renders. */
export function isAlarm({ format, body }: Parsed): boolean {
  if (format === 'vaka') return body.type === 'help' || body.type === 'fall';
  return (
    body.action === 'emergency' ||
    body.action === 'sos' ||
    body.sos === true ||
    body.fall_down_status !== undefined ||
    body.fall_status !== undefined ||
    body.status === 'falling'
  );
}

export const MALFORMED_VARIANTS = ['truncated', 'trailing_garbage', 'single_quotes', 'not_json'] as const;
export type MalformedVariant = (typeof MALFORMED_VARIANTS)[number];

/** Text that JSON.parse refuses: what a flaky radio bridge or a hand-written firmware sends. */
export function malformed(payload: string, variant: MalformedVariant, rng: Rng): string {
  const text = ((): string => {
    switch (variant) {
      case 'truncated':
        // Any proper prefix of a JSON object lacks its closing brace.
        return payload.slice(0, rng.int(1, Math.max(1, payload.length - 1)));
      case 'trailing_garbage':
        return `${payload}}`;
      case 'single_quotes':
        return payload.replaceAll('"', "'");
      case 'not_json':
        return payload.replace(/[{}"]/g, '').replaceAll(':', '=').replaceAll(',', ' ');
    }
  })();
  return refusedByJson(text) ? text : '{"type":';
}

function refusedByJson(text: string): boolean {
  if (text.trim() === '') return false; // an empty z2m payload is "retained topic cleared", not malformed
  try {
    JSON.parse(text);
    return false;
  } catch {
    return true;
  }
}

export const NATIVE_VIOLATIONS = ['wrong_type', 'unknown_type', 'missing_field', 'not_an_object'] as const;
export const Z2M_VIOLATIONS = ['wrong_type', 'not_an_object', 'bad_availability'] as const;
export type ViolationVariant = (typeof NATIVE_VIOLATIONS)[number] | (typeof Z2M_VIOLATIONS)[number];

/** The field each native type requires besides `type` (gateway/formats/vaka-native.ts). */
const NATIVE_REQUIRED: Readonly<Record<string, string>> = {
  motion: 'motion',
  contact: 'open',
  presence: 'present',
  occupancy: 'occupied',
  power: 'watts',
  battery: 'battery',
};

/** Fields of Zigbee2MQTT state that must be boolean or number when present. */
const Z2M_TYPED: readonly (readonly [string, unknown])[] = [
  ['occupancy', 'yes'],
  ['contact', 'closed'],
  ['power', 'high'],
  ['presence', 1],
];

/** Valid JSON that the format's schema refuses, on the genuine topic (or its availability topic). */
export function schemaViolation(message: SimMessage, parsed: Parsed, variant: ViolationVariant): SimMessage {
  const { body } = parsed;
  const on = (payload: unknown): SimMessage => ({ topic: message.topic, payload: JSON.stringify(payload) });
  if (parsed.format === 'vaka') {
    switch (variant) {
      case 'wrong_type':
        // `battery` is a number for every native type (and required for type battery).
        return on({ ...body, battery: 'full' });
      case 'unknown_type':
        return on({ ...body, type: 'temperature' });
      case 'missing_field': {
        const { [NATIVE_REQUIRED[String(body.type)] ?? 'type']: _dropped, ...rest } = body;
        return on(rest);
      }
      default:
        return on([body]);
    }
  }
  switch (variant) {
    case 'wrong_type': {
      const [field, bad] = Z2M_TYPED.find(([name]) => body[name] !== undefined) ?? Z2M_TYPED[0] ?? ['occupancy', 'yes'];
      return on({ ...body, [field]: bad });
    }
    case 'bad_availability':
      return { topic: `${message.topic}/availability`, payload: JSON.stringify({ state: 'unknown' }) };
    default:
      return on([body]);
  }
}

/** The genuine body padded so the payload is exactly `bytes` long (UTF-8). */
export function oversized(parsed: Parsed, bytes: number): string {
  const base = JSON.stringify({ ...parsed.body, padding: '' });
  const room = bytes - Buffer.byteLength(base, 'utf8');
  return JSON.stringify({ ...parsed.body, padding: 'x'.repeat(Math.max(0, room)) });
}

/** The genuine body claiming time `at` + `offsetMs`: native `ts`, or Zigbee2MQTT's `last_seen` (ISO 8601). */
export function skewed(parsed: Parsed, at: number, offsetMs: number): string {
  if (parsed.format === 'vaka') return JSON.stringify({ ...parsed.body, ts: at + offsetMs });
  return JSON.stringify({ ...parsed.body, last_seen: new Date(at + offsetMs).toISOString() });
}

/** The time a native payload claims, when it carries one. */
export function claimedTime(parsed: Parsed): number | undefined {
  const ts = parsed.body.ts;
  return parsed.format === 'vaka' && typeof ts === 'number' ? ts : undefined;
}

/**
 * The genuine body on the topic of device `ghost` that no home has. `seq` keeps each copy's bytes
 * unique, so the gateway never takes two for one duplicate (both formats ignore unknown keys).
 */
export function fromUnknownDevice(parsed: Parsed, topics: Topics, ghost: number, seq: number): SimMessage {
  const address = `chaos-ghost-${ghost}`;
  const topic = parsed.format === 'vaka' ? `${topics.prefix}/sensor/${address}` : `${topics.baseTopic}/${address}`;
  return { topic, payload: JSON.stringify({ ...parsed.body, chaos_seq: seq }) };
}
