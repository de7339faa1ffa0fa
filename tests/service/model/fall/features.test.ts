import { describe, expect, it } from 'vitest';
import { FEATURE_NAMES, featureVector, windowFeatures } from '../../../../service/model/fall/features.js';
import { fall, still, walking } from './signals.js';

describe('fall features of a window', () => {
  it('standing still: no impact, no free fall, still after the peak, no change of orientation', () => {
    const f = windowFeatures(still(4), 50);
    expect(f.peakG).toBeCloseTo(1, 1);
    expect(f.freeFallMinG).toBeGreaterThan(0.9);
    expect(f.freeFallS).toBe(0);
    expect(f.postStdG).toBeLessThan(0.01);
    expect(f.orientationChangeDeg).toBeLessThan(2);
    expect(f.jerkMaxGps).toBeLessThan(2);
  });

  it('a fall phase, a spike then stillness: impact, its timing, free fall, stillness and the turn to lying', () => {
    const f = windowFeatures(fall({ peakG: 4 }), 50);
    expect(f.peakG).toBeCloseTo(4, 1);
    expect(f.peakAtS).toBeCloseTo(1.42, 2);
    expect(f.afterPeakS).toBeCloseTo(4 - 1.42 - 0.02, 2);
    expect(f.freeFallMinG).toBeLessThan(0.6);
    expect(f.freeFallS).toBeGreaterThan(0.1);
    expect(f.postStdG).toBeLessThan(0.01);
    expect(f.postMeanG).toBeCloseTo(1, 1);
    expect(f.orientationChangeDeg).toBeGreaterThan(80);
    expect(f.stillS).toBeGreaterThanOrEqual(2);
    expect(f.jerkMaxGps).toBeGreaterThan(50);
  });

  it('walking keeps moving after its peaks and never nears free fall', () => {
    const f = windowFeatures(walking(4), 50);
    expect(f.peakG).toBeCloseTo(1.3, 1);
    expect(f.postStdG).toBeGreaterThan(0.15);
    expect(f.freeFallMinG).toBeGreaterThan(0.6);
    expect(f.stillS).toBe(0);
  });

  it('a window sent at 100 Hz gives about the features of the same movement at 50 Hz', () => {
    const at50 = fall();
    const at100 = at50.flatMap((s) => [s, s]);
    const a = windowFeatures(at50, 50);
    const b = windowFeatures(at100, 100);
    expect(b.peakG).toBeCloseTo(a.peakG, 5);
    expect(b.orientationChangeDeg).toBeCloseTo(a.orientationChangeDeg, 3);
  });

  it('an impact at the very end of a window is not taken for stillness (nothing after it to show)', () => {
    const f = windowFeatures([...walking(3), [0, -3.5, 0]], 50);
    expect(f.afterPeakS).toBe(0);
    expect(f.postStdG).toBeGreaterThanOrEqual(0.5);
  });

  it('gives finite numbers for one sample or none, in FEATURE_NAMES order', () => {
    for (const samples of [[[0, 0, 1]] as const, []]) {
      const v = featureVector(windowFeatures(samples, 50));
      expect(v).toHaveLength(FEATURE_NAMES.length);
      expect(v.every(Number.isFinite)).toBe(true);
    }
  });
});
