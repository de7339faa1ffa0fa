import { describe, expect, it } from 'vitest';
import { clockText, LocalClock } from '../../../service/model/local-time.js';

describe('local time of day for a resident', () => {
  const clock = new LocalClock('Europe/Stockholm');

  it('reads the hour in the home’s zone, across the spring DST change', () => {
    expect(clock.at(Date.parse('2026-01-15T06:30:00Z')).minuteOfDay).toBe(7 * 60 + 30);
    expect(clock.at(Date.parse('2026-06-15T06:30:00Z')).minuteOfDay).toBe(8 * 60 + 30);
  });

  it('knows weekends and maps a local time back to the epoch', () => {
    const sat = clock.at(Date.parse('2026-03-07T10:00:00Z'));
    expect(sat.weekend).toBe(true);
    expect(clock.at(Date.parse('2026-03-09T10:00:00Z')).weekend).toBe(false);
    expect(clock.toEpoch(sat.day, 11 * 60)).toBe(Date.parse('2026-03-07T10:00:00Z'));
  });

  it('writes clock times', () => {
    expect(clockText(7 * 60 + 5)).toBe('07:05');
    expect(clockText(1440 + 30)).toBe('00:30');
  });
});
