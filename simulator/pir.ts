/**
 * A passive-infrared motion sensor as Zigbee2MQTT reports it. People in the room move now and
 * then (a Poisson process whose rate is the sum over everyone present, set by their posture);
 * the sensor reports a movement only when it is not blind from its last detection, and
 * Zigbee2MQTT publishes `occupancy:false` `timeout` after the last detection it RECEIVED (a
 * lost detection does not restart its timer). Two models:
 * - Aqara RTCGQ11LM: blind for about 60 s after a detection (users report the sensor going
 *   "numb" after a trigger, Koenkk/zigbee2mqtt#270); Zigbee2MQTT `occupancy_timeout` default 90 s;
 * - Aqara P1 (RTCGQ14LM): `detection_interval` (blind time) 30 s here, an assumption for a
 *   configured sensor; `occupancy_timeout` default is detection_interval + 2 s (Zigbee2MQTT
 *   device page).
 * Because the process is memoryless, the simulation only needs the first movement after each
 * blind spell: one random draw per detection, however long someone stays.
 */
import type { Rng } from './random.js';

export interface PirTiming {
  blindMs: number;
  timeoutMs: number;
}

export const RTCGQ11LM: PirTiming = { blindMs: 60_000, timeoutMs: 90_000 };
export const RTCGQ14LM: PirTiming = { blindMs: 30_000, timeoutMs: 32_000 };

export interface PirOutput {
  /** The sensor detected movement at `at`; returns whether the message got through. */
  detected(at: number): boolean;
  /** Zigbee2MQTT cleared occupancy at `at`. */
  cleared(at: number): void;
}

interface Piece {
  from: number;
  to: number;
  /** Movements per millisecond. */
  rate: number;
}

export class Pir {
  private pieces: Piece[] = [];
  private blindUntil = Number.NEGATIVE_INFINITY;
  private pendingClear: number | undefined;

  constructor(
    readonly timing: PirTiming,
    private readonly rng: Rng,
    private readonly output: PirOutput,
  ) {}

  /** Someone is in the room from `from` to `to`, moving on average every `meanS` seconds (Infinity: not at all). */
  add(from: number, to: number, meanS: number): void {
    if (to <= from || !(meanS < Number.POSITIVE_INFINITY)) return;
    this.pieces.push({ from, to, rate: 1 / (meanS * 1000) });
  }

  /** Turns what happened in [a, b) into detections and clears. Calls come in time order, back to back. */
  process(a: number, b: number): void {
    const active = this.pieces.filter((p) => p.to > a && p.from < b);
    if (active.length > 0) this.run(a, b, active);
    if (this.pendingClear !== undefined && this.pendingClear < b) {
      this.output.cleared(this.pendingClear);
      this.pendingClear = undefined;
    }
    if (this.pieces.length > 0) this.pieces = this.pieces.filter((p) => p.to > b);
  }

  private run(a: number, b: number, active: Piece[]): void {
    const edges = new Set<number>([a, b]);
    for (const p of active) {
      if (p.from > a) edges.add(p.from);
      if (p.to < b) edges.add(p.to);
    }
    const points = [...edges].sort((x, y) => x - y);
    let x = Math.max(a, this.blindUntil);
    let budget = this.rng.exponential(1);
    for (let i = 0; i + 1 < points.length; i++) {
      const lo0 = points[i] as number;
      const hi = points[i + 1] as number;
      if (hi <= x) continue;
      let rate = 0;
      for (const p of active) if (p.from <= lo0 && p.to >= hi) rate += p.rate;
      if (rate <= 0) continue;
      let lo = Math.max(lo0, x);
      while (lo < hi) {
        const movement = lo + budget / rate;
        if (movement >= hi) {
          budget -= rate * (hi - lo);
          break;
        }
        this.detect(Math.round(movement));
        x = Math.round(movement) + this.timing.blindMs;
        budget = this.rng.exponential(1);
        lo = x;
      }
    }
  }

  private detect(at: number): void {
    if (this.pendingClear !== undefined && this.pendingClear < at) {
      this.output.cleared(this.pendingClear);
      this.pendingClear = undefined;
    }
    if (this.output.detected(at)) this.pendingClear = at + this.timing.timeoutMs;
    this.blindUntil = at + this.timing.blindMs;
  }
}
