import { describe, expect, it } from 'vitest';
import { percentile, perSecond, ratio, summarise } from '../../../bench/lib/stats.js';

describe('percentile (nearest rank)', () => {
  const hundred = Array.from({ length: 100 }, (_, i) => i + 1);

  it('is a sample that was really observed, never an interpolation', () => {
    expect(percentile([10, 20], 50)).toBe(10);
    expect(percentile([10, 20], 51)).toBe(20);
  });

  it('gives the smallest sample with at least p % at or below it', () => {
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 95)).toBe(95);
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile(hundred, 100)).toBe(100);
    expect(percentile(hundred, 0)).toBe(1);
  });

  it('makes p99 of fewer than 100 samples the largest one', () => {
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 50], 99)).toBe(50);
  });

  it('is NaN for no samples', () => {
    expect(percentile([], 50)).toBeNaN();
  });
});

describe('summarise', () => {
  it('sorts unsorted samples and reports count, p50, p95, p99 and max', () => {
    const samples = Array.from({ length: 200 }, (_, i) => 200 - i);
    expect(summarise(samples)).toEqual({ count: 200, p50: 100, p95: 190, p99: 198, max: 200 });
  });

  it('leaves the caller’s array as it was', () => {
    const samples = [3, 1, 2];
    summarise(samples);
    expect(samples).toEqual([3, 1, 2]);
  });
});

describe('rates and ratios', () => {
  it('turns items over milliseconds into items per second', () => {
    expect(perSecond(30_000, 1500)).toBe(20_000);
    expect(perSecond(10, 0)).toBeNaN();
  });

  it('is NaN rather than Infinity or a made-up figure when a side is missing', () => {
    expect(ratio(10, 4)).toBe(2.5);
    expect(ratio(10, 0)).toBeNaN();
    expect(ratio(undefined, 4)).toBeNaN();
    expect(ratio(10, Number.NaN)).toBeNaN();
  });
});
