/**
 * "2 min ago" for people in a hurry, and the full date and time for whoever needs it.
 * Pure: the current time is passed in, so a test (or a frozen clock) decides what "now" is.
 */
import type { Strings } from './i18n.js';

const MINUTE = 60_000; // ms
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Under this, "just now": a few seconds' difference between clocks is not news. */
const JUST_NOW = 45_000; // ms
/** Under this many hours we add the minutes ("3 h 20 min"): inactivity is judged in minutes. */
const HOURS_WITH_MINUTES = 10;

/** How long ago `thenMs` was at `nowMs`, in words. Times slightly in the future read "just now". */
export function relativeTime(thenMs: number, nowMs: number, t: Strings['time']): string {
  const elapsed = nowMs - thenMs;
  if (elapsed < JUST_NOW) return t.justNow;
  if (elapsed < HOUR) return t.minutesAgo(Math.max(1, Math.floor(elapsed / MINUTE)));
  if (elapsed < 2 * DAY) {
    const hours = Math.floor(elapsed / HOUR);
    const minutes = hours < HOURS_WITH_MINUTES ? Math.floor((elapsed % HOUR) / MINUTE) : 0;
    return t.hoursAgo(hours, minutes);
  }
  return t.daysAgo(Math.floor(elapsed / DAY));
}

/** A length of time in words ("45 s", "3 min", "1 h 5 min"), e.g. from detection to acknowledgement. */
export function durationText(ms: number, t: Strings['time']): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return t.seconds(seconds);
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return t.minutes(minutes);
  return t.hours(Math.floor(minutes / 60), minutes % 60);
}

/**
 * Clock times are 24-hour in every language: care staff in Sweden read "15:40", and a 12-hour
 * "3:40 PM" on an English page was taken for a wrong time.
 */
export const CLOCK_24H = { hourCycle: 'h23' } as const;

/** Full local date and time, for the `title` (hover) and `datetime` of a <time>. */
export function absoluteTime(iso: string, locale: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium', timeZone, ...CLOCK_24H }).format(
    Date.parse(iso),
  );
}

/**
 * Clock time (03:12), shown beside the relative time because a tablet has no hover; with
 * the date as well once it is more than 12 hours old, so yesterday's 03:12 is not mistaken
 * for today's.
 */
export function shortTime(iso: string, nowMs: number, locale: string, timeZone?: string): string {
  const then = Date.parse(iso);
  const withDate = nowMs - then > 12 * HOUR;
  return new Intl.DateTimeFormat(locale, {
    ...(withDate ? { day: 'numeric', month: 'short' } : {}),
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
    ...CLOCK_24H,
  }).format(then);
}
