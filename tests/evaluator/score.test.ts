/** Scoring: alerts matched to hand-made incidents, false alerts on incident-free days and during expected absences. */
import { describe, expect, it } from 'vitest';
import type { AlertRecord } from '../../evaluator/alert-book.js';
import { familyOf } from '../../evaluator/matching.js';
import { combineScores, EARLY_TOLERANCE_MS, percentile, scoreAlerts } from '../../evaluator/score.js';
import type { IncidentRecord, TruthRecord } from '../../simulator/index.js';

const MIN = 60_000;
const at = (local: string) => Date.parse(`${local}+01:00`);
const iso = (ms: number) => new Date(ms).toISOString();

const RUN: TruthRecord = {
  type: 'run',
  source: 'test',
  seed: 1,
  start: '2025-03-03T00:00:00+01:00',
  end: '2025-03-10T00:00:00+01:00',
  format: 'z2m',
  homes: [
    { homeId: 'h1', resident: 'Astrid', profile: 'frail_seated', timeZone: 'Europe/Stockholm' },
    { homeId: 'h2', resident: 'Bertil', profile: 'early_riser', timeZone: 'Europe/Stockholm' },
  ],
};

function incident(over: Partial<IncidentRecord> & Pick<IncidentRecord, 'kind' | 'start'>): IncidentRecord {
  return {
    type: 'incident',
    id: `${over.homeId ?? 'h1'}-${over.kind}-${over.start}`,
    expect: 'page',
    homeId: 'h1',
    resident: 'Astrid',
    end: null,
    deadline: null,
    device: null,
    note: '',
    ...over,
  };
}

let n = 0;
function alert(over: Partial<AlertRecord> & Pick<AlertRecord, 'kind' | 'ruleId' | 'detectedAt'>): AlertRecord {
  n++;
  return {
    id: `t-${n}`,
    residentId: 'h1',
    roomId: null,
    deviceId: null,
    severity: 'critical',
    reason: '',
    foldKey: over.kind,
    repeats: [],
    resolvedAt: null,
    resolution: null,
    ...over,
  };
}

const fall = incident({
  kind: 'fall_no_recovery',
  start: iso(at('2025-03-05T10:00:00')),
  deadline: iso(at('2025-03-05T10:30:00')),
});
const free = (homeId: string, days: string[]): TruthRecord => ({
  type: 'incident_free_days',
  homeId,
  resident: homeId,
  days,
});

