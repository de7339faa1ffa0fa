/**
 * The learned behaviour rules on hand-built days of one resident (synthetic-home.ts): each
 * fires on the incident it exists for, within the promised time, and stays quiet on normal days.
 */
import { describe, expect, it } from 'vitest';
import { bathroomStay, fallSilence } from '../../../service/model/thresholds.js';
import {
  clock,
  DAY0,
  DayWriter,
  type Incident,
  MIN,
  newEngine,
  ORDINARY,
  PAGING,
  type Person,
  play,
  type Raised,
  rng,
  writeDay,
  writeDays,
} from './synthetic-home.js';

const HOUR = 60 * MIN;

/** Learns `learnDays` normal days, then plays the incident day; returns the paging alerts of that day and the time of the last event. */
function incidentDay(incident: Incident, learnDays: number, person: Person = ORDINARY, seed = 7) {
  const engine = newEngine();
  const day = DAY0 + learnDays;
  const events = [...writeDays(DAY0, learnDays, person, seed), ...writeDay(day, person, seed * 31 + 5, incident)];
  const last = events.reduce((a, e) => Math.max(a, e.eventTime), 0);
  const raised = play(engine, events, last + 8 * HOUR).filter(
    (r) => PAGING.has(r.ruleId) && r.at >= clock.toEpoch(day, 0),
  );
  return { engine, raised, last, day };
}

const first = (raised: Raised[], ruleId: string) => raised.find((r) => r.ruleId === ruleId);

describe('[FALL-3] suspected fall: silence in a risky room far beyond the person’s norm', () => {
  it.each([0, 21])('pages a still fall in the bathroom within 30 min (after %i days of learning)', (days) => {
    const { raised, last } = incidentDay({ kind: 'fall', room: 'bathroom', atMin: 10 * 60 }, days);
    const alert = first(raised, 'FALL-3');
    expect(alert?.severity).toBe('critical');
    expect((alert?.at ?? Number.POSITIVE_INFINITY) - last).toBeLessThanOrEqual(30 * MIN);
    expect(raised[0]?.ruleId).toBe('FALL-3');
  });

  it('pages someone moving now and then in the hall without leaving within 30 min', () => {
    const { raised, last } = incidentDay({ kind: 'fall', room: 'hall', atMin: 11 * 60 }, 21);
    const alert = first(raised, 'FALL-3');
    expect(alert).toBeDefined();
    expect((alert?.at ?? 0) - last).toBeLessThanOrEqual(30 * MIN);
  });

  it('explains itself with the person’s norm for the room and the days behind it', () => {
    const { raised } = incidentDay({ kind: 'fall', room: 'bathroom', atMin: 10 * 60 }, 21);
    expect(first(raised, 'FALL-3')?.reason).toMatch(
      /^Possible fall: no movement in the bathroom for \d+ min \(since 09:\d\d\)\. Usually quiet there for at most \d+ min in the morning, from 22 days; this is /,
    );
  });
});

describe('[INACT-1] prolonged inactivity beyond the person’s norm for the hour', () => {
  it('pages a resident gone still in the living room within 2 h, once', () => {
    const { raised, last } = incidentDay({ kind: 'inactive', atMin: 10 * 60 + 30 }, 21);
    const alerts = raised.filter((r) => r.ruleId === 'INACT-1');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.severity).toBe('high');
    expect((alerts[0]?.at ?? 0) - last).toBeLessThanOrEqual(2 * HOUR);
    expect(alerts[0]?.reason).toContain('from 22 days');
  });

  it('a still fall in the kitchen is paged within 60 min … or by INACT-1 within 90 min (a known limit)', () => {
    const { raised, last } = incidentDay({ kind: 'fall', room: 'kitchen', atMin: 12 * 60 }, 21);
    const alert = raised[0];
    expect(alert).toBeDefined();
    expect((alert?.at ?? 0) - last).toBeLessThanOrEqual(91 * MIN);
  });
});

