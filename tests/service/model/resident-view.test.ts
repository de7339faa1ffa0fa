/** Presence and routine as shown to staff, from a resident's live state. */
import { describe, expect, it } from 'vitest';
import { LocalClock } from '../../../service/model/local-time.js';
import { ResidentModel } from '../../../service/model/resident-model.js';
import { type ActivityInput, ResidentState } from '../../../service/model/resident-state.js';
import { presenceOf, routineOf } from '../../../service/model/resident-view.js';

const at = (local: string) => Date.parse(`${local}+01:00`); // Stockholm in winter
const MIN = 60_000;

function state(): ResidentState {
  return new ResidentState('r1', new ResidentModel(), new LocalClock('Europe/Stockholm'));
}

const indoors = (t: number, group: ActivityInput['group'], extra: Partial<ActivityInput> = {}): ActivityInput => ({
  at: t,
  group,
  roomId: group,
  roomName: group,
  frontDoor: false,
  movement: true,
  ...extra,
});

describe('presenceOf', () => {
  it('is unknown before any activity', () => {
    expect(presenceOf(undefined, 0)).toBe('unknown');
    expect(presenceOf(state(), 0)).toBe('unknown');
  });

  it('is home after activity indoors', () => {
    const s = state();
    s.observe(indoors(at('2026-03-10T10:00:00'), 'kitchen'));
    expect(presenceOf(s, at('2026-03-10T10:20:00'))).toBe('home');
  });

  it('is out a few minutes after the front door closed with no movement indoors since', () => {
    const s = state();
    const t = at('2026-03-10T10:00:00');
    s.observe(indoors(t, 'hall'));
    s.observe({ ...indoors(t + MIN, 'hall'), frontDoor: true, doorOpen: true, movement: undefined });
    s.observe({ ...indoors(t + MIN + 10_000, 'hall'), frontDoor: true, doorOpen: false, movement: undefined });
    expect(presenceOf(s, t + 2 * MIN)).toBe('home');
    expect(presenceOf(s, t + 20 * MIN)).toBe('out');
    s.observe(indoors(t + 60 * MIN, 'hall'));
    expect(presenceOf(s, t + 61 * MIN)).toBe('home');
  });

  it('is asleep while the bed sensor says in bed, whatever the hour', () => {
    const s = state();
    s.observe(indoors(at('2026-03-10T14:00:00'), 'bedroom', { inBed: true, movement: undefined }));
    expect(presenceOf(s, at('2026-03-10T14:30:00'))).toBe('asleep');
    s.observe(indoors(at('2026-03-10T15:00:00'), 'bedroom', { inBed: false, movement: undefined }));
    expect(presenceOf(s, at('2026-03-10T15:01:00'))).toBe('home');
  });

  it('without a bed sensor, is asleep when last active in the bedroom during the night only', () => {
    const s = state();
    s.observe(indoors(at('2026-03-10T23:30:00'), 'bedroom'));
    expect(presenceOf(s, at('2026-03-11T02:00:00'))).toBe('asleep');
    const day = state();
    day.observe(indoors(at('2026-03-10T13:30:00'), 'bedroom'));
    expect(presenceOf(day, at('2026-03-10T14:00:00'))).toBe('home');
  });
});

describe('routineOf', () => {
  it('gives the usual getting-up time and bedtime as clock minutes, and today’s getting up once seen', () => {
    const s = state();
    expect(routineOf('r1', s, at('2026-03-10T06:00:00'))?.wake).toEqual({
      usualMinute: 7 * 60 + 30,
      spreadMinutes: 60,
      todayMinute: null,
    });
    expect(routineOf('r1', s, 0)?.bedtime.usualMinute).toBe(22 * 60 + 30);
    // Up at 06:50 and about in the kitchen for more than 20 minutes: getting up.
    for (let m = 0; m <= 30; m += 5) s.observe(indoors(at('2026-03-10T06:50:00') + m * MIN, 'kitchen'));
    const routine = routineOf('r1', s, at('2026-03-10T08:00:00'));
    expect(routine?.wake.todayMinute).toBe(6 * 60 + 50);
    expect(routine?.learnedDays).toBe(1);
    expect(routine?.learning).toBe(true);
    expect(routine?.usualPerHour[6]).toBe(2);
    expect(routine?.usualPerHour[7]).toBe(5);
  });

  it('is null without a state', () => {
    expect(routineOf('r1', undefined, 0)).toBeNull();
  });
});
