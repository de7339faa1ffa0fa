/**
 * What a device's radio and battery look like over time, as pure functions of time (and the
 * seed), so every stream that mentions them (activity, battery reports, incidents, the ground
 * truth) agrees without running the others.
 * - Battery: coin cells drain slowly; when one reaches BATTERY_LOW_PCT it is replaced a few
 *   days later, and drains again from 100 %. A wearable is recharged before it runs low.
 * - Link quality: a per-device level (distance, walls), a per-day offset, per-message jitter.
 * - Dropouts: now and then a device is out of touch for a while (radio interference, a busy
 *   router); shorter than a sensor-silent incident, and not in the ground truth.
 */
import type { Device } from './contract.js';
import { powerOf } from './homes.js';
import { DAY_MS } from './local-time.js';
import { createRng, deriveSeed, type Rng } from './random.js';

const MIN_MS = 60_000;
/** The service's BATT-1 limit (BATTERY_LOW_PCT default 15): a battery at or below it is low. */
export const BATTERY_LOW_PCT = 15;
/** Charge at the start of a run, percent: a home has both fresh and half-used batteries. */
const BATTERY_START_PCT = [45, 100] as const;
/**
 * Drain, percent per day. A CR2032/CR2450 lasts about one to two years in a Zigbee PIR or contact
 * (vendor claims; busy PIRs less): 0.1–0.3 %/day. Ranges per kind are assumptions.
 */
const DRAIN_PCT_PER_DAY: Record<Device['kind'], readonly [number, number]> = {
  motion: [0.15, 0.4],
  door: [0.05, 0.2],
  bed: [0.1, 0.3],
  chair: [0.1, 0.3],
  help_button: [0.03, 0.1],
  wearable: [12, 18],
  power_plug: [0, 0],
  fall_detector: [0, 0],
};
/** A low coin cell is replaced this many days after it went low (an operator's visit); an assumption. */
const REPLACE_AFTER_DAYS = [1, 4] as const;
/** A wearable goes on the charger when it is down to this (assumption: staff or the resident charge it). */
const RECHARGE_AT_PCT = 30;
/** Typical Zigbee link quality in a flat, 0–255; a per-day offset (sd) and per-message jitter on top. */
const LQI_BASE = [60, 220] as const;
const LQI_DAY_SD = 8;
const LQI_JITTER = 12;
/** A dropout lasts this long, minutes: under the service's 3-hour silent-sensor limit (assumption). */
const DROPOUT_MIN = [10, 90] as const;

export interface DeviceNoise {
  /** Share of a device's messages that never arrive (0–1). */
  lossRate: number;
  /** Chance per device and day of a dropout. */
  dropoutRate: number;
}

/**
 * Noise unless a scenario says otherwise: one message in 200 lost (Zigbee retries at the MAC
 * and APS layers make loss rare in a healthy mesh; an assumption), and a dropout on about one
 * device-day in fifty.
 */
export const DEFAULT_NOISE: DeviceNoise = { lossRate: 0.005, dropoutRate: 0.02 };

export interface BatteryLow {
  /** When the charge reached BATTERY_LOW_PCT. */
  at: number;
  /** When a fresh battery went in. */
  replaced: number;
}

export interface DeviceModel {
  /** Battery percent at time `at`, or undefined for a mains-powered device. */
  batteryAt(at: number): number | undefined;
  /** Link quality of one message at `at`; draws its jitter from the caller's rng so streams stay independent. */
  linkquality(rng: Rng, at: number): number;
  /** Link quality with no jitter, for one-off messages. */
  readonly baseLinkquality: number;
  /** The times a coin cell went low in [from, to) and when each was replaced. */
  batteryLows(from: number, to: number): BatteryLow[];
  /** Whether the device is in a noise dropout at `at`. */
  droppedOut(at: number): boolean;
}

export interface DeviceModelOptions {
  noise?: DeviceNoise;
  /** Make the battery reach BATTERY_LOW_PCT at this time (a planned battery_low incident). */
  lowAt?: number;
}

interface Cycle {
  from: number;
  level: number;
  /** When the level reaches the cycle's end threshold. */
  low: number;
  /** When the next cycle begins (new battery, or charged). */
  next: number;
}

