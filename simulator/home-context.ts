/**
 * Everything about one home that behaviour, the incident planner and the sensors share: the
 * home, where things are in it, the resident's profile (as it drifts under a decline), the
 * local calendar, the sleep schedule, and whether the wearable is worn on a given day. Each is
 * a pure function of the seed and the date, so the planner can know in advance what the day
 * will look like.
 */
import type { Home } from './contract.js';
import { findDevice, profileOf } from './homes.js';
import { type Places, placesOf } from './layouts.js';
import { addDays, DAY_MS, LocalCalendar, localDate } from './local-time.js';
import { declined, type ResidentProfile } from './profiles.js';
import { createRng, deriveSeed } from './random.js';
import { SleepSchedule } from './sleep-schedule.js';

export interface Decline {
  /** The first local date of the decline. */
  from: string;
  /** Days until it is at full severity. */
  rampDays: number;
}

export interface HomeContext {
  readonly home: Home;
  readonly places: Places;
  /** The profile before any decline. */
  readonly base: ResidentProfile;
  readonly calendar: LocalCalendar;
  readonly schedule: SleepSchedule;
  readonly seed: number;
  /** Start of the run, epoch ms. */
  readonly start: number;
  /** End of the run (exclusive), epoch ms; undefined for an endless run. */
  readonly end: number | undefined;
  /** The local date the run starts on. */
  readonly firstDate: string;
  /** Set by the planner when the resident declines over the run. */
  decline: Decline | undefined;
  /** The profile as lived on `date`. */
  profileOn(date: string): ResidentProfile;
  /** Whether the resident wears the wearable on `date` (false when the home has none). */
  wearsOn(date: string): boolean;
  /** A scenario says whether the wearable is worn on `date`, whatever the profile's compliance. */
  setWearing(date: string, worn: boolean): void;
}

export function createHomeContext(home: Home, seed: number, start: number, end: number | undefined): HomeContext {
  const calendar = new LocalCalendar(home.timeZone);
  const base = profileOf(home);
  const firstDate = localDate(start, home.timeZone);
  const profiles = new Map<string, ResidentProfile>();
  const hasWearable = findDevice(home, 'wearable') !== undefined;
  let decline: Decline | undefined;
  const wearing = new Map<string, boolean>();
  const profileOn = (date: string): ResidentProfile => {
    if (decline === undefined || date < decline.from) return base;
    let profile = profiles.get(date);
    if (profile === undefined) {
      const days = (Date.parse(`${date}T00:00:00Z`) - Date.parse(`${decline.from}T00:00:00Z`)) / DAY_MS;
      profile = declined(base, (days + 1) / decline.rampDays);
      if (profiles.size > 400) profiles.clear();
      profiles.set(date, profile);
    }
    return profile;
  };
  const schedule = new SleepSchedule(profileOn, seed, home.id, calendar, firstDate);
  return {
    home,
    places: placesOf(home),
    base,
    calendar,
    schedule,
    seed,
    start,
    end,
    firstDate,
    get decline() {
      return decline;
    },
    set decline(value) {
      decline = value;
      profiles.clear();
      schedule.forget();
    },
    profileOn,
    setWearing(date, worn) {
      wearing.set(date, worn);
    },
    wearsOn(date) {
      if (!hasWearable) return false;
      const told = wearing.get(date);
      if (told !== undefined) return told;
      return createRng(deriveSeed(seed, home.id, 'wear', date)).chance(profileOn(date).wearableCompliance);
    },
  };
}

/** The local dates of the run, first to last. */
export function runDates(context: HomeContext): string[] {
  if (context.end === undefined) return [];
  const last = localDate(context.end - 1, context.home.timeZone);
  const dates: string[] = [];
  for (let d = context.firstDate; d <= last; d = addDays(d, 1)) dates.push(d);
  return dates;
}
