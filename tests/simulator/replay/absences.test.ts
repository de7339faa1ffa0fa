/**
 * Nights away in a dataset's labels are expected absences staff would know about: `away_day`
 * truth records, and their days are not incident-free (docs/replay.md).
 */
import { describe, expect, it } from 'vitest';
import { TruthRecord } from '../../../simulator/ground-truth.js';
import { spansNight } from '../../../simulator/replay/absences.js';
import { createReplay } from '../../../simulator/replay/index.js';
import { dateToWall } from '../../../simulator/replay/wall-clock.js';
import { HOUR, houseT, local } from './helpers.js';

const wall = (date: string, hour: number) => dateToWall(date) + hour * HOUR;

describe('nights away in the labels', () => {
  it('are spans that cover 02:00–06:00 of some night: the resident slept away', () => {
    expect(spansNight({ start: wall('2025-03-03', 20), end: wall('2025-03-04', 9) })).toBe(true);
    expect(spansNight({ start: wall('2025-03-03', 1), end: wall('2025-03-03', 6) })).toBe(true);
    expect(spansNight({ start: wall('2025-03-03', 9), end: wall('2025-03-05', 7) })).toBe(true);
    // A working day out, and a late night out (house B, 15:12 to 03:33): nobody registers those.
    expect(spansNight({ start: wall('2025-03-03', 8), end: wall('2025-03-03', 19) })).toBe(false);
    expect(spansNight({ start: wall('2025-03-03', 15), end: wall('2025-03-04', 3.5) })).toBe(false);
    expect(spansNight({ start: wall('2025-03-03', 3), end: wall('2025-03-03', 9) })).toBe(false);
  });

  it('become away_day records, and their days are not incident-free', () => {
    const { dataset, mapping } = houseT();
    // House T's own outing (08:00–12:00) stays an outing; a night away from 3 Mar 20:00 to 4 Mar 09:00 is added.
    const replay = createReplay({
      dataset: { ...dataset, away: [...dataset.away, { start: wall('2025-03-03', 20), end: wall('2025-03-04', 9) }] },
      mapping,
      seed: 1,
    });
    const truth = replay.truth();
    const away = truth.filter((r) => r.type === 'incident');
    expect(away).toHaveLength(1);
    expect(away[0]).toMatchObject({ kind: 'away_day', expect: 'none', id: 'vkT-a01', deadline: null });
    if (away[0]?.type !== 'incident') throw new Error('not an incident');
    expect(local(Date.parse(away[0].start))).toBe('2025-03-03 20:00:00');
    expect(local(Date.parse(away[0].end ?? ''))).toBe('2025-03-04 09:00:00');
    const free = truth.find((r) => r.type === 'incident_free_days');
    expect(free?.type === 'incident_free_days' && free.days).toEqual(['2025-03-05']);
    for (const r of truth) expect(TruthRecord.safeParse(r).success).toBe(true);
  });
});
