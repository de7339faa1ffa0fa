/**
 * Threshold rules that do not need a whole synthetic home: INACT-1's norm when the person may be
 * out of sight, its ceiling for a person whose norm is past it, and the evening bedroom.
 */
import { describe, expect, it } from 'vitest';
import { ResidentModel } from '../../../service/model/resident-model.js';
import { inactivity } from '../../../service/model/thresholds.js';

const MIN = 60_000;
const HOUR = 60 * MIN;

describe('INACT-1 thresholds', () => {
  it('judge a silence after unseen activity against the longest usual quiet in any room at that time', () => {
    const model = new ResidentModel();
    // Short silences after kitchen activity in the afternoon, long ones in the living room.
    for (let i = 0; i < 200; i++) model.addSilence('kitchen', 5, 5 * MIN, 0);
    for (let i = 0; i < 200; i++) model.addSilence('living', 5, 2 * HOUR, 0);
    const own = inactivity(model, 'kitchen', 5);
    const anywhere = inactivity(model, 'kitchen', 5, true);
    expect(anywhere.norm).toBeGreaterThanOrEqual(inactivity(model, 'living', 5).norm);
    expect(anywhere.limit).toBeGreaterThan(own.limit);
    expect(anywhere.observed).toBe(own.observed);
  });

  it('do not page every day when the person’s own norm is past the ceiling', () => {
    const model = new ResidentModel();
    for (let i = 0; i < 400; i++) model.addSilence('bathroom', 6, 11 * HOUR, 0);
    const t = inactivity(model, 'bathroom', 6);
    expect(t.norm).toBeGreaterThan(10 * HOUR);
    expect(t.limit).toBeGreaterThan(t.norm);
  });

  it('treat the bedroom in the evening as asleep (the wider margin)', () => {
    const model = new ResidentModel();
    for (let i = 0; i < 200; i++) {
      model.addSilence('bedroom', 6, 40 * MIN, 0);
      model.addSilence('kitchen', 6, 40 * MIN, 0);
    }
    expect(inactivity(model, 'bedroom', 6).limit).toBeGreaterThan(inactivity(model, 'kitchen', 6).limit);
  });
});

/** `perDay` short silences and one long one in the cell on each of `days` days. */
function daysOf(
  model: ResidentModel,
  group: 'kitchen',
  bucket: number,
  days: number,
  longMs: number,
  perDay = 150,
  from = 0,
) {
  for (let day = from; day <= from + days; day++) {
    for (let i = 0; i < perDay; i++) model.addSilence(group, bucket, 40_000, day);
    if (day < from + days) model.addSilence(group, bucket, longMs, day);
  }
}

describe('[INACT-1] the usual longest quiet is a day’s longest, not a share of all silences', () => {
  it('[INACT-1] a quiet of 2 h once a day after chatty kitchen activity is usual, however many short ones surround it', () => {
    const model = new ResidentModel();
    daysOf(model, 'kitchen', 5, 10, 2 * HOUR);
    // 150 short silences a day: the 99.5th percentile of all of them is a short one.
    const t = inactivity(model, 'kitchen', 5);
    expect(t.norm).toBeGreaterThan(100 * MIN);
    expect(t.limit).toBeGreaterThan(2.5 * HOUR);
  });

  it('[INACT-1] where the person may sit out of sight, the longest quiet seen at that time of day in any room', () => {
    const model = new ResidentModel();
    daysOf(model, 'kitchen', 5, 9, 90 * MIN);
    // One day with a quiet of 4 h after the kitchen: out of sight, it is this person's normal.
    model.addSilence('kitchen', 5, 4 * HOUR, 9);
    model.addSilence('kitchen', 5, MIN, 10);
    expect(inactivity(model, 'kitchen', 5, true).norm).toBeGreaterThan(3.5 * HOUR);
    // Where a movement sensor watches the room, a day in ten may be passed: the 4 h day is not the norm.
    expect(inactivity(model, 'kitchen', 5, false).norm).toBeLessThan(2 * HOUR);
  });

  it('uses the daily figure only after 5 days of the person’s own in that cell', () => {
    const model = new ResidentModel();
    daysOf(model, 'kitchen', 5, 4, 3 * HOUR, 400);
    expect(inactivity(model, 'kitchen', 5).norm).toBeLessThan(HOUR);
    daysOf(model, 'kitchen', 5, 2, 3 * HOUR, 400, 5);
    expect(inactivity(model, 'kitchen', 5).norm).toBeGreaterThan(2 * HOUR);
  });
});
