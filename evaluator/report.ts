/**
 * The evaluation as text: one Markdown table per source group (incident kind × engine: n,
 * recall within the deadline, median and p95 time to alert), then false alerts per
 * resident-week on incident-free days, alerts during expected absences, and replay times.
 * Markdown so the same text reads in a terminal and pastes into docs/evaluation.md.
 */
import type { GroupReport } from './evaluate.js';
import { formatInsights } from './insight-score.js';
import type { FalseAlertScore, KindScore } from './score.js';

export function formatDuration(ms: number | null): string {
  if (ms === null) return '–';
  if (ms < 60_000) return `${Math.round(ms / 1000)} s`;
  if (ms < 3_600_000) return `${Math.round(ms / 60_000)} min`;
  return `${(ms / 3_600_000).toFixed(1)} h`;
}

const pct = (x: number | null) => (x === null ? '–' : `${Math.round(x * 100)}%`);
const rate = (x: number | null) => (x === null ? '–' : x.toFixed(2));

function recallCell(k: KindScore | undefined): string {
  if (k === undefined) return '–';
  const specific = k.specificDetected === k.detected ? '' : ` (${k.specificDetected} kind-specific)`;
  const late = k.late > 0 ? `, ${k.late} late` : '';
  return `${k.detected}/${k.n} = ${pct(k.recall)}${specific}${late}`;
}

function byRule(counts: Record<string, number>): string {
  const entries = Object.entries(counts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return entries.length === 0 ? 'none' : entries.map(([rule, n]) => `${rule} ${n}`).join(', ');
}

export function formatGroup(group: GroupReport): string {
  const lines: string[] = [`### ${group.name}`, '', group.description, ''];
  const engines = group.engines;
  const kinds = engines[0]?.score.kinds.map((k) => k.kind) ?? [];

  const header = ['incident kind', 'expect', 'n'];
  for (const e of engines) header.push(`${e.engine}: recall`, `${e.engine}: median`, `${e.engine}: p95`);
  lines.push(`| ${header.join(' | ')} |`, `|${header.map(() => ' --- ').join('|')}|`);
  for (const kind of kinds) {
    const first = engines[0]?.score.kinds.find((k) => k.kind === kind);
    const row = [kind, first?.expect ?? '', String(first?.n ?? 0)];
    for (const e of engines) {
      const k = e.score.kinds.find((x) => x.kind === kind);
      row.push(recallCell(k), formatDuration(k?.medianMs ?? null), formatDuration(k?.p95Ms ?? null));
    }
    lines.push(`| ${row.join(' | ')} |`);
  }
  if (kinds.length === 0) lines.push('| (no incidents) |');
  lines.push('');

  const fa = (e: (typeof engines)[number]): FalseAlertScore => e.score.falseAlerts;
  const base = engines[0] === undefined ? undefined : fa(engines[0]);
  if (base !== undefined) {
    lines.push(
      `False alerts on incident-free days (${base.residentDays} resident-days = ${base.residentWeeks.toFixed(1)} resident-weeks)` +
        (base.absences > 0 ? ` and during ${base.absences} expected absences/visits:` : ':'),
      '',
      '| engine | paging / resident-week | paging (by rule) | technical / resident-week | technical (by rule) | paging during expected absences |',
      '| --- | --- | --- | --- | --- | --- |',
    );
    for (const e of engines) {
      const f = fa(e);
      lines.push(
        `| ${e.engine} | ${rate(f.pagingPerResidentWeek)} | ${f.paging}: ${byRule(f.pagingByRule)} | ${rate(f.technicalPerResidentWeek)} | ${f.technical}: ${byRule(f.technicalByRule)} | ${f.absences === 0 ? '–' : `${f.absenceAlerts}: ${byRule(f.absenceByRule)}`} |`,
      );
    }
    lines.push('');
  }

  for (const e of engines) if (e.insights !== undefined) lines.push(...formatInsights(e.engine, e.insights), '');

  lines.push('Replay (wall clock, this machine):', '');
  for (const e of engines) {
    const r = e.replay;
    const slowest =
      r.slowest === null
        ? ''
        : `; slowest run ${(r.slowest.wallMs / 1000).toFixed(2)} s for ${r.slowest.simulatedDays.toFixed(1)} days (${r.slowest.name})`;
    const problems = r.deadLetters + r.unclaimed > 0 ? `; ${r.deadLetters} dead letters, ${r.unclaimed} unclaimed` : '';
    lines.push(
      `- ${e.engine}: ${r.runs} run${r.runs === 1 ? '' : 's'}, ${r.messages.toLocaleString('en-GB')} messages, ${(r.wallMs / 1000).toFixed(1)} s in all${slowest}${problems}`,
    );
  }
  for (const e of engines) {
    const st = e.replay.staff;
    if (st === undefined) continue;
    lines.push(
      `- ${e.engine}, staff in the loop: ${st.contexts} absence${st.contexts === 1 ? '' : 's'} registered as context; outcomes given as staff resolved its pages: ${st.outcomes.confirmed} confirmed, ${st.outcomes.false_alarm} false alarm, ${st.outcomes.expected} expected`,
    );
  }
  if (group.skipped.length > 0) {
    lines.push('', 'Not run:', ...group.skipped.map((s) => `- ${s}`));
  }
  return lines.join('\n');
}
