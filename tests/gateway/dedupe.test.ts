import { describe, expect, it } from 'vitest';
import { Dedupe } from '../../gateway/dedupe.js';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('dedupe: exact QoS 1 redeliveries are dropped', () => {
  it('drops the same topic and bytes within the window, and accepts them again after it', () => {
    const d = new Dedupe({ windowMs: 10_000, capacity: 100 });
    expect(d.isDuplicate('t', bytes('{"a":1}'), 0)).toBe(false);
    expect(d.isDuplicate('t', bytes('{"a":1}'), 9_999)).toBe(true);
    expect(d.isDuplicate('t', bytes('{"a":1}'), 10_000)).toBe(false);
  });

  it('treats other bytes or another topic as a different message', () => {
    const d = new Dedupe({ windowMs: 10_000, capacity: 100 });
    d.isDuplicate('t', bytes('{"a":1}'), 0);
    expect(d.isDuplicate('t', bytes('{"a":2}'), 1)).toBe(false);
    expect(d.isDuplicate('u', bytes('{"a":1}'), 1)).toBe(false);
  });

  it('remembers at most `capacity` messages, so a flood cannot exhaust memory', () => {
    const d = new Dedupe({ windowMs: 60_000, capacity: 50 });
    for (let i = 0; i < 1000; i++) d.isDuplicate('t', bytes(String(i)), i);
    expect(d.size).toBeLessThanOrEqual(50);
  });

  it('forgets expired messages as time moves on', () => {
    const d = new Dedupe({ windowMs: 100, capacity: 1000 });
    for (let i = 0; i < 10; i++) d.isDuplicate('t', bytes(String(i)), 0);
    d.isDuplicate('t', bytes('late'), 1000);
    expect(d.size).toBe(1);
  });
});
