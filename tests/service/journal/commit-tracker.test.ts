import { describe, expect, it } from 'vitest';
import { CommitTracker } from '../../../service/journal/commit-tracker.js';

describe('highest contiguous committed position', () => {
  it('moves past a message only once every item it handed on is stored and it is handled', () => {
    const t = new CommitTracker(0);
    t.begin(1);
    t.add(1, 2); // one message, two readings (e.g. motion and battery)
    t.end(1);
    t.settle(1);
    expect(t.committed).toBe(0);
    expect(t.settle(1)).toBe(true);
    expect(t.committed).toBe(1);
  });

  it('does not move past an older message still being written when a newer batch commits first (concurrent writes)', () => {
    const t = new CommitTracker(10);
    for (const seq of [11, 12, 13]) {
      t.begin(seq);
      t.add(seq, 1);
      t.end(seq);
    }
    t.settle(13);
    t.settle(12);
    expect(t.committed).toBe(10);
    expect(t.outstanding).toBe(3);
    t.settle(11);
    expect(t.committed).toBe(13);
    expect(t.outstanding).toBe(0);
  });

  it('passes at once over messages that gave nothing to write (duplicates, ignored, unclaimed)', () => {
    const t = new CommitTracker(0);
    t.begin(1);
    t.add(1, 1);
    t.end(1);
    t.begin(2);
    expect(t.end(2)).toBe(false);
    expect(t.committed).toBe(0);
    t.settle(1);
    expect(t.committed).toBe(2);
  });

  it('jumps a gap in sequences (a message the journal could not hold)', () => {
    const t = new CommitTracker(5);
    t.begin(9);
    t.end(9);
    expect(t.committed).toBe(9);
  });

  it('refuses a sequence that does not grow', () => {
    const t = new CommitTracker(5);
    expect(() => t.begin(5)).toThrow(RangeError);
  });
});
