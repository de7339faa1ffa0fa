/**
 * Where readings come from: a simulated cohort or a replayed dataset. The runner, the CLI,
 * chaos and the summary work on any ReadingSource.
 */
import type { Home, ScheduledReading } from './contract.js';
import type { TruthRecord } from './ground-truth.js';

export interface ReadingSource {
  /** The homes, with their devices, so an operator (or the test harness) can register them. */
  readonly homes: readonly Home[];
  /** Start of simulated time, epoch ms. */
  readonly start: number;
  /** End of simulated time (exclusive), epoch ms; undefined for an endless live run. */
  readonly end: number | undefined;
  /** Every reading in time order (ties: homes in `homes` order). Lazy: thousands of homes fit in memory. */
  readings(): Iterable<ScheduledReading>;
  /**
   * The ground truth. For a finite run it is complete before readings() is consumed (incidents
   * are planned up front), so a tester can write it without publishing anything.
   */
  truth(): TruthRecord[];
}
