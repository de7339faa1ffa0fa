/**
 * Ground truth: what the simulator (or a replayed real dataset with injected incidents) did,
 * so an evaluator can score Vaka's alerts against it. Written as JSON lines, one record per
 * line, in this order: one `run` record, then `incident` records (by start time), then one
 * `incident_free_days` record per resident.
 */
import { z } from 'zod';

const isoTime = z.iso.datetime({ offset: true });
/** A local calendar date in the home's time zone, YYYY-MM-DD. */
const localDate = z.iso.date();

/** Everything the simulator can make happen to a resident or a home. */
export const TruthKind = z.enum([
  // Incidents that should page someone.
  'fall_no_recovery',
  'fall_recovered',
  'help_button',
  'prolonged_inactivity',
  'long_bathroom_stay',
  'night_wandering',
  'night_exit_no_return',
  'missed_morning_routine',
  'missed_meal',
  // A trend over weeks: an insight on the resident's page, never a page.
  'decline',
  // Technical incidents: an operator should hear of them.
  'sensor_silent',
  'battery_low',
  // Expected absences and company: they must NOT page anyone.
  'away_day',
  'hospital_stay',
  'visitor_present',
]);
export type TruthKind = z.infer<typeof TruthKind>;

/** Who should hear about it: a care page, an operator (technical), an insight, or nobody. */
export const Expectation = z.enum(['page', 'technical', 'insight', 'none']);
export type Expectation = z.infer<typeof Expectation>;

export const RunRecord = z.object({
  type: z.literal('run'),
  /** What produced the readings: the simulator, or a replayed dataset (e.g. `vankasteren/houseA`). */
  source: z.string(),
  seed: z.number().int(),
  start: isoTime,
  end: isoTime,
  format: z.enum(['vaka', 'z2m']),
  homes: z.array(z.object({ homeId: z.string(), resident: z.string(), profile: z.string(), timeZone: z.string() })),
});
export type RunRecord = z.infer<typeof RunRecord>;

export const IncidentRecord = z.object({
  type: z.literal('incident'),
  /** Unique within the run and stable for the same seed, e.g. `demo3-0007`. */
  id: z.string(),
  kind: TruthKind,
  expect: Expectation,
  homeId: z.string(),
  resident: z.string(),
  start: isoTime,
  /** When it was over (recovery, return, new battery); null when it does not end within the run. */
  end: isoTime.nullable(),
  /**
   * By when Vaka should have alerted (for `expect` page or technical); null when nothing
   * should alert (expected absences) or for insights. Deadlines per kind are in
   * simulator/incident-catalogue.ts with their reasons.
   */
  deadline: isoTime.nullable(),
  /** The device involved, when one is (the fall detector, the silent sensor). */
  device: z.string().nullable(),
  /** Plain words for a tester: "fell in the bathroom at 03:12, wearable on, no recovery". */
  note: z.string(),
});
export type IncidentRecord = z.infer<typeof IncidentRecord>;

export const IncidentFreeDays = z.object({
  type: z.literal('incident_free_days'),
  homeId: z.string(),
  resident: z.string(),
  /** Local dates with no incident of any kind, expected absences included: where false alarms are counted. */
  days: z.array(localDate),
});
export type IncidentFreeDays = z.infer<typeof IncidentFreeDays>;

export const TruthRecord = z.discriminatedUnion('type', [RunRecord, IncidentRecord, IncidentFreeDays]);
export type TruthRecord = z.infer<typeof TruthRecord>;

/** One record per line. */
export function toJsonLines(records: readonly TruthRecord[]): string {
  return records.map((r) => JSON.stringify(r)).join('\n') + (records.length > 0 ? '\n' : '');
}

/** Parses a ground-truth file; a bad line is an error naming its line number. */
export function parseJsonLines(text: string): TruthRecord[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      const parsed = TruthRecord.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`ground truth line ${i + 1}: ${z.prettifyError(parsed.error)}`);
      return parsed.data;
    });
}
