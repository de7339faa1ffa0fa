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
    for (let i = 0; i < 200; i++) model.addSilence('kitchen', 5, 5 * MIN);
    for (let i = 0; i < 200; i++) model.addSilence('living', 5, 2 * HOUR);
    const own = inactivity(model, 'kitchen', 5);
    const anywhere = inactivity(model, 'kitchen', 5, true);
    expect(anywhere.norm).toBeGreaterThanOrEqual(inactivity(model, 'living', 5).norm);
    expect(anywhere.limit).toBeGreaterThan(own.limit);
    expect(anywhere.observed).toBe(own.observed);
  });

  it('do not page every day when the person’s own norm is past the ceiling', () => {
    const model = new ResidentModel();
    for (let i = 0; i < 400; i++) model.addSilence('bathroom', 6, 11 * HOUR);
    const t = inactivity(model, 'bathroom', 6);
    expect(t.norm).toBeGreaterThan(10 * HOUR);
    expect(t.limit).toBeGreaterThan(t.norm);
  });

  it('treat the bedroom in the evening as asleep (the wider margin)', () => {
    const model = new ResidentModel();
    for (let i = 0; i < 200; i++) {
      model.addSilence('bedroom', 6, 40 * MIN);
      model.addSilence('kitchen', 6, 40 * MIN);
    }
    expect(inactivity(model, 'bedroom', 6).limit).toBeGreaterThan(inactivity(model, 'kitchen', 6).limit);
  });
});