export function deviceModel(
  device: Device,
  seed: number,
  start: number,
  options: DeviceModelOptions = {},
): DeviceModel {
  const rng = createRng(deriveSeed(seed, device.address, 'model'));
  const power = powerOf(device.kind);
  const [drainMin, drainMax] = DRAIN_PCT_PER_DAY[device.kind];
  let startLevel = rng.between(...BATTERY_START_PCT);
  let drain = rng.between(drainMin, drainMax);
  const baseLinkquality = Math.round(rng.between(...LQI_BASE));
  const threshold = power === 'rechargeable' ? RECHARGE_AT_PCT : BATTERY_LOW_PCT;
  if (power === 'coin_cell' && options.lowAt !== undefined) {
    const days = Math.max(0, options.lowAt - start) / DAY_MS;
    startLevel = BATTERY_LOW_PCT + drain * days;
    if (startLevel > 100) {
      startLevel = 100;
      drain = (100 - BATTERY_LOW_PCT) / days;
    }
  }
  const cycles: Cycle[] = [];
  const cycleAt = (at: number): Cycle => {
    if (cycles.length === 0) cycles.push(cycle(start, startLevel, 0));
    let last = cycles[cycles.length - 1] as Cycle;
    while (last.next <= at) {
      last = cycle(last.next, 100, cycles.length);
      cycles.push(last);
    }
    for (let i = cycles.length - 1; i >= 0; i--) {
      const c = cycles[i] as Cycle;
      if (c.from <= at) return c;
    }
    return cycles[0] as Cycle;
  };
  function cycle(from: number, level: number, index: number): Cycle {
    const low = from + (Math.max(0, level - threshold) / drain) * DAY_MS;
    const delay =
      power === 'rechargeable'
        ? 0
        : createRng(deriveSeed(seed, device.address, 'replace', String(index))).between(...REPLACE_AFTER_DAYS) * DAY_MS;
    return { from, level, low, next: Math.round(low + delay) };
  }

  const dayOffsets = new Map<number, number>();
  const dropouts = new Map<number, readonly [number, number] | null>();
  const noise = options.noise;
  function dayOffset(day: number): number {
    let offset = dayOffsets.get(day);
    if (offset === undefined) {
      offset = createRng(deriveSeed(seed, device.address, 'lqi', String(day))).normal(0, LQI_DAY_SD);
      if (dayOffsets.size > 64) dayOffsets.clear();
      dayOffsets.set(day, offset);
    }
    return offset;
  }
  function dropoutOn(day: number): readonly [number, number] | null {
    let dropout = dropouts.get(day);
    if (dropout === undefined) {
      dropout = null;
      const r = createRng(deriveSeed(seed, device.address, 'dropout', String(day)));
      if (noise !== undefined && r.chance(noise.dropoutRate)) {
        const from = start + day * DAY_MS + Math.round(r.between(0, DAY_MS));
        dropout = [from, from + Math.round(r.between(...DROPOUT_MIN) * MIN_MS)];
      }
      if (dropouts.size > 64) dropouts.clear();
      dropouts.set(day, dropout);
    }
    return dropout;
  }

  return {
    batteryAt(at) {
      if (power === 'mains') return undefined;
      const c = cycleAt(at);
      const level = c.level - (drain * Math.max(0, at - c.from)) / DAY_MS;
      return Math.max(0, Math.min(100, Math.ceil(level - 1e-9)));
    },
    linkquality(r, at) {
      const day = Math.floor((at - start) / DAY_MS);
      const value = baseLinkquality + dayOffset(day) + r.between(-LQI_JITTER, LQI_JITTER);
      return Math.max(0, Math.min(255, Math.round(value)));
    },
    baseLinkquality,
    batteryLows(from, to) {
      if (power !== 'coin_cell') return [];
      cycleAt(to);
      return cycles
        .filter((c) => c.low >= from && c.low < to)
        .map((c) => ({ at: Math.round(c.low), replaced: c.next }));
    },
    droppedOut(at) {
      if (noise === undefined || noise.dropoutRate <= 0) return false;
      const day = Math.floor((at - start) / DAY_MS);
      for (const d of [day, day - 1]) {
        const dropout = dropoutOn(d);
        if (dropout !== null && at >= dropout[0] && at < dropout[1]) return true;
      }
      return false;
    },
  };
}
