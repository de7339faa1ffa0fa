/**
 * Staff in the loop (evaluator/staff.ts): the absences they register and the outcome they give
 * each alert they resolve, reaching the engine through its own calls.
 */
import { describe, expect, it } from 'vitest';
import { BaselineEngine } from '../../evaluator/baseline/engine.js';
import type { EngineSpec, ReplayEngine } from '../../evaluator/engine-surface.js';
import { withStaff } from '../../evaluator/engine-surface.js';
import { replayEngine } from '../../evaluator/replay-engine.js';
import { StaffModel } from '../../evaluator/staff.js';
import { vakaEngine } from '../../evaluator/vaka-engine.js';
import type { IncidentRecord, TruthRecord } from '../../simulator/index.js';
import { createCohort, type ScenarioInput } from '../../simulator/index.js';

const at = (local: string) => Date.parse(`2025-03-${local}+01:00`);
const iso = (ms: number) => new Date(ms).toISOString();

const RUN: TruthRecord = {
  type: 'run',
  source: 'test',
  seed: 1,
  start: iso(at('03T00:00:00')),
  end: iso(at('10T00:00:00')),
  format: 'vaka',
  homes: [{ homeId: 'h1', resident: 'A', profile: 'p', timeZone: 'Europe/Stockholm' }],
};

function incident(over: Partial<IncidentRecord> & Pick<IncidentRecord, 'kind' | 'expect' | 'start'>): IncidentRecord {
  return {
    type: 'incident',
    id: `h1-${over.kind}`,
    homeId: 'h1',
    resident: 'A',
    end: null,
    deadline: null,
    device: null,
    note: '',
    ...over,
  };
}

/** An expected absence from `from` to `to` (local times). */
const absence = (kind: 'hospital_stay' | 'away_day', from: string, to: string) =>
  incident({ kind, expect: 'none', start: iso(at(from)), end: iso(at(to)) });
const hospital = absence('hospital_stay', '05T14:00:00', '07T11:00:00');
const dayOut = absence('away_day', '04T09:00:00', '04T18:00:00');
const nightAway = absence('away_day', '08T17:00:00', '09T12:00:00');
const fall = incident({
  kind: 'fall_no_recovery',
  expect: 'page',
  start: iso(at('03T10:00:00')),
  end: iso(at('03T16:00:00')),
  deadline: iso(at('03T11:00:00')),
});

describe('staff in the loop', () => {
  const staff = new StaffModel([RUN, hospital, dayOut, nightAway, fall]);

  it('register hospital stays and nights away, not a day out', () => {
    expect(staff.contexts).toEqual([
      { residentId: 'h1', kind: 'hospital', start: at('05T14:00:00'), until: at('07T11:00:00') },
      { residentId: 'h1', kind: 'away', start: at('08T17:00:00'), until: at('09T12:00:00') },
    ]);
  });

  it('confirm an alert that answered an incident going on, late ones included', () => {
    const alert = (kind: string, ruleId: string, detectedAt: number) => ({
      residentId: 'h1',
      kind,
      ruleId,
      detectedAt,
    });
    expect(staff.outcome(alert('suspected_fall', 'FALL-3', at('03T10:20:00')))).toBe('confirmed');
    // Any page sends a carer who finds the resident on the floor, after the deadline too.
    expect(staff.outcome(alert('missed_meal', 'MEAL-1', at('03T13:00:00')))).toBe('confirmed');
    expect(staff.outcome(alert('inactivity', 'INACT-1', at('06T10:00:00')))).toBe('expected');
    expect(staff.outcome(alert('inactivity', 'INACT-1', at('04T12:00:00')))).toBe('expected');
    expect(staff.outcome(alert('missed_morning', 'MORN-1', at('08T09:00:00')))).toBe('false_alarm');
  });
});

const SMALL: ScenarioInput = {
  seed: 5,
  start: '2025-03-03',
  days: 4,
  residents: [{ profile: 'frail_seated', layout: 'flat' }],
  incidents: { list: [{ kind: 'hospital_stay', resident: 1, day: 2, at: '11:00', days: 1 }] },
};

describe('a replay with staff in the loop', () => {
  it('tells the engine of each absence when it begins, and of each outcome as staff resolve a page', () => {
    const calls: string[] = [];
    const base = vakaEngine();
    const spy: EngineSpec = {
      name: 'spy',
      build(env) {
        const engine = base.build(env);
        const wrapped: ReplayEngine = {
          added: (d, t) => engine.added(d, t),
          onEvent: (e) => engine.onEvent(e),
          tick: (t) => engine.tick(t),
          setContext: (r, c) => calls.push(`context ${r} ${c?.kind} until ${c && iso(c.until)}`),
          feedback: (r, rule, outcome) => calls.push(`feedback ${r} ${rule} ${outcome}`),
        };
        return wrapped;
      },
    };
    const cohort = createCohort(SMALL);
    const truth = cohort.truth();
    const stay = truth.find((r) => r.type === 'incident' && r.kind === 'hospital_stay');
    if (stay?.type !== 'incident') throw new Error('no hospital stay');
    const result = replayEngine(cohort, truth, { engine: withStaff(spy) });
    expect(calls.filter((c) => c.startsWith('context'))).toEqual([
      `context sim1 hospital until ${iso(Date.parse(stay.end ?? ''))}`,
    ]);
    const pages = result.alerts.filter((a) => a.resolution === 'staff');
    expect(calls.filter((c) => c.startsWith('feedback'))).toHaveLength(pages.length);
    expect(result.stats.staff?.contexts).toBe(1);
    // Without staff nothing reaches the engine.
    calls.length = 0;
    const plain = replayEngine(createCohort(SMALL), truth, { engine: spy });
    expect(calls).toEqual([]);
    expect(plain.stats.staff).toBeUndefined();
  });
});

describe('the baseline’s Away key', () => {
  /** The rules raised from 08:00 to 23:00 after one kettle at 08:00 (battery 5 %), with the key pressed until `until`. */
  function dayWithKey(until: number): string[] {
    const engine = new BaselineEngine([
      {
        residentId: 'r1',
        name: 'A',
        timeZone: 'Europe/Stockholm',
        rooms: [{ roomId: 'kit', name: 'Kitchen', kind: 'kitchen' }],
        devices: [{ deviceId: 'kettle', roomId: 'kit', kind: 'power_plug', role: undefined }],
      },
    ]);
    engine.setContext('r1', { kind: 'hospital', until });
    const kettle = {
      deviceId: 'kettle',
      residentId: 'r1',
      roomId: 'kit',
      sensorKind: 'power_plug' as const,
      type: 'power' as const,
      value: 2000,
      eventTime: at('04T08:00:00'),
      receivedAt: at('04T08:00:00'),
      battery: 5,
    };
    const raised: string[] = [];
    for (const a of engine.onEvent(kettle)) if (a.kind === 'raise') raised.push(a.alert.ruleId);
    for (let t = at('04T08:00:00'); t <= at('04T23:00:00'); t += 60_000)
      for (const a of engine.tick(t)) if (a.kind === 'raise') raised.push(a.alert.ruleId);
    return raised;
  }

  it('holds back the at-home rules while pressed, not the device rules', () => {
    const held = dayWithKey(at('05T08:00:00'));
    expect(held).not.toContain('BASE-INACT');
    expect(held).toContain('BASE-BATT');
    // Released at noon: the 12 h inactivity timer pages at 20:00 as usual.
    expect(dayWithKey(at('04T12:00:00'))).toContain('BASE-INACT');
  });
});
