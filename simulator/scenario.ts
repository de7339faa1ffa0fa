/**
 * A scenario: what a tester asks the simulator to play. A zod schema, so a JSON or YAML file
 * (parsed elsewhere) is checked before anything runs and every default is written here:
 *
 * ```yaml
 * seed: 7
 * start: 2025-03-03        # a local date in timeZone; the run starts at its midnight
 * days: 60
 * timeZone: Europe/Stockholm
 * format: z2m              # or vaka (native; only vaka carries wearable accelerometer windows)
 * residents:               # a mix…
 *   count: 20
 *   profiles: { early_riser: 1, night_owl: 1, frail_seated: 1, dementia_restless: 1, active_outgoing: 1 }
 *   layouts: { flat: 3, studio: 1, house: 1 }
 *   equipment: { wearable: 0.5 }     # chance a home has it; the rest default (DEFAULT_EQUIPMENT_CHANCE)
 * # residents:             # …or each one
 * #   - { profile: frail_seated, layout: studio, equipment: { fallDetector: false } }
 * incidents:
 *   rates: { fall_no_recovery: 0.02, help_button: 0.2 }   # per resident-week
 *   list:
 *     - { kind: fall_no_recovery, resident: 3, day: 20, at: "14:05", room: bathroom }
 *   foundAfterHours: 8       # null (default): not found within the run
 * noise: { lossRate: 0.005, dropoutRate: 0.02 }
 * ```
 */
import { z } from 'zod';
import { PayloadFormat } from '../gateway/contract.js';
import { ProfileName } from './contract.js';
import { TruthKind } from './ground-truth.js';
import { Equipment, LayoutName } from './layouts.js';

/** A scenario that does not parse: the message lists every problem, one a line. */
export class ScenarioError extends Error {
  readonly code = 'VAKA_SIM_SCENARIO';
}

const timeZone = z.string().refine(
  (zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  },
  { error: 'not an IANA time zone, e.g. Europe/Stockholm' },
);

const localTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'expected HH:MM, 00:00–23:59' });

/** Chance (0–1) that a home in a mix has each device, unless the scenario says otherwise (assumptions). */
export const DEFAULT_EQUIPMENT_CHANCE: Readonly<Record<keyof Equipment, number>> = {
  motion: 1,
  frontDoor: 1,
  bathroomDoor: 0.8,
  fridge: 0.8,
  bed: 0.9,
  chair: 0.6,
  kettle: 0.9,
  tv: 0.7,
  wearable: 0.6,
  fallDetector: 0.4,
  helpButton: 0.8,
};

export const ResidentMix = z.object({
  count: z.number().int().min(1).max(100_000),
  /** Relative weights; the mix is shared out exactly (largest remainder), then shuffled. */
  profiles: z.partialRecord(ProfileName, z.number().min(0)).prefault({
    early_riser: 1,
    night_owl: 1,
    frail_seated: 1,
    dementia_restless: 1,
    active_outgoing: 1,
  }),
  layouts: z.partialRecord(LayoutName, z.number().min(0)).prefault({ flat: 3, studio: 1, house: 1 }),
  /** Chance per home of each device (0–1); unnamed devices use DEFAULT_EQUIPMENT_CHANCE. */
  equipment: z.partialRecord(Equipment.keyof(), z.number().min(0).max(1)).prefault({}),
});
export type ResidentMix = z.infer<typeof ResidentMix>;

export const ResidentSpec = z.object({
  name: z.string().min(1).optional(),
  profile: ProfileName,
  layout: LayoutName.default('flat'),
  /** Devices to leave out (false) or put in; unnamed ones are there. */
  equipment: Equipment.partial().prefault({}),
  timeZone: timeZone.optional(),
});
export type ResidentSpec = z.infer<typeof ResidentSpec>;

/** One incident the tester places by hand. Unset details are drawn as for a rate. */
export const IncidentSpec = z.object({
  kind: TruthKind,
  /** 1-based resident number. */
  resident: z.number().int().min(1),
  /**
   * 1-based day of the run. With `at`, the calendar day of that time (02:30 on day 3 is in the
   * night after day 2); without, night-time kinds happen in the night after that day.
   */
  day: z.number().int().min(1),
  at: localTime.optional(),
  /** How long it lasts, minutes (a fall's time down, a stay, a visit, how late a morning). */
  durationMin: z.number().positive().optional(),
  /** Days: a hospital stay's length, a decline's ramp. */
  days: z.number().positive().optional(),
  /** A fall's room, by name or kind. */
  room: z.string().min(1).optional(),
  /** sensor_silent / battery_low: the device's address, role or kind. */
  device: z.string().min(1).optional(),
  /** After a fall without recovery or a night exit; null: not found within the run. */
  foundAfterHours: z.number().positive().nullable().optional(),
  meal: z.enum(['lunch', 'dinner']).optional(),
  /** Whether the resident wears the wearable that day (default: as the profile's compliance has it). */
  wearing: z.boolean().optional(),
});
export type IncidentSpec = z.infer<typeof IncidentSpec>;

export const Scenario = z
  .object({
    name: z.string().optional(),
    seed: z.number().int().min(0).max(4_294_967_295),
    /** Local date in `timeZone`: the run starts at its midnight. */
    start: z.iso.date(),
    days: z.number().int().min(1).max(3650),
    timeZone: timeZone.default('Europe/Stockholm'),
    format: PayloadFormat.default('z2m'),
    /** Home ids are `<idPrefix><n>`: sim1, sim2, … */
    idPrefix: z
      .string()
      .regex(/^[a-z][a-z0-9]{0,15}$/, { error: 'lower-case letters and digits, starting with a letter' })
      .default('sim'),
    residents: z.union([ResidentMix, z.array(ResidentSpec).min(1)]),
    incidents: z
      .object({
        /** Incidents per resident-week, by kind (decline: the chance per resident-week that a decline starts). */
        rates: z.partialRecord(TruthKind, z.number().min(0)).prefault({}),
        list: z.array(IncidentSpec).default([]),
        foundAfterHours: z.number().positive().nullable().default(null),
        /** Hospital stays after being found last this many days. */
        hospitalDays: z.tuple([z.number().positive(), z.number().positive()]).default([2, 7]),
      })
      .prefault({}),
    noise: z
      .object({
        /** Share of messages lost (0–0.5). */
        lossRate: z.number().min(0).max(0.5).default(0.005),
        /** Chance per device and day of a dropout of 10–90 min. */
        dropoutRate: z.number().min(0).max(1).default(0.02),
      })
      .prefault({}),
  })
  .superRefine((s, ctx) => {
    const residents = Array.isArray(s.residents) ? s.residents.length : s.residents.count;
    s.incidents.list.forEach((incident, i) => {
      if (incident.resident > residents) {
        ctx.addIssue({
          code: 'custom',
          path: ['incidents', 'list', i, 'resident'],
          message: `there are ${residents} residents`,
        });
      }
      if (incident.day > s.days) {
        ctx.addIssue({ code: 'custom', path: ['incidents', 'list', i, 'day'], message: `the run has ${s.days} days` });
      }
    });
  });
export type Scenario = z.infer<typeof Scenario>;
export type ScenarioInput = z.input<typeof Scenario>;

/** Parses a scenario (from JSON or YAML, already parsed); throws ScenarioError naming each problem. */
export function parseScenario(input: unknown): Scenario {
  const parsed = Scenario.safeParse(input);
  if (!parsed.success) throw new ScenarioError(z.prettifyError(parsed.error));
  return parsed.data;
}
