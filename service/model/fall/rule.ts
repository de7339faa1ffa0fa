/**
 * The plain-statistics baseline: an impact, then stillness, in a new orientation: the
 * threshold scheme of the classic wearable fall detectors (Bourke et al. 2007; Kangas et
 * al. 2008), with its three thresholds fitted on the training people by a grid search.
 */
import type { FallFeatures } from './features.js';
import { balancedScore, type Decision, streamRaises, type TrialMetrics, trialMetrics } from './metrics.js';

export interface RuleThresholds {
  /** Peak |a| at least this, g. */
  minPeakG: number;
  /** Std of |a| from 1 s to 2 s after the peak at most this, g. */
  maxPostStdG: number;
  /** Orientation change across the impact at least this, degrees. */
  minOrientationChangeDeg: number;
}

export function ruleFlags(f: FallFeatures, t: RuleThresholds): boolean {
  return f.peakG >= t.minPeakG && f.postStdG <= t.maxPostStdG && f.orientationChangeDeg >= t.minOrientationChangeDeg;
}

const PEAKS_G = range(1.5, 4, 0.1);
const POST_STDS_G = [0.02, 0.03, 0.04, 0.05, 0.06, 0.08, 0.1, 0.12, 0.15, 0.2, 0.25, 0.3];
const ANGLES_DEG = range(0, 80, 5);
/** Any window flagged raises: a rule has no score to smooth. */
const RULE_DECISION: Decision = { threshold: 0.5, persistence: 1 };

export interface RuleStream {
  code: string;
  subject: string;
  isFall: boolean;
  features: readonly FallFeatures[];
}

/** Whether the rule raises on a stream of windows (any window flagged). */
export function ruleRaises(features: readonly FallFeatures[], t: RuleThresholds): boolean {
  return streamRaises(
    features.map((f) => (ruleFlags(f, t) ? 1 : 0)),
    RULE_DECISION,
  );
}

export function ruleMetrics(streams: readonly RuleStream[], t: RuleThresholds): TrialMetrics {
  return trialMetrics(streams.map((s) => ({ ...s, raised: ruleRaises(s.features, t) })));
}

/**
 * The grid point with the best balancedScore (worse of sensitivity and specificity) per trial.
 * For each stillness and angle threshold, a stream raises at a peak threshold exactly when
 * its largest peak among windows passing the other two reaches it, so the peak axis costs
 * one pass per stream.
 */
export function fitRule(streams: readonly RuleStream[]): { thresholds: RuleThresholds; metrics: TrialMetrics } {
  let best: { thresholds: RuleThresholds; score: number } | undefined;
  const falls = streams.filter((s) => s.isFall).length;
  const activities = streams.length - falls;
  const maxPeaks = new Float64Array(streams.length);
  for (const maxPostStdG of POST_STDS_G) {
    for (const minOrientationChangeDeg of ANGLES_DEG) {
      streams.forEach((s, i) => {
        let peak = 0;
        for (const f of s.features) {
          if (f.postStdG <= maxPostStdG && f.orientationChangeDeg >= minOrientationChangeDeg && f.peakG > peak) {
            peak = f.peakG;
          }
        }
        maxPeaks[i] = peak;
      });
      for (const minPeakG of PEAKS_G) {
        let detected = 0;
        let falseAlarms = 0;
        streams.forEach((s, i) => {
          if ((maxPeaks[i] as number) < minPeakG) return;
          if (s.isFall) detected++;
          else falseAlarms++;
        });
        const score = balancedScore({ sensitivity: detected / falls, specificity: 1 - falseAlarms / activities });
        if (best === undefined || score > best.score) {
          best = { thresholds: { minPeakG, maxPostStdG, minOrientationChangeDeg }, score };
        }
      }
    }
  }
  if (best === undefined) throw new Error('fitRule: empty grid');
  return { thresholds: best.thresholds, metrics: ruleMetrics(streams, best.thresholds) };
}

function range(from: number, to: number, step: number): number[] {
  const out: number[] = [];
  for (let i = 0; from + i * step <= to + 1e-9; i++) out.push(Math.round((from + i * step) * 1000) / 1000);
  return out;
}
