import { describe, expect, it } from 'vitest';
import { fromWall, offsetAt, toWall } from '../../../simulator/replay/wall-clock.js';

const wall = (text: string) => Date.parse(`${text}Z`);
const STOCKHOLM = 'Europe/Stockholm';

describe('the wall clock', () => {
  it('knows the offset in winter and summer', () => {
    expect(offsetAt(Date.parse('2025-01-15T12:00:00Z'), STOCKHOLM)).toBe(3_600_000);
    expect(offsetAt(Date.parse('2025-07-15T12:00:00Z'), STOCKHOLM)).toBe(7_200_000);
  });

  it('turns local times into instants and back', () => {
    for (const text of ['2025-01-15T07:12:00', '2025-03-30T01:59:59', '2025-03-30T03:00:00', '2025-10-26T04:00:00']) {
      expect(toWall(fromWall(wall(text), STOCKHOLM), STOCKHOLM)).toBe(wall(text));
    }
    expect(new Date(fromWall(wall('2025-10-26T04:00:00'), STOCKHOLM)).toISOString()).toBe('2025-10-26T03:00:00.000Z');
  });

  it('reads a time in the spring-forward gap an hour later, as Date does', () => {
    expect(new Date(fromWall(wall('2025-03-30T02:30:00'), STOCKHOLM)).toISOString()).toBe('2025-03-30T01:30:00.000Z');
  });

  it('reads a time in the fall-back overlap as the first of the two', () => {
    expect(new Date(fromWall(wall('2025-10-26T02:30:00'), STOCKHOLM)).toISOString()).toBe('2025-10-26T00:30:00.000Z');
  });
});
