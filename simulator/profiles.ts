/**
 * Resident profiles: how differently older people living alone spend their days. Each is a
 * named parameter set; day-to-day variation is drawn around these values (sleep-schedule.ts,
 * agenda.ts).
 *
 * Where the numbers come from. They are meant to be plausible, not a model of one study:
 * - Sleep timing: older adults go to bed and get up earlier than younger ones and sleep more
 *   lightly, with more time awake after sleep onset (Ohayon et al. 2004, Sleep 27(7), a
 *   meta-analysis of sleep parameters over the lifespan). Typical community-dwelling 65+ bed
 *   times of 21:30–23:00 and wake times of 06:00–07:30 are in line with it; the chronotypes at
 *   either end (05:45 riser, 00:45 night owl) are assumptions.
 * - Night-to-night variation: actigraphy in older adults shows bed and wake times varying by
 *   roughly half an hour to an hour from night to night (reviewed in Bei et al. 2016, Sleep Med
 *   Rev 28). The standard deviations below (20–60 min) follow that; the split into a slow drift
 *   and daily noise is an assumption.
 * - Nocturia: most people over 65 get up at night to pass urine; about half get up twice or
 *   more (NHANES 2009–14: 82 % of 65+ report at least one void a night, 44 % two or more;
 *   Korean KLoSHA 2012: 56 % of men 65+ two or more). Means of 0.7–2 trips a night follow.
 * - Day-time toilet visits: 4–7 a day is the usual range (the ICS counts more than 8 as
 *   increased frequency); older and frail people are at the upper end.
 * - Sitting: accelerometer studies find older adults sedentary for 65–80 % of waking time,
 *   5–9 hours a day (Harvey et al. 2015, "How sedentary are older people?", a systematic
 *   review). seatedShare is the share of free (unscheduled) time spent seated.
 * - Home-care visits: Swedish home care (hemtjänst) ranges from one visit a week to four or
 *   more a day for people with high needs; the visit times here are assumptions.
 * - Dementia: disturbed nights and night-time wandering are common in dementia (sleep
 *   disturbance in roughly a quarter to a third of people with Alzheimer's disease); the rate
 *   of restless nights (35 %) is an assumption in that range.
 * - Meal times follow Swedish habits (lunch 11:30–13:00, dinner 17:00–18:30, afternoon fika);
 *   assumptions, not measurements.
 * Every other number (durations, rates of outings and visitors, wearable compliance) is an
 * assumption chosen so the profiles differ the way the names say.
 */
import type { ProfileName } from './contract.js';

/** A normally distributed quantity, in minutes (a time of day is minutes after local midnight). */
export interface Spread {
  mean: number;
  sd: number;
}

/** A routine carer visit, every day: time of day and length, minutes. */
export interface CarerVisit {
  at: Spread;
  minutes: Spread;
}

