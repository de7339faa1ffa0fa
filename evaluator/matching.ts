/**
 * Which alerts answer which incidents. An alert's *family* comes from its kind, or failing that
 * from its rule id's prefix, so Vaka's rules (docs/alert-rules.md, provisional ids included), the
 * learned detectors as they land, and the baseline's BASE-* rules are all read the same way.
 */
import type { TruthKind } from '../simulator/index.js';

export type AlertFamily =
  | 'fall'
  | 'help'
  | 'inactivity'
  | 'bathroom'
  | 'night_exit'
  | 'wandering'
  | 'morning'
  | 'meal'
  | 'unusual_day'
  | 'sensor_silent'
  | 'battery_low'
  | 'other';

/** Alert kinds (as detectors name them; a learned detector may use either spelling). */
const FAMILY_BY_KIND: Readonly<Record<string, AlertFamily>> = {
  fall: 'fall',
  suspected_fall: 'fall',
  help: 'help',
  inactivity: 'inactivity',
  prolonged_inactivity: 'inactivity',
  bathroom: 'bathroom',
  long_bathroom_stay: 'bathroom',
  night_exit: 'night_exit',
  night_exit_no_return: 'night_exit',
  wandering: 'wandering',
  night_wandering: 'wandering',
  morning: 'morning',
  missed_morning_routine: 'morning',
  meal: 'meal',
  missed_meal: 'meal',
  unusual_day: 'unusual_day',
  sensor_silent: 'sensor_silent',
  battery_low: 'battery_low',
};

/** Rule id prefixes of the catalogue (FALL-1, FALL-2, INACT-1, …), for a kind not listed above. */
const FAMILY_BY_RULE: readonly (readonly [string, AlertFamily])[] = [
  ['FALL-', 'fall'],
  ['HELP-', 'help'],
  ['INACT-', 'inactivity'],
  ['BATH-', 'bathroom'],
  ['EXIT-', 'night_exit'],
  ['WANDER-', 'wandering'],
  ['MORN-', 'morning'],
  ['MEAL-', 'meal'],
  ['DAY-', 'unusual_day'],
  ['SILENT-', 'sensor_silent'],
  ['BATT-', 'battery_low'],
];

export function familyOf(alert: { kind: string; ruleId: string }): AlertFamily {
  const byKind = FAMILY_BY_KIND[alert.kind];
  if (byKind !== undefined) return byKind;
  for (const [prefix, family] of FAMILY_BY_RULE) if (alert.ruleId.startsWith(prefix)) return family;
  return 'other';
}

export interface MatchRule {
  /** Alert families that name the incident: the kind-specific match. */
  families: readonly AlertFamily[];
  /**
   * Whether any paging alert for the resident in the window counts as well. For incidents where
   * the person may be lying hurt at home, any page sends a carer who finds them.
   */
  anyPaging: boolean;
  /** Technical incidents: the alert must be about the incident's device, when the truth names one. */
  sameDevice: boolean;
}

const rule = (families: AlertFamily[], anyPaging = false, sameDevice = false): MatchRule => ({
  families,
  anyPaging,
  sameDevice,
});

/**
 * The matching table. Incident kinds (simulator/ground-truth.ts) that should page or reach an
 * operator; insights (decline) and expected absences are scored elsewhere.
 */
export const MATCHES: Readonly<Partial<Record<TruthKind, MatchRule>>> = {
  // Lying on the floor: a reported fall, a suspected fall, or the stillness that follows it.
  fall_no_recovery: rule(['fall', 'inactivity'], true),
  // Down for a while, then up again: the same signs, or the resident pressing for help.
  fall_recovered: rule(['fall', 'help', 'inactivity'], true),
  // A press: HELP-1 (a wearable that sends its press as a fall counts too). Nothing else is that fast.
  help_button: rule(['help', 'fall']),
  // Still far beyond the person's norm: inactivity, a suspected fall, an unusual day.
  prolonged_inactivity: rule(['inactivity', 'fall', 'unusual_day'], true),
  // The bathroom is where falls and faints happen: a bathroom stay, a suspected fall, inactivity.
  long_bathroom_stay: rule(['bathroom', 'fall', 'inactivity'], true),
  // Up and moving between rooms at night: wandering, or the door if it ends at the door.
  night_wandering: rule(['wandering', 'night_exit']),
  // Out of the door at night: a night exit, or the silence indoors that follows it.
  night_exit_no_return: rule(['night_exit', 'inactivity', 'wandering']),
  // Still in bed: a missed morning, inactivity, an unusual day.
  missed_morning_routine: rule(['morning', 'inactivity', 'unusual_day']),
  // No meal: a missed meal or an unusual day.
  missed_meal: rule(['meal', 'unusual_day']),
  // Technical: the same device's silent-sensor or low-battery alert.
  sensor_silent: rule(['sensor_silent'], false, true),
  battery_low: rule(['battery_low'], false, true),
};
