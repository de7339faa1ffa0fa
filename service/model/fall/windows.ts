/**
 * Accelerometer windows as a wearable sends them, and the rate the classifier works at.
 */

/** One accelerometer sample, [x, y, z] in g. */
export type Sample = readonly [number, number, number];

/** The classifier's working rate: SisFall's kept copy and the simulator's wearable both use it. */
export const MODEL_RATE_HZ = 50;

export interface WindowSpec {
  /** Window length, seconds. */
  lengthS: number;
  /** Time between the starts of consecutive windows, seconds. */
  hopS: number;
}

/**
 * Resamples to `MODEL_RATE_HZ`. Faster input is averaged over each output period (a box
 * filter, as SisFall's 200 Hz was reduced to 50 Hz, so an impact is not aliased away); slower
 * input is interpolated linearly. At the model rate the samples are returned as they are.
 */
export function resample(samples: readonly Sample[], rateHz: number): readonly Sample[] {
  if (Math.abs(rateHz - MODEL_RATE_HZ) < 1e-9 || samples.length < 2) return samples;
  const durationS = samples.length / rateHz;
  const n = Math.max(1, Math.round(durationS * MODEL_RATE_HZ));
  const out: Sample[] = new Array(n);
  if (rateHz > MODEL_RATE_HZ) {
    const perOut = rateHz / MODEL_RATE_HZ;
    for (let i = 0; i < n; i++) {
      const from = Math.floor(i * perOut);
      const to = Math.max(from + 1, Math.min(samples.length, Math.floor((i + 1) * perOut)));
      let x = 0;
      let y = 0;
      let z = 0;
      for (let j = from; j < to; j++) {
        const s = samples[j] as Sample;
        x += s[0];
        y += s[1];
        z += s[2];
      }
      const c = to - from;
      out[i] = [x / c, y / c, z / c];
    }
    return out;
  }
  for (let i = 0; i < n; i++) {
    const at = (i * rateHz) / MODEL_RATE_HZ;
    const j = Math.min(samples.length - 1, Math.floor(at));
    const k = Math.min(samples.length - 1, j + 1);
    const f = at - j;
    const a = samples[j] as Sample;
    const b = samples[k] as Sample;
    out[i] = [a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f, a[2] + (b[2] - a[2]) * f];
  }
  return out;
}

/**
 * The windows a wearable streaming at `MODEL_RATE_HZ` would send during a recording: windows
 * of `lengthS` every `hopS` from the start, plus one ending at the recording's end when the
 * hops stop short of it (a wearable keeps streaming; a recording just stops, and an impact
 * near its end would otherwise never be seen with what follows it). A recording shorter than
 * one window is sent whole. Each window carries its start offset in seconds.
 */
export function sliceWindows(
  samples: readonly Sample[],
  spec: WindowSpec,
): { startS: number; samples: readonly Sample[] }[] {
  const length = Math.round(spec.lengthS * MODEL_RATE_HZ);
  const hop = Math.max(1, Math.round(spec.hopS * MODEL_RATE_HZ));
  if (samples.length <= length) return [{ startS: 0, samples }];
  const out: { startS: number; samples: readonly Sample[] }[] = [];
  let from = 0;
  for (; from + length <= samples.length; from += hop) {
    out.push({ startS: from / MODEL_RATE_HZ, samples: samples.slice(from, from + length) });
  }
  const last = samples.length - length;
  if (from - hop < last) out.push({ startS: last / MODEL_RATE_HZ, samples: samples.slice(last) });
  return out;
}
