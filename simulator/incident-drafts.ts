/**
 * One incident of each kind, drawn for a home (or placed by a tester's spec): when (in a window
 * where the resident is up, or asleep, as the kind needs), where, which device, how long, and
 * what follows (found, then hospital). A draft also says which of the resident's days it
 * reshapes (sleep constraints) and how long it keeps the resident busy, so the planner can
 * keep incidents apart. The builders live by theme in draft-people.ts, draft-days.ts and
 * draft-devices.ts; the kit they share in draft-kit.ts.
 */
import { absence, decline, missedMeal, missedMorning, stay } from './draft-days.js';
import { batteryLow, sensorSilent } from './draft-devices.js';
import { type DraftBuilder, HOUR, MIN } from './draft-kit.js';
import { fall, help, nightExit } from './draft-people.js';
import type { TruthKind } from './ground-truth.js';

export { type Draft, type DraftBuilder, type DraftEnv, type DraftSpec, hhmm } from './draft-kit.js';

export const BUILDERS: Readonly<Record<TruthKind, DraftBuilder>> = {
  fall_no_recovery: fall(false),
  fall_recovered: fall(true),
  help_button: help,
  prolonged_inactivity: stay(
    'prolonged_inactivity',
    (p, r) => (p.longestUsualStillMin + 60 + r.between(45, 120)) * MIN,
    0,
  ),
  long_bathroom_stay: stay(
    'long_bathroom_stay',
    (p, r) => (p.longestUsualBathroomMin + 20 + r.between(25, 70)) * MIN,
    0.4,
  ),
  night_wandering: stay('night_wandering', (_p, r) => r.between(60, 150) * MIN, 1),
  night_exit_no_return: nightExit,
  missed_morning_routine: missedMorning,
  missed_meal: missedMeal,
  decline,
  sensor_silent: sensorSilent,
  battery_low: batteryLow,
  away_day: absence('away_day'),
  hospital_stay: absence('hospital_stay'),
  visitor_present: stay('visitor_present', (_p, r) => r.between(3, 8) * HOUR, 0),
};
