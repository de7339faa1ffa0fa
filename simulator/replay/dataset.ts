/**
 * What every dataset reader produces and the replay consumes: when each sensor was on, and
 * when the resident was out, on the home's wall clock (local time written as if UTC, see
 * wall-clock.ts). Sensor ids are the dataset's own; the mapping says what they are.
 */

/** One stretch during which a sensor was on (door open, mat pressed, motion seen, appliance on). */
export interface SensorInterval {
  sensor: string;
  /** Wall ms. */
  start: number;
  durationMs: number;
}

/** A stretch of wall time, end exclusive. */
export interface WallSpan {
  start: number;
  end: number;
}

export interface ReplayDataset {
  /** The run record's `source`, e.g. `vankasteren/houseA`; equal to the mapping's `dataset`. */
  source: string;
  /** In any order; the replay sorts them. */
  intervals: SensorInterval[];
  /** When labels say the resident was out; empty when the dataset has no labels. */
  away: WallSpan[];
}
