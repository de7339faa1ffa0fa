import { describe, expect, it } from 'vitest';
import { Engine } from '../../../service/engine.js';
import type { Insight } from '../../../service/model/day/day-profile.js';
import {
  ctx,
  DAY0,
  HOUR,
  newEngine,
  ORDINARY,
  play,
  RESIDENT,
  silentLog,
  writeDay,
  writeDays,
  ZONE,
} from '../model/synthetic-home.js';

const LEARN = 21;

function engineWithInsights(found: Insight[]): Engine {
  return new Engine(
    { batteryLowPct: 15, sensorSilentMs: 3 * HOUR, timeZone: ZONE, onInsight: (i) => found.push(i) },
    ctx,
    silentLog,
  );
}

describe('[DAY-1] unusual day and [TREND-1] decline: insights, never pages', () => {
  it('three ordinary weeks raise no insight; a day spent in bed until 13:00 and then silent does, after midnight', () => {
    const found: Insight[] = [];
    const engine = engineWithInsights(found);
    play(engine, writeDays(DAY0, LEARN, ORDINARY));
    expect(found).toEqual([]);
    const raised = play(engine, writeDay(DAY0 + LEARN, ORDINARY, 77, { kind: 'missed_morning' }), undefined);
    // The day is judged on the first tick after its local midnight.
    play(engine, writeDay(DAY0 + LEARN + 1, ORDINARY, 78));
    const day1 = found.filter((i) => i.ruleId === 'DAY-1');
    expect(day1).toHaveLength(1);
    expect(day1[0]).toMatchObject({ residentId: RESIDENT, kind: 'unusual_day', date: '2026-03-23' });
    expect(day1[0]?.reason).toMatch(/^A very unusual day \(2026-03-23\): /);
    expect(day1[0]?.reason).toMatch(/no time in the living room \(usually \d+ h/);
    expect(day1[0]?.reason).toMatch(/less activity than usual \(\d+ sensor activations vs usually \d+–\d+\)/);
    expect(day1[0]?.reason).toMatch(/not seen getting up \(usually about 0[67]:\d\d\)/);
    expect(day1[0]?.reason).toMatch(/no outing \(usually out about \d+ min a day\)|no outing \(usually out about 1 h/);
    expect(day1[0]?.reason).toMatch(/Compared with \d+ of this person's (weekdays|days)\.$/);
    expect(raised.every((r) => r.ruleId !== 'DAY-1' && r.ruleId !== 'TREND-1')).toBe(true);
    expect(engine.insights(RESIDENT)).toEqual(day1);
  });

  it('keeps insights and day history with the saved model, so a restart neither loses nor relearns them', () => {
    const engine = newEngine();
    play(engine, writeDays(DAY0, LEARN, ORDINARY));
    play(engine, writeDay(DAY0 + LEARN, ORDINARY, 77, { kind: 'missed_morning' }));
    play(engine, writeDay(DAY0 + LEARN + 1, ORDINARY, 78));
    const saved = JSON.parse(JSON.stringify(engine.exportModels(true))) as { residentId: string; state: unknown }[];
    const restarted = newEngine();
    restarted.importModels(saved);
    play(restarted, writeDay(DAY0 + LEARN + 2, ORDINARY, 79));
    expect(restarted.insights(RESIDENT).map((i) => i.ruleId)).toEqual(['DAY-1']);
    expect(restarted.resident(RESIDENT)?.model.dayProfile.history.length).toBeGreaterThanOrEqual(LEARN + 2);
  });

  it('judges nothing while learning (fewer than 14 earlier days)', () => {
    const found: Insight[] = [];
    const engine = engineWithInsights(found);
    play(engine, writeDays(DAY0, 5, ORDINARY));
    play(engine, writeDay(DAY0 + 5, ORDINARY, 77, { kind: 'missed_morning' }));
    play(engine, writeDay(DAY0 + 6, ORDINARY, 78));
    expect(found).toEqual([]);
  });

  it('an away or hospital day is neither judged nor learned from', () => {
    const found: Insight[] = [];
    const engine = engineWithInsights(found);
    play(engine, writeDays(DAY0, LEARN, ORDINARY));
    const day = writeDay(DAY0 + LEARN, ORDINARY, 77, { kind: 'missed_morning' });
    engine.setContext(RESIDENT, { kind: 'hospital', until: (day.at(-1)?.eventTime ?? 0) + HOUR });
    play(engine, day);
    play(engine, writeDay(DAY0 + LEARN + 1, ORDINARY, 78));
    expect(found).toEqual([]);
    expect(engine.resident(RESIDENT)?.model.dayProfile.history.find((d) => d.day === DAY0 + LEARN)?.excluded).toBe(
      true,
    );
  });
});
