/** Durations and clock minutes as people read them. Pure. */

/** "07:30" from minutes after midnight. */
export function clockOfMinute(minute: number): string {
  const m = ((Math.round(minute) % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/**
 * "850 ms", "4.2 s", "3 min", "2 h 5 min": short, to the unit that matters, with the decimal
 * separator of `locale` ("4,2 s" in Swedish). Null reads "—".
 */
export function shortDuration(ms: number | null, locale = 'en'): string {
  if (ms === null) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(Math.round(ms / 100) / 10).toLocaleString(locale, { maximumFractionDigits: 1 })} s`;
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** "Tue 10 Mar" for a local calendar day "2026-03-10" (the day itself, whatever the viewer's zone). */
export function dayLabel(day: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
    Date.parse(`${day}T12:00:00Z`),
  );
}
