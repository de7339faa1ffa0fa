/**
 * The exported fall network as data, and its forward pass: a few small dense networks over
 * normalised window features whose outputs are averaged (an ensemble of the
 * cross-validation models: one small network's threshold moves with its seed, the mean of
 * five barely does), run in plain TypeScript: microseconds per window, no TensorFlow.js at
 * run time. Training lives in train.ts.
 */
import { z } from 'zod';
import { FEATURE_NAMES } from './features.js';

export const DenseLayer = z.object({
  /** [inputs][outputs], as TensorFlow.js stores a dense kernel. */
  kernel: z.array(z.array(z.number())),
  bias: z.array(z.number()),
  activation: z.enum(['relu', 'sigmoid', 'linear']),
});
export type DenseLayer = z.infer<typeof DenseLayer>;

/** One member network with its own feature standardisation (fitted on its own training rows). */
export const DenseNetwork = z.object({
  mean: z.array(z.number()),
  std: z.array(z.number()),
  layers: z.array(DenseLayer).min(1),
});
export type DenseNetwork = z.infer<typeof DenseNetwork>;

export const FallModel = z.object({
  format: z.literal('vaka-fall-dense-v1'),
  window: z.object({ lengthS: z.number().positive(), hopS: z.number().positive() }),
  /** Input features in order; must equal FEATURE_NAMES. */
  features: z.array(z.string()),
  /** Per feature: log(x + LOG_OFFSET) before standardising (for the skewed ones: peaks, stds, jerk). */
  log: z.array(z.boolean()),
  /** The ensemble: the fall probability is the mean of their outputs. */
  networks: z.array(DenseNetwork).min(1),
  /** A window scores at or above this: a fall, once `persistence` consecutive windows do. */
  decision: z.object({ threshold: z.number().min(0).max(1), persistence: z.number().int().min(1) }),
  /** The plain-statistics baseline (rule.ts), fitted on the same people. */
  rule: z.object({
    minPeakG: z.number(),
    maxPostStdG: z.number(),
    minOrientationChangeDeg: z.number(),
  }),
  /** Which of the two the classifier uses: the one that measured better on the training people. */
  use: z.enum(['network', 'rule']),
  /** How it was made and what it measured; informative only. */
  provenance: z.record(z.string(), z.unknown()),
});
export type FallModel = z.infer<typeof FallModel>;

export const LOG_OFFSET = 0.01;

/** Features whose spread covers orders of magnitude (0.005 g still, 0.5 g walking): learnt in log scale. */
export const LOG_FEATURES: ReadonlySet<string> = new Set([
  'peakG',
  'stdG',
  'postStdG',
  'preStdG',
  'jerkMaxGps',
  'smaG',
  'tailStdG',
]);

export class FallNetworkInvalidError extends Error {
  readonly code = 'VAKA_ERR_FALL_MODEL';
}

/** Checks the shapes once, so the forward pass need not. */
export function parseFallModel(json: unknown): FallModel {
  const parsed = FallModel.safeParse(json);
  if (!parsed.success) throw new FallNetworkInvalidError(`fall model: ${z.prettifyError(parsed.error)}`);
  const m = parsed.data;
  const n = FEATURE_NAMES.length;
  if (m.features.join() !== FEATURE_NAMES.join()) {
    throw new FallNetworkInvalidError(`fall model: features ${m.features.join()} differ from ${FEATURE_NAMES.join()}`);
  }
  if (m.log.length !== n) throw new FallNetworkInvalidError(`fall model: log needs ${n} entries`);
  for (const [k, net] of m.networks.entries()) {
    if (net.mean.length !== n || net.std.length !== n) {
      throw new FallNetworkInvalidError(`fall model: network ${k} normalisation needs ${n} entries`);
    }
    let inputs: number = n;
    for (const [i, layer] of net.layers.entries()) {
      const outputs = layer.bias.length;
      if (layer.kernel.length !== inputs || layer.kernel.some((row) => row.length !== outputs)) {
        throw new FallNetworkInvalidError(`fall model: network ${k} layer ${i} kernel is not ${inputs}×${outputs}`);
      }
      inputs = outputs;
    }
    if (inputs !== 1) throw new FallNetworkInvalidError(`fall model: network ${k} must end in one output`);
  }
  return m;
}

/** The ensemble's output for one feature vector (FEATURE_NAMES order): the probability of a fall, 0–1. */
export function forward(model: Pick<FallModel, 'log' | 'networks'>, vector: readonly number[]): number {
  const logged = vector.map((raw, i) => (model.log[i] ? Math.log(Math.max(0, raw) + LOG_OFFSET) : raw));
  let sum = 0;
  for (const net of model.networks) sum += forwardOne(net, logged);
  return sum / model.networks.length;
}

function forwardOne(net: DenseNetwork, logged: readonly number[]): number {
  let a = new Float64Array(logged.length);
  for (let i = 0; i < logged.length; i++) {
    a[i] = ((logged[i] as number) - (net.mean[i] as number)) / (net.std[i] as number);
  }
  for (const layer of net.layers) {
    const out = new Float64Array(layer.bias);
    for (let i = 0; i < a.length; i++) {
      const row = layer.kernel[i] as number[];
      const x = a[i] as number;
      for (let j = 0; j < out.length; j++) out[j] = (out[j] as number) + x * (row[j] as number);
    }
    for (let j = 0; j < out.length; j++) out[j] = activate(layer.activation, out[j] as number);
    a = out;
  }
  return a[0] as number;
}

function activate(kind: DenseLayer['activation'], x: number): number {
  if (kind === 'relu') return Math.max(x, 0);
  if (kind === 'sigmoid') return 1 / (1 + Math.exp(-x));
  return x;
}
