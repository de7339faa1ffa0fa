/**
 * [INACT-1] Each day's longest quiet per room group and time of day: what "usually
 * quiet there for at most …" means to a carer, whatever the number of events in between.
 */
import { describe, expect, it } from 'vitest';
import { DailyLongest } from '../../../service/model/daily-longest.js';

const MIN = 60_000;

describe('[INACT-1] daily longest quiet', () => {
  it('keeps one figure per day: the day’s longest silence in that cell, counted once the next day begins', () => {
    const d = new DailyLongest(2);
    for (let day = 0; day < 6; day++) {
      // Hundreds of one-minute silences a day and one long one: the long one is the day's figure.
      for (let i = 0; i < 300; i++) d.note(0, day, MIN);
      d.note(0, day, (100 + day * 10) * MIN);
    }
    expect(d.observedDays(0)).toBe(5); // the sixth day is still going on
    expect(d.observedDays(1)).toBe(0);
    const longest = d.usualLongest(0, 1, 5) ?? 0;
    expect(longest).toBeGreaterThan(130 * MIN);
    expect(longest).toBeLessThan(170 * MIN);
  });

  it('says nothing before the minimum number of days', () => {
    const d = new DailyLongest(1);
    for (let day = 0; day < 4; day++) d.note(0, day, 30 * MIN);
    expect(d.usualLongest(0, 0.9, 5)).toBeUndefined();
    expect(d.usualLongest(0, 0.9, 3)).toBeGreaterThan(20 * MIN);
  });

  it('adds a silence from an earlier day to the day going on, never rewinds', () => {
    const d = new DailyLongest(1);
    d.note(0, 10, 5 * MIN);
    d.note(0, 9, 50 * MIN);
    d.note(0, 11, MIN);
    expect(d.observedDays(0)).toBe(1);
    expect(d.usualLongest(0, 1, 1)).toBeGreaterThan(40 * MIN);
  });

  it('survives a restart through its JSON form, today’s figures included', () => {
    const d = new DailyLongest(3);
    for (let day = 0; day < 8; day++) d.note(2, day, (20 + day) * MIN);
    const back = DailyLongest.fromJSON(JSON.parse(JSON.stringify(d.toJSON())), 3);
    expect(back.usualLongest(2, 0.9, 5)).toBeCloseTo(d.usualLongest(2, 0.9, 5) ?? 0, -3);
    back.note(2, 8, MIN);
    expect(back.observedDays(2)).toBe(8);
    // Unreadable or of another shape: starts afresh rather than misreads.
    expect(DailyLongest.fromJSON({ days: [] }, 3).observedDays(2)).toBe(0);
    expect(DailyLongest.fromJSON('nonsense', 3).observedDays(2)).toBe(0);
  });
});
