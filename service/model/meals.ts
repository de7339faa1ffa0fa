/**
 * [MEAL-1] Meal habits: when this person usually eats lunch and dinner, learned from their own
 * kitchen. A day's meal is the start of its longest kitchen stay (of at least 5 min) begun in
 * the meal's window; each meal is a routine time (routine.ts: weighted mean and spread, blended
 * with a population prior) plus how many of the days at home had one (an exponentially
 * weighted share), so a person who often eats out has no lunch routine to miss. O(1) per event.
 */
import { isRoutine, observe, priorRoutine, type Routine } from './routine.js';

const MIN = 60_000;
export const MEALS = ['lunch', 'dinner'] as const;
export type Meal = (typeof MEALS)[number];

/** Windows in which a kitchen stay counts as the meal, local minutes after midnight [from, to). */
export const MEAL_WINDOWS: Readonly<Record<Meal, readonly [number, number]>> = {
  lunch: [10 * 60, 15 * 60],
  dinner: [15 * 60, 21 * 60 + 30],
};
/** A kitchen stay at least this long is a meal (a cup of coffee or a glass of water is not). */
const MEAL_STAY_MS = 5 * MIN;
/** The share of days with the meal follows about three weeks. */
const RATE_HORIZON_DAYS = 21;

export interface MealHabit {
  time: Routine;
  /** Days at home judged for this meal. */
  seen: number;
  /** Share of those days with a meal in the window (exponentially weighted). */
  rate: number;
}

/** Population priors (Swedish habits): lunch 12:00 ± 45 min, dinner 17:30 ± 60 min. */
export function priorMeals(): MealHabit[] {
  return [
    { time: priorRoutine(12 * 60, 45), seen: 0, rate: 1 },
    { time: priorRoutine(17 * 60 + 30, 60), seen: 0, rate: 1 },
  ];
}

export function isMealHabit(x: unknown): x is MealHabit {
  if (typeof x !== 'object' || x === null) return false;
  const o = x as Record<string, unknown>;
  return isRoutine(o.time) && typeof o.seen === 'number' && typeof o.rate === 'number';
}

function learnDay(h: MealHabit, mealAt: number | undefined): void {
  h.seen += 1;
  const a = 1 / Math.min(h.seen, RATE_HORIZON_DAYS);
  h.rate += a * ((mealAt === undefined ? 0 : 1) - h.rate);
  if (mealAt !== undefined) observe(h.time, mealAt);
}

/** Today's kitchen as far as meals go: the longest stay per meal window, whether the person was home. */
export class MealDay {
  day = Number.NaN;
  /** Start (minute of day) and length of the longest kitchen stay so far, per meal. */
  private readonly best: ({ at: number; ms: number } | undefined)[] = [undefined, undefined];
  /** Some activity at home in the meal's window today (a day away is not a missed meal). */
  private readonly home: boolean[] = [false, false];
  /** The latest kitchen activity, ms since the epoch. */
  lastKitchenAt: number | undefined;

  /**
   * One activity event at home: `day`/`minute` local. A new day first settles yesterday into
   * the habits. `kitchenStay` is a kitchen stay that has just ended (start minute, length).
   */
  note(habits: MealHabit[], day: number, minute: number, kitchenStay?: { at: number; ms: number }): void {
    if (day !== this.day) {
      if (!Number.isNaN(this.day) && day > this.day) this.settle(habits);
      this.day = day;
      this.best.fill(undefined);
      this.home.fill(false);
    }
    MEALS.forEach((meal, i) => {
      const [from, to] = MEAL_WINDOWS[meal];
      if (minute >= from && minute < to) this.home[i] = true;
      if (kitchenStay === undefined || kitchenStay.ms < MEAL_STAY_MS) return;
      if (kitchenStay.at < from || kitchenStay.at >= to) return;
      const best = this.best[i];
      if (best === undefined || kitchenStay.ms > best.ms) this.best[i] = kitchenStay;
    });
  }

  private settle(habits: MealHabit[]): void {
    MEALS.forEach((_meal, i) => {
      const habit = habits[i];
      if (habit !== undefined && this.home[i]) learnDay(habit, this.best[i]?.at);
    });
  }
}
