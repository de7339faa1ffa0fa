/**
 * Local time of day for a resident, from an IANA time zone. Intl is slow (microseconds per
 * call), so the UTC offset is computed once per UTC hour and cached: offsets only change on
 * whole hours in every zone Vaka serves, and a replay or a tick over many residents asks for
 * the same few hours again and again.
 */

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

export interface LocalTime {
  /** Minutes after local midnight, 0–1439. */
  minuteOfDay: number;
  /** Local hour, 0–23. */
  hour: number;
  /** Local calendar day as a day number (days since 1970-01-01 in local time). */
  day: number;
  /** Saturday or Sunday. */
  weekend: boolean;
}

export class LocalClock {
  private readonly format: Intl.DateTimeFormat;
  private readonly offsets = new Map<number, number>();

  constructor(readonly timeZone: string) {
    this.format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
  }

  /** Local time minus UTC at `ms`, in milliseconds. */
  offsetMs(ms: number): number {
    const hourKey = Math.floor(ms / HOUR);
    const cached = this.offsets.get(hourKey);
    if (cached !== undefined) return cached;
    const at = hourKey * HOUR;
    const parts: Record<string, number> = {};
    for (const part of this.format.formatToParts(at)) {
      if (part.type !== 'literal') parts[part.type] = Number(part.value);
    }
    const local = Date.UTC(
      parts.year ?? 1970,
      (parts.month ?? 1) - 1,
      parts.day ?? 1,
      parts.hour ?? 0,
      parts.minute ?? 0,
    );
    const offset = local - at;
    if (this.offsets.size > 10_000) this.offsets.clear();
    this.offsets.set(hourKey, offset);
    return offset;
  }

  at(ms: number): LocalTime {
    const local = ms + this.offsetMs(ms);
    const day = Math.floor(local / DAY);
    const minuteOfDay = Math.floor((local - day * DAY) / MINUTE);
    // 1970-01-01 was a Thursday (4); Sunday is 0.
    const weekday = (((day + 4) % 7) + 7) % 7;
    return { minuteOfDay, hour: Math.floor(minuteOfDay / 60), day, weekend: weekday === 0 || weekday === 6 };
  }

  /** The epoch time of a local minute of the given local day (approximate across a DST change). */
  toEpoch(day: number, minuteOfDay: number): number {
    const local = day * DAY + minuteOfDay * MINUTE;
    return local - this.offsetMs(local - this.offsetMs(local));
  }
}

/** "07:30". */
export function clockText(minuteOfDay: number): string {
  const m = ((Math.round(minuteOfDay) % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}
