/**
 * The shape of a behaviour rule: given one resident's state and the time, it either asks for
 * an alert or says when it next has something to check. Rules never touch I/O and are O(bins).
 */

import type { AlertExplanation } from '../contract.js';
import type { ResidentState } from '../model/resident-state.js';
import type { AlertCandidate } from '../store/alerts-store.js';

export interface RuleResult {
  alert?: AlertCandidate;
  /** When this rule could next fire; Infinity when nothing is pending. */
  due: number;
}

export interface BehaviourRule {
  readonly id: string;
  /** Context kinds under which it still pages (otherwise away/hospital suppress it). */
  check(s: ResidentState, now: number): RuleResult;
}

export const NOTHING: RuleResult = { due: Number.POSITIVE_INFINITY };

/** At least this many activity events before silence-type rules judge a resident (a home without motion sensors never pages for silence). */
export const MIN_EVENTS = 50;

/** "the bathroom" or "the bathroom (Badrum)". */
export function roomText(name: string | null, fallback: string): string {
  return name ? `the ${name.toLowerCase()}` : fallback;
}

/** Each learned rule's alert kind (also its fold key: one open alert per resident and kind) and severity. */
const LEARNED = {
  'FALL-3': { kind: 'suspected_fall', severity: 'critical' },
  'EXIT-1': { kind: 'night_exit', severity: 'critical' },
  'INACT-1': { kind: 'inactivity', severity: 'high' },
  'BATH-1': { kind: 'long_bathroom_stay', severity: 'high' },
  'MORN-1': { kind: 'missed_morning', severity: 'medium' },
  'WANDER-1': { kind: 'night_wandering', severity: 'medium' },
  'MEAL-1': { kind: 'missed_meal', severity: 'medium' },
} as const satisfies Record<string, Pick<AlertCandidate, 'kind' | 'severity'>>;

export type LearnedRuleId = keyof typeof LEARNED;

/** The alert a learned rule raises for this resident now; the room defaults to where they were last. */
export function learnedAlert(
  s: ResidentState,
  ruleId: LearnedRuleId,
  now: number,
  reason: string,
  explanation: AlertExplanation,
  roomId: string | null = s.lastRoomId,
): AlertCandidate {
  const { kind, severity } = LEARNED[ruleId];
  return {
    residentId: s.residentId,
    roomId,
    deviceId: null,
    kind,
    ruleId,
    severity,
    reason,
    explanation,
    foldKey: kind,
    at: now,
  };
}
