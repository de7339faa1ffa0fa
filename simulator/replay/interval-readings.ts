/**
 * From "sensor X was on from t for d seconds" to the readings its Vaka device would publish:
 * on at the start, off at the end; for a PIR, `detected` at the start and Zigbee2MQTT's
 * occupancy clear `clearAfterS` after the end, unless the next detection comes first.
 */
import type { ScheduledReading } from '../contract.js';
import type { SensorInterval } from './dataset.js';
import type { ReplayDevice } from './fit-contract.js';

/** The datasets count in whole seconds; a 0 s row means "fired", so it lasts one tick. */
export const MIN_ON_MS = 1000;

/** One sensor's on-stretch, end exclusive (wall ms, or instants once placed). */
export interface OnSpan {
  sensor: string;
  start: number;
  end: number;
}

/**
 * Per sensor, overlapping or touching stretches joined (a door "opened" again while open is
 * one opening), then all sensors in start order (ties by sensor id, so the order is stable).
 */
export function mergeIntervals(intervals: readonly SensorInterval[]): OnSpan[] {
  const bySensor = new Map<string, OnSpan[]>();
  const sorted = [...intervals].sort((a, b) => a.start - b.start);
  for (const interval of sorted) {
    const spans = bySensor.get(interval.sensor) ?? [];
    const end = interval.start + Math.max(interval.durationMs, MIN_ON_MS);
    const last = spans[spans.length - 1];
    if (last !== undefined && interval.start <= last.end) last.end = Math.max(last.end, end);
    else spans.push({ sensor: interval.sensor, start: interval.start, end });
    bySensor.set(interval.sensor, spans);
  }
  return [...bySensor.values()]
    .flat()
    .sort((a, b) => a.start - b.start || (a.sensor < b.sensor ? -1 : a.sensor > b.sensor ? 1 : 0));
}

/**
 * The readings of placed spans (instants), in time order; on equal times, in the order the
 * spans start. Every span's sensor must be in `devices`.
 */
export function spanReadings(
  spans: readonly OnSpan[],
  devices: ReadonlyMap<string, ReplayDevice>,
  homeId: string,
): ScheduledReading[] {
  const next = new Map<OnSpan, OnSpan | undefined>();
  const lastOf = new Map<string, OnSpan>();
  for (const span of spans) {
    const previous = lastOf.get(span.sensor);
    if (previous !== undefined) next.set(previous, span);
    lastOf.set(span.sensor, span);
  }
  const out: ScheduledReading[] = [];
  for (const span of spans) {
    const replay = devices.get(span.sensor);
    if (replay === undefined) throw new Error(`sensor ${span.sensor} has no device`);
    const { device } = replay;
    out.push({ at: span.start, homeId, device, reading: replay.reading(true) });
    if (replay.clearAfterMs === 0) {
      out.push({ at: span.end, homeId, device, reading: replay.reading(false) });
      continue;
    }
    const clearAt = span.end + replay.clearAfterMs;
    const following = next.get(span);
    if (following === undefined || following.start > clearAt) {
      out.push({ at: clearAt, homeId, device, reading: replay.reading(false) });
    }
  }
  // Array.prototype.sort is stable, so equal times keep the order above.
  return out.sort((a, b) => a.at - b.at);
}
