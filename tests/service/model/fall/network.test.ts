import { describe, expect, it } from 'vitest';
import committed from '../../../../service/model/fall/fall-model.json' with { type: 'json' };
import { FEATURE_NAMES } from '../../../../service/model/fall/features.js';
import { FallNetworkInvalidError, forward, parseFallModel } from '../../../../service/model/fall/network.js';

const n = FEATURE_NAMES.length;
/** A one-layer network whose output is sigmoid(bias): the feature values do not matter. */
const constant = (bias: number) => ({
  mean: new Array(n).fill(0),
  std: new Array(n).fill(1),
  layers: [{ kernel: new Array(n).fill([0]), bias: [bias], activation: 'sigmoid' as const }],
});

describe('fall network weights and forward pass', () => {
  it('the committed file parses, and its features are the ones the code computes', () => {
    expect(parseFallModel(committed).features).toEqual([...FEATURE_NAMES]);
  });

  it('averages the ensemble members’ outputs', () => {
    const model = { log: new Array(n).fill(false), networks: [constant(0), constant(Math.log(3))] };
    expect(forward(model, new Array(n).fill(1))).toBeCloseTo((0.5 + 0.75) / 2, 10);
  });

  it('rejects weights whose shapes do not fit the features, with a coded error', () => {
    const broken = structuredClone(committed) as { networks: { layers: { kernel: number[][] }[] }[] };
    broken.networks[0]?.layers[0]?.kernel.pop();
    expect(() => parseFallModel(broken)).toThrow(FallNetworkInvalidError);
    expect(() => parseFallModel({ ...committed, features: ['peakG'] })).toThrow(/features/);
  });
});
