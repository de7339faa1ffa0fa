/**
 * A wrist-worn wearable's accelerometer windows, in g, as the native `accel` payload carries
 * them. 50 Hz and 2.56 s (128 samples) follow the UCI HAR dataset's convention (Anguita et
 * al. 2013), common in activity-recognition work. Device axes: x along the forearm, y across
 * it, z out of the watch face; at rest the magnitude is about 1 g (gravity).
 * Shapes, all approximate:
 * - walking: older adults' cadence is about 95–115 steps/min (1.6–1.9 Hz), slower when frail;
 *   wrist acceleration swings a few tenths of a g around gravity;
 * - sitting down / standing up / lying down: gravity turns from one axis to another over about
 *   a second, with a bump of 0.2–0.5 g at the end of the movement;
 * - a fall: a short near-free-fall (magnitude down to 0.2–0.5 g), an impact of 3–7 g lasting
 *   a few samples, a decaying rebound, then stillness lying. Wrist and waist studies of real
 *   and simulated falls report peaks of roughly 3–8 g (e.g. Bourke et al. 2007, Gait & Posture
 *   26, trunk thresholds near 3 g; Kangas et al. 2008); the exact values are assumptions.
 * Sensor noise is about 0.01 g (an assumption for a MEMS accelerometer at ±8 g).
 */
import type { Rng } from './random.js';

export const ACCEL_RATE_HZ = 50;
export const ACCEL_SAMPLES = 128;
const NOISE_G = 0.01;
/** The impact's sample-by-sample shape, as a share of its peak: about 80 ms at 50 Hz. */
const IMPACT_SHAPE = [0.6, 1, 0.7, 0.35] as const;
/** Full-scale range: samples are clipped here, as the sensor would. */
const RANGE_G = 8;

export type AccelMotion =
  | 'walk'
  | 'rest_upright'
  | 'rest_seated'
  | 'rest_lying'
  | 'sit_down'
  | 'stand_up'
  | 'lie_down'
  | 'get_up'
  | 'fall';

type Vec = readonly [number, number, number];
/** Gravity in the device frame for each resting posture. */
const UPRIGHT: Vec = [-0.97, 0.12, 0.2];
const SEATED: Vec = [-0.25, 0.1, 0.96];
const LYING: Vec = [0.1, 0.95, 0.29];

/** One window for this motion. `slowness` stretches walking and transitions (1 = a fit person). */
export function accelWindow(motion: AccelMotion, rng: Rng, slowness = 1): [number, number, number][] {
  const out: [number, number, number][] = new Array(ACCEL_SAMPLES);
  const dt = 1 / ACCEL_RATE_HZ;
  const phase = rng.between(0, 2 * Math.PI);
  const cadence = rng.between(1.6, 1.9) / slowness;
  const swing = rng.between(0.15, 0.35);
  const floor = unit([rng.normal(0, 1), rng.normal(0, 1), rng.normal(0, 1)]);
  const peak = rng.between(3, 7);
  const impactAt = Math.round(rng.between(0.9, 1.2) * ACCEL_RATE_HZ);
  const impactDir = unit([rng.normal(0, 1), rng.normal(0, 1), rng.normal(0.5, 1)]);
  const transitionAt = rng.between(0.6, 1.2);
  const transitionLength = 0.8 * slowness;
  for (let i = 0; i < ACCEL_SAMPLES; i++) {
    const t = i * dt;
    let v: [number, number, number];
    switch (motion) {
      case 'walk':
        v = walking(t, cadence, swing, phase);
        break;
      case 'rest_upright':
        v = [...UPRIGHT];
        break;
      case 'rest_seated':
        v = [...SEATED];
        break;
      case 'rest_lying':
        v = [...LYING];
        break;
      case 'sit_down':
        v = turn(UPRIGHT, SEATED, t, transitionAt, transitionLength, rng);
        break;
      case 'stand_up':
        v = turn(SEATED, UPRIGHT, t, transitionAt, transitionLength, rng);
        break;
      case 'lie_down':
        v = turn(SEATED, LYING, t, transitionAt, transitionLength * 1.5, rng);
        break;
      case 'get_up':
        v = turn(LYING, SEATED, t, transitionAt, transitionLength * 1.5, rng);
        break;
      case 'fall':
        v = falling(i, impactAt, peak, impactDir, floor, cadence, swing, phase);
        break;
    }
    out[i] = [sample(v[0], rng), sample(v[1], rng), sample(v[2], rng)];
  }
  return out;
}

