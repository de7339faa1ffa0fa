import { describe, expect, it } from 'vitest';
import { committedFallClassifier } from '../../../../service/model/fall/classifier.js';
import { FEATURE_NAMES } from '../../../../service/model/fall/features.js';
import { isTestSubject } from '../../../../service/model/fall/sisfall.js';
import { fall, still, walking } from './signals.js';
import { hasSisfall, impactWindow, trialSamples } from './sisfall-data.js';

describe('wearable fall classifier (committed weights)', () => {
  const classifier = committedFallClassifier();

  it('loads the committed weights: the features in order, a network ending in one output, a decision', () => {
    const m = classifier.model;
    expect(m.features).toEqual([...FEATURE_NAMES]);
    expect(m.networks.length).toBeGreaterThanOrEqual(1);
    for (const net of m.networks) expect(net.layers.at(-1)?.bias).toHaveLength(1);
    expect(m.decision.threshold).toBeGreaterThan(0);
    expect(m.window).toEqual({ lengthS: 4, hopS: 1 });
  });

  it('flags a synthetic fall (free fall, 4 g impact, lying still) and not standing or walking', () => {
    expect(classifier.classify(fall(), 50).fall).toBe(true);
    expect(classifier.classify(still(4), 50).fall).toBe(false);
    expect(classifier.classify(walking(4), 50).fall).toBe(false);
  });

  it('cuts a window longer than its own into its windows and reports where the fall was', () => {
    const verdict = classifier.classify([...walking(6), ...fall({ totalS: 4 })], 50);
    expect(verdict.fall).toBe(true);
    expect(verdict.offsetS + verdict.features.peakAtS).toBeCloseTo(6 + 1.42, 1);
  });

  it.skipIf(!hasSisfall)('flags a real fall of a held-out person and not her walking (SisFall SA04)', () => {
    expect(isTestSubject('SA04')).toBe(true);
    const fallen = classifier.classify(impactWindow(trialSamples('F01', 'SA04')), 50);
    expect(fallen.fall).toBe(true);
    expect(fallen.features.peakG).toBeGreaterThan(2);
    const walk = trialSamples('D01', 'SA04');
    for (let from = 0; from + 200 <= 1500; from += 50) {
      expect(classifier.classify(walk.slice(from, from + 200), 50).fall).toBe(false);
    }
  });

  it('classifies a 4 s window in well under a millisecond', () => {
    const window = fall();
    const t = performance.now();
    for (let i = 0; i < 1000; i++) classifier.classify(window, 50);
    expect((performance.now() - t) / 1000).toBeLessThan(1);
  });
});
