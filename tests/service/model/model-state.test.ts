/**
 * The learned state survives a restart (JSON round trip, and PostgreSQL/PGlite through
 * ModelStore), staff outcomes tune a resident's thresholds, and context suppresses or annotates.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ResidentModel } from '../../../service/model/resident-model.js';
import { fallSilence, inactivity, nightWander } from '../../../service/model/thresholds.js';
import { ModelStore } from '../../../service/store/model-store.js';
import { dbKinds, openTestDb, type TestDb } from '../../helpers/test-db.js';
import {
  clock,
  DAY0,
  MIN,
  newEngine,
  ORDINARY,
  PAGING,
  play,
  RESIDENT,
  writeDay,
  writeDays,
} from './synthetic-home.js';

const HOUR = 60 * MIN;

describe('model persistence', () => {
  it('round-trips a learned model through JSON without relearning', () => {
    const engine = newEngine();
    play(engine, writeDays(DAY0, 21, ORDINARY, 2));
    const [saved] = engine.exportModels(true);
    expect(saved?.residentId).toBe(RESIDENT);
    const json = JSON.parse(JSON.stringify(saved?.state));
    expect(JSON.stringify(json).length).toBeLessThan(40_000);

    const restarted = newEngine();
    restarted.importModels([{ residentId: RESIDENT, state: json }]);
    const day = DAY0 + 21;
    const incident = writeDay(day, ORDINARY, 77, { kind: 'fall', room: 'bathroom', atMin: 10 * 60 });
    const last = incident.reduce((a, e) => Math.max(a, e.eventTime), 0);
    const raised = play(restarted, incident, last + 2 * HOUR).filter((r) => PAGING.has(r.ruleId));
    expect(raised[0]?.ruleId).toBe('FALL-3');
    expect(raised[0]?.reason).toContain('from 22 days');
    const model = restarted.resident(RESIDENT)?.model;
    const original = engine.resident(RESIDENT)?.model;
    if (model && original) {
      expect(fallSilence(model, 'bathroom', 3).limit).toBeCloseTo(fallSilence(original, 'bathroom', 3).limit, -3);
    }
  });

  it('[INACT-1] [SILENT-1] keeps each day’s longest quiet and which devices report by themselves; an older state relearns them', () => {
    const engine = newEngine();
    play(engine, writeDays(DAY0, 10, ORDINARY, 2));
    const original = engine.resident(RESIDENT)?.model;
    original?.periodic.add('m-kitchen');
    const json = JSON.parse(JSON.stringify(original?.toJSON()));
    const model = ResidentModel.fromJSON(json);
    if (original) {
      expect(model.quietDays.observedDays(3 * 8 + 5)).toBe(original.quietDays.observedDays(3 * 8 + 5));
      expect(model.quietDays.observedDays(3 * 8 + 5)).toBeGreaterThanOrEqual(5);
      // Counts are saved to 0.01: the norm comes back within 5 %.
      expect(inactivity(model, 'kitchen', 5).norm / inactivity(original, 'kitchen', 5).norm).toBeCloseTo(1, 1);
    }
    expect([...model.periodic]).toEqual(['m-kitchen']);
    const { quietDays: _q, periodic: _p, ...older } = json;
    const relearning = ResidentModel.fromJSON(older);
    expect(relearning.quietDays.observedDays(3 * 8 + 5)).toBe(0);
    expect(relearning.periodic.size).toBe(0);
  });

  it('[WANDER-1] [MEAL-1] [MORN-1] keeps night spells, meal habits and weekday/weekend mornings; a state saved before them keeps the priors', () => {
    const engine = newEngine();
    play(engine, writeDays(DAY0, 21, ORDINARY, 2));
    const original = engine.resident(RESIDENT)?.model;
    const json = JSON.parse(JSON.stringify(original?.toJSON()));
    const model = ResidentModel.fromJSON(json);
    expect(model.nightSpells.observed).toBe(original?.nightSpells.observed);
    if (original) expect(nightWander(model).norm).toBeCloseTo(nightWander(original).norm, -4);
    expect(model.meals).toEqual(original?.meals);
    expect(model.wakeOn).toEqual(original?.wakeOn);
    expect(model.wakeOn[0].days).toBe(15);
    const { nightSpells: _n, meals: _m, wakeOn: _w, ...older } = json;
    const fromOlder = ResidentModel.fromJSON(older);
    expect(fromOlder.days).toBe(original?.days);
    expect(fromOlder.meals).toEqual(new ResidentModel().meals);
    expect(fromOlder.nightSpells.observed).toBe(0);
  });

  it('drops a state it cannot read and starts from the priors', () => {
    const model = ResidentModel.fromJSON({ v: 999, days: 40 });
    expect(model.days).toBe(0);
    expect(ResidentModel.fromJSON('nonsense').events).toBe(0);
  });

  it('exports only the residents whose model changed since the last save', () => {
    const engine = newEngine();
    play(engine, writeDays(DAY0, 1, ORDINARY, 2));
    expect(engine.exportModels()).toHaveLength(1);
    expect(engine.exportModels()).toHaveLength(0);
  });
});

describe.each(dbKinds())('ModelStore on %s', (kind) => {
  let t: TestDb;
  let residentId: string;
  beforeAll(async () => {
    t = await openTestDb(kind);
    const [row] = await t.db.query<{ id: string }>(`INSERT INTO residents (name) VALUES ('Astrid') RETURNING id`);
    residentId = row?.id ?? '';
  });
  afterAll(async () => {
    await t.drop();
  });

  it('saves, overwrites and loads model states; skips residents that no longer exist', async () => {
    const store = new ModelStore(t.db);
    const model = new ResidentModel();
    model.days = 3;
    expect(await store.saveMany([{ residentId, state: model.toJSON() }], Date.now())).toBe(1);
    model.days = 4;
    await store.saveMany(
      [
        { residentId, state: model.toJSON() },
        { residentId: '00000000-0000-0000-0000-000000000000', state: {} },
      ],
      Date.now(),
    );
    const loaded = await store.loadAll();
    expect(loaded).toHaveLength(1);
    expect(ResidentModel.fromJSON(loaded[0]?.state).days).toBe(4);
  });
});

describe('feedback from staff outcomes', () => {
  it('[FALL-3] widens the resident’s threshold after false alarms, within bounds, and narrows it a little on confirmation', () => {
    const engine = newEngine();
    play(engine, writeDays(DAY0, 14, ORDINARY, 2));
    const model = engine.resident(RESIDENT)?.model;
    if (model === undefined) throw new Error('no model');
    const before = fallSilence(model, 'bathroom', 3).limit;
    engine.feedback(RESIDENT, 'FALL-3', 'false_alarm');
    const after = fallSilence(model, 'bathroom', 3).limit;
    expect(after).toBeCloseTo(before * 1.2, -2);
    for (let i = 0; i < 20; i++) engine.feedback(RESIDENT, 'FALL-3', 'false_alarm');
    expect(fallSilence(model, 'bathroom', 3).limit).toBeCloseTo(before * 2, -2);
    engine.feedback(RESIDENT, 'FALL-3', 'confirmed');
    expect(fallSilence(model, 'bathroom', 3).limit).toBeLessThan(before * 2);
    engine.feedback(RESIDENT, 'FALL-3', 'cleared');
    expect(model.feedback['FALL-3']?.falseAlarms).toBe(21);
  });
});

describe('away, hospital and visitor context', () => {
  it('[EXIT-1] is not paged while the resident is registered as away, and is annotated with a visitor', () => {
    const day = DAY0 + 14;
    const events = [
      ...writeDays(DAY0, 14, ORDINARY, 2),
      ...writeDay(day, ORDINARY, 9, { kind: 'night_exit', atMin: 2 * 60 + 30 }),
    ];
    const split = clock.toEpoch(day, 0);
    const before = events.filter((e) => e.eventTime < split);
    const after = events.filter((e) => e.eventTime >= split);

    const away = newEngine();
    play(away, before);
    away.setContext(RESIDENT, { kind: 'away', until: split + 24 * HOUR });
    expect(play(away, after, split + 6 * HOUR).filter((r) => PAGING.has(r.ruleId))).toEqual([]);

    const visited = newEngine();
    play(visited, before);
    visited.setContext(RESIDENT, { kind: 'visitor', until: split + 5 * HOUR, note: 'daughter staying over' });
    const [alert] = play(visited, after, split + 6 * HOUR).filter((r) => r.ruleId === 'EXIT-1');
    expect(alert?.reason).toMatch(/Registered as with a visitor until 05:00 \(daughter staying over\)\.$/);
  });
});
