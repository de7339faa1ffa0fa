/** Reports on a run: the realism summary of a reading stream, and a progress line. */
export { formatRealismSummary } from './format.js';
export {
  createProgress,
  formatProgress,
  formatSimSpan,
  formatWallSpan,
  type Progress,
  type ProgressOptions,
  type ProgressState,
} from './progress.js';
export {
  createRealismSummary,
  isActivity,
  type RealismSummaryBuilder,
  type SummaryOptions,
  summarizeSource,
} from './summary.js';
export { MorningRow, RealismSummary } from './summary-schema.js';
