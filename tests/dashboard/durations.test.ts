import { describe, expect, it } from 'vitest';
import { clockOfMinute, dayLabel, shortDuration } from '../../dashboard/src/durations.js';

describe('durations and clock times', () => {
  it('write minutes after midnight as a 24-hour clock, wrapping past midnight', () => {
    expect(clockOfMinute(0)).toBe('00:00');
    expect(clockOfMinute(7 * 60 + 5)).toBe('07:05');
    expect(clockOfMinute(1440 + 30)).toBe('00:30');
    expect(clockOfMinute(-30)).toBe('23:30');
  });

  it('write a duration to the unit that matters', () => {
    expect(shortDuration(null)).toBe('—');
    expect(shortDuration(850)).toBe('850 ms');
    expect(shortDuration(4_240)).toBe('4.2 s');
    expect(shortDuration(11_800, 'sv')).toBe('11,8 s');
    expect(shortDuration(95_000)).toBe('2 min');
    expect(shortDuration(60 * 60_000)).toBe('1 h');
    expect(shortDuration(125 * 60_000)).toBe('2 h 5 min');
  });

  it('name a local calendar day the same wherever the viewer is', () => {
    expect(dayLabel('2026-11-20', 'en-GB')).toBe('Fri 20 Nov');
    expect(dayLabel('2026-11-20', 'sv')).toBe('fre 20 nov.');
  });
});
