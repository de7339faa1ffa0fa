import { describe, expect, it } from 'vitest';
import { type DayRecord, emptyDay, HOURS } from '../../../../service/model/day/day-profile.js';
import { declineTrends, rankZ } from '../../../../service/model/day/trend.js';
import { GROUP_INDEX } from '../../../../service/model/rooms.js';

/** A day with `events` activity events in the living room, getting up at `wake`, `night` toilet visits at night. */
function day(n: number, events: number, wake: number, night: number, bathMin = 6): DayRecord {
  const d = emptyDay(n, false);
  d.counts[GROUP_INDEX.living * HOURS + 12] = events;
  d.wakeMin = wake;
  d.nightBath = night;
  d.bathStays = 4;
  d.bathMin = 4 * bathMin;
  return d;
}

/** Wobbly but steady values: i-th of a repeating pattern. */
const wobble = (i: number, spread: number) => ((i * 7) % 5) * (spread / 4) - spread / 2;

describe('rankZ: the Mann–Whitney rank test as a z score', () => {
  it('is positive when the first sample tends to be larger, negative when smaller, 0 when alike', () => {
    expect(rankZ([10, 11, 12, 13, 14], [1, 2, 3, 4, 5, 6])).toBeGreaterThan(2.5);
    expect(rankZ([1, 2, 3, 4, 5], [10, 11, 12, 13, 14, 15])).toBeLessThan(-2.5);
    expect(rankZ([1, 2, 3], [1, 2, 3])).toBe(0);
    expect(rankZ([5, 5, 5], [5, 5, 5])).toBe(0);
  });
});

describe('[TREND-1] decline trends: the last 14 days against the 28 before', () => {
  const steady = Array.from({ length: 42 }, (_, i) =>
    day(i, 500 + wobble(i, 80), 420 + wobble(i, 30), i % 3 === 0 ? 1 : 0),
  );
  const recentFrom = 28;

  it('finds nothing in steady weeks, nor with too few days', () => {
    expect(declineTrends(steady)).toEqual([]);
    expect(declineTrends(steady.slice(0, 23))).toEqual([]);
  });

  it('finds less activity, later mornings and more night toilet visits together, in words', () => {
    const declining = steady.map((d, i) => (i < recentFrom ? d : day(i, 330 + wobble(i, 40), 470 + wobble(i, 20), 2)));
    const found = declineTrends(declining);
    expect(found.map((f) => f.key)).toEqual(['decline']);
    expect(found[0]?.measures).toEqual(['activity', 'night_bathroom', 'wake']);
    expect(found[0]?.reason).toMatch(
      /^Signs of decline: less active \(about 3\d\d sensor activations a day in the last 2 weeks vs 5\d\d in the 4 weeks before, -3\d %\); more night-time toilet visits \(2 a night .*\); getting up later \(about 07:5\d .*\)\.$/,
    );
  });

  it('one sign alone, moderately, is not enough: the signs are weighed together', () => {
    const fewerOnly = steady.map((d, i) =>
      i < recentFrom ? d : day(i, 470 + wobble(i, 80), 420 + wobble(i, 30), i % 3 === 0 ? 1 : 0),
    );
    expect(declineTrends(fewerOnly)).toEqual([]);
  });

  it('finds longer bathroom visits on their own, but not a small lengthening', () => {
    const longer = steady.map((d, i) =>
      i < recentFrom ? d : day(i, 500 + wobble(i, 80), 420 + wobble(i, 30), i % 3 === 0 ? 1 : 0, 12),
    );
    const found = declineTrends(longer);
    expect(found.map((f) => f.key)).toEqual(['bathroom_time']);
    expect(found[0]?.reason).toBe(
      'Bathroom visits getting longer: longer bathroom visits (12 min in the last 2 weeks vs 6 min in the 4 weeks before).',
    );
    const slightly = steady.map((d, i) =>
      i < recentFrom ? d : day(i, 500 + wobble(i, 80), 420 + wobble(i, 30), i % 3 === 0 ? 1 : 0, 7),
    );
    expect(declineTrends(slightly)).toEqual([]);
  });

  it('leaves out days away or in hospital', () => {
    const declining = steady.map((d, i) => (i < recentFrom ? d : { ...day(i, 100, 600, 3), excluded: true }));
    expect(declineTrends(declining)).toEqual([]);
  });
});
