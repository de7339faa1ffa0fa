import { describe, expect, it } from 'vitest';
import { LocalClock, offsetAt, snapToLocal, windowsWithin } from '../../../simulator/report/local-clock.js';

const TZ = 'Europe/Stockholm';
const HOUR = 3_600_000;

describe('local clock for streamed readings', () => {
  it('knows the zone offset in winter and summer, and west of UTC', () => {
    expect(offsetAt(Date.parse('2025-01-15T12:00:00Z'), TZ)).toBe(HOUR);
    expect(offsetAt(Date.parse('2025-07-15T12:00:00Z'), TZ)).toBe(2 * HOUR);
    expect(offsetAt(Date.parse('2025-07-15T12:00:00Z'), 'America/Los_Angeles')).toBe(-7 * HOUR);
  });

  it('gives local time of day on both sides of a clock change, read in time order', () => {
    const clock = new LocalClock(TZ);
    // Sunday 30 March 2025: 02:00 CET becomes 03:00 CEST (01:00 UTC).
    const before = clock.at(Date.parse('2025-03-30T00:59:00Z'));
    const after = clock.at(Date.parse('2025-03-30T01:01:00Z'));
    expect(before.timeOfDay).toBe(HOUR + 59 * 60_000);
    expect(after.timeOfDay).toBe(3 * HOUR + 60_000);
    expect(after.day).toBe(before.day);
  });

  it('finds local midnight and counts local windows, a window cut by the ends as a fraction', () => {
    const noon = Date.parse('2025-03-03T12:00:00+01:00');
    expect(snapToLocal(noon - 11 * HOUR, 0, TZ)).toBe(Date.parse('2025-03-03T00:00:00+01:00'));
    const start = Date.parse('2025-03-03T03:00:00+01:00');
    // Half of Monday's night, then Tuesday's and Wednesday's nights whole.
    expect(windowsWithin(start, start + 2 * 24 * HOUR + 3 * HOUR, 0, 6 * HOUR, TZ)).toBe(2.5);
  });
});
