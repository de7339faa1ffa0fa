import { describe, expect, it } from 'vitest';
import {
  CELLS,
  DayProfile,
  dateOfDay,
  HISTORY_DAYS,
  HOURS,
  INSIGHTS_KEPT,
  type Insight,
  totalOf,
} from '../../../../service/model/day/day-profile.js';
import { ResidentModel } from '../../../../service/model/resident-model.js';
import { GROUP_INDEX } from '../../../../service/model/rooms.js';

const insight = (n: number): Insight => ({
  ruleId: 'DAY-1',
  kind: 'unusual_day',
  residentId: 'r',
  at: n,
  date: '2026-03-02',
  score: 4,
  reason: `day ${n}`,
});

describe('DayProfile: activity by room group × hour per local day [DAY-1] [TREND-1]', () => {
  it('counts each event in its room group and hour of the current day', () => {
    const p = new DayProfile();
    p.add(GROUP_INDEX.kitchen, 8, 100, false);
    p.add(GROUP_INDEX.kitchen, 8, 100, false);
    p.add(GROUP_INDEX.bathroom, 23, 100, false);
    expect(p.current?.counts[GROUP_INDEX.kitchen * HOURS + 8]).toBe(2);
    expect(p.current?.counts[GROUP_INDEX.bathroom * HOURS + 23]).toBe(1);
    expect(p.current && totalOf(p.current)).toBe(3);
    expect(p.current?.counts).toHaveLength(CELLS);
  });

  it('finishes a day into the history at the first event of a later day, and ignores an older day', () => {
    const p = new DayProfile();
    p.add(GROUP_INDEX.living, 10, 100, false);
    p.add(GROUP_INDEX.living, 10, 102, true);
    expect(p.history.map((d) => d.day)).toEqual([100]);
    expect(p.current).toMatchObject({ day: 102, weekend: true });
    p.add(GROUP_INDEX.living, 10, 101, false);
    expect(p.current?.day).toBe(102);
    expect(p.current && totalOf(p.current)).toBe(1);
  });

  it('keeps at most HISTORY_DAYS finished days, dropping the oldest', () => {
    const p = new DayProfile();
    for (let d = 0; d < HISTORY_DAYS + 5; d++) p.add(0, 12, d, false);
    expect(p.rollTo(HISTORY_DAYS + 10)?.day).toBe(HISTORY_DAYS + 4);
    expect(p.history).toHaveLength(HISTORY_DAYS);
    expect(p.history[0]?.day).toBe(5);
  });

  it('records stays by room group, bathroom visits (night ones apart) and getting up', () => {
    const p = new DayProfile();
    p.add(GROUP_INDEX.bedroom, 7, 100, false);
    p.noteWake(7 * 60 + 10);
    p.noteWake(9 * 60);
    p.noteStay(GROUP_INDEX.bathroom, 6 * 60_000, true);
    p.noteStay(GROUP_INDEX.bathroom, 10 * 60_000, false);
    p.noteStay(GROUP_INDEX.kitchen, 30 * 60_000, false);
    p.noteOut(60_000);
    p.noteOut(30_000);
    expect(p.current).toMatchObject({ wakeMin: 7 * 60 + 10, bathStays: 2, nightBath: 1, bathMin: 16, outMin: 1.5 });
    expect(p.current?.stayMin[GROUP_INDEX.kitchen]).toBe(30);
  });

  it('keeps the last INSIGHTS_KEPT insights', () => {
    const p = new DayProfile();
    for (let i = 0; i < INSIGHTS_KEPT + 3; i++) p.note(insight(i));
    expect(p.insights).toHaveLength(INSIGHTS_KEPT);
    expect(p.insights[0]?.at).toBe(3);
  });

  it('survives a JSON round trip and drops what it cannot read', () => {
    const p = new DayProfile();
    p.add(GROUP_INDEX.hall, 9, 100, false);
    p.add(GROUP_INDEX.hall, 9, 101, false);
    p.note(insight(1));
    p.judgedDay = 100;
    p.trendNoted.activity = 100;
    const back = DayProfile.fromJSON(JSON.parse(JSON.stringify(p.toJSON())));
    expect(back.toJSON()).toEqual(p.toJSON());
    // A day saved before time out was kept reads as no time out.
    const old = p.toJSON().history.map(({ outMin: _outMin, ...rest }) => rest);
    expect(DayProfile.fromJSON({ history: old }).history[0]?.outMin).toBe(0);
    const broken = DayProfile.fromJSON({ history: [{ day: 1, counts: [1, 2] }], insights: [{ ruleId: 'X' }] });
    expect(broken.history).toEqual([]);
    expect(broken.insights).toEqual([]);
    expect(DayProfile.fromJSON(null).history).toEqual([]);
  });

  it('dates a local day number', () => {
    expect(dateOfDay(Math.floor(Date.UTC(2026, 2, 2) / 86_400_000))).toBe('2026-03-02');
  });
});

describe('ResidentModel keeps the day profile and saves it with the model', () => {
  it('feeds activity, stays and getting up into the day profile, and restores it from JSON', () => {
    const m = new ResidentModel();
    m.noteActivity('kitchen', 8, false, 200);
    m.observeWake(7 * 60);
    m.addDwell('bathroom', true, 5 * 60_000);
    m.noteActivity('kitchen', 9, false, 201);
    expect(m.dayProfile.history[0]).toMatchObject({ day: 200, wakeMin: 420, nightBath: 1 });
    const back = ResidentModel.fromJSON(JSON.parse(JSON.stringify(m.toJSON())));
    expect(back.dayProfile.toJSON()).toEqual(m.dayProfile.toJSON());
  });

  it('a saved model from before day profiles starts with an empty one', () => {
    const json = new ResidentModel().toJSON() as unknown as Record<string, unknown>;
    delete json.day;
    expect(ResidentModel.fromJSON(json).dayProfile.history).toEqual([]);
  });
});