export interface ResidentProfile {
  name: ProfileName;
  summary: string;
  /** Getting up on a weekday, minutes after midnight. */
  wake: Spread;
  /** Going to bed, minutes after the midnight that starts the day (over 1440: after midnight). */
  bedtime: Spread;
  /** Saturdays and Sundays start this much later, and Friday and Saturday nights end this much later. */
  weekendShiftMin: number;
  /** Sleep timing drifts slowly: each day keeps this share of yesterday's shift (AR(1)). */
  driftPersistence: number;
  /** The day-to-day change of that drift, sd in minutes. */
  driftSdMin: number;
  /** Breakfast this long after getting up. */
  breakfastAfterWake: Spread;
  lunch: Spread;
  dinner: Spread;
  /** Chance of an afternoon coffee (kettle) on a day. */
  fikaChance: number;
  /** Day-time toilet visits besides the morning and evening routine, mean per day. */
  toiletVisitsPerDay: number;
  /** A toilet visit lasts this long. */
  toiletMin: Spread;
  /** Showers per week, in the morning routine. */
  showersPerWeek: number;
  /** The longest bathroom stay that is ordinary for this person (a shower included), minutes. */
  longestUsualBathroomMin: number;
  /** Night-time toilet trips, mean per night (Poisson). */
  nocturiaPerNight: number;
  /** Outings (shopping, a walk, the day centre) per week, and how long they last. */
  outingsPerWeek: number;
  outingMin: Spread;
  /** Outings start between these times of day, minutes. */
  outingWindow: readonly [number, number];
  /** Share of free time spent seated, and how long one seated spell lasts. */
  seatedShare: number;
  seatedSpellMin: Spread;
  /** The longest still spell in the chair that is ordinary for this person, minutes. */
  longestUsualStillMin: number;
  /** Chance of an afternoon nap in bed, and its length. */
  napChance: number;
  napMin: Spread;
  /** Sitting in the armchair between these times means the TV is on (with this chance). */
  tvWindow: readonly [number, number];
  tvChance: number;
  carerVisits: readonly CarerVisit[];
  /** Social visitors (family, a neighbour) per week, and how long they stay. */
  visitorsPerWeek: number;
  visitorMin: Spread;
  /** Restless nights: chance per night of getting up and moving about, and for how long. */
  restlessNightChance: number;
  restlessMin: Spread;
  /** Walking between rooms takes this many times as long as for a fit person. */
  slowness: number;
  /** Chance of wearing the wearable on a given day (it is never worn in bed unless wornAtNight). */
  wearableCompliance: number;
  wornAtNight: boolean;
  /** Chance of closing the bathroom door behind oneself. */
  closesBathroomDoor: number;
}

const h = (hours: number, minutes = 0) => hours * 60 + minutes;

const EARLY_RISER: ResidentProfile = {
  name: 'early_riser',
  summary: 'up before six, in bed by half past nine; a morning walk most days',
  wake: { mean: h(5, 45), sd: 25 },
  bedtime: { mean: h(21, 30), sd: 30 },
  weekendShiftMin: 15,
  driftPersistence: 0.6,
  driftSdMin: 10,
  breakfastAfterWake: { mean: 25, sd: 8 },
  lunch: { mean: h(11, 30), sd: 20 },
  dinner: { mean: h(17, 0), sd: 25 },
  fikaChance: 0.7,
  toiletVisitsPerDay: 4.5,
  toiletMin: { mean: 5, sd: 2 },
  showersPerWeek: 3,
  longestUsualBathroomMin: 25,
  nocturiaPerNight: 1.2,
  outingsPerWeek: 6,
  outingMin: { mean: 70, sd: 25 },
  outingWindow: [h(8, 0), h(11, 0)],
  seatedShare: 0.55,
  seatedSpellMin: { mean: 40, sd: 20 },
  longestUsualStillMin: 100,
  napChance: 0.3,
  napMin: { mean: 35, sd: 10 },
  tvWindow: [h(17, 30), h(21, 30)],
  tvChance: 0.6,
  carerVisits: [],
  visitorsPerWeek: 1,
  visitorMin: { mean: 50, sd: 15 },
  restlessNightChance: 0,
  restlessMin: { mean: 0, sd: 0 },
  slowness: 1,
  wearableCompliance: 0.85,
  wornAtNight: false,
  closesBathroomDoor: 0.8,
};

const NIGHT_OWL: ResidentProfile = {
  name: 'night_owl',
  summary: 'sleeps late, lunch after one, TV until past midnight',
  wake: { mean: h(9, 0), sd: 40 },
  bedtime: { mean: h(24, 45), sd: 45 },
  weekendShiftMin: 30,
  driftPersistence: 0.7,
  driftSdMin: 15,
  breakfastAfterWake: { mean: 35, sd: 12 },
  lunch: { mean: h(13, 15), sd: 30 },
  dinner: { mean: h(19, 0), sd: 35 },
  fikaChance: 0.6,
  toiletVisitsPerDay: 4,
  toiletMin: { mean: 6, sd: 2 },
  showersPerWeek: 3,
  longestUsualBathroomMin: 30,
  nocturiaPerNight: 0.8,
  outingsPerWeek: 3,
  outingMin: { mean: 90, sd: 30 },
  outingWindow: [h(14, 0), h(17, 0)],
  seatedShare: 0.65,
  seatedSpellMin: { mean: 55, sd: 25 },
  longestUsualStillMin: 130,
  napChance: 0.15,
  napMin: { mean: 30, sd: 10 },
  tvWindow: [h(19, 30), h(25, 0)],
  tvChance: 0.75,
  carerVisits: [],
  visitorsPerWeek: 1.5,
  visitorMin: { mean: 60, sd: 20 },
  restlessNightChance: 0,
  restlessMin: { mean: 0, sd: 0 },
  slowness: 1.1,
  wearableCompliance: 0.7,
  wornAtNight: false,
  closesBathroomDoor: 0.7,
};

