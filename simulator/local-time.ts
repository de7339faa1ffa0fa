/**
 * Wall-clock time of day in a home's time zone, so "morning" does not depend on the machine's
 * TZ. Uses Intl, so the answer is the same on every machine with the same ICU data.
 */

export const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Milliseconds since local midnight at `at` (epoch ms). */
export function localTimeOfDay(at: number, timeZone: string): number {
  let hour = 0;
  let minute = 0;
  let second = 0;
  for (const part of formatterFor(timeZone).formatToParts(at)) {
    if (part.type === 'hour') hour = Number(part.value);
    else if (part.type === 'minute') minute = Number(part.value);
    else if (part.type === 'second') second = Number(part.value);
  }
  return ((hour * 60 + minute) * 60 + second) * 1000 + (((at % 1000) + 1000) % 1000);
}

/** The next moment at or after `at` when the local clock shows `timeOfDay` (ms since midnight). */
export function nextLocal(at: number, timeOfDay: number, timeZone: string): number {
  return at + ((((timeOfDay - localTimeOfDay(at, timeZone)) % DAY_MS) + DAY_MS) % DAY_MS);
}

/** Milliseconds since midnight for hours and minutes, e.g. `hm(6, 30)`. */
export function hm(hours: number, minutes = 0): number {
  return (hours * 60 + minutes) * 60_000;
}

const dateFormatters = new Map<string, Intl.DateTimeFormat>();

function dateFormatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = dateFormatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    dateFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Local wall-clock fields at `at`. */
function localFields(
  at: number,
  timeZone: string,
): { y: number; mo: number; d: number; h: number; mi: number; s: number } {
  const f = { y: 0, mo: 0, d: 0, h: 0, mi: 0, s: 0 };
  for (const part of dateFormatterFor(timeZone).formatToParts(at)) {
    if (part.type === 'year') f.y = Number(part.value);
    else if (part.type === 'month') f.mo = Number(part.value);
    else if (part.type === 'day') f.d = Number(part.value);
    else if (part.type === 'hour') f.h = Number(part.value);
    else if (part.type === 'minute') f.mi = Number(part.value);
    else if (part.type === 'second') f.s = Number(part.value);
  }
  return f;
}

/** Local time minus UTC at `at`, in milliseconds (+3 600 000 for Stockholm in winter). */
export function zoneOffset(at: number, timeZone: string): number {
  const f = localFields(at, timeZone);
  const whole = at - (((at % 1000) + 1000) % 1000);
  return Date.UTC(f.y, f.mo - 1, f.d, f.h, f.mi, f.s) - whole;
}

/** The local calendar date (YYYY-MM-DD) at `at`. */
export function localDate(at: number, timeZone: string): string {
  const f = localFields(at, timeZone);
  return `${String(f.y).padStart(4, '0')}-${String(f.mo).padStart(2, '0')}-${String(f.d).padStart(2, '0')}`;
}

/** `date` (YYYY-MM-DD) plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: string): number {
  return new Date(Date.parse(`${date}T00:00:00Z`)).getUTCDay();
}

/**
 * The moment the local clock in `timeZone` shows `timeOfDay` (ms since midnight, may exceed a
 * day: 25:30 is 01:30 the next day) on `date`. In the spring-forward gap the answer is an hour
 * later, as a wall clock would be set.
 */
export function localToEpoch(date: string, timeOfDay: number, timeZone: string): number {
  const naive = Date.parse(`${date}T00:00:00Z`) + timeOfDay;
  const first = naive - zoneOffset(naive, timeZone);
  return naive - zoneOffset(first, timeZone);
}

/**
 * Local dates and times of one zone, cached per date so a simulation asks Intl a few times a
 * day, not once per reading.
 */
export class LocalCalendar {
  private readonly days = new Map<string, { midnight: number; steady: boolean }>();

  constructor(readonly timeZone: string) {}

  /** The moment the local clock shows `timeOfDay` (ms since midnight, may exceed a day) on `date`. */
  at(date: string, timeOfDay: number): number {
    const day = this.day(date);
    const whole = Math.floor(timeOfDay / DAY_MS);
    if (whole !== 0) return this.at(addDays(date, whole), timeOfDay - whole * DAY_MS);
    return day.steady ? day.midnight + timeOfDay : localToEpoch(date, timeOfDay, this.timeZone);
  }

  /** Local midnight at the start of `date`. */
  midnight(date: string): number {
    return this.day(date).midnight;
  }

  private day(date: string) {
    let day = this.days.get(date);
    if (day === undefined) {
      const midnight = localToEpoch(date, 0, this.timeZone);
      const next = localToEpoch(addDays(date, 1), 0, this.timeZone);
      day = { midnight, steady: next - midnight === DAY_MS };
      if (this.days.size > 400) this.days.clear();
      this.days.set(date, day);
    }
    return day;
  }
}
