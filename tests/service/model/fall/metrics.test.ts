import { describe, expect, it } from 'vitest';
import { chooseDecision, streamRaises, trialMetrics } from '../../../../service/model/fall/metrics.js';

describe('per-trial metrics over streams of windows', () => {
  it('a stream raises once enough consecutive windows reach the threshold', () => {
    expect(streamRaises([0.1, 0.9, 0.2], { threshold: 0.5, persistence: 1 })).toBe(true);
    expect(streamRaises([0.1, 0.9, 0.2, 0.9], { threshold: 0.5, persistence: 2 })).toBe(false);
    expect(streamRaises([0.9, 0.9], { threshold: 0.5, persistence: 2 })).toBe(true);
  });

  it('a fall trial counts as detected if any window raises; an activity trial as a false alarm if any does', () => {
    const m = trialMetrics([
      { code: 'F01', subject: 'SA01', isFall: true, raised: true },
      { code: 'F01', subject: 'SA02', isFall: true, raised: false },
      { code: 'D01', subject: 'SA01', isFall: false, raised: false },
      { code: 'D14', subject: 'SA01', isFall: false, raised: true },
    ]);
    expect(m).toMatchObject({ sensitivity: 0.5, specificity: 0.5, falls: 2, detected: 1, falseAlarms: 1 });
    expect(m.byCode).toEqual({
      D01: { trials: 1, raised: 0 },
      D14: { trials: 1, raised: 1 },
      F01: { trials: 2, raised: 1 },
    });
  });

  it('chooses the threshold that is best on the worse of sensitivity and specificity', () => {
    const { decision, metrics } = chooseDecision([
      { code: 'F01', subject: 'A', isFall: true, scores: [0.1, 0.7] },
      { code: 'F02', subject: 'A', isFall: true, scores: [0.6] },
      { code: 'D01', subject: 'A', isFall: false, scores: [0.4, 0.2] },
    ]);
    expect(decision.persistence).toBe(1);
    expect(decision.threshold).toBeGreaterThan(0.4);
    expect(decision.threshold).toBeLessThanOrEqual(0.6);
    expect(metrics).toMatchObject({ sensitivity: 1, specificity: 1 });
  });
});