const FRAIL_SEATED: ResidentProfile = {
  name: 'frail_seated',
  summary: 'mostly in the armchair, slow on her feet; home care four times a day',
  wake: { mean: h(7, 15), sd: 30 },
  bedtime: { mean: h(21, 0), sd: 30 },
  weekendShiftMin: 0,
  driftPersistence: 0.5,
  driftSdMin: 8,
  breakfastAfterWake: { mean: 45, sd: 10 },
  lunch: { mean: h(12, 0), sd: 20 },
  dinner: { mean: h(17, 0), sd: 20 },
  fikaChance: 0.4,
  toiletVisitsPerDay: 6,
  toiletMin: { mean: 8, sd: 3 },
  showersPerWeek: 2,
  longestUsualBathroomMin: 35,
  nocturiaPerNight: 2,
  outingsPerWeek: 0.3,
  outingMin: { mean: 90, sd: 30 },
  outingWindow: [h(10, 0), h(14, 0)],
  seatedShare: 0.85,
  seatedSpellMin: { mean: 85, sd: 35 },
  longestUsualStillMin: 170,
  napChance: 0.5,
  napMin: { mean: 50, sd: 15 },
  tvWindow: [h(13, 0), h(21, 0)],
  tvChance: 0.7,
  carerVisits: [
    { at: { mean: h(8, 0), sd: 15 }, minutes: { mean: 35, sd: 8 } },
    { at: { mean: h(12, 0), sd: 15 }, minutes: { mean: 20, sd: 5 } },
    { at: { mean: h(16, 45), sd: 15 }, minutes: { mean: 25, sd: 5 } },
    { at: { mean: h(20, 30), sd: 15 }, minutes: { mean: 20, sd: 5 } },
  ],
  visitorsPerWeek: 1,
  visitorMin: { mean: 60, sd: 20 },
  restlessNightChance: 0,
  restlessMin: { mean: 0, sd: 0 },
  slowness: 1.8,
  wearableCompliance: 0.9,
  wornAtNight: false,
  closesBathroomDoor: 0.5,
};

const DEMENTIA_RESTLESS: ResidentProfile = {
  name: 'dementia_restless',
  summary: 'irregular days, often up and about at night; home care three times a day',
  wake: { mean: h(7, 30), sd: 60 },
  bedtime: { mean: h(21, 30), sd: 55 },
  weekendShiftMin: 0,
  driftPersistence: 0.5,
  driftSdMin: 25,
  breakfastAfterWake: { mean: 40, sd: 20 },
  lunch: { mean: h(12, 15), sd: 40 },
  dinner: { mean: h(17, 30), sd: 40 },
  fikaChance: 0.5,
  toiletVisitsPerDay: 6,
  toiletMin: { mean: 6, sd: 3 },
  showersPerWeek: 1.5,
  longestUsualBathroomMin: 30,
  nocturiaPerNight: 1.8,
  outingsPerWeek: 0.7,
  outingMin: { mean: 60, sd: 20 },
  outingWindow: [h(10, 0), h(15, 0)],
  seatedShare: 0.55,
  seatedSpellMin: { mean: 35, sd: 20 },
  longestUsualStillMin: 110,
  napChance: 0.5,
  napMin: { mean: 40, sd: 15 },
  tvWindow: [h(14, 0), h(21, 0)],
  tvChance: 0.4,
  carerVisits: [
    { at: { mean: h(8, 30), sd: 20 }, minutes: { mean: 30, sd: 8 } },
    { at: { mean: h(12, 30), sd: 20 }, minutes: { mean: 20, sd: 5 } },
    { at: { mean: h(18, 0), sd: 20 }, minutes: { mean: 25, sd: 5 } },
  ],
  visitorsPerWeek: 1.5,
  visitorMin: { mean: 70, sd: 25 },
  restlessNightChance: 0.35,
  restlessMin: { mean: 25, sd: 10 },
  slowness: 1.2,
  wearableCompliance: 0.5,
  wornAtNight: false,
  closesBathroomDoor: 0.3,
};

