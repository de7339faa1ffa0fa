import { describe, expect, it } from 'vitest';
import { FEATURE_NAMES } from '../../../../service/model/fall/features.js';
import { forward } from '../../../../service/model/fall/network.js';
import { DEFAULT_NETWORK, mulberry32, trainNetwork } from '../../../../service/model/fall/train.js';
import { loadTf } from '../../../../service/tf/load-tf.js';
import { testLogger } from '../../../helpers/silent-logger.js';

/** A toy problem: "falls" have a large first feature (peakG) and a small ninth (postStdG). */
function toy(count: number, seed: number): { rows: number[][]; labels: number[] } {
  const random = mulberry32(seed);
  const rows: number[][] = [];
  const labels: number[] = [];
  for (let i = 0; i < count; i++) {
    const isFall = i % 4 === 0;
    const row = FEATURE_NAMES.map(() => random());
    row[0] = isFall ? 3 + 3 * random() : 1 + random();
    row[8] = isFall ? 0.01 + 0.02 * random() : 0.1 + 0.4 * random();
    rows.push(row);
    labels.push(isFall ? 1 : 0);
  }
  return { rows, labels };
}

describe('training the fall network with TensorFlow.js (wasm)', () => {
  it('is reproducible: the same seed gives the same weights, and it learns', async () => {
    const { tf } = await loadTf(testLogger, ['wasm', 'cpu']);
    const { rows, labels } = toy(800, 1);
    const config = { ...DEFAULT_NETWORK, epochs: 8, batchSize: 64 };
    const a = await trainNetwork(tf, rows, labels, config);
    const b = await trainNetwork(tf, rows, labels, config);
    expect(a).toEqual(b);
    const model = { log: a.log, networks: [a.network] };
    const test = toy(200, 2);
    const right = test.rows.filter((row, i) => forward(model, row) >= 0.5 === (test.labels[i] === 1)).length;
    expect(right / test.rows.length).toBeGreaterThan(0.95);
  });
});
