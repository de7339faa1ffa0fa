import { describe, expect, it } from 'vitest';
import { MAX_RETRY_MS, retryDelay } from '../../dashboard/src/backoff.js';

describe('retryDelay', () => {
  it('starts at 1 s and doubles', () => {
    expect([0, 1, 2, 3].map((n) => retryDelay(n, () => 0))).toEqual([1000, 2000, 4000, 8000]);
  });

  it('is capped at 30 s however many attempts have failed', () => {
    expect(retryDelay(5, () => 0)).toBe(MAX_RETRY_MS);
    expect(retryDelay(1_000, () => 0)).toBe(MAX_RETRY_MS);
  });

  it('is shortened by at most 20 % at random, so tablets do not reconnect in lockstep', () => {
    expect(retryDelay(0, () => 0.999_999)).toBe(800);
    expect(retryDelay(10, () => 0.5)).toBe(27_000);
  });
});
