import { describe, expect, it } from 'vitest';
import {
  addTo,
  emptyHistogram,
  packHistogram,
  priorHistogram,
  quantile,
  unpackHistogram,
} from '../../../service/model/histogram.js';

const MIN = 60_000;

describe('log-spaced duration histograms', () => {
  it('gives quantiles within a bin width (~20%) of the data', () => {
    const h = emptyHistogram();
    for (let i = 1; i <= 100; i++) addTo(h, i * MIN);
    expect(quantile(h, 0.5) / (50 * MIN)).toBeGreaterThan(0.8);
    expect(quantile(h, 0.5) / (50 * MIN)).toBeLessThan(1.2);
    expect(quantile(h, 0.99) / (99 * MIN)).toBeGreaterThan(0.8);
    expect(quantile(h, 0.99) / (99 * MIN)).toBeLessThan(1.2);
  });

  it('starts from a log-normal prior whose median is where it was put', () => {
    const h = priorHistogram(6 * MIN, 0.6, 20);
    expect(h.observed).toBe(0);
    expect(quantile(h, 0.5) / (6 * MIN)).toBeGreaterThan(0.85);
    expect(quantile(h, 0.5) / (6 * MIN)).toBeLessThan(1.15);
  });

  it('lets the person’s own data outweigh the prior', () => {
    const h = priorHistogram(6 * MIN, 0.6, 20);
    for (let i = 0; i < 200; i++) addTo(h, 40 * MIN);
    expect(quantile(h, 0.5)).toBeGreaterThan(30 * MIN);
  });

  it('round-trips through its compact JSON form', () => {
    const h = priorHistogram(3 * MIN, 1, 10);
    addTo(h, 7 * MIN);
    const back = unpackHistogram(JSON.parse(JSON.stringify(packHistogram(h))));
    expect(back).toBeDefined();
    expect(Math.abs(quantile(back ?? h, 0.9) - quantile(h, 0.9))).toBeLessThan(1000);
    expect(unpackHistogram([[1, 2], 0])).toBeUndefined();
  });
});
