/**
 * A device's own periodic messages, whatever the resident does: battery reports from
 * battery-powered devices, heartbeats from mains-powered ones.
 */
import type { Device } from './contract.js';
import { isBatteryPowered } from './homes.js';
import { createRng, deriveSeed, type Rng } from './random.js';

const MIN_MS = 60_000;
/** Battery devices report every 3–5 hours (Zigbee2MQTT: a battery "can take up to 24 hours before reported"). */
export const BATTERY_EVERY_MIN = [180, 300] as const;
/** Mains devices check in about hourly. */
export const HEARTBEAT_EVERY_MIN = [50, 70] as const;

/** When a device's next periodic report is due. */
export class ReportClock {
  /** The next report's time, epoch ms. */
  next: number;
  private readonly rng: Rng;
  private readonly every: readonly [number, number];

  constructor(device: Device, seed: number, start: number) {
    this.rng = createRng(deriveSeed(seed, device.address, 'reports'));
    this.every = isBatteryPowered(device.kind) ? BATTERY_EVERY_MIN : HEARTBEAT_EVERY_MIN;
    // Spread the first reports so devices do not all report at the start.
    this.next = start + Math.round(this.rng.between(1, this.every[1]) * MIN_MS);
  }

  advance(): void {
    this.next += Math.round(this.rng.between(this.every[0], this.every[1]) * MIN_MS);
  }
}
