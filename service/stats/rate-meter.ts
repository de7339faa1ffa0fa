/**
 * Events per minute from a running total (the pipeline's stored-events counter), sampled
 * now and then into a ring covering the last hour. Counting rows in the events table instead
 * would scan it: events has no index on time alone, and it is the biggest table.
 */

export const RATE_SAMPLE_MS = 10_000; // ms between samples
const KEEP_MS = 65 * 60_000; // ms of samples kept: an hour, and a little more

export class RateMeter {
  private readonly samples: { at: number; total: number }[] = [];

  /** Records the running total at `at` (ms since the epoch). Totals never go down. */
  sample(at: number, total: number): void {
    const last = this.samples.at(-1);
    if (last !== undefined && at <= last.at) return;
    this.samples.push({ at, total });
    while (this.samples.length > 0 && (this.samples[0]?.at ?? at) < at - KEEP_MS) this.samples.shift();
  }

  /**
   * The rate per minute over the last `windowMs` before `now`; null until samples span at
   * least 90 % of the window (a rate from seconds of data would mislead).
   */
  perMinute(now: number, windowMs: number): number | null {
    const last = this.samples.at(-1);
    if (last === undefined) return null;
    const first = this.samples.find((s) => s.at >= now - windowMs);
    if (first === undefined || last.at - first.at < 0.9 * windowMs) return null;
    return Math.round(((last.total - first.total) / (last.at - first.at)) * 60_000 * 10) / 10;
  }
}
