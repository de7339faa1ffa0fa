/**
 * What Vaka's gateway (gateway/ingest.ts) is expected to do with each kind of chaos, so a test
 * can compare what the simulator sent with /api/v1/health's gateway counters and the dead letters.
 */
import type { DeadLetterReason } from '../../gateway/contract.js';
import type { ChaosKind } from './options.js';

/** The gateway counter a message should land in (GatewayCounters, less `received` and `ignored`). */
export type GatewayOutcome = 'accepted' | 'duplicates' | 'deadLetters' | 'unclaimed';

export interface Expectation {
  outcome: GatewayOutcome;
  /** The dead letter's `reason`, for outcome `deadLetters`. */
  reason?: DeadLetterReason;
}

/** In plain words, per kind, for reports and test names. */
export const CHAOS_EXPECTATIONS: Readonly<Record<ChaosKind, string>> = {
  malformed_json: 'dead letter, reason malformed_json',
  schema_violation: 'dead letter, reason schema_violation',
  duplicate:
    'timed payload (native ts, z2m last_seen): dropped as duplicate if within DEDUPE_WINDOW_S of the original; ' +
    'untimed z2m: accepted again (repeats are kept unless the broker flags DUP)',
  out_of_order: 'accepted (native keeps its earlier ts; z2m is timed on arrival)',
  clock_skew:
    'accepted; a time more than MAX_CLOCK_SKEW_S (300 s) ahead of receive time is replaced by receive time, ' +
    'a time behind is kept',
  oversized: 'dead letter, reason too_large (over MAX_PAYLOAD_BYTES, not read)',
  unknown_device: 'unclaimed sighting (an operator may claim the device)',
};

/** A genuine message, delayed or skewed or not: accepted when its device is registered. */
export const GENUINE: Expectation = { outcome: 'accepted' };

/** The outcome for one chaos message; `timed` says whether its payload carries its own time. */
export function expectationOf(kind: ChaosKind, timed: boolean): Expectation {
  switch (kind) {
    case 'malformed_json':
      return { outcome: 'deadLetters', reason: 'malformed_json' };
    case 'schema_violation':
      return { outcome: 'deadLetters', reason: 'schema_violation' };
    case 'oversized':
      return { outcome: 'deadLetters', reason: 'too_large' };
    case 'unknown_device':
      return { outcome: 'unclaimed' };
    case 'duplicate':
      // gateway/ingest.ts: identical bytes are dropped only when timed or DUP-flagged.
      return { outcome: timed ? 'duplicates' : 'accepted' };
    case 'out_of_order':
    case 'clock_skew':
      return GENUINE;
  }
}
