import { describe, expect, it } from 'vitest';
import { type DayRecord, emptyDay, HOURS } from '../../../../service/model/day/day-profile.js';
import { statsScore } from '../../../../service/model/day/day-stats.js';
import { referenceDays } from '../../../../service/model/day/day-vector.js';
import { DAY_SCORE_LIMIT, judgeDay, topZ } from '../../../../service/model/day/unusual-day.js';
import { GROUP_INDEX } from '../../../../service/model/rooms.js';

/** An ordinary day: kitchen mornings and evenings, living room afternoons, a wobble by day. */
function ordinary(n: number, weekend = false): DayRecord {
  const d = emptyDay(n, weekend);
  const w = (n * 7) % 5;
  for (let h = 7; h < 9; h++) d.counts[GROUP_INDEX.kitchen * HOURS + h] = 20 + w;
  for (let h = 9; h < 18; h++) d.counts[GROUP_INDEX.living * HOURS + h] = 30 + 2 * w;
  for (let h = 18; h < 20; h++) d.counts[GROUP_INDEX.kitchen * HOURS + h] = 15 + w;
  for (let h = 20; h < 23; h++) d.counts[GROUP_INDEX.living * HOURS + h] = 25 + w;
  d.counts[GROUP_INDEX.bathroom * HOURS + 7] = 8;
  d.counts[GROUP_INDEX.bedroom * HOURS + 2] = 3;
  d.stayMin[GROUP_INDEX.kitchen] = 60 + 5 * w;
  d.stayMin[GROUP_INDEX.living] = 600;
  d.wakeMin = 420 + 5 * w;
  d.outMin = 60 + 10 * w;
  return d;
}

const history = Array.from({ length: 21 }, (_, i) => ordinary(i));

describe("[DAY-1] unusual day: a finished day against the person's own days", () => {
  it('does not judge with fewer than 14 earlier days', () => {
    expect(judgeDay(ordinary(30), history.slice(0, 13))).toBeUndefined();
  });

  it('an ordinary day scores low and is not unusual', () => {
    const j = judgeDay(ordinary(30), history);
    expect(j?.unusual).toBe(false);
    expect(j?.score).toBeLessThan(DAY_SCORE_LIMIT);
  });

  it('a day spent in the kitchen instead of the living room is unusual, and the reason says how', () => {
    const odd = ordinary(30);
    for (let h = 9; h < 18; h++) {
      odd.counts[GROUP_INDEX.kitchen * HOURS + h] = 30;
      odd.counts[GROUP_INDEX.living * HOURS + h] = 0;
    }
    odd.stayMin[GROUP_INDEX.kitchen] = 660;
    odd.stayMin[GROUP_INDEX.living] = 60;
    const j = judgeDay(odd, history);
    expect(j?.unusual).toBe(true);
    expect(j?.reason).toMatch(/^11 h in the kitchen vs usually 1 h( \d+ min)?; /);
    expect(j?.reason).toMatch(/in the (kitchen|living room): \d+ sensor activations vs usually \d+/);
    expect(j?.reason).toMatch(/Compared with 21 of this person's weekdays\.$/);
  });

  it('a day without the usual outing, or far longer out, says so', () => {
    const home = ordinary(30);
    home.outMin = 0;
    expect(judgeDay(home, history, 0)?.reason).toMatch(/no outing \(usually out about 1 h( \d+ min)? a day\)/);
    const away = ordinary(30);
    away.outMin = 400;
    expect(judgeDay(away, history, 0)?.reason).toMatch(/out for 6 h 40 min vs usually 1 h/);
  });

  it('a late start is said with the usual getting-up time', () => {
    const late = ordinary(30);
    late.wakeMin = 11 * 60;
    for (let h = 7; h < 11; h++) {
      late.counts[GROUP_INDEX.kitchen * HOURS + h] = 0;
      late.counts[GROUP_INDEX.living * HOURS + h] = 0;
      late.counts[GROUP_INDEX.bedroom * HOURS + h] = 10;
    }
    expect(judgeDay(late, history)?.reason).toMatch(/up at 11:00 vs usually about 07:\d\d/);
  });

  it('compares weekend days with weekend days once there are 6 of them, else with all days', () => {
    const mixed = Array.from({ length: 28 }, (_, i) => ordinary(i, i % 7 >= 5));
    expect(referenceDays(ordinary(40, true), mixed).every((d) => d.weekend)).toBe(true);
    expect(referenceDays(ordinary(40, true), mixed.slice(0, 14))).toHaveLength(14);
    const excluded = mixed.map((d, i) => (i < 10 ? { ...d, excluded: true } : d));
    expect(referenceDays(ordinary(40), excluded).some((d) => d.excluded)).toBe(false);
  });

  it('topZ is the mean of the largest absolute scores; the rms score grows with the difference', () => {
    expect(topZ([1, -5, 2, 0.5, 3, -4, 0], 3)).toBe(4);
    const emptyDayScore = statsScore(emptyDay(30, false), history);
    expect(emptyDayScore).toBeGreaterThan(statsScore(ordinary(30), history));
  });
});
