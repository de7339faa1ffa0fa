import { describe, expect, it } from 'vitest';
import { strings } from '../../dashboard/src/i18n.js';
import { absoluteTime, relativeTime, shortTime } from '../../dashboard/src/relative-time.js';

const now = Date.parse('2026-11-20T03:00:00Z');
const ago = (ms: number) => relativeTime(now - ms, now, strings.en.time);
const MIN = 60_000;

describe('relativeTime', () => {
  it('says "just now" for under 45 s, and for times slightly in the future (clock skew)', () => {
    expect(ago(10_000)).toBe('just now');
    expect(ago(-5_000)).toBe('just now');
  });

  it('counts whole minutes under an hour', () => {
    expect(ago(45_000)).toBe('1 min ago');
    expect(ago(2 * MIN + 59_000)).toBe('2 min ago');
  });

  it('gives hours and minutes under 10 hours (inactivity is judged in minutes)', () => {
    expect(ago(60 * MIN)).toBe('1 h ago');
    expect(ago(200 * MIN)).toBe('3 h 20 min ago');
  });

  it('gives whole hours up to two days, then days', () => {
    expect(ago(30 * 60 * MIN)).toBe('30 h ago');
    expect(ago(3 * 24 * 60 * MIN)).toBe('3 days ago');
  });

  it('speaks Swedish too', () => {
    expect(relativeTime(now - 2 * MIN, now, strings.sv.time)).toBe('för 2 min sedan');
  });
});

describe('absolute times (time zone pinned)', () => {
  it('shows the full local date and time for the title', () => {
    expect(absoluteTime('2026-11-20T02:12:00Z', 'en', 'Europe/Stockholm')).toMatch(/Nov 20, 2026.*03:12:00/);
  });

  it('uses the 24-hour clock in English too (care staff in Sweden)', () => {
    const evening = Date.parse('2026-11-20T14:40:00Z');
    expect(shortTime('2026-11-20T14:40:00Z', evening, 'en', 'Europe/Stockholm')).toBe('15:40');
    expect(absoluteTime('2026-11-20T14:40:00Z', 'en', 'Europe/Stockholm')).toMatch(/15:40:00/);
    expect(absoluteTime('2026-11-20T14:40:00Z', 'en', 'Europe/Stockholm')).not.toMatch(/PM/);
  });

  it('shows only the clock within 12 hours, and the date as well after that', () => {
    expect(shortTime('2026-11-20T02:12:00Z', now, 'sv', 'Europe/Stockholm')).toBe('03:12');
    expect(shortTime('2026-11-19T02:12:00Z', now, 'sv', 'Europe/Stockholm')).toMatch(/19 nov\.? 03:12/);
  });
});
