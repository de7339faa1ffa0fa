import { describe, expect, it } from 'vitest';
import { DEFAULT_ESCALATION, dueStep, parseEscalationPolicy } from '../../../service/alerts/escalation.js';

const T0 = Date.parse('2026-11-20T03:00:00Z');
const open = { raisedAs: 'critical', severity: 'critical', audience: 'team', level: 0, detectedAt: T0 } as const;

describe('the escalation policy', () => {
  it('takes no step before the first one is due', () => {
    expect(dueStep(DEFAULT_ESCALATION, open, T0 + 119_000)).toBeUndefined();
  });

  it('re-notifies a critical alert at 2 min and widens it to everyone at 5 min', () => {
    expect(dueStep(DEFAULT_ESCALATION, open, T0 + 120_000)).toEqual({
      level: 1,
      severity: 'critical',
      audience: 'team',
    });
    expect(dueStep(DEFAULT_ESCALATION, { ...open, level: 1 }, T0 + 300_000)).toEqual({
      level: 2,
      severity: 'critical',
      audience: 'everyone',
    });
  });

  it('raises a high alert to critical after 10 min', () => {
    const high = { ...open, raisedAs: 'high', severity: 'high', level: 1 } as const;
    expect(dueStep(DEFAULT_ESCALATION, high, T0 + 600_000)?.severity).toBe('critical');
  });

  it('follows the ladder of the severity it was raised with, not the one it was raised to', () => {
    // A high alert raised to critical at level 2: its next step is high's third (widen at 15 min).
    const raised = { ...open, raisedAs: 'high', severity: 'critical', level: 2 } as const;
    expect(dueStep(DEFAULT_ESCALATION, raised, T0 + 899_000)).toBeUndefined();
    expect(dueStep(DEFAULT_ESCALATION, raised, T0 + 900_000)).toEqual({
      level: 3,
      severity: 'critical',
      audience: 'everyone',
    });
  });

  it('stops when the ladder ends', () => {
    expect(dueStep(DEFAULT_ESCALATION, { ...open, level: 3 }, T0 + 86_400_000)).toBeUndefined();
  });

  it('is configured with JSON that replaces the ladder of the severities it names', () => {
    const policy = parseEscalationPolicy('{"technical":[{"afterS":60,"actions":["widen"]}]}');
    expect(policy.technical).toEqual([{ afterS: 60, actions: ['widen'] }]);
    expect(policy.critical).toEqual(DEFAULT_ESCALATION.critical);
    expect(parseEscalationPolicy(undefined)).toBe(DEFAULT_ESCALATION);
  });

  it('refuses a policy with unknown actions or steps out of time order', () => {
    expect(() => parseEscalationPolicy('{"high":[{"afterS":60,"actions":["email"]}]}')).toThrow();
    expect(() =>
      parseEscalationPolicy('{"high":[{"afterS":600,"actions":["raise"]},{"afterS":60,"actions":["renotify"]}]}'),
    ).toThrow(/increasing afterS/);
    expect(() => parseEscalationPolicy('{not json')).toThrow();
  });
});
