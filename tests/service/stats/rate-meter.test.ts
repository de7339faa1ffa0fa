import { describe, expect, it } from 'vitest';
import { RateMeter } from '../../../service/stats/rate-meter.js';

const S = 1000;
const MIN = 60 * S;

describe('RateMeter', () => {
  it('gives events per minute from a running total sampled every 10 s', () => {
    const meter = new RateMeter();
    // 30 events per minute for an hour: the total grows by 5 every 10 s.
    for (let s = 0; s <= 3600; s += 10) meter.sample(s * S, s / 2);
    expect(meter.perMinute(3600 * S, 5 * MIN)).toBe(30);
    expect(meter.perMinute(3600 * S, 60 * MIN)).toBe(30);
  });

  it('follows a change of rate within the short window', () => {
    const meter = new RateMeter();
    let total = 0;
    for (let s = 0; s <= 3600; s += 10) {
      total += s > 3300 ? 20 : 1; // 6/min, then 120/min for the last 5 minutes
      meter.sample(s * S, total);
    }
    expect(meter.perMinute(3600 * S, 5 * MIN)).toBe(120);
    expect(meter.perMinute(3600 * S, 60 * MIN)).toBeGreaterThan(6);
    expect(meter.perMinute(3600 * S, 60 * MIN)).toBeLessThan(20);
  });

  it('says nothing until the samples span the window', () => {
    const meter = new RateMeter();
    expect(meter.perMinute(0, 5 * MIN)).toBeNull();
    for (let s = 0; s <= 120; s += 10) meter.sample(s * S, s);
    expect(meter.perMinute(120 * S, 5 * MIN)).toBeNull();
    expect(meter.perMinute(120 * S, MIN)).toBe(60);
  });

  it('ignores a sample that does not move time forward', () => {
    const meter = new RateMeter();
    meter.sample(0, 0);
    meter.sample(60 * S, 60);
    meter.sample(30 * S, 1000);
    expect(meter.perMinute(60 * S, MIN)).toBe(60);
  });
});