describe('scoring an incident that should page', () => {
  it('counts it detected when a matching alert for the resident comes within the deadline, and times it from the start', () => {
    const score = scoreAlerts(
      [RUN, fall],
      [alert({ kind: 'inactivity', ruleId: 'INACT-1', detectedAt: at('2025-03-05T10:12:00'), severity: 'high' })],
    );
    const kind = score.kinds.find((k) => k.kind === 'fall_no_recovery');
    expect(kind).toMatchObject({
      n: 1,
      detected: 1,
      recall: 1,
      specificDetected: 1,
      medianMs: 12 * MIN,
      p95Ms: 12 * MIN,
    });
  });

  it('does not count an alert after the deadline, and reports it as late', () => {
    const score = scoreAlerts(
      [RUN, fall],
      [alert({ kind: 'fall', ruleId: 'FALL-2', detectedAt: at('2025-03-05T10:31:00') })],
    );
    expect(score.kinds[0]).toMatchObject({ detected: 0, recall: 0, late: 1, medianMs: null });
    expect(score.outcomes[0]?.lateByMs).toBe(31 * MIN);
  });

  it("does not count another resident's alert", () => {
    const score = scoreAlerts(
      [RUN, fall],
      [alert({ kind: 'fall', ruleId: 'FALL-1', residentId: 'h2', detectedAt: at('2025-03-05T10:05:00') })],
    );
    expect(score.kinds[0]).toMatchObject({ detected: 0, late: 0 });
  });

  it('counts an alert a little before the start (a device clock), but not one from before that', () => {
    const justBefore = scoreAlerts(
      [RUN, fall],
      [alert({ kind: 'fall', ruleId: 'FALL-1', detectedAt: at('2025-03-05T10:00:00') - EARLY_TOLERANCE_MS })],
    );
    expect(justBefore.kinds[0]).toMatchObject({ detected: 1, medianMs: 0 });
    const earlier = scoreAlerts(
      [RUN, fall],
      [alert({ kind: 'fall', ruleId: 'FALL-1', detectedAt: at('2025-03-05T09:58:00') })],
    );
    expect(earlier.kinds[0]?.detected).toBe(0);
  });

  it('counts any paging alert for a fall, but reports whether a kind-specific one came', () => {
    const score = scoreAlerts(
      [RUN, fall],
      [alert({ kind: 'bathroom', ruleId: 'BASE-BATH', severity: 'high', detectedAt: at('2025-03-05T10:20:00') })],
    );
    expect(score.kinds[0]).toMatchObject({ detected: 1, specificDetected: 0 });
  });

  it('counts a repeat folded into an open alert as the moment staff heard of it', () => {
    const score = scoreAlerts(
      [RUN, fall],
      [
        alert({
          kind: 'fall',
          ruleId: 'FALL-1',
          detectedAt: at('2025-03-05T09:00:00'),
          repeats: [at('2025-03-05T10:03:00')],
        }),
      ],
    );
    expect(score.kinds[0]).toMatchObject({ detected: 1, medianMs: 3 * MIN });
  });

  it('needs a kind-specific alert for a missed morning: an unrelated paging alert does not count', () => {
    const morning = incident({
      kind: 'missed_morning_routine',
      start: iso(at('2025-03-05T08:00:00')),
      deadline: iso(at('2025-03-05T09:30:00')),
    });
    const unrelated = alert({
      kind: 'bathroom',
      ruleId: 'BATH-1',
      severity: 'high',
      detectedAt: at('2025-03-05T08:30:00'),
    });
    expect(scoreAlerts([RUN, morning], [unrelated]).kinds[0]?.detected).toBe(0);
    const specific = alert({
      kind: 'morning',
      ruleId: 'MORN-1',
      severity: 'medium',
      detectedAt: at('2025-03-05T09:00:00'),
    });
    expect(scoreAlerts([RUN, morning], [specific]).kinds[0]).toMatchObject({ detected: 1, medianMs: 60 * MIN });
  });
});

describe('scoring a technical incident', () => {
  it("counts only the same device's alert", () => {
    const silent = incident({
      kind: 'sensor_silent',
      expect: 'technical',
      start: iso(at('2025-03-05T00:00:00')),
      deadline: iso(at('2025-03-05T06:00:00')),
      device: 'h1/hall/motion',
    });
    const other = alert({
      kind: 'sensor_silent',
      ruleId: 'SILENT-1',
      severity: 'technical',
      deviceId: 'h1/bathroom/door',
      detectedAt: at('2025-03-05T03:00:00'),
    });
    const same = alert({
      kind: 'sensor_silent',
      ruleId: 'SILENT-1',
      severity: 'technical',
      deviceId: 'h1/hall/motion',
      detectedAt: at('2025-03-05T03:10:00'),
    });
    expect(scoreAlerts([RUN, silent], [other]).kinds[0]?.detected).toBe(0);
    expect(scoreAlerts([RUN, silent], [other, same]).kinds[0]).toMatchObject({ detected: 1, medianMs: 190 * MIN });
  });
});