function walking(t: number, cadence: number, swing: number, phase: number): [number, number, number] {
  const step = 2 * Math.PI * cadence * t + phase;
  return [
    UPRIGHT[0] + swing * Math.sin(step) + 0.08 * Math.sin(2 * step),
    UPRIGHT[1] + 0.6 * swing * Math.sin(step / 2),
    UPRIGHT[2] + 0.4 * swing * Math.cos(step),
  ];
}

/** Gravity turning from `a` to `b` over `length` s from `at` s, with a bump as the movement ends. */
function turn(a: Vec, b: Vec, t: number, at: number, length: number, rng: Rng): [number, number, number] {
  const x = Math.max(0, Math.min(1, (t - at) / length));
  const s = x * x * (3 - 2 * x);
  const v = unit([a[0] + (b[0] - a[0]) * s, a[1] + (b[1] - a[1]) * s, a[2] + (b[2] - a[2]) * s]);
  const sinceEnd = t - (at + length);
  const bump = sinceEnd >= 0 && sinceEnd < 0.15 ? 1 + rng.between(0.2, 0.5) * Math.sin((Math.PI * sinceEnd) / 0.15) : 1;
  const wobble = x > 0 && x < 1 ? 1 + 0.1 * Math.sin(12 * t) : 1;
  return [v[0] * bump * wobble, v[1] * bump * wobble, v[2] * bump * wobble];
}

function falling(
  i: number,
  impactAt: number,
  peak: number,
  dir: Vec,
  floor: Vec,
  cadence: number,
  swing: number,
  phase: number,
): [number, number, number] {
  const freeFall = Math.round(0.3 * ACCEL_RATE_HZ);
  if (i < impactAt - freeFall) return walking(i / ACCEL_RATE_HZ, cadence, swing, phase);
  if (i < impactAt) {
    // Falling: the magnitude sinks towards free fall while the wrist turns.
    const x = (i - (impactAt - freeFall)) / freeFall;
    const g = 1 - 0.75 * x;
    const v = unit([
      UPRIGHT[0] * (1 - x) + floor[0] * x,
      UPRIGHT[1] * (1 - x) + floor[1] * x,
      UPRIGHT[2] * (1 - x) + floor[2] * x,
    ]);
    return [v[0] * g, v[1] * g, v[2] * g];
  }
  const after = i - impactAt;
  if (after < 4) {
    const g = peak * (IMPACT_SHAPE[after] ?? 0);
    return [dir[0] * g + floor[0], dir[1] * g + floor[1], dir[2] * g + floor[2]];
  }
  // Rebound, decaying over about 0.3 s, then lying still.
  const ring = after < 20 ? 0.4 * Math.exp(-(after - 4) / 5) * Math.sin(after * 1.7) : 0;
  return [floor[0] * (1 + ring), floor[1] * (1 + ring), floor[2] * (1 + ring)];
}

function unit(v: Vec): [number, number, number] {
  const n = Math.hypot(v[0], v[1], v[2]) || 1;
  return [v[0] / n, v[1] / n, v[2] / n];
}

function sample(value: number, rng: Rng): number {
  const noisy = value + NOISE_G * (rng.next() + rng.next() + rng.next() - 1.5) * 2;
  return Math.round(Math.max(-RANGE_G, Math.min(RANGE_G, noisy)) * 1000) / 1000;
}
