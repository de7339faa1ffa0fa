/** Scoring the day-level insights: DAY-1 against incident days and incident-free days, TREND-1 against declines. */
import { describe, expect, it } from 'vitest';
import { combineInsights, formatInsights, LEARN_DAYS, scoreInsights } from '../../evaluator/insight-score.js';
import type { Insight } from '../../service/model/day/day-profile.js';
import type { IncidentRecord, TruthRecord } from '../../simulator/index.js';

const DAY = 86_400_000;
const START = Date.parse('2025-03-03T00:00:00+01:00');
const iso = (ms: number) => new Date(ms).toISOString();

const RUN: TruthRecord = {
  type: 'run',
  source: 'test',
  seed: 1,
  start: iso(START),
  end: iso(START + 60 * DAY),
  format: 'z2m',
  homes: [
    { homeId: 'h1', resident: 'Astrid', profile: 'frail_seated', timeZone: 'Europe/Stockholm' },
    { homeId: 'h2', resident: 'Bertil', profile: 'early_riser', timeZone: 'Europe/Stockholm' },
  ],
};

function incident(kind: IncidentRecord['kind'], homeId: string, day: number, hour = 10): IncidentRecord {
  return {
    type: 'incident',
    id: `${homeId}-${kind}-${day}`,
    kind,
    expect: kind === 'decline' ? 'insight' : 'page',
    homeId,
    resident: homeId,
    start: iso(START + day * DAY + hour * 3_600_000),
    end: null,
    deadline: null,
    device: null,
    note: '',
  };
}

const dateOf = (day: number) => new Date(START + day * DAY + 12 * 3_600_000).toISOString().slice(0, 10);

function insight(ruleId: Insight['ruleId'], residentId: string, day: number): Insight {
  return {
    ruleId,
    kind: ruleId === 'DAY-1' ? 'unusual_day' : 'decline',
    residentId,
    at: START + (day + 1) * DAY + 60_000,
    date: dateOf(day),
    measure: ruleId === 'TREND-1' ? 'activity,wake' : undefined,
    score: 4,
    reason: '',
  };
}

describe('scoreInsights: DAY-1 and TREND-1 against the ground truth', () => {
  const truth: TruthRecord[] = [
    RUN,
    incident('missed_meal', 'h1', 20),
    incident('missed_meal', 'h1', 30),
    incident('missed_meal', 'h1', 5), // while learning: not counted
    incident('decline', 'h1', 10, 0),
    {
      type: 'incident_free_days',
      homeId: 'h2',
      resident: 'h2',
      days: [dateOf(3), dateOf(20), dateOf(21), dateOf(22), dateOf(23), dateOf(24), dateOf(25), dateOf(26)],
    },
  ];
  const insights = [
    insight('DAY-1', 'h1', 20),
    insight('DAY-1', 'h2', 3), // learning time: not counted
    insight('DAY-1', 'h2', 22),
    insight('TREND-1', 'h1', 5), // before the decline began: a false insight
    insight('TREND-1', 'h1', 38),
    insight('TREND-1', 'h2', 40),
  ];
  const s = scoreInsights(truth, insights);

  it('counts an incident day as flagged when a DAY-1 insight names that local date, from day LEARN_DAYS on', () => {
    expect(LEARN_DAYS).toBe(15);
    expect(s.unusualDay).toEqual([{ kind: 'missed_meal', n: 2, flagged: 1 }]);
    expect(s.freeDays).toBe(7);
    expect(s.freeDaysFlagged).toBe(1);
    expect(s.flaggedPerResidentWeek).toBeCloseTo(1);
  });

  it('counts a decline as detected by the first TREND-1 after it began; others are false insights', () => {
    expect(s.decline.n).toBe(1);
    expect(s.decline.detected).toBe(1);
    expect(s.decline.medianDays).toBeCloseTo(29, 0);
    expect(s.decline.falseInsights).toBe(2);
    // h1 until its decline (10 days) and h2 for the whole run (60 days).
    expect(s.decline.residentWeeks).toBeCloseTo(70 / 7, 1);
    expect(s.decline.byMeasure).toEqual({ 'activity,wake': 3 });
  });

  it('prints rows per incident kind and the false rates', () => {
    const text = formatInsights('vaka', s).join('\n');
    expect(text).toContain('| DAY-1 | missed_meal | 2 | 1/2 = 50% | – | – |');
    expect(text).toContain('| TREND-1 | decline | 1 | 1/1 = 100% | 29.0 d | 29.0 d |');
    expect(text).toContain('DAY-1 on incident-free days: 1/7 = 14% of days, 1.00 per resident-week.');
  });

  it('combines runs as the alerts are: incident rows from runs with incidents, false rates from untouched runs', () => {
    const combined = combineInsights([
      { score: s, incidents: true, falseAlerts: false },
      { score: s, incidents: false, falseAlerts: true },
    ]);
    expect(combined.unusualDay).toEqual([{ kind: 'missed_meal', n: 2, flagged: 1 }]);
    expect(combined.freeDays).toBe(7);
    expect(combined.decline).toMatchObject({ n: 1, detected: 1, medianDays: s.decline.medianDays, falseInsights: 2 });
  });
});
