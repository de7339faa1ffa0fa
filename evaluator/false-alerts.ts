/**
 * False alerts of one engine: paging alerts opened on a resident's incident-free days (local
 * dates in the home's zone), per resident-week; technical alerts on those days apart; and paging
 * alerts opened during expected absences and visits (`expect: none`), which must not page.
 */
import type { IncidentRecord, TruthRecord } from '../simulator/index.js';
import { type AlertRecord, PAGING } from './alert-book.js';
import { localClock } from './local-clock.js';

export interface FalseAlertScore {
  /** Resident-days free of any incident (the denominator). */
  residentDays: number;
  residentWeeks: number;
  /** Paging alerts opened on incident-free days. */
  paging: number;
  pagingPerResidentWeek: number | null;
  /** By rule id, for finding the rule that cries wolf. */
  pagingByRule: Record<string, number>;
  /** Each of them, to read what a carer would have been told (written to --out, not printed). */
  pagingAlerts: FalsePage[];
  /** Technical alerts opened on incident-free days (operators' noise, reported apart). */
  technical: number;
  technicalPerResidentWeek: number | null;
  technicalByRule: Record<string, number>;
  /** Expected absences and visits (`expect: none`) in the truth, and paging alerts opened during them. */
  absences: number;
  absenceAlerts: number;
  absenceByRule: Record<string, number>;
}

export interface FalsePage {
  residentId: string;
  ruleId: string;
  /** ISO instant the alert opened. */
  at: string;
  reason: string;
}

export function countFalseAlerts(
  truth: readonly TruthRecord[],
  incidents: readonly IncidentRecord[],
  alerts: readonly AlertRecord[],
  zones: ReadonlyMap<string, string>,
  runEnd: number,
): FalseAlertScore {
  const freeDays = new Map<string, Set<string>>();
  for (const r of truth) if (r.type === 'incident_free_days') freeDays.set(r.homeId, new Set(r.days));
  const residentDays = [...freeDays.values()].reduce((sum, days) => sum + days.size, 0);
  const residentWeeks = residentDays / 7;

  const pagingByRule: Record<string, number> = {};
  const technicalByRule: Record<string, number> = {};
  const pagingAlerts: FalsePage[] = [];
  let paging = 0;
  let technical = 0;
  for (const alert of alerts) {
    const zone = zones.get(alert.residentId);
    const days = freeDays.get(alert.residentId);
    if (zone === undefined || days === undefined) continue;
    if (!days.has(localClock(zone).date(alert.detectedAt))) continue;
    if (PAGING.has(alert.severity)) {
      paging++;
      pagingByRule[alert.ruleId] = (pagingByRule[alert.ruleId] ?? 0) + 1;
      pagingAlerts.push({
        residentId: alert.residentId,
        ruleId: alert.ruleId,
        at: new Date(alert.detectedAt).toISOString(),
        reason: alert.reason,
      });
    } else {
      technical++;
      technicalByRule[alert.ruleId] = (technicalByRule[alert.ruleId] ?? 0) + 1;
    }
  }

  const absences = incidents.filter((i) => i.expect === 'none');
  const during = new Set<AlertRecord>();
  for (const absence of absences) {
    const from = Date.parse(absence.start);
    const to = absence.end === null ? runEnd : Date.parse(absence.end);
    for (const alert of alerts) {
      if (alert.residentId !== absence.homeId || !PAGING.has(alert.severity)) continue;
      if (alert.detectedAt >= from && alert.detectedAt <= to) during.add(alert);
    }
  }
  const absenceByRule: Record<string, number> = {};
  for (const alert of during) absenceByRule[alert.ruleId] = (absenceByRule[alert.ruleId] ?? 0) + 1;

  const perWeek = (count: number) => (residentWeeks === 0 ? null : count / residentWeeks);
  return {
    residentDays,
    residentWeeks,
    paging,
    pagingPerResidentWeek: perWeek(paging),
    pagingByRule,
    pagingAlerts,
    technical,
    technicalPerResidentWeek: perWeek(technical),
    technicalByRule,
    absences: absences.length,
    absenceAlerts: during.size,
    absenceByRule,
  };
}

/** Several runs' false alerts as one (e.g. the five untouched van Kasteren houses). */
export function mergeFalseAlerts(parts: readonly FalseAlertScore[]): FalseAlertScore {
  const sum = (pick: (f: FalseAlertScore) => number) => parts.reduce((total, f) => total + pick(f), 0);
  const merge = (pick: (f: FalseAlertScore) => Record<string, number>) => {
    const out: Record<string, number> = {};
    for (const f of parts) for (const [rule, n] of Object.entries(pick(f))) out[rule] = (out[rule] ?? 0) + n;
    return out;
  };
  const residentDays = sum((f) => f.residentDays);
  const residentWeeks = residentDays / 7;
  const paging = sum((f) => f.paging);
  const technical = sum((f) => f.technical);
  return {
    residentDays,
    residentWeeks,
    paging,
    pagingPerResidentWeek: residentWeeks === 0 ? null : paging / residentWeeks,
    pagingByRule: merge((f) => f.pagingByRule),
    pagingAlerts: parts.flatMap((f) => f.pagingAlerts),
    technical,
    technicalPerResidentWeek: residentWeeks === 0 ? null : technical / residentWeeks,
    technicalByRule: merge((f) => f.technicalByRule),
    absences: sum((f) => f.absences),
    absenceAlerts: sum((f) => f.absenceAlerts),
    absenceByRule: merge((f) => f.absenceByRule),
  };
}