const ACTIVE_OUTGOING: ResidentProfile = {
  name: 'active_outgoing',
  summary: 'out once or twice most days (shopping, the day centre, friends); lunch often out',
  wake: { mean: h(7, 0), sd: 30 },
  bedtime: { mean: h(22, 45), sd: 40 },
  weekendShiftMin: 45,
  driftPersistence: 0.6,
  driftSdMin: 12,
  breakfastAfterWake: { mean: 25, sd: 10 },
  lunch: { mean: h(12, 30), sd: 35 },
  dinner: { mean: h(18, 0), sd: 35 },
  fikaChance: 0.5,
  toiletVisitsPerDay: 4.5,
  toiletMin: { mean: 5, sd: 2 },
  showersPerWeek: 5,
  longestUsualBathroomMin: 25,
  nocturiaPerNight: 0.7,
  outingsPerWeek: 10,
  outingMin: { mean: 110, sd: 45 },
  outingWindow: [h(9, 0), h(18, 0)],
  seatedShare: 0.4,
  seatedSpellMin: { mean: 30, sd: 15 },
  longestUsualStillMin: 80,
  napChance: 0.1,
  napMin: { mean: 25, sd: 8 },
  tvWindow: [h(19, 0), h(22, 30)],
  tvChance: 0.6,
  carerVisits: [],
  visitorsPerWeek: 2,
  visitorMin: { mean: 60, sd: 20 },
  restlessNightChance: 0,
  restlessMin: { mean: 0, sd: 0 },
  slowness: 0.9,
  wearableCompliance: 0.75,
  wornAtNight: false,
  closesBathroomDoor: 0.85,
};

export const PROFILES: Readonly<Record<ProfileName, ResidentProfile>> = {
  early_riser: EARLY_RISER,
  night_owl: NIGHT_OWL,
  frail_seated: FRAIL_SEATED,
  dementia_restless: DEMENTIA_RESTLESS,
  active_outgoing: ACTIVE_OUTGOING,
};

/**
 * A profile as it has drifted under a decline (incident `decline`), `severity` 0 (none) to 1
 * (full): later up, more sitting, fewer outings, slower, more night-time toilet trips. The
 * sizes are assumptions meant to be visible over weeks, not in a day.
 */
export function declined(profile: ResidentProfile, severity: number): ResidentProfile {
  if (severity <= 0) return profile;
  const s = Math.min(1, severity);
  return {
    ...profile,
    wake: { ...profile.wake, mean: profile.wake.mean + 35 * s },
    bedtime: { ...profile.bedtime, mean: profile.bedtime.mean - 20 * s },
    nocturiaPerNight: profile.nocturiaPerNight + 1.5 * s,
    toiletVisitsPerDay: profile.toiletVisitsPerDay + 1 * s,
    outingsPerWeek: profile.outingsPerWeek * (1 - 0.7 * s),
    seatedShare: Math.min(0.95, profile.seatedShare + 0.2 * s),
    seatedSpellMin: { ...profile.seatedSpellMin, mean: profile.seatedSpellMin.mean * (1 + 0.4 * s) },
    napChance: Math.min(0.9, profile.napChance + 0.3 * s),
    fikaChance: profile.fikaChance * (1 - 0.4 * s),
    slowness: profile.slowness * (1 + 0.3 * s),
    visitorsPerWeek: profile.visitorsPerWeek * (1 - 0.3 * s),
  };
}
