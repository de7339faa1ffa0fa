/**
 * Zigbee2MQTT as real devices publish it: `<base>/<friendly name>` with a JSON object of the
 * device's exposes (no timestamp), and `<base>/<friendly name>/availability`.
 * Field meanings are from the Zigbee2MQTT docs and zigbee-herdsman-converters; see
 * docs/payload-formats.md for the sources.
 */
import { z } from 'zod';
import type { Signals } from '../contract.js';
import { type DecodeResult, parseJson, rejected } from './decode-result.js';

export interface Z2mTopics {
  /** Zigbee2MQTT's `base_topic`, `zigbee2mqtt` by default. */
  baseTopic: string;
}

const bool = z.boolean().nullish();
const num = z.number().nullish();

/** The exposes Vaka reads. Everything else a device sends (temperature, illuminance…) is allowed and ignored. */
export const Z2mStatePayload = z.looseObject({
  occupancy: bool,
  presence: bool,
  contact: bool,
  water_leak: bool,
  vibration: bool,
  tamper: bool,
  /** Tuya MIR-HE200-TY: motion as the strings "true"/"false". */
  motion: z.union([z.boolean(), z.enum(['true', 'false'])]).nullish(),
  /**
   * Tuya C3007 pressure pad: true while someone sits or lies on it. Weather sensors send a
   * numeric `pressure` in hPa; only the boolean is read.
   */
  pressure: z.unknown().optional(),
  /** Feibit SEB01ZB SOS button. */
  sos: bool,
  /** OWON FDS315: unoccupied | occupied | sitting | on_the_bed | low_posture | falling. */
  status: z.union([z.string(), z.boolean(), z.number()]).nullish(),
  /** Heiman HS2FD-EF1-3.0: normal | fall_warning | fall_alarm | unknown. */
  fall_status: z.string().nullish(),
  /** Tuya MIR-HE200-TY_fall: none | maybe_fall | fall. */
  fall_down_status: z.string().nullish(),
  action: z.string().nullish(),
  /** Present when Zigbee2MQTT's `last_seen` option is on: ISO 8601 or epoch milliseconds; other forms are ignored. */
  last_seen: z.unknown().optional(),
  power: num,
  /** Battery and link quality are read when in range and otherwise ignored: a bad battery value must not cost a fall. */
  battery: z.unknown().optional(),
  battery_low: bool,
  linkquality: z.unknown().optional(),
});
export type Z2mStatePayload = z.infer<typeof Z2mStatePayload>;

/** Current releases publish `{"state":"online"}`; `availability: legacy` published the bare word. */
const AvailabilityPayload = z.union([
  z.object({ state: z.enum(['online', 'offline']) }),
  z.enum(['online', 'offline']).transform((state) => ({ state })),
]);

/**
 * Topics under the base that are not device state: commands to devices (`/set`, `/set/<attr>`,
 * `/get`) and the plain-string copy of `action` that the Home Assistant integration republishes
 * on `<name>/action` (reading it too would count every press twice).
 */
const NON_STATE_SUFFIX = /\/((set|get)(\/[^/]+)?|action)$/;

export function z2mSubscription(topics: Z2mTopics): string {
  return `${topics.baseTopic}/#`;
}

export function matchesZ2m(topic: string, topics: Z2mTopics): boolean {
  return topic.startsWith(`${topics.baseTopic}/`);
}

