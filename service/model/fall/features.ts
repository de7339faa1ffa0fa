/**
 * Features of one accelerometer window for fall detection, computed at MODEL_RATE_HZ on the
 * magnitude |a| = √(x²+y²+z²) (in g, about 1 at rest whatever the device's orientation) and,
 * for orientation, on the mean acceleration vector (gravity). Everything is anchored at the
 * window's largest impact, the peak: a fall is a short fall phase (|a| sinks towards 0 g), an
 * impact (a sharp peak of several g) and then lying still, usually in a new orientation.
 * That sequence is the classic description in the wearable fall-detection literature: Bourke,
 * O'Brien, Lyons, Gait & Posture 26(2):194, 2007 (impact thresholds near 3 g at the trunk);
 * Kangas et al., Gait & Posture 28(2):285, 2008 (impact, then posture after it, at the
 * waist); Sucerquia, López, Vargas-Bonilla, Sensors 17(1):198, 2017 (SisFall, free fall and
 * post-impact features). Only orientation-independent quantities are used (magnitudes and
 * angles between vectors), so the features do not depend on how the device is worn.
 */
import { MODEL_RATE_HZ, resample, type Sample } from './windows.js';

/** A sample below this is evidence of free fall (the body accelerating towards the floor), g. */
export const FREE_FALL_G = 0.6;
/** How far before the peak the fall phase is looked for, seconds: a fall from standing takes ~0.5–1 s. */
const FALL_PHASE_S = 1;
/** The post-impact segment: from 1 s to 2 s after the peak, past the rebound of the impact. */
const POST_FROM_S = 1;
const POST_TO_S = 2;
/** The pre-fall posture: the mean vector from 2 s to 0.5 s before the peak (before the fall phase). */
const PRE_FROM_S = 2;
const PRE_TO_S = 0.5;
/** Still enough to call lying still: std of |a| over half a second below this, g. */
export const STILL_STD_G = 0.05;
const STILL_BLOCK_S = 0.5;

export interface FallFeatures {
  /** Largest |a| in the window, g: the impact. ADLs rarely exceed ~2–3 g at the waist, falls do. */
  peakG: number;
  /** Seconds from the window start to the peak (the impact's timing). */
  peakAtS: number;
  /** Seconds of window after the peak: how much post-impact evidence this window can show. */
  afterPeakS: number;
  /** Smallest |a| in the window, g. */
  minG: number;
  /** Mean |a| over the window, g (≈1 at rest; lower when a fall phase dominates). */
  meanG: number;
  /** Standard deviation of |a| over the window, g: overall movement. */
  stdG: number;
  /** Smallest |a| in the second before the peak, g: free fall goes below ~0.6 g. */
  freeFallMinG: number;
  /** Seconds below FREE_FALL_G in the second before the peak: falls show a run of them, steps a sample or two. */
  freeFallS: number;
  /** Std of |a| from 1 s to 2 s after the peak, g: lying still after an impact is near 0, walking on is not. */
  postStdG: number;
  /** Mean |a| from 1 s to 2 s after the peak, g: ≈1 when at rest again. */
  postMeanG: number;
  /** Std of |a| from 2 s to 0.5 s before the peak, g: what the person was doing before (walking, sitting). */
  preStdG: number;
  /** Angle between the mean acceleration vector before the fall and after the impact, degrees: upright to lying turns the trunk ~60–90°. */
  orientationChangeDeg: number;
  /** Largest change of acceleration between samples, g/s: an impact is abrupt, sitting down is not. */
  jerkMaxGps: number;
  /** Signal magnitude area of the dynamic acceleration (each axis minus its window mean), g: how much movement overall (Mathie et al. 2004). */
  smaG: number;
  /** Std of |a| over the last second of the window, g: still at the end or not. */
  tailStdG: number;
  /** Seconds, from the end of the window back towards the peak, spent still (std of |a| under STILL_STD_G in each half second). */
  stillS: number;
}

/** The network's inputs, in this order. */
export const FEATURE_NAMES = [
  'peakG',
  'peakAtS',
  'afterPeakS',
  'minG',
  'meanG',
  'stdG',
  'freeFallMinG',
  'freeFallS',
  'postStdG',
  'postMeanG',
  'preStdG',
  'orientationChangeDeg',
  'jerkMaxGps',
  'smaG',
  'tailStdG',
  'stillS',
] as const satisfies readonly (keyof FallFeatures)[];

export function featureVector(f: FallFeatures): number[] {
  return FEATURE_NAMES.map((name) => f[name]);
}

