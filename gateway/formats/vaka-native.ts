/**
 * Vaka native format: one reading per message on `vaka/sensor/<deviceId>`, JSON with a `type`
 * tag. Documented in docs/payload-formats.md.
 */
import { z } from 'zod';
import { AccelWindow, type Signals } from '../contract.js';
import { type DecodeResult, parseJson, rejected } from './decode-result.js';

export const DEVICE_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;

/** Epoch milliseconds from 2001-09-09 on: a smaller number is almost surely seconds. */
const MIN_EPOCH_MS = 1e12;

const timestamp = z.union([
  z
    .number()
    .int()
    .max(8.64e15)
    .refine((ms) => ms >= MIN_EPOCH_MS, { message: 'ts is epoch milliseconds; this looks like seconds' }),
  z.iso.datetime({ offset: true }).transform((iso) => Date.parse(iso)),
]);

const common = {
  /** Event time: epoch milliseconds or ISO 8601 with offset. Receive time when absent. */
  ts: timestamp.optional(),
  /** Battery charge, percent. */
  battery: z.number().min(0).max(100).optional(),
  battery_low: z.boolean().optional(),
  /** Radio link quality, 0–255 as Zigbee reports it. */
  linkquality: z.number().min(0).max(255).optional(),
};

export const NativePayload = z.discriminatedUnion('type', [
  z.object({ type: z.literal('motion'), motion: z.boolean(), ...common }),
  z.object({ type: z.literal('contact'), open: z.boolean(), ...common }),
  z.object({ type: z.literal('presence'), present: z.boolean(), ...common }),
  z.object({ type: z.literal('occupancy'), occupied: z.boolean(), ...common }),
  z.object({ type: z.literal('power'), watts: z.number().min(0).max(100_000), ...common }),
  z.object({ type: z.literal('help'), ...common }),
  z.object({ type: z.literal('fall'), confidence: z.number().min(0).max(1).optional(), ...common }),
  z.object({
    type: z.literal('accel'),
    rate_hz: AccelWindow.shape.rateHz,
    samples: AccelWindow.shape.samples,
    ...common,
  }),
  z.object({ type: z.literal('battery'), ...common, battery: z.number().min(0).max(100) }),
  z.object({ type: z.literal('heartbeat'), ...common }),
]);
export type NativePayload = z.infer<typeof NativePayload>;

export interface NativeTopics {
  /** Topic prefix, `vaka` by default: devices publish to `<prefix>/sensor/<deviceId>`. */
  prefix: string;
}

export function nativeSubscription(topics: NativeTopics): string {
  return `${topics.prefix}/sensor/+`;
}

export function matchesNative(topic: string, topics: NativeTopics): boolean {
  return topic.startsWith(`${topics.prefix}/`);
}

export function decodeNative(topic: string, text: string, topics: NativeTopics): DecodeResult {
  const parts = topic.split('/');
  const deviceId = parts[2];
  if (parts.length !== 3 || parts[1] !== 'sensor' || deviceId === undefined) {
    return rejected('unknown_topic', `expected ${topics.prefix}/sensor/<deviceId>`);
  }
  if (!DEVICE_ID_PATTERN.test(deviceId)) {
    return rejected('unknown_topic', `device id "${deviceId.slice(0, 80)}" is not 1–64 of A–Z a–z 0–9 _ . : -`);
  }
  const json = parseJson(text);
  if (!json.ok) return rejected('malformed_json', json.error);
  const parsed = NativePayload.safeParse(json.value);
  if (!parsed.success) return rejected('schema_violation', z.prettifyError(parsed.error));
  const payload = parsed.data;
  return {
    kind: 'decoded',
    message: {
      format: 'vaka',
      address: deviceId,
      ...(payload.ts === undefined ? {} : { eventTime: payload.ts }),
      signals: nativeSignals(payload),
    },
  };
}

function nativeSignals(payload: NativePayload): Signals {
  const signals: Signals = {};
  if (payload.battery !== undefined) signals.battery = payload.battery;
  if (payload.battery_low !== undefined) signals.batteryLow = payload.battery_low;
  if (payload.linkquality !== undefined) signals.linkquality = payload.linkquality;
  switch (payload.type) {
    case 'motion':
      signals.motion = payload.motion;
      break;
    case 'contact':
      signals.contactOpen = payload.open;
      break;
    case 'presence':
      signals.presence = payload.present;
      break;
    case 'occupancy':
      signals.occupancy = payload.occupied;
      break;
    case 'power':
      signals.powerW = payload.watts;
      break;
    case 'help':
      signals.help = true;
      break;
    case 'fall':
      signals.fall = true;
      break;
    case 'accel':
      signals.accel = { rateHz: payload.rate_hz, samples: payload.samples };
      break;
    case 'battery':
      break;
    case 'heartbeat':
      signals.heartbeat = true;
      break;
  }
  return signals;
}
