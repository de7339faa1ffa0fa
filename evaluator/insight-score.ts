/**
 * Scores the day-level insights, which never page (docs/alert-rules.md DAY-1, TREND-1):
 * - DAY-1 unusual day: of the incidents that change how a day is lived, the share whose local
 *   date got a DAY-1 insight (only from the run's day LEARN_DAYS on: before that the person's
 *   own days are too few to judge), and DAY-1 insights on incident-free days per resident-week;
 * - TREND-1 decline: the share of `decline` incidents followed by a TREND-1 insight for that
 *   resident, days from the decline's first day to the first insight, and TREND-1 insights for
 *   residents without a decline (or before it began) per resident-week.
 */
import type { Insight } from '../service/model/day/day-profile.js';
import type { IncidentRecord, TruthRecord } from '../simulator/index.js';
import { DAY_MS, LocalClock } from './local-clock.js';
import { percentile } from './score.js';

/** DAY-1 judges a day only with 14 earlier days of the person's own. */
export const LEARN_DAYS = 15;

/** Incident kinds that change how a day is lived (a help press or a flat battery do not). */
export const DAY_CHANGING_KINDS = [
  'fall_no_recovery',
  'fall_recovered',
  'prolonged_inactivity',
  'long_bathroom_stay',
  'night_wandering',
  'missed_morning_routine',
  'missed_meal',
] as const;
/** Expected absences and company: unusual days too, but nothing is wrong. */
export const CONTEXT_KINDS = ['away_day', 'hospital_stay', 'visitor_present'] as const;
export const DAY_KINDS = [...DAY_CHANGING_KINDS, ...CONTEXT_KINDS] as const;

export interface InsightScore {
  /** DAY-1 per incident kind: incidents from day LEARN_DAYS on, and how many of their days were flagged. */
  unusualDay: { kind: string; n: number; flagged: number }[];
  /** Incident-free resident-days from day LEARN_DAYS on, and DAY-1 insights for them. */
  freeDays: number;
  freeDaysFlagged: number;
  flaggedPerResidentWeek: number | null;
  decline: {
    n: number;
    detected: number;
    /** Days from the decline's first day to the first TREND-1 insight, of the detected ones. */
    medianDays: number | null;
    p95Days: number | null;
    /** TREND-1 insights with no decline under way, and the resident-weeks they came from. */
    falseInsights: number;
    residentWeeks: number;
    falsePerResidentWeek: number | null;
    /** By measure, all TREND-1 insights. */
    byMeasure: Record<string, number>;
  };
}

export function scoreInsights(truth: readonly TruthRecord[], insights: readonly Insight[]): InsightScore {
  const run = truth.find((r) => r.type === 'run');
  const runStart = run === undefined ? 0 : Date.parse(run.start);
  const runEnd = run === undefined ? 0 : Date.parse(run.end);
  const clocks = new Map((run?.homes ?? []).map((h) => [h.homeId, new LocalClock(h.timeZone)]));
  const judgedFrom = (homeId: string) => clocks.get(homeId)?.date(runStart + LEARN_DAYS * DAY_MS) ?? '';
  const incidents = truth.filter((r): r is IncidentRecord => r.type === 'incident');

  const flagged = new Set(insights.filter((i) => i.ruleId === 'DAY-1').map((i) => `${i.residentId}:${i.date}`));
  const dateOf = (i: IncidentRecord) => clocks.get(i.homeId)?.date(Date.parse(i.start)) ?? '';
  const unusualDay = DAY_KINDS.map((kind) => {
    const of = incidents.filter((i) => i.kind === kind && dateOf(i) >= judgedFrom(i.homeId));
    return { kind, n: of.length, flagged: of.filter((i) => flagged.has(`${i.homeId}:${dateOf(i)}`)).length };
  }).filter((k) => k.n > 0);

  let freeDays = 0;
  let freeDaysFlagged = 0;
  for (const r of truth) {
    if (r.type !== 'incident_free_days') continue;
    for (const date of r.days) {
      if (date < judgedFrom(r.homeId)) continue;
      freeDays++;
      if (flagged.has(`${r.homeId}:${date}`)) freeDaysFlagged++;
    }
  }

  const trends = insights.filter((i) => i.ruleId === 'TREND-1');
  const declines = incidents.filter((i) => i.kind === 'decline');
  const days: number[] = [];
  for (const d of declines) {
    const first = trends.find((t) => t.residentId === d.homeId && t.at >= Date.parse(d.start));
    if (first !== undefined) days.push((first.at - Date.parse(d.start)) / DAY_MS);
  }
  days.sort((a, b) => a - b);
  const declineStart = new Map(declines.map((d) => [d.homeId, Date.parse(d.start)]));
  let controlMs = 0;
  for (const h of run?.homes ?? []) controlMs += (declineStart.get(h.homeId) ?? runEnd) - runStart;
  const falseInsights = trends.filter(
    (t) => t.at < (declineStart.get(t.residentId) ?? Number.POSITIVE_INFINITY),
  ).length;
  const residentWeeks = controlMs / (7 * DAY_MS);
  const byMeasure: Record<string, number> = {};
  for (const t of trends) byMeasure[t.measure ?? '?'] = (byMeasure[t.measure ?? '?'] ?? 0) + 1;

  return {
    unusualDay,
    freeDays,
    freeDaysFlagged,
    flaggedPerResidentWeek: freeDays === 0 ? null : freeDaysFlagged / (freeDays / 7),
    decline: {
      n: declines.length,
      detected: days.length,
      medianDays: percentile(days, 0.5),
      p95Days: percentile(days, 0.95),
      falseInsights,
      residentWeeks,
      falsePerResidentWeek: residentWeeks === 0 ? null : falseInsights / residentWeeks,
      byMeasure,
    },
  };
}

