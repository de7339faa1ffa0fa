import { clockMinute } from '../alerts/explanation.js';
import { fromDays } from '../model/explain.js';
import { clockText } from '../model/local-time.js';
import { MEAL_WINDOWS, MEALS } from '../model/meals.js';
import type { ResidentState } from '../model/resident-state.js';
import { mealTime } from '../model/thresholds.js';
import { type BehaviourRule, learnedAlert, MIN_EVENTS, NOTHING, type RuleResult } from './behaviour-rule.js';

const MIN = 60_000;
/** Meals learned before MEAL-1 judges: a week of the person's own days. */
const MIN_DAYS = 7;
/** A meal had on fewer of the days at home than this is no routine to miss (often eaten out). */
const MIN_RATE = 0.9;
/** A meal time that varies by more than this (sd, minutes) is no routine to miss. */
const IRREGULAR_SD_MIN = 75;
/** Someone not heard from for this long is a matter for INACT-1, not for a meal. */
const RECENT_MS = 6 * 60 * MIN;

/**
 * [MEAL-1] Missed meal: by this person's usual lunch or dinner time + 2 sd + 30 min, no kitchen
 * activity (movement, the fridge door, the kettle's plug) since the usual time − 2 sd − 30 min.
 * Only for a meal the person has on at least 90 % of the days at home, at a regular time (sd
 * ≤ 75 min), after 7 learned days. Not while out (they may be eating out). Medium; once a meal.
 */
export function missedMeal(): BehaviourRule {
  return {
    id: 'MEAL-1',
    check(s: ResidentState, now: number): RuleResult {
      const last = s.lastActivity;
      if (last === undefined || s.model.events < MIN_EVENTS || now - last > RECENT_MS) return NOTHING;
      const lt = s.clock.at(now);
      let due = s.clock.toEpoch(lt.day + 1, MEAL_WINDOWS.lunch[0]);
      for (const [i, meal] of MEALS.entries()) {
        const habit = s.model.meals[i];
        if (habit === undefined || habit.time.days < MIN_DAYS || habit.rate < MIN_RATE) continue;
        const t = mealTime(s.model, meal);
        if (t.low > IRREGULAR_SD_MIN) continue;
        const key = `MEAL-1/${meal}`;
        if (s.fired.get(key) === lt.day) continue;
        const limit = s.clock.toEpoch(lt.day, Math.round(t.limit));
        if (now < limit) {
          due = Math.min(due, limit);
          continue;
        }
        // Judged once, at the limit (a late tick still judges; the next day's window does not).
        if (lt.minuteOfDay >= t.limit + 60) continue;
        s.fired.set(key, lt.day);
        const since = s.clock.toEpoch(lt.day, Math.max(MEAL_WINDOWS[meal][0] - 60, Math.round(t.since)));
        const kitchen = s.meals.lastKitchenAt;
        if ((kitchen !== undefined && kitchen >= since) || s.isOut(now)) continue;
        const seen = Math.round(habit.rate * Math.min(habit.seen, 21));
        return {
          due: now,
          alert: learnedAlert(
            s,
            'MEAL-1',
            now,
            `No ${meal} yet at ${clockText(lt.minuteOfDay)}: nothing in the kitchen since ${clockText(s.clock.at(since).minuteOfDay)}. ` +
              `Usually ${meal} at about ${clockText(t.norm)} ± ${Math.round(t.low)} min, on ${seen} of ${Math.min(habit.seen, 21)} days at home, ${fromDays(habit.time.days)}.`,
            {
              key: 'meal.missed',
              params: {
                meal,
                at: clockMinute(lt.minuteOfDay),
                kitchenSince: clockMinute(s.clock.at(since).minuteOfDay),
                usualAt: clockMinute(t.norm),
                sd: Math.round(t.low),
                daysHad: seen,
                daysAtHome: Math.min(habit.seen, 21),
                days: habit.time.days,
              },
            },
            null,
          ),
        };
      }
      return { due };
    },
  };
}