describe('false alerts', () => {
  it('counts paging alerts on incident-free local days per resident-week, technical ones apart', () => {
    const truth = [
      RUN,
      free('h1', ['2025-03-03', '2025-03-04', '2025-03-05', '2025-03-06', '2025-03-07', '2025-03-08', '2025-03-09']),
    ];
    const score = scoreAlerts(truth, [
      alert({ kind: 'inactivity', ruleId: 'INACT-1', severity: 'high', detectedAt: at('2025-03-04T13:00:00') }),
      // 23:30 UTC on the 8th is 00:30 on the 9th in Stockholm: still an incident-free day.
      alert({ kind: 'morning', ruleId: 'MORN-1', severity: 'medium', detectedAt: Date.parse('2025-03-08T23:30:00Z') }),
      alert({
        kind: 'sensor_silent',
        ruleId: 'SILENT-1',
        severity: 'technical',
        detectedAt: at('2025-03-05T13:00:00'),
      }),
    ]);
    expect(score.falseAlerts).toMatchObject({
      residentDays: 7,
      paging: 2,
      pagingPerResidentWeek: 2,
      pagingByRule: { 'INACT-1': 1, 'MORN-1': 1 },
      technical: 1,
      technicalPerResidentWeek: 1,
    });
    expect(score.falseAlerts.pagingAlerts.map((p) => [p.ruleId, p.at])).toEqual([
      ['INACT-1', new Date(at('2025-03-04T13:00:00')).toISOString()],
      ['MORN-1', '2025-03-08T23:30:00.000Z'],
    ]);
  });

  it('does not count an alert on a day that is not incident-free', () => {
    const score = scoreAlerts(
      [RUN, free('h1', ['2025-03-03'])],
      [alert({ kind: 'inactivity', ruleId: 'INACT-1', severity: 'high', detectedAt: at('2025-03-04T13:00:00') })],
    );
    expect(score.falseAlerts.paging).toBe(0);
  });

  it('counts paging alerts during an expected absence as false: they must not page', () => {
    const away = incident({
      kind: 'hospital_stay',
      expect: 'none',
      start: iso(at('2025-03-05T12:00:00')),
      end: iso(at('2025-03-08T12:00:00')),
    });
    const score = scoreAlerts(
      [RUN, away, free('h1', [])],
      [
        alert({ kind: 'inactivity', ruleId: 'BASE-INACT', severity: 'high', detectedAt: at('2025-03-06T00:00:00') }),
        alert({ kind: 'morning', ruleId: 'BASE-MORN', severity: 'medium', detectedAt: at('2025-03-06T10:00:00') }),
        alert({
          kind: 'battery_low',
          ruleId: 'BASE-BATT',
          severity: 'technical',
          detectedAt: at('2025-03-06T10:00:00'),
        }),
        alert({ kind: 'morning', ruleId: 'BASE-MORN', severity: 'medium', detectedAt: at('2025-03-09T10:00:00') }),
      ],
    );
    expect(score.falseAlerts).toMatchObject({
      absences: 1,
      absenceAlerts: 2,
      absenceByRule: { 'BASE-INACT': 1, 'BASE-MORN': 1 },
    });
    // Expected absences are not incidents to detect.
    expect(score.kinds).toEqual([]);
  });

  it('adds up across runs, taking incidents and incident-free days only from the runs meant for them', () => {
    const a = scoreAlerts([RUN, fall, free('h1', ['2025-03-03'])], []);
    const b = scoreAlerts(
      [RUN, free('h1', ['2025-03-03', '2025-03-04'])],
      [alert({ kind: 'inactivity', ruleId: 'X', severity: 'high', detectedAt: at('2025-03-03T12:00:00') })],
    );
    const combined = combineScores([
      { score: a, incidents: true, falseAlerts: false },
      { score: b, incidents: false, falseAlerts: true },
    ]);
    expect(combined.kinds[0]).toMatchObject({ kind: 'fall_no_recovery', n: 1 });
    expect(combined.falseAlerts).toMatchObject({ residentDays: 2, paging: 1 });
    expect(combined.falseAlerts.pagingAlerts.map((p) => p.ruleId)).toEqual(['X']);
  });
});

describe('helpers', () => {
  it('takes the nearest-rank percentile', () => {
    expect(percentile([], 0.5)).toBeNull();
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20], 0.95)).toBe(19);
  });

  it('reads an alert family by its kind, or by its rule id when the kind is new', () => {
    expect(familyOf({ kind: 'fall', ruleId: 'FALL-1' })).toBe('fall');
    expect(familyOf({ kind: 'something_new', ruleId: 'INACT-2' })).toBe('inactivity');
    expect(familyOf({ kind: 'night_exit', ruleId: 'BASE-EXIT' })).toBe('night_exit');
    expect(familyOf({ kind: 'x', ruleId: 'Y-1' })).toBe('other');
  });
});
