/**
 * Each sensor's condition for the sensors page, worst first: a sensor that has gone quiet is
 * a blind spot in someone's home, so it leads the list. Pure, so the rules are unit tests.
 */
import type { Device } from '../../service/contract.js';

/**
 * Not heard from for this long is silent, in ms: the service's default SENSOR_SILENT_MIN (180).
 * Zigbee sensors report at least hourly even when nothing moves, so this is a real silence.
 */
export const SILENT_AFTER_MS = 3 * 3_600_000;
/** At or under this, the battery needs changing soon, in percent. */
export const BATTERY_LOW_PCT = 20;
/** Zigbee link quality (0–255) at or under this is weak: messages may be lost. */
export const WEAK_LINK_LQI = 40;

export type SensorCondition = 'offline' | 'never' | 'silent' | 'battery' | 'weak' | 'ok';
const RANK: Record<SensorCondition, number> = { offline: 0, never: 1, silent: 2, battery: 3, weak: 4, ok: 5 };

export function conditionOf(device: Device, now: number): SensorCondition {
  if (device.online === false) return 'offline';
  if (device.lastSeenAt === null) return 'never';
  if (now - Date.parse(device.lastSeenAt) >= SILENT_AFTER_MS) return 'silent';
  if (device.batteryLow === true || (device.battery !== null && device.battery <= BATTERY_LOW_PCT)) return 'battery';
  if (device.linkquality !== null && device.linkquality <= WEAK_LINK_LQI) return 'weak';
  return 'ok';
}

export interface SensorRow {
  device: Device;
  condition: SensorCondition;
}

/** Worst condition first; within one, the longest silent (never seen counts as longest) first. */
export function sensorRows(devices: readonly Device[], now: number): SensorRow[] {
  const seen = (d: Device) => (d.lastSeenAt === null ? Number.NEGATIVE_INFINITY : Date.parse(d.lastSeenAt));
  return devices
    .map((device) => ({ device, condition: conditionOf(device, now) }))
    .sort((a, b) => RANK[a.condition] - RANK[b.condition] || seen(a.device) - seen(b.device));
}

/** How many sensors are not ok, for the page heading. */
export function needingAttention(rows: readonly SensorRow[]): number {
  return rows.filter((r) => r.condition !== 'ok').length;
}
