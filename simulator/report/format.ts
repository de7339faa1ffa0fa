/** The realism summary as a text report for a terminal. */
import type { RealismSummary } from './summary-schema.js';
import { num, table } from './table.js';

export function formatRealismSummary(s: RealismSummary): string {
  const lines: string[] = [
    `Realism summary: ${s.homes} home(s), ${s.start.slice(0, 16).replace('T', ' ')} to ${s.end.slice(0, 16).replace('T', ' ')} UTC, ` +
      `${num(s.residentDays, 2)} resident-days`,
    `Messages: ${num(s.messages, 0)} (${num(s.messagesPerResidentDay)} per resident-day)`,
    '',
    'Events per resident-day',
    ...section('by room kind', s.perResidentDay.byRoomKind),
    ...section('by sensor kind', s.perResidentDay.bySensorKind),
    ...section('by reading kind', s.perResidentDay.byReadingKind),
    '',
    'First activity of the morning (first resident activity 04:00–12:00 local, per resident-day)',
    ...table(
      ['profile', 'days', 'of', 'median', 'middle half'],
      s.firstMorningActivity.map((r) => [
        r.profile,
        r.days,
        r.residentDays,
        r.median ?? '–',
        r.p25 === null || r.p75 === null ? '–' : `${r.p25}–${r.p75}`,
      ]),
    ),
    '',
    `Night (00:00–06:00 local): ${num(s.night.perNight, 2)} activity events per night ` +
      `(${num(s.night.events, 0)} in ${num(s.residentNights, 2)} resident-nights)`,
    `Bathroom visits: ${num(s.bathroomVisits.perResidentDay, 2)} per resident-day (${num(s.bathroomVisits.entries, 0)} entries)`,
    '',
    `Incidents injected (ground truth): ${s.incidents.total}`,
  ];
  const kinds = Object.entries(s.incidents.byKind).sort(([a], [b]) => (a < b ? -1 : 1));
  if (kinds.length > 0) lines.push(...table(['kind', 'count'], kinds));
  const expectations = Object.entries(s.incidents.byExpectation).sort(([a], [b]) => (a < b ? -1 : 1));
  if (expectations.length > 0) lines.push(`  by expectation: ${expectations.map(([e, n]) => `${e} ${n}`).join(', ')}`);
  return lines.join('\n');
}

function section(title: string, rates: Record<string, number>): string[] {
  const rows = Object.entries(rates).sort(([, a], [, b]) => b - a);
  return [`  ${title}`, ...table(['', 'per day'], rows, '    ').slice(1)];
}
