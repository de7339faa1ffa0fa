/**
 * Every incident the simulator can make happen (TruthKind in ground-truth.ts): who should hear
 * of it, when in the day it happens, and by when Vaka should have alerted (the deadline), with
 * the reason for each deadline. The evaluator scores recall within these deadlines, so they
 * are the product's promise, written down:
 *
 * | kind | expect | deadline | why |
 * | --- | --- | --- | --- |
 * | fall_no_recovery, fall_recovered | page | device report + 60 s | a fall detector or wearable reported it; [FALL-1] fires on that event, 60 s covers radio, broker and pipeline |
 * | (same, not reported, wearable worn) | page | start + 5 min | the impact window reached Vaka; impact then minutes of stillness is [FALL-2] |
 * | (same, nothing worn or reporting) | page | start + 30 min in a bathroom, hall or entrance, + 60 min elsewhere | only the motion stopping tells; short silences are normal, so the silence must grow beyond this person's norm for the room; risky rooms (wet floors, stairs, doors) are judged sooner |
 * | help_button | page | press + 60 s | [HELP-1] fires on the press itself |
 * | prolonged_inactivity | page | onset + the person's longest usual still spell + 60 min | "an hour or two beyond this person's norm": a frail person dozes 3 h in the chair, a fit one not |
 * | long_bathroom_stay | page | entry + the person's longest usual bathroom stay + 20 min | the bathroom is where falls and faints happen; a stay 20 min beyond the person's longest is worth a call |
 * | night_wandering | page | start + 40 min | ordinary night trips last up to 15–20 min; twice that, moving between rooms, is unusual for anyone |
 * | night_exit_no_return | page | door + 15 min | at night a person with dementia outdoors is at risk of hypothermia within the hour; a door at night and no motion indoors for 15 min is unambiguous |
 * | missed_morning_routine | page | usual wake + 2 sd + 45 min | past the person's own late mornings (2 sd) with a margin for a lie-in |
 * | missed_meal | page | usual meal time + 2 sd + 60 min | past the person's own late meals with a margin |
 * | decline | insight | none | a trend over weeks, shown on the resident's page, never a page |
 * | sensor_silent | technical | start + 6 h | every device reports at least every 5 h (battery) or hourly (mains); 6 h silent is beyond any device's rhythm |
 * | battery_low | technical | start + 6 h | the next battery report comes within 5 h; a low battery has weeks left, so no hurry beyond that |
 * | away_day, hospital_stay, visitor_present | none | none | expected absences and company must not page anyone |
 */
import type { Expectation, TruthKind } from './ground-truth.js';
import type { ResidentProfile } from './profiles.js';

const SEC = 1000;
const MIN = 60 * SEC;
const HOUR = 60 * MIN;

/** When in the resident's life an incident of this kind happens, by default. */
export type IncidentWhen =
  /** While up and about at home. */
  | 'day'
  /** While the resident should be asleep. */
  | 'night'
  /** At the resident's usual wake time. */
  | 'morning'
  /** At a usual meal time. */
  | 'meal'
  /** A day out: leaves in the morning, back in the evening. */
  | 'day_out'
  /** Several days away. */
  | 'days_away'
  /** The start of a trend over weeks. */
  | 'onset'
  /** Any time: a device, not the resident. */
  | 'device';

export interface DeadlineInput {
  kind: TruthKind;
  start: number;
  /** A device reported the fall (or the press) at this time. */
  reportedAt?: number | undefined;
  /** A worn wearable sent the impact window. */
  impactWindow?: boolean | undefined;
  /** The fall happened in a bathroom, hall or entrance. */
  riskyRoom?: boolean | undefined;
  /** The usual time the incident is measured from (wake, meal), when it has one. */
  usual?: number | undefined;
  /** The sd of that usual time, minutes. */
  usualSdMin?: number | undefined;
  profile: ResidentProfile;
}

export interface CatalogueEntry {
  kind: TruthKind;
  expect: Expectation;
  when: IncidentWhen;
  /** The alert rule expected to catch it (docs/alert-rules.md, provisional ids for planned rules). */
  rule: string | null;
  /** How long before the start the resident stops what they were doing (walks to the room, gets up). */
  leadMin: number;
  /** Whether the resident must be at home and free: two such incidents never overlap. */
  behaviour: boolean;
  deadline(input: DeadlineInput): number | null;
}

/** Room kinds where a fall is judged sooner: wet floors, steps, shoes and the door. */
export const RISKY_FALL_ROOM_KINDS: ReadonlySet<string> = new Set(['bathroom', 'hall', 'entrance']);

/**
 * A fall nobody's device reported and no wearable saw (only the motion stopping tells): issue 4's
 * target, "≥ 95 % alerted within 30 minutes in the bathroom and 60 minutes elsewhere"; the hall
 * and entrance are held to the bathroom's 30 (stricter than the issue's words, never looser).
 */
export function unseenFallDeadlineMin(riskyRoom: boolean): number {
  return riskyRoom ? 30 : 60; // minutes
}

/** Night exit without return: door + 15 min (issue 4's target). */
export const NIGHT_EXIT_DEADLINE_MIN = 15; // minutes

