/**
 * Synthetic accelerometer windows at 50 Hz, in g, with a little deterministic noise: what a
 * waist-worn wearable shows standing still, walking, and falling (a fall phase sinking towards
 * 0 g, a sharp impact, then lying still on one side).
 */
import type { Sample } from '../../../../service/model/fall/windows.js';

const HZ = 50;
const UPRIGHT: Sample = [0, -1, 0];
const LYING: Sample = [0.97, -0.05, 0.2];

/** A tiny deterministic wobble (±0.005 g), so a still signal is not perfectly flat. */
function noise(i: number, axis: number): number {
  return 0.005 * Math.sin(i * 1.7 + axis * 2.1);
}

function at(v: Sample, scale: number, i: number): Sample {
  return [v[0] * scale + noise(i, 0), v[1] * scale + noise(i, 1), v[2] * scale + noise(i, 2)];
}

export function still(seconds: number, v: Sample = UPRIGHT): Sample[] {
  return Array.from({ length: Math.round(seconds * HZ) }, (_, i) => at(v, 1, i));
}

/** Walking at 1.8 steps/s: |a| swings ±0.3 g around 1 g. */
export function walking(seconds: number): Sample[] {
  return Array.from({ length: Math.round(seconds * HZ) }, (_, i) => {
    const step = 2 * Math.PI * 1.8 * (i / HZ);
    return at(UPRIGHT, 1 + 0.3 * Math.sin(step), i);
  });
}

/**
 * `beforeS` of standing, 0.4 s falling (|a| down to 0.2 g), an impact of `peakG` over 3
 * samples, 0.3 s of rebound, then lying still to `totalS`.
 */
export function fall({ beforeS = 1, peakG = 4, totalS = 4 } = {}): Sample[] {
  const out: Sample[] = still(beforeS);
  const fallSamples = Math.round(0.4 * HZ);
  for (let i = 0; i < fallSamples; i++) {
    const x = i / fallSamples;
    const dir: Sample = [
      LYING[0] * x + UPRIGHT[0] * (1 - x),
      LYING[1] * x + UPRIGHT[1] * (1 - x),
      LYING[2] * x + UPRIGHT[2] * (1 - x),
    ];
    const n = Math.hypot(...dir);
    out.push(at([dir[0] / n, dir[1] / n, dir[2] / n], 1 - 0.8 * x, out.length));
  }
  for (const share of [0.6, 1, 0.5]) out.push(at(LYING, peakG * share, out.length));
  for (let i = 0; i < 0.3 * HZ; i++) out.push(at(LYING, 1 + 0.3 * Math.exp(-i / 4) * Math.sin(i * 1.5), out.length));
  while (out.length < totalS * HZ) out.push(at(LYING, 1, out.length));
  return out;
}
