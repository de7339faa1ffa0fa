/**
 * [WANDER-1] Night wandering on hand-built days of one resident (synthetic-home.ts): a long
 * walk from room to room at night is paged within the 40 min the incident catalogue promises,
 * explained against the person's own nights; toilet trips are not.
 */
import { describe, expect, it } from 'vitest';
import { nightWander } from '../../../service/model/thresholds.js';
import { clock, DAY0, MIN, newEngine, ORDINARY, play, writeDay, writeDays } from '../model/synthetic-home.js';

function night(learnDays: number, minutes: number, seed = 3) {
  const engine = newEngine();
  const day = DAY0 + learnDays;
  const events = [
    ...writeDays(DAY0, learnDays, ORDINARY, seed),
    ...writeDay(day, ORDINARY, seed * 31 + 5, { kind: 'wander', atMin: 3 * 60 + 30, minutes }),
  ];
  const raised = play(engine, events, clock.toEpoch(day, 12 * 60)).filter(
    (r) => r.ruleId === 'WANDER-1' && r.at >= clock.toEpoch(day, 0),
  );
  return { engine, raised, start: clock.toEpoch(day, 3 * 60 + 30) };
}

describe('[WANDER-1] night wandering beyond the person’s own nights', () => {
  it('pages a walk through four rooms at 03:30 within 40 min, once, explaining the usual night', () => {
    const { raised, start } = night(21, 90);
    expect(raised).toHaveLength(1);
    const alert = raised[0];
    expect(alert?.severity).toBe('medium');
    expect((alert?.at ?? 0) - start).toBeLessThanOrEqual(40 * MIN);
    expect(alert?.reason).toMatch(
      /^Up at night and moving between rooms since 03:3\d: \d+ min out of the bedroom, \d+ room changes through [45] rooms\. Usually up at night for at most \d+ min at a time, from 22 days\.$/,
    );
  });

  it('does not page a walk shorter than the person’s norm allows', () => {
    expect(night(21, 12).raised).toEqual([]);
  });

  it('learns this person’s toilet trips: the usual longest spell is short, the limit at most 22 min', () => {
    const { engine } = night(21, 12);
    const model = engine.resident('res-1')?.model;
    expect(model?.nightSpells.observed).toBeGreaterThanOrEqual(20);
    if (model) {
      expect(nightWander(model).norm).toBeLessThan(18 * MIN);
      expect(nightWander(model).limit).toBeLessThanOrEqual(22 * MIN);
    }
  });

  it('is not judged before bedtime and getting up are known (the night’s hours are a guess)', () => {
    expect(night(1, 90).raised).toEqual([]);
  });

  it('allows a person whose nights are restless more: their norm × 1.2 past the 22 min ceiling', () => {
    const engine = newEngine();
    play(engine, writeDays(DAY0, 2, ORDINARY, 1));
    const m = engine.resident('res-1')?.model;
    if (m === undefined) throw new Error('no model');
    for (let i = 0; i < 200; i++) m.nightSpells.counts[40] = (m.nightSpells.counts[40] ?? 0) + 1;
    m.nightSpells.total += 200;
    const t = nightWander(m);
    expect(t.norm).toBeGreaterThan(22 * MIN);
    expect(t.limit).toBeCloseTo(t.norm * 1.2, -3);
  });
});
