/**
 * Trains the fall network with TensorFlow.js (wasm backend: dense layers train in seconds
 * there; see ../shared/stack-facts.md) and exports it as plain numbers for network.ts.
 * Reproducible: weights are initialised from the seed and batches are shuffled by a seeded
 * generator (fit's own shuffle uses Math.random, so it is off).
 */
import type { Tf } from '../../tf/load-tf.js';
import { FEATURE_NAMES } from './features.js';
import { type DenseLayer, type DenseNetwork, LOG_FEATURES, LOG_OFFSET } from './network.js';

export interface NetworkConfig {
  /** Hidden layer widths (ReLU); the output is one sigmoid unit. */
  hidden: number[];
  epochs: number;
  batchSize: number;
  learningRate: number;
  /** L2 penalty on kernels. */
  l2: number;
  /** Weight of a fall window in the loss relative to an activity window. */
  fallWeight: number;
  seed: number;
}

export const DEFAULT_NETWORK: NetworkConfig = {
  hidden: [16, 8],
  epochs: 30,
  batchSize: 512,
  learningRate: 0.01,
  l2: 1e-4,
  fallWeight: 1,
  seed: 20_170_198,
};

export interface Normalisation {
  log: boolean[];
  mean: number[];
  std: number[];
}

export interface TrainedNetwork {
  log: boolean[];
  network: DenseNetwork;
}

/** Log where LOG_FEATURES says so, then mean and std per feature over the training rows. */
export function fitNormalisation(rows: readonly (readonly number[])[]): Normalisation {
  const log = FEATURE_NAMES.map((name) => LOG_FEATURES.has(name));
  const n = FEATURE_NAMES.length;
  const mean = new Array<number>(n).fill(0);
  const sq = new Array<number>(n).fill(0);
  for (const row of rows) {
    for (let i = 0; i < n; i++) {
      const x = transform(row[i] as number, log[i] as boolean);
      mean[i] = (mean[i] as number) + x;
      sq[i] = (sq[i] as number) + x * x;
    }
  }
  const count = Math.max(1, rows.length);
  for (let i = 0; i < n; i++) {
    const m = (mean[i] as number) / count;
    mean[i] = m;
    sq[i] = Math.sqrt(Math.max(0, (sq[i] as number) / count - m * m)) || 1;
  }
  return { log, mean, std: sq };
}

function transform(x: number, log: boolean): number {
  return log ? Math.log(Math.max(0, x) + LOG_OFFSET) : x;
}

export async function trainNetwork(
  tf: Tf,
  rows: readonly (readonly number[])[],
  labels: readonly number[],
  config: NetworkConfig,
): Promise<TrainedNetwork> {
  const norm = fitNormalisation(rows);
  const n = FEATURE_NAMES.length;
  const x = new Float32Array(rows.length * n);
  rows.forEach((row, r) => {
    for (let i = 0; i < n; i++) {
      x[r * n + i] =
        (transform(row[i] as number, norm.log[i] as boolean) - (norm.mean[i] as number)) / (norm.std[i] as number);
    }
  });
  const random = mulberry32(config.seed);
  const model = tf.sequential();
  config.hidden.forEach((units, i) => {
    model.add(
      tf.layers.dense({
        units,
        activation: 'relu',
        ...(i === 0 ? { inputShape: [n] } : {}),
        kernelInitializer: tf.initializers.heNormal({ seed: config.seed + i }),
        kernelRegularizer: tf.regularizers.l2({ l2: config.l2 }),
      }),
    );
  });
  model.add(
    tf.layers.dense({
      units: 1,
      activation: 'sigmoid',
      ...(config.hidden.length === 0 ? { inputShape: [n] } : {}),
      kernelInitializer: tf.initializers.glorotUniform({ seed: config.seed + config.hidden.length }),
    }),
  );
  model.compile({ optimizer: tf.train.adam(config.learningRate), loss: 'binaryCrossentropy' });

  const order = rows.map((_, i) => i);
  const xb = new Float32Array(x.length);
  const yb = new Float32Array(rows.length);
  for (let epoch = 0; epoch < config.epochs; epoch++) {
    shuffle(order, random);
    order.forEach((from, to) => {
      xb.set(x.subarray(from * n, from * n + n), to * n);
      yb[to] = labels[from] as number;
    });
    const xs = tf.tensor2d(xb, [rows.length, n]);
    const ys = tf.tensor2d(yb, [rows.length, 1]);
    await model.fit(xs, ys, {
      epochs: 1,
      batchSize: config.batchSize,
      shuffle: false,
      verbose: 0,
      classWeight: { 0: 1, 1: config.fallWeight },
    });
    xs.dispose();
    ys.dispose();
  }

  const layers: DenseLayer[] = model.layers.map((layer, i) => {
    const [kernel, bias] = layer.getWeights();
    if (kernel === undefined || bias === undefined) throw new Error(`layer ${i} has no weights`);
    const [inputs = 0, outputs = 0] = kernel.shape;
    const k = kernel.dataSync();
    const b = bias.dataSync();
    return {
      kernel: Array.from({ length: inputs }, (_, r) =>
        Array.from({ length: outputs }, (_, c) => round(k[r * outputs + c] as number)),
      ),
      bias: Array.from(b, round),
      activation: i === model.layers.length - 1 ? 'sigmoid' : 'relu',
    };
  });
  model.dispose();
  return { log: norm.log, network: { mean: norm.mean.map(round), std: norm.std.map(round), layers } };
}

/** Seven significant digits: float32 precision, and a smaller file. */
function round(x: number): number {
  return Number(x.toPrecision(7));
}

/** A small, fast, seeded generator (mulberry32): the same seed gives the same batches. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function shuffle(a: number[], random: () => number): void {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = a[i] as number;
    a[i] = a[j] as number;
    a[j] = t;
  }
}
