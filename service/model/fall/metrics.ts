/**
 * Per-trial metrics for a classifier run over a stream of windows: a fall trial is detected
 * when the stream raises at least once, an activity trial is a false alarm when it raises at
 * all. This is what a care worker sees: one alert, or none, per episode.
 */

/** When a stream raises: `persistence` consecutive windows at or above `threshold`. */
export interface Decision {
  threshold: number;
  persistence: number;
}

export function streamRaises(scores: readonly number[], decision: Decision): boolean {
  let run = 0;
  for (const score of scores) {
    run = score >= decision.threshold ? run + 1 : 0;
    if (run >= decision.persistence) return true;
  }
  return false;
}

export interface TrialOutcome {
  code: string;
  subject: string;
  isFall: boolean;
  raised: boolean;
}

export interface CodeFigures {
  trials: number;
  /** Detected falls, or false alarms for an activity code. */
  raised: number;
}

export interface TrialMetrics {
  /** Detected fall trials / fall trials. */
  sensitivity: number;
  /** Activity trials without an alert / activity trials. */
  specificity: number;
  falls: number;
  detected: number;
  activities: number;
  falseAlarms: number;
  /** Per code (F01–F15, D01–D19). */
  byCode: Record<string, CodeFigures>;
}

export function trialMetrics(outcomes: readonly TrialOutcome[]): TrialMetrics {
  let falls = 0;
  let detected = 0;
  let activities = 0;
  let falseAlarms = 0;
  const byCode: Record<string, CodeFigures> = {};
  for (const o of outcomes) {
    const c = byCode[o.code] ?? { trials: 0, raised: 0 };
    byCode[o.code] = c;
    c.trials++;
    if (o.raised) c.raised++;
    if (o.isFall) {
      falls++;
      if (o.raised) detected++;
    } else {
      activities++;
      if (o.raised) falseAlarms++;
    }
  }
  return {
    sensitivity: falls === 0 ? Number.NaN : detected / falls,
    specificity: activities === 0 ? Number.NaN : 1 - falseAlarms / activities,
    falls,
    detected,
    activities,
    falseAlarms,
    byCode: Object.fromEntries(Object.entries(byCode).sort(([a], [b]) => a.localeCompare(b))),
  };
}

/** Both targets at once: the worse of sensitivity and specificity, then their sum to break ties. */
export function balancedScore(m: Pick<TrialMetrics, 'sensitivity' | 'specificity'>): number {
  return Math.min(m.sensitivity, m.specificity) + 1e-3 * (m.sensitivity + m.specificity);
}

/**
 * The decision with the best balancedScore over scored streams: thresholds 0.05–0.95 in
 * steps of 0.01, for each persistence asked for; the first best wins a tie.
 */
export function chooseDecision(
  streams: readonly { code: string; subject: string; isFall: boolean; scores: readonly number[] }[],
  persistences: readonly number[] = [1, 2],
  candidates: readonly number[] = THRESHOLDS,
): { decision: Decision; metrics: TrialMetrics } {
  let best: { decision: Decision; metrics: TrialMetrics } | undefined;
  for (const persistence of persistences) {
    for (const threshold of candidates) {
      const decision = { threshold, persistence };
      const metrics = trialMetrics(streams.map((s) => ({ ...s, raised: streamRaises(s.scores, decision) })));
      if (best === undefined || balancedScore(metrics) > balancedScore(best.metrics)) best = { decision, metrics };
    }
  }
  if (best === undefined) throw new Error('chooseDecision: no candidates');
  return best;
}

/** Thresholds 0.05–0.95 in steps of 0.01. */
const THRESHOLDS = Array.from({ length: 91 }, (_, i) => Math.round((0.05 + i * 0.01) * 100) / 100);
