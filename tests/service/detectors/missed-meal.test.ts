/**
 * [MEAL-1] Missed meal on hand-built days of one resident (built with synthetic-home.ts's writer): a lunch not had
 * is paged by the usual lunch time + 1.5 sd + 20 min (within the usual + 2 sd + 60 min the
 * incident catalogue promises), explained against the person's own lunches; a normal day is not.
 */
import { describe, expect, it } from 'vitest';
import { explanationsEn, explanationText } from '../../../dashboard/src/i18n-explanations.js';
import type { SensorEvent } from '../../../gateway/contract.js';
import { MEAL_WINDOWS } from '../../../service/model/meals.js';
import { sdOf } from '../../../service/model/routine.js';
import { mealTime } from '../../../service/model/thresholds.js';
import { clock, DAY0, DayWriter, MIN, newEngine, play, rng } from '../model/synthetic-home.js';

/** A day of regular meals: breakfast at 07:15, lunch about 12:00 and dinner about 17:30 (± 15 min), 30–40 min in the kitchen. */
function mealDay(day: number, seed: number, skipLunch = false): SensorEvent[] {
  const w = new DayWriter(rng(seed), day);
  const m = (minute: number) => w.at(minute);
  const lunch = 12 * 60 + w.between(-15, 15);
  const dinner = 17 * 60 + 30 + w.between(-15, 15);
  w.stay('bedroom', m(0), m(7 * 60), 2400);
  w.motion('hall', m(7 * 60));
  w.stay('bathroom', m(7 * 60 + 1), m(7 * 60 + 12), 40);
  w.stay('kitchen', m(7 * 60 + 15), m(7 * 60 + 45), 60);
  w.stay('living', m(7 * 60 + 46), m(lunch), 240);
  w.stay(skipLunch ? 'living' : 'kitchen', m(lunch), m(lunch + 35), skipLunch ? 240 : 60);
  w.stay('living', m(lunch + 36), m(dinner), 240);
  w.stay('kitchen', m(dinner), m(dinner + 40), 60);
  w.stay('living', m(dinner + 41), m(22 * 60), 240);
  w.motion('hall', m(22 * 60));
  w.stay('bathroom', m(22 * 60 + 1), m(22 * 60 + 10), 40);
  w.stay('bedroom', m(22 * 60 + 11), m(24 * 60), 2400);
  return w.events;
}

function lunchDay(learnDays: number, missed: boolean, seed = 5) {
  const engine = newEngine();
  const day = DAY0 + learnDays;
  const events: SensorEvent[] = [];
  for (let d = 0; d < learnDays; d++) events.push(...mealDay(DAY0 + d, seed * 1000 + d));
  events.push(...mealDay(day, seed * 31 + 5, missed));
  const raised = play(engine, events, clock.toEpoch(day, 15 * 60)).filter(
    (r) => r.ruleId === 'MEAL-1' && r.at >= clock.toEpoch(day, 0),
  );
  return { engine, raised, day };
}

describe('[MEAL-1] missed meal in the person’s usual meal window', () => {
  it('learns when this person has lunch, from their longest kitchen stay in the lunch window', () => {
    const { engine } = lunchDay(21, false);
    const lunch = engine.resident('res-1')?.model.meals[0];
    expect(lunch?.time.days).toBeGreaterThanOrEqual(20);
    expect(lunch?.rate).toBeGreaterThan(0.9);
    expect(lunch?.time.mean).toBeGreaterThanOrEqual(MEAL_WINDOWS.lunch[0]);
    expect(lunch?.time.mean).toBeGreaterThan(11 * 60 + 45);
    expect(lunch?.time.mean).toBeLessThan(12 * 60 + 15);
  });

  it('pages a missed lunch by the usual time + 2 sd + 60 min, once, explaining the usual lunch', () => {
    const { engine, raised, day } = lunchDay(21, true);
    const model = engine.resident('res-1')?.model;
    const lunch = model?.meals[0]?.time;
    if (model === undefined || lunch === undefined) throw new Error('no model');
    expect(raised).toHaveLength(1);
    const alert = raised[0];
    expect(alert?.severity).toBe('medium');
    const deadline = clock.toEpoch(day, lunch.mean + 2 * sdOf(lunch) + 60);
    expect(alert?.at ?? Number.POSITIVE_INFINITY).toBeLessThanOrEqual(deadline);
    expect(alert?.at ?? 0).toBeGreaterThanOrEqual(clock.toEpoch(day, mealTime(model, 'lunch').limit) - MIN);
    expect(alert?.reason).toMatch(
      /^No lunch yet at \d\d:\d\d: nothing in the kitchen since \d\d:\d\d\. Usually lunch at about \d\d:\d\d ± \d+ min, on \d+ of 21 days at home, from 2\d days\.$/,
    );
    // The same as data, for the dashboard to say in Swedish (tests/service/alerts/explanation.test.ts).
    expect(alert?.explanation?.key).toBe('meal.missed');
    if (alert?.explanation) expect(explanationText(alert.explanation, explanationsEn)).toBe(alert.reason);
  });

  it('does not page a day with lunch, nor before a week of the person’s own lunches', () => {
    expect(lunchDay(21, false).raised).toEqual([]);
    expect(lunchDay(4, true).raised).toEqual([]);
  });
});
