/** The realism summary's JSON form: the same numbers as the text table. */
import { z } from 'zod';

/** Local clock time, HH:MM. */
const clockTime = z.string().regex(/^\d\d:\d\d$/);
/** Per resident-day, by a key such as a room kind. */
const rates = z.record(z.string(), z.number());

export const MorningRow = z.object({
  /** A resident profile, or `all`. */
  profile: z.string(),
  residentDays: z.number(),
  /** Resident-days with any activity in the morning window (04:00–12:00 local). */
  days: z.number().int(),
  /** First activity of the morning, local time, to the minute; null with no mornings. */
  median: clockTime.nullable(),
  p25: clockTime.nullable(),
  p75: clockTime.nullable(),
});
export type MorningRow = z.infer<typeof MorningRow>;

export const RealismSummary = z.object({
  homes: z.number().int(),
  start: z.iso.datetime(),
  end: z.iso.datetime(),
  /** Homes × simulated days. */
  residentDays: z.number(),
  /** Local 00:00–06:00 windows within the run, summed over homes. */
  residentNights: z.number(),
  /** Readings: each is one MQTT message. */
  messages: z.number().int(),
  messagesPerResidentDay: z.number(),
  perResidentDay: z.object({ byRoomKind: rates, bySensorKind: rates, byReadingKind: rates }),
  firstMorningActivity: z.array(MorningRow),
  /** Resident activity (not device reports) between 00:00 and 06:00 local. */
  night: z.object({ events: z.number().int(), perNight: z.number() }),
  /** Entries into a bathroom: motion there after motion elsewhere. */
  bathroomVisits: z.object({ entries: z.number().int(), perResidentDay: z.number() }),
  /** Incidents in the ground truth. */
  incidents: z.object({
    total: z.number().int(),
    byKind: z.record(z.string(), z.number().int()),
    byExpectation: z.record(z.string(), z.number().int()),
  }),
});
export type RealismSummary = z.infer<typeof RealismSummary>;