describe('[BATH-1] long bathroom stay beyond the person’s usual longest', () => {
  const LONG_BATHER: Person = { ...ORDINARY, bath: [30, 45] };
  const QUICK: Person = { ...ORDINARY, bath: [4, 8] };

  it('pages a 90 min stay within 20 min past the usual longest, explaining the usual range', () => {
    const { raised, engine, day } = incidentDay({ kind: 'long_bath', atMin: 0, minutes: 90 }, 21);
    const alert = first(raised, 'BATH-1');
    expect(alert?.severity).toBe('high');
    expect(alert?.reason).toMatch(
      /^In the bathroom for \d+ min; usually \d+–\d+ min (at night|in the evening), from 22 days\./,
    );
    const model = engine.resident('res-1')?.model;
    expect(model).toBeDefined();
    if (model) expect(bathroomStay(model, true).limit).toBeLessThanOrEqual(16 * MIN + 20 * MIN);
    expect(day).toBe(DAY0 + 21);
  });

  it('does not page a long bather at 40 min, but pages a quick one', () => {
    const long = incidentDay({ kind: 'long_bath', atMin: 0, minutes: 40 }, 21, LONG_BATHER);
    expect(first(long.raised, 'BATH-1')).toBeUndefined();
    const quick = incidentDay({ kind: 'long_bath', atMin: 0, minutes: 40 }, 21, QUICK);
    expect(first(quick.raised, 'BATH-1')).toBeDefined();
  });
});

describe('[EXIT-1] night exit without return', () => {
  it('pages a front door at night with no movement indoors after it within 15 min', () => {
    const { raised, last } = incidentDay({ kind: 'night_exit', atMin: 2 * 60 + 30 }, 21);
    const alert = first(raised, 'EXIT-1');
    expect(alert?.severity).toBe('critical');
    expect((alert?.at ?? 0) - last).toBeLessThanOrEqual(15 * MIN);
    expect(alert?.reason).toMatch(/^Front door used at 02:30 at night and no movement indoors since/);
  });

  it('on day one too, from the population priors', () => {
    const { raised, last } = incidentDay({ kind: 'night_exit', atMin: 1 * 60 + 30 }, 1);
    expect((first(raised, 'EXIT-1')?.at ?? 0) - last).toBeLessThanOrEqual(15 * MIN);
  });

  it('does not page when the resident comes back in', () => {
    const engine = newEngine();
    const day = DAY0 + 14;
    const learn = writeDays(DAY0, 14, ORDINARY, 3);
    const w = new DayWriter(rng(5), day);
    w.stay('bedroom', w.at(0), w.at(150), 2400);
    w.motion('hall', w.at(151));
    w.door(w.at(152), true);
    w.door(w.at(152) + 20_000, false);
    w.door(w.at(157), true);
    w.door(w.at(157) + 20_000, false);
    w.motion('hall', w.at(158));
    w.stay('bedroom', w.at(159), w.at(7 * 60), 2400);
    const raised = play(engine, [...learn, ...w.events]).filter((r) => r.ruleId === 'EXIT-1');
    expect(raised).toEqual([]);
  });
});

describe('[MORN-1] missed morning routine', () => {
  it('pages within an hour of the usual getting-up time + 2 sd, citing the usual time', () => {
    const { raised, engine, day } = incidentDay({ kind: 'missed_morning' }, 21);
    const alert = first(raised, 'MORN-1');
    const wake = engine.resident('res-1')?.model.wake;
    expect(alert?.severity).toBe('medium');
    expect(wake?.mean).toBeGreaterThan(6 * 60 + 40);
    expect(wake?.mean).toBeLessThan(7 * 60 + 20);
    const usual = clock.toEpoch(day, wake?.mean ?? 0) + 2 * 20 * MIN;
    expect((alert?.at ?? 0) - usual).toBeLessThanOrEqual(60 * MIN);
    expect(alert?.reason).toMatch(/Usually up at 0\d:\d\d ± \d+ min on weekdays, from 21 days\.$/);
  });
});

describe('normal days', () => {
  it.each([1, 2, 3])('page at most 0.5 times per resident-week after the first two weeks (seed %i)', (seed) => {
    const engine = newEngine();
    const raised = play(engine, writeDays(DAY0, 56, ORDINARY, seed)).filter(
      (r) => PAGING.has(r.ruleId) && r.at >= clock.toEpoch(DAY0 + 14, 0),
    );
    expect(raised.length, raised.map((r) => r.reason).join('\n')).toBeLessThanOrEqual(3);
  });

  it('learn a threshold for the bathroom that is tighter than the population prior for a brisk person', () => {
    const engine = newEngine();
    play(engine, writeDays(DAY0, 21, ORDINARY, 4));
    const model = engine.resident('res-1')?.model;
    expect(model).toBeDefined();
    if (model) expect(fallSilence(model, 'bathroom', 3).limit).toBeLessThan(15 * MIN);
  });
});