/** One run's insight score and which of its parts count (as PartScore in score.ts). */
export interface InsightPart {
  score: InsightScore;
  incidents: boolean;
  falseAlerts: boolean;
}

/**
 * Several runs' insight scores as one: incident rows from the runs that count for incidents,
 * false rates from the runs that count for false alerts (the untouched van Kasteren houses).
 */
export function combineInsights(all: readonly InsightPart[]): InsightScore {
  const withIncidents = all.filter((p) => p.incidents).map((p) => p.score);
  const parts = all.filter((p) => p.falseAlerts).map((p) => p.score);
  const kinds = new Map<string, { kind: string; n: number; flagged: number }>();
  for (const p of withIncidents)
    for (const k of p.unusualDay) {
      const into = kinds.get(k.kind) ?? { kind: k.kind, n: 0, flagged: 0 };
      into.n += k.n;
      into.flagged += k.flagged;
      kinds.set(k.kind, into);
    }
  const sum = (pick: (p: InsightScore) => number) => parts.reduce((s, p) => s + pick(p), 0);
  const freeDays = sum((p) => p.freeDays);
  const freeDaysFlagged = sum((p) => p.freeDaysFlagged);
  const residentWeeks = sum((p) => p.decline.residentWeeks);
  const falseInsights = sum((p) => p.decline.falseInsights);
  const byMeasure: Record<string, number> = {};
  for (const p of parts)
    for (const [m, n] of Object.entries(p.decline.byMeasure)) byMeasure[m] = (byMeasure[m] ?? 0) + n;
  const declines = withIncidents.map((p) => p.decline);
  // Days to detection only combine exactly from one run.
  const first = declines.length === 1 ? declines[0] : undefined;
  return {
    unusualDay: DAY_KINDS.flatMap((k) => kinds.get(k) ?? []),
    freeDays,
    freeDaysFlagged,
    flaggedPerResidentWeek: freeDays === 0 ? null : freeDaysFlagged / (freeDays / 7),
    decline: {
      n: declines.reduce((s, d) => s + d.n, 0),
      detected: declines.reduce((s, d) => s + d.detected, 0),
      medianDays: first?.medianDays ?? null,
      p95Days: first?.p95Days ?? null,
      falseInsights,
      residentWeeks,
      falsePerResidentWeek: residentWeeks === 0 ? null : falseInsights / residentWeeks,
      byMeasure,
    },
  };
}

/** The insight rows of one engine, Markdown. */
export function formatInsights(engine: string, s: InsightScore): string[] {
  const pct = (a: number, b: number) => (b === 0 ? '–' : `${a}/${b} = ${Math.round((100 * a) / b)}%`);
  const days = (x: number | null) => (x === null ? '–' : `${x.toFixed(1)} d`);
  const measures = Object.entries(s.decline.byMeasure)
    .map(([m, n]) => `${m} ${n}`)
    .join(', ');
  return [
    `Insights (never paged) from ${engine}: [DAY-1] unusual day, days judged from day ${LEARN_DAYS} of the run on; [TREND-1] decline.`,
    '',
    '| insight | incident kind | n | flagged | median | p95 |',
    '| --- | --- | --- | --- | --- | --- |',
    ...s.unusualDay.map((k) => `| DAY-1 | ${k.kind} | ${k.n} | ${pct(k.flagged, k.n)} | – | – |`),
    `| TREND-1 | decline | ${s.decline.n} | ${pct(s.decline.detected, s.decline.n)} | ${days(s.decline.medianDays)} | ${days(s.decline.p95Days)} |`,
    '',
    `DAY-1 on incident-free days: ${pct(s.freeDaysFlagged, s.freeDays)} of days, ${s.flaggedPerResidentWeek === null ? '–' : s.flaggedPerResidentWeek.toFixed(2)} per resident-week. ` +
      `TREND-1 with no decline under way: ${s.decline.falseInsights} in ${s.decline.residentWeeks.toFixed(1)} resident-weeks (${s.decline.falsePerResidentWeek === null ? '–' : s.decline.falsePerResidentWeek.toFixed(2)} per resident-week); by measure, all: ${measures || 'none'}.`,
  ];
}
