/**
 * Absences in a dataset's labels that staff would know about: the resident slept away from home
 * (a stay with family, a trip: away from 02:00 to 06:00 of some night). They become `away_day` truth records (`expect: none`): an alert
 * during one must not page anyone, their days are not incident-free, and an evaluator may tell
 * the engines of them as staff would (`docs/evaluation.md`, "Staff"). Outings within a day (work,
 * shopping, a late night out) are not: nobody registers those, and the rules must cope with them.
 */
import type { IncidentRecord } from '../ground-truth.js';
import type { WallSpan } from './dataset.js';
import { DAY_MS, fromWall, wallClock, wallDate, wallMidnight } from './wall-clock.js';

/** An absence that covers these hours of a night (local, ms after midnight) is a night slept away; a late night out ends before the morning. */
const NIGHT_FROM_MS = 2 * 3_600_000;
const NIGHT_TO_MS = 6 * 3_600_000;

export interface AbsenceContext {
  homeId: string;
  resident: string;
  timeZone: string;
  /** Added to the dataset's wall times (the replay's shift to another start date). */
  shift: number;
  /** The run, as instants: absences outside it are left out. */
  start: number;
  end: number;
}

/** Whether a wall-clock span covers 02:00–06:00 of some night: the resident slept away. */
export function spansNight(span: WallSpan): boolean {
  let from = wallMidnight(span.start) + NIGHT_FROM_MS;
  if (from < span.start) from += DAY_MS;
  return from - NIGHT_FROM_MS + NIGHT_TO_MS <= span.end;
}

/** `away_day` records for the labelled absences that include a night, in time order. */
export function overnightAbsences(away: readonly WallSpan[], c: AbsenceContext): IncidentRecord[] {
  const spans = away
    .map((a) => ({ start: a.start + c.shift, end: a.end + c.shift }))
    .filter(spansNight)
    .sort((a, b) => a.start - b.start);
  const out: IncidentRecord[] = [];
  for (const span of spans) {
    const start = fromWall(span.start, c.timeZone);
    const end = fromWall(span.end, c.timeZone);
    if (end <= c.start || start >= c.end) continue;
    out.push({
      type: 'incident',
      id: `${c.homeId}-a${String(out.length + 1).padStart(2, '0')}`,
      kind: 'away_day',
      expect: 'none',
      homeId: c.homeId,
      resident: c.resident,
      start: new Date(start).toISOString(),
      end: new Date(end).toISOString(),
      deadline: null,
      device: null,
      note: `away overnight by the labels, ${wallDate(span.start)} ${wallClock(span.start)} to ${wallDate(span.end)} ${wallClock(span.end)} local: staff would know`,
    });
  }
  return out;
}