const fallDeadline = (i: DeadlineInput): number => {
  if (i.reportedAt !== undefined) return i.reportedAt + 60 * SEC;
  if (i.impactWindow === true) return i.start + 5 * MIN;
  return i.start + unseenFallDeadlineMin(i.riskyRoom === true) * MIN;
};
const usualPlus = (extraMin: number) => (i: DeadlineInput) =>
  (i.usual ?? i.start) + (2 * (i.usualSdMin ?? 0) + extraMin) * MIN;
const none = () => null;

export const CATALOGUE: Readonly<Record<TruthKind, CatalogueEntry>> = {
  fall_no_recovery: {
    kind: 'fall_no_recovery',
    expect: 'page',
    when: 'day',
    rule: 'FALL-1 / FALL-2',
    leadMin: 6,
    behaviour: true,
    deadline: fallDeadline,
  },
  fall_recovered: {
    kind: 'fall_recovered',
    expect: 'page',
    when: 'day',
    rule: 'FALL-1 / FALL-2',
    leadMin: 6,
    behaviour: true,
    deadline: fallDeadline,
  },
  help_button: {
    kind: 'help_button',
    expect: 'page',
    when: 'day',
    rule: 'HELP-1',
    leadMin: 6,
    behaviour: true,
    deadline: (i) => (i.reportedAt ?? i.start) + 60 * SEC,
  },
  prolonged_inactivity: {
    kind: 'prolonged_inactivity',
    expect: 'page',
    when: 'day',
    rule: 'INACT-1',
    leadMin: 6,
    behaviour: true,
    deadline: (i) => i.start + (i.profile.longestUsualStillMin + 60) * MIN,
  },
  long_bathroom_stay: {
    kind: 'long_bathroom_stay',
    expect: 'page',
    when: 'day',
    rule: 'BATH-1',
    leadMin: 6,
    behaviour: true,
    deadline: (i) => i.start + (i.profile.longestUsualBathroomMin + 20) * MIN,
  },
  night_wandering: {
    kind: 'night_wandering',
    expect: 'page',
    when: 'night',
    rule: 'WANDER-1',
    leadMin: 0,
    behaviour: true,
    deadline: (i) => i.start + 40 * MIN,
  },
  night_exit_no_return: {
    kind: 'night_exit_no_return',
    expect: 'page',
    when: 'night',
    rule: 'EXIT-1',
    leadMin: 10,
    behaviour: true,
    deadline: (i) => i.start + NIGHT_EXIT_DEADLINE_MIN * MIN,
  },
  missed_morning_routine: {
    kind: 'missed_morning_routine',
    expect: 'page',
    when: 'morning',
    rule: 'MORN-1',
    leadMin: 0,
    behaviour: true,
    deadline: usualPlus(45),
  },
  missed_meal: {
    kind: 'missed_meal',
    expect: 'page',
    when: 'meal',
    rule: 'MEAL-1',
    leadMin: 1,
    behaviour: true,
    deadline: usualPlus(60),
  },
  decline: {
    kind: 'decline',
    expect: 'insight',
    when: 'onset',
    rule: 'TREND-1',
    leadMin: 0,
    behaviour: false,
    deadline: none,
  },
  sensor_silent: {
    kind: 'sensor_silent',
    expect: 'technical',
    when: 'device',
    rule: 'SILENT-1',
    leadMin: 0,
    behaviour: false,
    deadline: (i) => i.start + 6 * HOUR,
  },
  battery_low: {
    kind: 'battery_low',
    expect: 'technical',
    when: 'device',
    rule: 'BATT-1',
    leadMin: 0,
    behaviour: false,
    deadline: (i) => i.start + 6 * HOUR,
  },
  away_day: {
    kind: 'away_day',
    expect: 'none',
    when: 'day_out',
    rule: null,
    leadMin: 5,
    behaviour: true,
    deadline: none,
  },
  hospital_stay: {
    kind: 'hospital_stay',
    expect: 'none',
    when: 'days_away',
    rule: null,
    leadMin: 5,
    behaviour: true,
    deadline: none,
  },
  visitor_present: {
    kind: 'visitor_present',
    expect: 'none',
    when: 'day',
    rule: null,
    leadMin: 2,
    behaviour: true,
    deadline: none,
  },
};

/**
 * Fall detection sensitivities: the share of real falls a device reports. Vendors claim over
 * 90 %; studies of commercial wrist devices and radars in real homes find less, with wide
 * ranges. These are assumptions in between.
 */
export const WEARABLE_FALL_SENSITIVITY = 0.8;
export const RADAR_FALL_SENSITIVITY = 0.85;
/** A wearable confirms a fall this many seconds after the impact. */
export const WEARABLE_REPORT_S = [5, 15] as const;
/**
 * The fall radar (Tuya MIR-HE200-TY_fall) raises `fall` only after the person has been down for
 * its `tumble_alarm_time` (1–5 min per its Zigbee2MQTT page); set to its 1 min minimum here.
 */
export const RADAR_REPORT_S = [60, 65] as const;
