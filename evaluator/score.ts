/**
 * Scores one engine's alerts against the ground truth:
 * - an incident that should page is detected when a matching alert (matching.ts) for that
 *   resident is raised — opened, or repeated into an open alert — no earlier than a small
 *   tolerance before its start and no later than its deadline; time to alert is the first such
 *   alert's time minus the start (never below 0);
 * - technical incidents the same way, among alerts of the same device;
 * - a missed incident is "late" when a counted alert came after the deadline but before the
 *   incident was over;
 * - false alerts: see false-alerts.ts (incident-free days, expected absences).
 */
import { type IncidentRecord, TruthKind, type TruthRecord } from '../simulator/index.js';
import { type AlertRecord, PAGING } from './alert-book.js';
import { countFalseAlerts, type FalseAlertScore, mergeFalseAlerts } from './false-alerts.js';
import { familyOf, MATCHES, type MatchRule } from './matching.js';

/**
 * An alert this much before the start still counts: a device's report can carry an event time a
 * little ahead of the truth's start (its clock, the radio), in milliseconds.
 */
export const EARLY_TOLERANCE_MS = 60_000;

export interface IncidentOutcome {
  id: string;
  kind: TruthKind;
  expect: IncidentRecord['expect'];
  residentId: string;
  start: number;
  deadline: number;
  /** The first counted alert in the window, null if none. */
  detectedAt: number | null;
  alertId: string | null;
  ruleId: string | null;
  timeToAlertMs: number | null;
  /** Whether a kind-specific alert (not only "any paging alert") came in the window. */
  specific: boolean;
  /** A counted alert came, but after the deadline (before the run ended): ms after the start. */
  lateByMs: number | null;
}

export interface KindScore {
  kind: TruthKind;
  expect: IncidentRecord['expect'];
  n: number;
  detected: number;
  recall: number | null;
  /** Detected by a kind-specific alert within the deadline. */
  specificDetected: number;
  specificRecall: number | null;
  /** Counted alerts that came after the deadline. */
  late: number;
  medianMs: number | null;
  p95Ms: number | null;
}

export type { FalseAlertScore };

export interface EngineScore {
  kinds: KindScore[];
  falseAlerts: FalseAlertScore;
  outcomes: IncidentOutcome[];
}

interface Notification {
  at: number;
  alert: AlertRecord;
}

export function scoreAlerts(
  truth: readonly TruthRecord[],
  alerts: readonly AlertRecord[],
  earlyToleranceMs = EARLY_TOLERANCE_MS,
): EngineScore {
  const run = truth.find((r) => r.type === 'run');
  const runEnd = run === undefined ? Number.POSITIVE_INFINITY : Date.parse(run.end);
  const zones = new Map((run?.homes ?? []).map((h) => [h.homeId, h.timeZone]));

  // Every moment staff heard of an alert: when it opened, and each repeat.
  const byResident = new Map<string, Notification[]>();
  for (const alert of alerts) {
    const list = byResident.get(alert.residentId) ?? [];
    list.push({ at: alert.detectedAt, alert });
    for (const at of alert.repeats) list.push({ at, alert });
    byResident.set(alert.residentId, list);
  }
  for (const list of byResident.values()) list.sort((a, b) => a.at - b.at || a.alert.id.localeCompare(b.alert.id));

  const incidents = truth.filter((r): r is IncidentRecord => r.type === 'incident');
  const outcomes: IncidentOutcome[] = [];
  for (const incident of incidents) {
    const match = MATCHES[incident.kind];
    if (match === undefined || incident.deadline === null) continue;
    if (incident.expect !== 'page' && incident.expect !== 'technical') continue;
    outcomes.push(judge(incident, match, byResident.get(incident.homeId) ?? [], runEnd, earlyToleranceMs));
  }

  return {
    kinds: summarise(outcomes),
    falseAlerts: countFalseAlerts(truth, incidents, alerts, zones, runEnd),
    outcomes,
  };
}

function judge(
  incident: IncidentRecord,
  match: MatchRule,
  notifications: readonly Notification[],
  runEnd: number,
  tolerance: number,
): IncidentOutcome {
  const start = Date.parse(incident.start);
  const deadline = Date.parse(incident.deadline ?? incident.start);
  const technical = incident.expect === 'technical';
  const specific = (n: Notification) =>
    match.families.includes(familyOf(n.alert)) &&
    (!match.sameDevice || incident.device === null || n.alert.deviceId === incident.device);
  const counted = (n: Notification) => specific(n) || (match.anyPaging && !technical && PAGING.has(n.alert.severity));

  let first: Notification | undefined;
  let specificSeen = false;
  for (const n of notifications) {
    if (n.at < start - tolerance) continue;
    if (n.at > deadline) break;
    if (!counted(n)) continue;
    first ??= n;
    if (specific(n)) {
      specificSeen = true;
      break;
    }
  }
  // Missed: did a counted alert come late, while the incident was still going on?
  const over = Math.min(runEnd, Math.max(deadline, incident.end === null ? runEnd : Date.parse(incident.end)));
  const late =
    first === undefined ? notifications.find((n) => n.at > deadline && n.at <= over && counted(n)) : undefined;
  return {
    id: incident.id,
    kind: incident.kind,
    expect: incident.expect,
    residentId: incident.homeId,
    start,
    deadline,
    detectedAt: first?.at ?? null,
    alertId: first?.alert.id ?? null,
    ruleId: first?.alert.ruleId ?? null,
    timeToAlertMs: first === undefined ? null : Math.max(0, first.at - start),
    specific: specificSeen,
    lateByMs: late === undefined ? null : late.at - start,
  };
}

function summarise(outcomes: readonly IncidentOutcome[]): KindScore[] {
  const order = TruthKind.options;
  const kinds = [...new Set(outcomes.map((o) => o.kind))].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  return kinds.map((kind) => {
    const of = outcomes.filter((o) => o.kind === kind);
    const times = of.flatMap((o) => (o.timeToAlertMs === null ? [] : [o.timeToAlertMs])).sort((a, b) => a - b);
    const detected = times.length;
    const specificDetected = of.filter((o) => o.specific).length;
    return {
      kind,
      expect: of[0]?.expect ?? 'page',
      n: of.length,
      detected,
      recall: of.length === 0 ? null : detected / of.length,
      specificDetected,
      specificRecall: of.length === 0 ? null : specificDetected / of.length,
      late: of.filter((o) => o.lateByMs !== null).length,
      medianMs: percentile(times, 0.5),
      p95Ms: percentile(times, 0.95),
    };
  });
}

/** Nearest-rank percentile of sorted values; null for none. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(p * sorted.length)));
  return sorted[rank - 1] ?? null;
}

/** One run's score and which of its parts count in a combined score. */
export interface PartScore {
  score: EngineScore;
  incidents: boolean;
  falseAlerts: boolean;
}

/** Several runs (e.g. van Kasteren houses with and without an injected incident) as one score. */
export function combineScores(parts: readonly PartScore[]): EngineScore {
  const outcomes = parts.flatMap((p) => (p.incidents ? p.score.outcomes : []));
  return {
    kinds: summarise(outcomes),
    falseAlerts: mergeFalseAlerts(parts.filter((p) => p.falseAlerts).map((p) => p.score.falseAlerts)),
    outcomes,
  };
}
