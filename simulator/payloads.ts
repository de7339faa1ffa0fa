/**
 * Renders one reading as the MQTT message a device would publish, in either payload format.
 * Pure: the same input gives the same bytes.
 */
import type { PayloadFormat } from '../gateway/contract.js';
import type { NativePayload } from '../gateway/formats/vaka-native.js';
import { DEFAULT_TOPICS, type Device, type Reading, type SimMessage, type Topics } from './contract.js';

export function renderReading(
  format: PayloadFormat,
  device: Device,
  reading: Reading,
  at: number,
  topics: Topics = DEFAULT_TOPICS,
): SimMessage {
  return format === 'vaka'
    ? renderVaka(device, reading, at, topics.prefix)
    : renderZ2m(device, reading, topics.baseTopic);
}

/** Vaka native (docs/payload-formats.md): `<prefix>/sensor/<deviceId>`, one reading with `type` and `ts` (epoch ms). */
export function renderVaka(device: Device, reading: Reading, at: number, prefix = DEFAULT_TOPICS.prefix): SimMessage {
  const payload: NativePayload = { ...nativeBody(reading), ...radioOf(reading), ts: at };
  return { topic: `${prefix}/sensor/${device.address}`, payload: JSON.stringify(payload) };
}

function nativeBody(reading: Reading): NativePayload {
  switch (reading.kind) {
    case 'motion':
      return { type: 'motion', motion: reading.detected };
    case 'door':
      return { type: 'contact', open: reading.open };
    case 'bed':
    case 'chair':
      return { type: 'occupancy', occupied: reading.occupied };
    case 'power':
      return { type: 'power', watts: reading.watts };
    case 'accel':
      return { type: 'accel', rate_hz: reading.rateHz, samples: reading.samples };
    case 'help':
      return { type: 'help' };
    case 'fall':
      return { type: 'fall' };
    case 'battery':
      return { type: 'battery', battery: reading.battery };
    case 'heartbeat':
      return { type: 'heartbeat' };
  }
}

/**
 * Zigbee2MQTT: `<base>/<friendly name>`, the device's exposes as JSON, no timestamp (`last_seen`
 * is off by default). Keys are sorted, as Zigbee2MQTT serialises with json-stable-stringify.
 * Sources are in scratch/z2m-research.md; per reading:
 * - motion: `occupancy` (PIR, e.g. Aqara RTCGQ11LM); bed: `occupancy` (Tuya TS0601 bed strap);
 * - chair: `pressure` true/false (Tuya C3007 pressure pad);
 * - door: `contact`, which is true when CLOSED (Aqara MCCGQ11LM), so an open door is `contact:false`;
 * - power: `power` in W and `state` ON/OFF (Tuya TS011F plug);
 * - help: `action:"emergency"` (Tuya TS0215A_sos); fall: `fall_down_status:"fall"` with
 *   `presence:true` (Tuya MIR-HE200-TY_fall). Zigbee2MQTT has no wearable convention, so a
 *   wearable's help and fall use these same shapes;
 * - battery report: `battery`; heartbeat: only `linkquality` (the shape with cache_state off;
 *   with it on, Zigbee2MQTT would repeat the device's last state);
 * - accel: Zigbee2MQTT has no device that streams accelerometer windows (a Zigbee wearable,
 *   where one exists, sends its own fall and SOS states), so a z2m cohort generates none; one
 *   rendered anyway carries only the radio fields, like a check-in.
 */
export function renderZ2m(device: Device, reading: Reading, baseTopic = DEFAULT_TOPICS.baseTopic): SimMessage {
  const body: Record<string, unknown> = { ...z2mBody(reading), ...radioOf(reading) };
  return { topic: `${baseTopic}/${device.address}`, payload: JSON.stringify(sortKeys(body)) };
}

/** Every key a z2m body can have, sorted: picking them in this order is sorting without a sort. */
const Z2M_KEYS = [
  'action',
  'battery',
  'contact',
  'fall_down_status',
  'linkquality',
  'occupancy',
  'power',
  'presence',
  'pressure',
  'state',
] as const;

function z2mBody(reading: Reading): Record<string, unknown> {
  switch (reading.kind) {
    case 'motion':
      return { occupancy: reading.detected };
    case 'door':
      return { contact: !reading.open };
    case 'bed':
      return { occupancy: reading.occupied };
    case 'chair':
      return { pressure: reading.occupied };
    case 'power':
      return { power: reading.watts, state: reading.watts > 0 ? 'ON' : 'OFF' };
    case 'help':
      return { action: 'emergency' };
    case 'fall':
      return { fall_down_status: 'fall', presence: true };
    case 'battery':
    case 'heartbeat':
    case 'accel':
      return {};
  }
}

function radioOf(reading: Reading): { battery?: number; linkquality?: number } {
  const radio: { battery?: number; linkquality?: number } = {};
  if (reading.battery !== undefined) radio.battery = reading.battery;
  if (reading.linkquality !== undefined) radio.linkquality = reading.linkquality;
  return radio;
}

function sortKeys(body: Record<string, unknown>): Record<string, unknown> {
  const sorted: Record<string, unknown> = {};
  for (const key of Z2M_KEYS) if (body[key] !== undefined) sorted[key] = body[key];
  return sorted;
}
