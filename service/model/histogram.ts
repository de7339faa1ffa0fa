/**
 * Duration histograms on fixed log-spaced bins, from 15 s to 48 h. Adding is O(1), a quantile
 * is O(bins); the bins are the same for every histogram so state is a plain number array that
 * serialises compactly. Population priors enter as pseudo-counts spread over the bins by a
 * log-normal, so a histogram is usable on day one and the person's own data takes over as it
 * accumulates.
 */

export const BIN_COUNT = 48;
const MIN_MS = 15_000;
const MAX_MS = 48 * 3_600_000;
const LOG_MIN = Math.log(MIN_MS);
const LOG_STEP = (Math.log(MAX_MS) - LOG_MIN) / BIN_COUNT;
/** Past this much weight the counts are halved: old behaviour fades, a person's change shows within weeks. */
const MAX_WEIGHT = 4000;

/** Lower edge of bin i, in milliseconds. */
export function binEdge(i: number): number {
  return Math.exp(LOG_MIN + i * LOG_STEP);
}

export function binOf(ms: number): number {
  if (!(ms > MIN_MS)) return 0;
  const i = Math.floor((Math.log(ms) - LOG_MIN) / LOG_STEP);
  return i >= BIN_COUNT ? BIN_COUNT - 1 : i;
}

export interface Histogram {
  counts: number[];
  total: number;
  /** Weight of real observations (the rest came from the prior). */
  observed: number;
}

export function emptyHistogram(): Histogram {
  return { counts: new Array<number>(BIN_COUNT).fill(0), total: 0, observed: 0 };
}

/** A prior: `weight` pseudo-observations spread as a log-normal with this median and sigma (natural log). */
export function priorHistogram(medianMs: number, sigma: number, weight: number): Histogram {
  const h = emptyHistogram();
  const mu = Math.log(medianMs);
  let prev = 0;
  for (let i = 0; i < BIN_COUNT; i++) {
    const upper = i === BIN_COUNT - 1 ? 1 : normalCdf((LOG_MIN + (i + 1) * LOG_STEP - mu) / sigma);
    h.counts[i] = (upper - prev) * weight;
    prev = upper;
  }
  h.total = weight;
  return h;
}

export function addTo(h: Histogram, ms: number, weight = 1): void {
  const i = binOf(ms);
  h.counts[i] = (h.counts[i] ?? 0) + weight;
  h.total += weight;
  h.observed += weight;
  if (h.total > MAX_WEIGHT) {
    for (let j = 0; j < BIN_COUNT; j++) h.counts[j] = (h.counts[j] ?? 0) / 2;
    h.total /= 2;
    h.observed /= 2;
  }
}

/** The q-quantile in milliseconds, interpolated geometrically within its bin. */
export function quantile(h: Histogram, q: number): number {
  if (h.total <= 0) return 0;
  const target = q * h.total;
  let cum = 0;
  for (let i = 0; i < BIN_COUNT; i++) {
    const c = h.counts[i] ?? 0;
    if (cum + c >= target && c > 0) {
      const frac = (target - cum) / c;
      return Math.exp(LOG_MIN + (i + frac) * LOG_STEP);
    }
    cum += c;
  }
  return MAX_MS;
}

/** Share of the weight above `ms` (how unusual a duration is). */
export function tailShare(h: Histogram, ms: number): number {
  if (h.total <= 0) return 1;
  const b = binOf(ms);
  let above = 0;
  for (let i = b + 1; i < BIN_COUNT; i++) above += h.counts[i] ?? 0;
  return above / h.total;
}

export function cloneHistogram(h: Histogram): Histogram {
  return { counts: h.counts.slice(), total: h.total, observed: h.observed };
}

/** Compact JSON form: counts rounded to 0.01. */
export function packHistogram(h: Histogram): [number[], number] {
  return [h.counts.map((c) => Math.round(c * 100) / 100), Math.round(h.observed * 100) / 100];
}

export function unpackHistogram(packed: unknown): Histogram | undefined {
  if (!Array.isArray(packed) || packed.length !== 2) return undefined;
  const [counts, observed] = packed as [unknown, unknown];
  if (!Array.isArray(counts) || counts.length !== BIN_COUNT || typeof observed !== 'number') return undefined;
  const nums = counts.map((c) => (typeof c === 'number' && Number.isFinite(c) && c >= 0 ? c : 0));
  return { counts: nums, total: nums.reduce((a, b) => a + b, 0), observed };
}

/** Abramowitz–Stegun 7.1.26 erf approximation (error < 1.5e-7): plenty for priors. */
function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const y =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return z >= 0 ? (1 + y) / 2 : (1 - y) / 2;
}