/** Features of a window of `samples` taken at `rateHz` (resampled to MODEL_RATE_HZ first). */
export function windowFeatures(samples: readonly Sample[], rateHz: number = MODEL_RATE_HZ): FallFeatures {
  const s = resample(samples, rateHz);
  const n = s.length;
  const hz = MODEL_RATE_HZ;
  const mag = new Float64Array(n);
  let peak = 0;
  for (let i = 0; i < n; i++) {
    const [x, y, z] = s[i] as Sample;
    const m = Math.sqrt(x * x + y * y + z * z);
    mag[i] = m;
    if (m > (mag[peak] as number)) peak = i;
  }
  const whole = stats(mag, 0, n);

  const fallFrom = Math.max(0, peak - Math.round(FALL_PHASE_S * hz));
  // Nothing before the peak (it opens the window): no evidence of free fall, so 1 g.
  let freeFallMinG = 1;
  let freeFallSamples = 0;
  for (let i = fallFrom; i < peak; i++) {
    const m = mag[i] as number;
    if (m < freeFallMinG) freeFallMinG = m;
    if (m < FREE_FALL_G) freeFallSamples++;
  }

  const post = postSegment(peak, n);
  const postStats = post === undefined ? undefined : stats(mag, post[0], post[1]);
  const preFrom = Math.max(0, peak - Math.round(PRE_FROM_S * hz));
  const preTo = Math.max(0, peak - Math.round(PRE_TO_S * hz));
  const pre = preTo - preFrom >= Math.round(0.25 * hz) ? ([preFrom, preTo] as const) : undefined;

  let orientationChangeDeg = 0;
  if (pre !== undefined && post !== undefined) {
    orientationChangeDeg = angleDeg(meanVector(s, pre[0], pre[1]), meanVector(s, post[0], post[1]));
  } else if (post !== undefined && peak > 0) {
    // Too little before the peak for a posture: compare with the window's first samples.
    orientationChangeDeg = angleDeg(meanVector(s, 0, peak), meanVector(s, post[0], post[1]));
  }

  let jerk = 0;
  for (let i = 1; i < n; i++) {
    const a = s[i] as Sample;
    const b = s[i - 1] as Sample;
    const d = Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]) * hz;
    if (d > jerk) jerk = d;
  }

  const mean = meanVector(s, 0, n);
  let sma = 0;
  for (const [x, y, z] of s) sma += Math.abs(x - mean[0]) + Math.abs(y - mean[1]) + Math.abs(z - mean[2]);

  const tail = stats(mag, Math.max(0, n - hz), n);

  return {
    peakG: n === 0 ? 0 : (mag[peak] as number),
    peakAtS: peak / hz,
    afterPeakS: (n - 1 - peak) / hz,
    minG: whole.min,
    meanG: whole.mean,
    stdG: whole.std,
    freeFallMinG,
    freeFallS: freeFallSamples / hz,
    // Without samples after the peak there is no evidence of stillness: count it as moving.
    postStdG: postStats?.std ?? Math.max(whole.std, 0.5),
    postMeanG: postStats?.mean ?? whole.mean,
    preStdG: pre === undefined ? whole.std : stats(mag, pre[0], pre[1]).std,
    orientationChangeDeg,
    jerkMaxGps: jerk,
    smaG: n === 0 ? 0 : sma / n,
    tailStdG: tail.std,
    stillS: stillSeconds(mag, peak),
  };
}

/**
 * [1 s, 2 s) after the peak, clipped to the window; when less than half a second of it is in
 * the window, the last half second after the peak's rebound (0.3 s) instead.
 */
function postSegment(peak: number, n: number): readonly [number, number] | undefined {
  const hz = MODEL_RATE_HZ;
  const from = peak + Math.round(POST_FROM_S * hz);
  const to = Math.min(n, peak + Math.round(POST_TO_S * hz));
  if (to - from >= hz / 2) return [from, to];
  const lateFrom = Math.max(peak + Math.round(0.3 * hz), n - hz / 2);
  if (n - lateFrom >= Math.round(0.2 * hz)) return [lateFrom, n];
  return undefined;
}

function stillSeconds(mag: Float64Array, peak: number): number {
  const block = Math.round(STILL_BLOCK_S * MODEL_RATE_HZ);
  let still = 0;
  for (let to = mag.length; to - block > peak; to -= block) {
    if (stats(mag, to - block, to).std >= STILL_STD_G) break;
    still += block;
  }
  return still / MODEL_RATE_HZ;
}

function stats(v: Float64Array, from: number, to: number): { mean: number; std: number; min: number } {
  const n = to - from;
  if (n <= 0) return { mean: 0, std: 0, min: 0 };
  let sum = 0;
  let min = Number.POSITIVE_INFINITY;
  for (let i = from; i < to; i++) {
    const x = v[i] as number;
    sum += x;
    if (x < min) min = x;
  }
  const mean = sum / n;
  let sq = 0;
  for (let i = from; i < to; i++) sq += ((v[i] as number) - mean) ** 2;
  return { mean, std: Math.sqrt(sq / n), min };
}

function meanVector(s: readonly Sample[], from: number, to: number): [number, number, number] {
  let x = 0;
  let y = 0;
  let z = 0;
  for (let i = from; i < to; i++) {
    const v = s[i] as Sample;
    x += v[0];
    y += v[1];
    z += v[2];
  }
  const n = Math.max(1, to - from);
  return [x / n, y / n, z / n];
}

function angleDeg(a: readonly number[], b: readonly number[]): number {
  const [ax = 0, ay = 0, az = 0] = a;
  const [bx = 0, by = 0, bz = 0] = b;
  const na = Math.hypot(ax, ay, az);
  const nb = Math.hypot(bx, by, bz);
  if (na === 0 || nb === 0) return 0;
  const cos = Math.max(-1, Math.min(1, (ax * bx + ay * by + az * bz) / (na * nb)));
  return (Math.acos(cos) * 180) / Math.PI;
}
