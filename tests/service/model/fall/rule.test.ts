import { describe, expect, it } from 'vitest';
import { windowFeatures } from '../../../../service/model/fall/features.js';
import { fitRule, ruleFlags } from '../../../../service/model/fall/rule.js';
import { fall, still, walking } from './signals.js';

describe('plain-statistics baseline: impact, then stillness, in a new orientation', () => {
  const thresholds = { minPeakG: 2.1, maxPostStdG: 0.2, minOrientationChangeDeg: 50 };

  it('flags an impact followed by lying still on one side', () => {
    expect(ruleFlags(windowFeatures(fall({ peakG: 3 })), thresholds)).toBe(true);
  });

  it('does not flag a soft landing (1.8 g), standing or walking', () => {
    expect(ruleFlags(windowFeatures(fall({ peakG: 1.8 })), thresholds)).toBe(false);
    expect(ruleFlags(windowFeatures(still(4)), thresholds)).toBe(false);
    expect(ruleFlags(windowFeatures(walking(4)), thresholds)).toBe(false);
  });

  it('fits thresholds that separate falls from activities on the streams it is given', () => {
    const stream = (code: string, isFall: boolean, samples: ReturnType<typeof fall>) => ({
      code,
      subject: 'SA01',
      isFall,
      features: [windowFeatures(samples)],
    });
    const { metrics } = fitRule([
      stream('F01', true, fall({ peakG: 5 })),
      stream('F02', true, fall({ peakG: 3 })),
      stream('D01', false, walking(4)),
      stream('D07', false, still(4)),
    ]);
    expect(metrics).toMatchObject({ sensitivity: 1, specificity: 1 });
  });
});