export function decodeZ2m(topic: string, text: string, topics: Z2mTopics): DecodeResult {
  const rest = topic.slice(topics.baseTopic.length + 1);
  if (rest === 'bridge' || rest.startsWith('bridge/')) return { kind: 'ignored', why: 'bridge topic' };
  if (NON_STATE_SUFFIX.test(rest)) return { kind: 'ignored', why: 'command topic' };
  if (rest.length === 0) return rejected('unknown_topic', 'no friendly name after the base topic');
  // Zigbee2MQTT clears a renamed or removed device's retained topics with an empty payload.
  if (text.length === 0) return { kind: 'ignored', why: 'retained topic cleared' };

  if (rest.endsWith('/availability')) {
    const address = rest.slice(0, -'/availability'.length);
    const json = parseJson(text);
    const parsed = AvailabilityPayload.safeParse(json.ok ? json.value : text.trim());
    if (!parsed.success) {
      return rejected('schema_violation', 'availability must be {"state":"online"|"offline"}');
    }
    return {
      kind: 'decoded',
      message: { format: 'z2m', address, signals: { online: parsed.data.state === 'online' } },
    };
  }

  const json = parseJson(text);
  if (!json.ok) return rejected('malformed_json', json.error);
  if (typeof json.value !== 'object' || json.value === null || Array.isArray(json.value)) {
    return rejected('schema_violation', 'a Zigbee2MQTT state message must be a JSON object');
  }
  const parsed = Z2mStatePayload.safeParse(json.value);
  if (!parsed.success) return rejected('schema_violation', z.prettifyError(parsed.error));
  const eventTime = timeOf(parsed.data.last_seen);
  return {
    kind: 'decoded',
    message: {
      format: 'z2m',
      address: rest,
      ...(eventTime == null ? {} : { eventTime }),
      signals: z2mSignals(parsed.data),
    },
  };
}

function inRange(value: unknown, min: number, max: number): number | undefined {
  return typeof value === 'number' && value >= min && value <= max ? value : undefined;
}

/** Epoch milliseconds Vaka believes: from 2001-09-09 (smaller is seconds or garbage) to the Date limit. */
const MIN_EPOCH_MS = 1e12;
const MAX_EPOCH_MS = 8.64e15;

/**
 * `last_seen` as epoch milliseconds, when it is ISO 8601 or a plausible number; the `relative`
 * form and implausible numbers (seconds, fractions of a millisecond, beyond Date) are ignored,
 * so the reading is stamped with receive time instead.
 */
function timeOf(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value) && value >= MIN_EPOCH_MS && value <= MAX_EPOCH_MS) {
    return value;
  }
  if (typeof value === 'string' && /^\d{4}-\d\d-\d\dT/.test(value)) {
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? undefined : ms;
  }
  return undefined;
}

/** Button actions that are an emergency call whatever the button is registered as (Tuya TS0215A_sos). */
const EMERGENCY_ACTIONS = new Set(['emergency', 'sos']);

/** A fall, by the device's own enum: `maybe_fall` and `fall_warning` are pre-alerts, not falls. */
function fallOf(p: Z2mStatePayload): boolean | undefined {
  if (p.fall_down_status != null) return p.fall_down_status === 'fall';
  if (p.fall_status != null) return p.fall_status === 'fall_alarm';
  // FDS315: any other status (occupied, sitting, …) means the fall is over, so the next one counts.
  if (typeof p.status === 'string') return p.status === 'falling';
  return undefined;
}

function z2mSignals(p: Z2mStatePayload): Signals {
  const s: Signals = {};
  if (p.occupancy != null) s.occupancy = p.occupancy;
  if (p.presence != null) s.presence = p.presence;
  if (p.motion != null) s.motion = p.motion === true || p.motion === 'true';
  if (typeof p.pressure === 'boolean') s.occupancy = p.pressure;
  // Zigbee2MQTT: contact true = magnet near = door CLOSED.
  if (p.contact != null) s.contactOpen = !p.contact;
  if (p.water_leak != null) s.waterLeak = p.water_leak;
  if (p.vibration != null) s.vibration = p.vibration;
  if (p.tamper != null) s.tamper = p.tamper;
  if (p.power != null) s.powerW = p.power;
  if (p.action != null && p.action !== '') s.action = p.action;
  if (s.action !== undefined && EMERGENCY_ACTIONS.has(s.action)) s.help = true;
  if (p.sos != null) s.sos = p.sos;
  const battery = inRange(p.battery, 0, 100);
  if (battery !== undefined) s.battery = battery;
  if (p.battery_low != null) s.batteryLow = p.battery_low;
  const linkquality = inRange(p.linkquality, 0, 255);
  if (linkquality !== undefined) s.linkquality = linkquality;
  const fall = fallOf(p);
  if (fall !== undefined) s.fall = fall;
  return s;
}
