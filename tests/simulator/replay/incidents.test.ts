import { describe, expect, it } from 'vitest';
import { TruthRecord } from '../../../simulator/ground-truth.js';
import {
  createReplay,
  IncidentPlacementError,
  type IncidentPlan,
  NIGHT_EXIT_DEADLINE_MIN,
  unseenFallDeadlineMin,
} from '../../../simulator/replay/index.js';
import { houseT, local, MIN } from './helpers.js';

const { dataset, mapping } = houseT();
const baseline = [...createReplay({ dataset, mapping, seed: 1 }).readings()];

function replayWith(incident: IncidentPlan, seed = 1) {
  const replay = createReplay({ dataset, mapping, seed, incident });
  const record = replay.incident;
  if (record === undefined) throw new Error('no incident record');
  return { replay, record, readings: [...replay.readings()], start: Date.parse(record.start) };
}

const freeDays = (replay: ReturnType<typeof createReplay>) => {
  const last = replay.truth().at(-1);
  return last?.type === 'incident_free_days' ? last.days : [];
};

describe('[FALL-2] a fall with no recovery cuts a real day short', () => {
  const { replay, record, readings, start } = replayWith({ kind: 'fall_no_recovery', day: 1, at: '14:01' });

  it('at the chosen local moment', () => {
    expect(local(start)).toBe('2025-03-04 14:01:00');
  });

  it('leaves every reading before it as it was and none at or after it', () => {
    expect(readings).toEqual(baseline.filter((r) => r.at < start));
    expect(readings.every((r) => r.at < start)).toBe(true);
  });

  it('writes a truth record whose times match the cut, due 30 min later: last seen in the bathroom', () => {
    expect(record).toEqual({
      type: 'incident',
      id: 'vkT-0001',
      kind: 'fall_no_recovery',
      expect: 'page',
      homeId: 'vkT',
      resident: 'Test resident',
      start: new Date(start).toISOString(),
      end: null,
      deadline: new Date(start + 30 * MIN).toISOString(),
      device: null,
      note: 'real day cut short at 2025-03-04 14:01 local: a fall without a wearable or fall detector, no recovery, no readings after it (last activity before it: "PIR bathroom" (Bathroom) at 14:00)',
    });
    expect(replay.truth().map((r) => r.type)).toEqual(['run', 'incident', 'incident_free_days']);
    for (const r of replay.truth()) expect(TruthRecord.safeParse(r).success).toBe(true);
  });

  it('keeps the run going to the end of the data, so silence can be noticed', () => {
    expect(replay.end).toBe((baseline.at(-1)?.at ?? 0) + 1);
  });

  it('counts only the days before it as incident-free', () => {
    expect(freeDays(replay)).toEqual(['2025-03-03']);
  });
});

describe("[FALL-3] [INACT-1] the deadline of a fall without a wearable is issue 4's target", () => {
  it('is 30 min in a bathroom, hall or entrance and 60 min elsewhere', () => {
    expect(unseenFallDeadlineMin(true)).toBe(30);
    expect(unseenFallDeadlineMin(false)).toBe(60);
  });

  it('is 60 min when the resident was last seen in the kitchen', () => {
    const { record, start } = replayWith({ kind: 'fall_no_recovery', day: 1, at: '18:10' });
    expect(record.note).toContain('(last activity before it: "Fridge" (Kitchen) at 18:00)');
    expect(Date.parse(record.deadline ?? '')).toBe(start + 60 * MIN);
  });
});

describe('a fall at a seeded moment', () => {
  it('falls in the daytime, while the resident is home and active, and is the same for the same seed', () => {
    for (let seed = 1; seed <= 12; seed++) {
      const { readings, start } = replayWith({ kind: 'fall_no_recovery' }, seed);
      const time = local(start).slice(11);
      expect(time >= '08:00:00' && time < '20:00:00').toBe(true);
      // House T is out from 08:00 to 12:00 (a leave-house label, with 10 min margins).
      expect(time >= '07:50:00' && time < '12:10:00').toBe(false);
      expect(baseline.some((r) => r.at < start && r.at >= start - 30 * MIN)).toBe(true);
      expect(readings.every((r) => r.at < start)).toBe(true);
      expect(replayWith({ kind: 'fall_no_recovery' }, seed).start).toBe(start);
    }
  });

  it('can be placed on a chosen day only', () => {
    const { start } = replayWith({ kind: 'fall_no_recovery', day: '2025-03-05' }, 3);
    expect(local(start).slice(0, 10)).toBe('2025-03-05');
  });
});

describe('[EXIT-1] a night exit without return', () => {
  const { replay, record, readings, start } = replayWith({ kind: 'night_exit_no_return' }, 5);
  const after = readings.filter((r) => r.at >= start);

  it('happens at night while the resident is out of bed', () => {
    const time = local(start).slice(11);
    // House T's bed mat is empty from 00:00 to 00:30 and from 02:55 to 03:10.
    expect((time >= '00:00:00' && time < '00:30:00') || (time >= '02:55:00' && time < '03:10:00')).toBe(true);
  });

  it('adds exactly a front-door open and close, and nothing after them', () => {
    expect(readings.slice(0, -2)).toEqual(baseline.filter((r) => r.at < start));
    expect(after.map((r) => [r.device.address, r.reading])).toEqual([
      ['vkT-hall-front-door', { kind: 'door', open: true }],
      ['vkT-hall-front-door', { kind: 'door', open: false }],
    ]);
    expect(after[0]?.at).toBe(start);
    expect((after[1]?.at ?? 0) - start).toBeGreaterThanOrEqual(5000);
    expect((after[1]?.at ?? 0) - start).toBeLessThanOrEqual(30_000);
  });

  it("writes a truth record naming the door, due 15 min after it (issue 4's target)", () => {
    expect(record.kind).toBe('night_exit_no_return');
    expect(record.device).toBe('vkT-hall-front-door');
    expect(record.end).toBeNull();
    expect(NIGHT_EXIT_DEADLINE_MIN).toBe(15);
    expect(Date.parse(record.deadline ?? '')).toBe(start + 15 * MIN);
  });

  it('leaves the injected day and every later day out of the incident-free days', () => {
    const day = local(start).slice(0, 10);
    expect(freeDays(replay)).toEqual(['2025-03-03', '2025-03-04', '2025-03-05'].filter((d) => d < day));
  });

  it('is the same for the same seed', () => {
    const again = replayWith({ kind: 'night_exit_no_return' }, 5);
    expect(again.record).toEqual(record);
    expect(again.readings).toEqual(readings);
  });
});

describe('incidents that cannot be placed', () => {
  it('refuses a day outside the replay', () => {
    expect(() => replayWith({ kind: 'fall_no_recovery', day: 3 })).toThrowError(
      'day 3 is not a day of the replay (days 0..2, 2025-03-03..2025-03-05)',
    );
  });

  it('refuses a time at which no day fits (04:00: the resident is always in bed)', () => {
    expect(() => replayWith({ kind: 'night_exit_no_return', at: '04:00' })).toThrowError(IncidentPlacementError);
  });

  it('refuses a night exit in a home without a front door', () => {
    const noDoor = structuredClone(mapping);
    const door = noDoor.sensors['1'];
    if (door !== undefined) delete door.role;
    expect(() =>
      createReplay({ dataset, mapping: noDoor, seed: 1, incident: { kind: 'night_exit_no_return' } }),
    ).toThrowError(/has no sensor with role front_door/);
  });
});
