/**
 * One training run, measured the way the classifier is used (per trial, as a stream of
 * windows). Leave-subjects-out cross-validation on the training people: each fold's network
 * is trained on the other folds and scores its own people, and the decision threshold is
 * chosen on those out-of-fold scores. The committed network is the ensemble of the fold
 * networks (their mean output), so no network ever scored people it was trained on when the
 * threshold was chosen. The threshold rule is cross-validated the same way, then fitted on
 * all training people. Both are measured once on the held-out people (TEST_SUBJECTS).
 */
import type { Tf } from '../../tf/load-tf.js';
import { loadStreams, type TrialStream } from './dataset.js';
import { FEATURE_NAMES } from './features.js';
import {
  balancedScore,
  chooseDecision,
  type Decision,
  streamRaises,
  type TrialMetrics,
  trialMetrics,
} from './metrics.js';
import { type FallModel, forward } from './network.js';
import { fitRule, type RuleThresholds, ruleMetrics, ruleRaises } from './rule.js';
import { isTestSubject, subjectFolds, TEST_SUBJECTS } from './sisfall.js';
import { type NetworkConfig, type TrainedNetwork, trainNetwork } from './train.js';
import type { WindowSpec } from './windows.js';

export interface TrainingOptions {
  dataDir: string;
  window: WindowSpec;
  network: NetworkConfig;
  /** Folds of the training people for cross-validation. */
  folds: number;
  /** Consecutive flagged windows needed to raise, tried in cross-validation. */
  persistences: number[];
  log?: (line: string) => void;
}

export interface TrainingResult {
  model: FallModel;
  rule: { thresholds: RuleThresholds; cv: TrialMetrics; test: TrialMetrics };
  network: { decision: Decision; cv: TrialMetrics; test: TrialMetrics };
  seconds: { load: number; crossValidation: number; rule: number };
}

export async function runTraining(tf: Tf, options: TrainingOptions): Promise<TrainingResult> {
  const log = options.log ?? (() => {});
  const t0 = performance.now();
  const streams = loadStreams(options.dataDir, options.window);
  const train = streams.filter((s) => !isTestSubject(s.id.subject));
  const test = streams.filter((s) => isTestSubject(s.id.subject));
  const load = (performance.now() - t0) / 1000;
  log(`${streams.length} trials, ${count(streams)} windows (${train.length} training trials) in ${load.toFixed(1)} s`);

  const t1 = performance.now();
  const folds = subjectFolds(unique(train.map((s) => s.id.subject)), options.folds);
  const oof: { stream: TrialStream; scores: number[] }[] = [];
  const members: TrainedNetwork[] = [];
  const ruleOutcomes: { code: string; subject: string; isFall: boolean; raised: boolean }[] = [];
  for (const [i, fold] of folds.entries()) {
    const inner = train.filter((s) => !fold.includes(s.id.subject));
    const outer = train.filter((s) => fold.includes(s.id.subject));
    const net = await fitOn(tf, inner, options.network);
    members.push(net);
    for (const stream of outer) oof.push({ stream, scores: score([net], stream) });
    const rule = fitRule(inner.map(ruleStream)).thresholds;
    for (const stream of outer) {
      ruleOutcomes.push({ ...outcomeOf(stream), raised: ruleRaises(ruleStream(stream).features, rule) });
    }
    log(`fold ${i + 1}/${folds.length}: held out ${fold.join(' ')}`);
  }
  const chosen = chooseDecision(
    oof.map(({ stream, scores }) => ({ ...outcomeOf(stream), scores })),
    options.persistences,
  );
  const ruleCv = trialMetrics(ruleOutcomes);
  const crossValidation = (performance.now() - t1) / 1000;

  const t2 = performance.now();
  const rule = fitRule(train.map(ruleStream)).thresholds;
  const ruleSeconds = (performance.now() - t2) / 1000;

  const networkTest = trialMetrics(
    test.map((s) => ({ ...outcomeOf(s), raised: streamRaises(score(members, s), chosen.decision) })),
  );
  const ruleTest = ruleMetrics(test.map(ruleStream), rule);
  // Chosen on cross-validation, never on the held-out people.
  const use = balancedScore(chosen.metrics) > balancedScore(ruleCv) ? 'network' : 'rule';

  const model: FallModel = {
    format: 'vaka-fall-dense-v1',
    window: options.window,
    features: [...FEATURE_NAMES],
    log: members[0]?.log ?? [],
    networks: members.map((m) => m.network),
    decision: chosen.decision,
    rule,
    use,
    provenance: {
      data: 'SisFall (Sucerquia, López, Vargas-Bonilla, Sensors 17(1):198, 2017), ADXL345 at 50 Hz',
      trainedOn: unique(train.map((s) => s.id.subject)),
      heldOut: [...TEST_SUBJECTS],
      network: options.network,
      crossValidation: { folds: options.folds, network: summary(chosen.metrics), rule: summary(ruleCv) },
      test: { network: summary(networkTest), rule: summary(ruleTest) },
    },
  };
  return {
    model,
    rule: { thresholds: rule, cv: ruleCv, test: ruleTest },
    network: { decision: chosen.decision, cv: chosen.metrics, test: networkTest },
    seconds: { load, crossValidation, rule: ruleSeconds },
  };
}

async function fitOn(tf: Tf, streams: readonly TrialStream[], config: NetworkConfig): Promise<TrainedNetwork> {
  const rows: number[][] = [];
  const labels: number[] = [];
  for (const s of streams) {
    for (const w of s.windows) {
      if (w.label === undefined) continue;
      rows.push(w.vector);
      labels.push(w.label);
    }
  }
  return trainNetwork(tf, rows, labels, config);
}

function score(nets: readonly TrainedNetwork[], stream: TrialStream): number[] {
  const model = { log: nets[0]?.log ?? [], networks: nets.map((n) => n.network) };
  return stream.windows.map((w) => forward(model, w.vector));
}

function outcomeOf(s: TrialStream): { code: string; subject: string; isFall: boolean } {
  return { code: s.id.code, subject: s.id.subject, isFall: s.id.isFall };
}

function ruleStream(s: TrialStream) {
  return { ...outcomeOf(s), features: s.windows.map((w) => w.features) };
}

function summary(m: TrialMetrics) {
  return {
    sensitivity: round(m.sensitivity),
    specificity: round(m.specificity),
    falls: m.falls,
    detected: m.detected,
    activities: m.activities,
    falseAlarms: m.falseAlarms,
  };
}

function round(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

function unique(a: readonly string[]): string[] {
  return [...new Set(a)].sort();
}

function count(streams: readonly TrialStream[]): number {
  return streams.reduce((n, s) => n + s.windows.length, 0);
}
