/**
 * Measures the committed fall classifier on the held-out SisFall people, per trial as a
 * stream of windows (metrics.ts), next to the committed threshold rule, and times inference.
 * SisFall: Sucerquia, López, Vargas-Bonilla, Sensors 17(1):198, 2017.
 */
import { committedFallClassifier, FallClassifier } from './classifier.js';
import { streamRaises, type TrialMetrics, type TrialOutcome, trialMetrics } from './metrics.js';
import { ruleFlags } from './rule.js';
import { isTestSubject, listTrials, readTrial, TEST_SUBJECTS } from './sisfall.js';
import { MODEL_RATE_HZ, sliceWindows, type WindowSpec } from './windows.js';

/** SisFall's older adults (60–75) are SE01–SE15; of them only SE06 performed falls. */
const isOlder = (subject: string) => subject.startsWith('SE');

export interface FallEvaluationOptions {
  /** The windows the wearable sends; the model's own (4 s every 1 s) by default. */
  window?: WindowSpec;
  classifier?: FallClassifier;
}

export interface ModelEvaluation {
  metrics: TrialMetrics;
  /** The same on the young held-out people (SA, 19–30 years). */
  young: TrialMetrics;
  /** The same on the older held-out people (SE, 60–75 years): falls are SE06's alone. */
  older: TrialMetrics;
}

export interface FallEvaluation {
  data: 'SisFall (Sucerquia, López, Vargas-Bonilla, Sensors 17(1):198, 2017)';
  heldOut: string[];
  window: WindowSpec;
  trials: number;
  windows: number;
  /** What the service uses: the network, or the rule if it measured better in training. */
  chosen: 'network' | 'rule';
  network: ModelEvaluation;
  rule: ModelEvaluation;
  inference: {
    /** Mean time to classify one window (features + forward pass), microseconds. */
    meanMicros: number;
    /** The slowest window seen, microseconds (the first ones, before the JIT warms up). */
    maxMicros: number;
  };
  /** The figures as lines of text for people (what tools/evaluate-fall-classifier.ts prints). */
  text: string;
}

export function evaluateFallClassifier(dataDir: string, options: FallEvaluationOptions = {}): FallEvaluation {
  const classifier = options.classifier ?? committedFallClassifier();
  const model = classifier.model;
  const window = options.window ?? model.window;
  // The network alone, whatever the model file chose, so both are always reported.
  const network = new FallClassifier({ ...model, use: 'network' });
  const networkOutcomes: TrialOutcome[] = [];
  const ruleOutcomes: TrialOutcome[] = [];
  let windows = 0;
  let spent = 0;
  let maxMicros = 0;
  const ids = listTrials(dataDir).filter((id) => isTestSubject(id.subject));
  for (const id of ids) {
    const trial = readTrial(id);
    const scores: number[] = [];
    const ruleScores: number[] = [];
    for (const w of sliceWindows(trial.samples, window)) {
      const t = performance.now();
      const verdict = network.classify(w.samples, MODEL_RATE_HZ);
      const micros = (performance.now() - t) * 1000;
      spent += micros;
      maxMicros = Math.max(maxMicros, micros);
      windows++;
      scores.push(verdict.probability);
      ruleScores.push(ruleFlags(verdict.features, model.rule) ? 1 : 0);
    }
    const base = { code: id.code, subject: id.subject, isFall: id.isFall };
    networkOutcomes.push({ ...base, raised: streamRaises(scores, model.decision) });
    ruleOutcomes.push({ ...base, raised: streamRaises(ruleScores, { threshold: 0.5, persistence: 1 }) });
  }
  const result: Omit<FallEvaluation, 'text'> = {
    data: 'SisFall (Sucerquia, López, Vargas-Bonilla, Sensors 17(1):198, 2017)',
    heldOut: [...TEST_SUBJECTS],
    window,
    trials: ids.length,
    windows,
    chosen: model.use,
    network: evaluation(networkOutcomes),
    rule: evaluation(ruleOutcomes),
    inference: { meanMicros: windows === 0 ? 0 : spent / windows, maxMicros },
  };
  return { ...result, text: reportText(result) };
}

function evaluation(outcomes: readonly TrialOutcome[]): ModelEvaluation {
  return {
    metrics: trialMetrics(outcomes),
    young: trialMetrics(outcomes.filter((o) => !isOlder(o.subject))),
    older: trialMetrics(outcomes.filter((o) => isOlder(o.subject))),
  };
}

/** "F10 4/29 missed, D14 8/50 false alarms": the codes where a model fails. */
export function failuresText(m: TrialMetrics): string {
  const parts: string[] = [];
  for (const [code, c] of Object.entries(m.byCode)) {
    if (code.startsWith('F') && c.raised < c.trials) parts.push(`${code} ${c.trials - c.raised}/${c.trials} missed`);
    if (code.startsWith('D') && c.raised > 0) parts.push(`${code} ${c.raised}/${c.trials} false alarms`);
  }
  return parts.join(', ') || 'none';
}

function reportText(e: Omit<FallEvaluation, 'text'>): string {
  const line = (name: string, m: TrialMetrics) =>
    `${name.padEnd(26)} sensitivity ${pct(m.sensitivity)} (${m.detected}/${m.falls})  specificity ${pct(m.specificity)} (${m.activities - m.falseAlarms}/${m.activities})`;
  return [
    `Wearable fall classifier [FALL-2] on held-out SisFall people (${e.heldOut.join(' ')})`,
    `${e.trials} trials, ${e.windows} windows of ${e.window.lengthS} s every ${e.window.hopS} s; the service uses: ${e.chosen}`,
    line('network', e.network.metrics),
    line('  young (SA)', e.network.young),
    line('  older (SE; falls: SE06)', e.network.older),
    `  fails on: ${failuresText(e.network.metrics)}`,
    line('rule (baseline)', e.rule.metrics),
    line('  young (SA)', e.rule.young),
    line('  older (SE; falls: SE06)', e.rule.older),
    `  fails on: ${failuresText(e.rule.metrics)}`,
    `inference: ${e.inference.meanMicros.toFixed(1)} µs per window on average (features + network), slowest ${e.inference.maxMicros.toFixed(0)} µs`,
  ].join('\n');
}

function pct(x: number): string {
  return Number.isNaN(x) ? 'n/a' : `${(100 * x).toFixed(1)}%`;
}
