/**
 * What staff tell the engines in a replay, when the evaluator plays them (`vaka+staff`,
 * `baseline+staff`): the contexts they would register, and the outcome they would give each
 * paging alert they resolve — both through the same calls the service makes
 * (`Engine.setContext` from service/context-service.ts, `Engine.feedback` from
 * AlertService.resolve). Without them the engines are scored as if nobody told them anything.
 *
 * - Contexts: every hospital stay (staff know when someone is admitted) and every away record
 *   that covers a night, 02:00–06:00 (a stay with family or a trip: staff cancel the evening and
 *   morning visits). Day outings are not registered: nobody tells the care team of a walk.
 * - Outcomes: `confirmed` when the alert answered an incident that was going on (a carer found
 *   something; the matching of evaluator/matching.ts, late alerts included); `expected` during
 *   an expected absence or visit; `false_alarm` otherwise.
 */
import type { IncidentRecord, TruthRecord } from '../simulator/index.js';
import { spansNight } from '../simulator/replay/index.js';
import { toWall } from '../simulator/replay/wall-clock.js';
import { familyOf, MATCHES } from './matching.js';
import { EARLY_TOLERANCE_MS } from './score.js';

export type StaffOutcome = 'confirmed' | 'false_alarm' | 'expected';

export interface StaffContext {
  residentId: string;
  kind: 'away' | 'hospital';
  /** Registered at, ms. */
  start: number;
  until: number;
}

export class StaffModel {
  readonly contexts: readonly StaffContext[];
  private readonly incidents: readonly IncidentRecord[];
  private readonly runEnd: number;

  constructor(truth: readonly TruthRecord[]) {
    const run = truth.find((r) => r.type === 'run');
    this.runEnd = run === undefined ? Number.POSITIVE_INFINITY : Date.parse(run.end);
    const zones = new Map((run?.homes ?? []).map((h) => [h.homeId, h.timeZone]));
    this.incidents = truth.filter((r): r is IncidentRecord => r.type === 'incident');
    const contexts: StaffContext[] = [];
    for (const i of this.incidents) {
      const start = Date.parse(i.start);
      // Not back within the run: registered until the end of it.
      const until = i.end === null ? this.runEnd : Date.parse(i.end);
      const zone = zones.get(i.homeId) ?? 'UTC';
      if (i.kind === 'hospital_stay') contexts.push({ residentId: i.homeId, kind: 'hospital', start, until });
      else if (i.kind === 'away_day' && includesNight(start, until, zone))
        contexts.push({ residentId: i.homeId, kind: 'away', start, until });
    }
    this.contexts = contexts.sort((a, b) => a.start - b.start);
  }

  /** What a carer who went and looked would record for this paging alert. */
  outcome(alert: { residentId: string; kind: string; ruleId: string; detectedAt: number }): StaffOutcome {
    const family = familyOf(alert);
    const at = alert.detectedAt;
    for (const i of this.incidents) {
      if (i.homeId !== alert.residentId || i.expect !== 'page') continue;
      const match = MATCHES[i.kind];
      if (match === undefined || !(match.anyPaging || match.families.includes(family))) continue;
      const start = Date.parse(i.start);
      const over = Math.max(
        i.end === null ? this.runEnd : Date.parse(i.end),
        i.deadline === null ? start : Date.parse(i.deadline),
      );
      if (at >= start - EARLY_TOLERANCE_MS && at <= over) return 'confirmed';
    }
    for (const i of this.incidents) {
      if (i.homeId !== alert.residentId || i.expect !== 'none') continue;
      const end = i.end === null ? this.runEnd : Date.parse(i.end);
      if (at >= Date.parse(i.start) && at <= end) return 'expected';
    }
    return 'false_alarm';
  }
}

/** Whether [start, until) covers a night in the home's zone (simulator/replay/absences.ts). */
function includesNight(start: number, until: number, timeZone: string): boolean {
  return spansNight({ start: toWall(start, timeZone), end: toWall(until, timeZone) });
}
