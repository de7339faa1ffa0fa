/**
 * The escalation policy: what happens to an alert nobody acknowledges. Per severity the alert
 * was raised with, a ladder of steps timed from detection; each step re-notifies (the stream
 * sends an `escalated` change, which dashboards sound again), raises the severity one tier,
 * and/or widens the audience from the resident's team to every carer on duty.
 * Documented in docs/alert-lifecycle.md; configurable with ESCALATION_POLICY (JSON).
 */
import { z } from 'zod';
import { type AlertAudience, Severity } from '../contract.js';

export const EscalationAction = z.enum(['renotify', 'raise', 'widen']);
export type EscalationAction = z.infer<typeof EscalationAction>;

export const EscalationStep = z.object({
  /** Seconds after detection, unacknowledged. */
  afterS: z.number().positive(),
  actions: z.array(EscalationAction).min(1),
});
export type EscalationStep = z.infer<typeof EscalationStep>;

/** A ladder per severity; steps must come in time order. */
const Ladder = z
  .array(EscalationStep)
  .max(20)
  .refine((steps) => steps.every((s, i) => i === 0 || (steps[i - 1]?.afterS ?? 0) < s.afterS), {
    message: 'steps must be in increasing afterS order',
  });
export const EscalationPolicy = z.partialRecord(Severity, Ladder);
export type EscalationPolicy = Record<Severity, EscalationStep[]>;

/** The defaults: a fall or help call is re-sounded at 2 min and goes to everyone at 5 min. */
export const DEFAULT_ESCALATION: EscalationPolicy = {
  critical: [
    { afterS: 120, actions: ['renotify'] },
    { afterS: 300, actions: ['renotify', 'widen'] },
    { afterS: 600, actions: ['renotify'] },
  ],
  high: [
    { afterS: 300, actions: ['renotify'] },
    { afterS: 600, actions: ['raise'] },
    { afterS: 900, actions: ['widen'] },
  ],
  medium: [
    { afterS: 1800, actions: ['renotify'] },
    { afterS: 3600, actions: ['raise'] },
  ],
  technical: [{ afterS: 3600, actions: ['renotify'] }],
};

/** Parses ESCALATION_POLICY: the ladders given replace the defaults for those severities. */
export function parseEscalationPolicy(json: string | undefined): EscalationPolicy {
  if (json === undefined || json.trim() === '') return DEFAULT_ESCALATION;
  const given = EscalationPolicy.parse(JSON.parse(json));
  return { ...DEFAULT_ESCALATION, ...given };
}

const HIGHER: Record<Severity, Severity> = {
  medium: 'high',
  high: 'critical',
  critical: 'critical',
  technical: 'technical',
};

export interface DueStep {
  level: number;
  severity: Severity;
  audience: AlertAudience;
}

/**
 * The next step due for an unacknowledged alert at `now`, or undefined. `level` is how many
 * steps it has taken; times count from detection.
 */
export function dueStep(
  policy: EscalationPolicy,
  alert: { raisedAs: Severity; severity: Severity; audience: AlertAudience; level: number; detectedAt: number },
  now: number,
): DueStep | undefined {
  const step = policy[alert.raisedAs][alert.level];
  if (step === undefined || alert.detectedAt + step.afterS * 1000 > now) return undefined;
  return {
    level: alert.level + 1,
    severity: step.actions.includes('raise') ? HIGHER[alert.severity] : alert.severity,
    audience: step.actions.includes('widen') ? 'everyone' : alert.audience,
  };
}
