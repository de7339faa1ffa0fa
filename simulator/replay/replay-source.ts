/**
 * A real dataset as a ReadingSource: its sensors' on/off stretches as the readings of Vaka
 * devices, optionally moved to another start date (time of day kept in the home's zone), with at
 * most one injected incident and its ground truth. Deterministic for the same inputs and seed.
 */
import { z } from 'zod';
import type { PayloadFormat } from '../../gateway/contract.js';
import type { ScheduledReading } from '../contract.js';
import type { IncidentFreeDays, IncidentRecord, RunRecord, TruthRecord } from '../ground-truth.js';
import { createRng, deriveSeed } from '../random.js';
import type { ReadingSource } from '../source.js';
import { overnightAbsences } from './absences.js';
import type { ReplayDataset } from './dataset.js';
import { ReplayInputError } from './errors.js';
import { fitHome, type ReplayDevice } from './fit-contract.js';
import { daysBetween, type Evidence, type IncidentPlan, placeIncident } from './incident-plan.js';
import { inject } from './inject.js';
import { mergeIntervals, type OnSpan, spanReadings } from './interval-readings.js';
import type { ReplayMapping } from './mapping.js';
import { SpanIndex } from './span-index.js';
import { DAY_MS, dateToWall, fromWall, isTimeZone, toWall, wallDate, wallMidnight } from './wall-clock.js';

/** The run goes on this long past an incident's deadline, so an evaluator also sees late alerts. */
const AFTER_DEADLINE_MS = 60 * 60_000;

export interface ReplayOptions {
  dataset: ReplayDataset;
  mapping: ReplayMapping;
  /** Seeds the incident's moment (when not given) and the device reports. */
  seed: number;
  /** Device addresses are Vaka ids (`vkA-kitchen-fridge`) or Zigbee2MQTT names (`vkA/kitchen-fridge`). Default `vaka`. */
  format?: PayloadFormat;
  /** Local date (`YYYY-MM-DD`) the first replayed day falls on; omitted: the dataset's own dates. */
  startDate?: string;
  /** The home's IANA zone for the replay (times of day are kept in it); default the mapping's. */
  timeZone?: string;
  incident?: IncidentPlan;
}

export interface Replay extends ReadingSource {
  /** The injected incident, if any. */
  readonly incident: IncidentRecord | undefined;
  /** Stand-ins and sensors left out, in plain words (see fit-contract.ts). */
  readonly notes: readonly string[];
  /** The dataset's devices by sensor id. */
  readonly devices: ReadonlyMap<string, ReplayDevice>;
}

const iso = (ms: number) => new Date(ms).toISOString();

function evidenceOf(
  spans: readonly OnSpan[],
  devices: ReadonlyMap<string, ReplayDevice>,
  dataset: ReplayDataset,
  shift: number,
): Evidence {
  const role = (s: OnSpan) => devices.get(s.sensor)?.sensor;
  const first = spans[0]?.start ?? 0;
  const last = spans.reduce((max, s) => Math.max(max, s.start), first);
  return {
    activity: spans.filter((s) => role(s)?.role !== 'front_door').map((s) => s.start),
    occupied: new SpanIndex(spans.filter((s) => role(s)?.signal === 'occupancy')),
    frontDoor: new SpanIndex(spans.filter((s) => role(s)?.role === 'front_door')),
    away: new SpanIndex(dataset.away.map((a) => ({ start: a.start + shift, end: a.end + shift }))),
    days: daysBetween(first, last),
  };
}

export function createReplay(options: ReplayOptions): Replay {
  const { dataset, mapping, seed } = options;
  const timeZone = options.timeZone ?? mapping.timeZone;
  if (!isTimeZone(timeZone)) throw new ReplayInputError('options', undefined, `time zone "${timeZone}" is not known`);
  if (options.startDate !== undefined && !z.iso.date().safeParse(options.startDate).success) {
    throw new ReplayInputError('options', undefined, `start date "${options.startDate}" is not YYYY-MM-DD`);
  }
  if (dataset.source !== mapping.dataset) {
    throw new ReplayInputError(
      mapping.dataset,
      undefined,
      `the mapping is for ${mapping.dataset}, the data are ${dataset.source}`,
    );
  }
  const merged = mergeIntervals(dataset.intervals);
  const firstSpan = merged[0];
  if (firstSpan === undefined) throw new ReplayInputError(dataset.source, undefined, 'no sensor events to replay');
  // Whole days on the wall clock, so every event keeps its local time of day.
  const shift = options.startDate === undefined ? 0 : dateToWall(options.startDate) - wallMidnight(firstSpan.start);
  const wallSpans = merged.map((s) => ({ ...s, start: s.start + shift, end: s.end + shift }));
  const fitted = fitHome(mapping, new Set(merged.map((s) => s.sensor)), options.format ?? 'vaka', timeZone);
  // Placed by their starts and merged again: a stretch that ran over a spring-forward change
  // keeps its length and may now reach into the next one.
  const placed = mergeIntervals(
    dataset.intervals.map((interval) => ({ ...interval, start: fromWall(interval.start + shift, timeZone) })),
  );
  const all = spanReadings(placed, fitted.devices, mapping.homeId);
  const start = all[0]?.at ?? 0;
  let end = (all[all.length - 1]?.at ?? start) + 1;

  let readings: ScheduledReading[] = all;
  let incident: IncidentRecord | undefined;
  if (options.incident !== undefined) {
    const rng = createRng(deriveSeed(seed, mapping.dataset, 'incident'));
    const wall = placeIncident(options.incident, evidenceOf(wallSpans, fitted.devices, dataset, shift), rng);
    const injected = inject({
      plan: options.incident,
      at: fromWall(wall, timeZone),
      wall,
      readings: all,
      devices: fitted.devices,
      homeId: mapping.homeId,
      resident: mapping.resident,
      timeZone,
      rng,
      id: `${mapping.homeId}-0001`,
    });
    readings = injected.readings;
    incident = injected.record;
    if (incident.deadline !== null) end = Math.max(end, Date.parse(incident.deadline) + AFTER_DEADLINE_MS);
  }

  const home = fitted.home;
  const absences = overnightAbsences(dataset.away, {
    homeId: home.id,
    resident: home.resident,
    timeZone,
    shift,
    start,
    end,
  });
  const run: RunRecord = {
    type: 'run',
    source: mapping.dataset,
    seed,
    start: iso(start),
    end: iso(end),
    format: options.format ?? 'vaka',
    homes: [{ homeId: home.id, resident: home.resident, profile: 'replay', timeZone }],
  };
  const freeDays: IncidentFreeDays = {
    type: 'incident_free_days',
    homeId: home.id,
    resident: home.resident,
    days: incidentFreeDays(start, end, timeZone, incident, absences),
  };
  const truth: TruthRecord[] = [run, ...absences, ...(incident === undefined ? [] : [incident]), freeDays];

  return {
    homes: [home],
    start,
    end,
    incident,
    notes: fitted.notes,
    devices: fitted.devices,
    readings: () => readings.values(),
    truth: () => truth.map((record) => structuredClone(record)),
  };
}

/**
 * Local dates of the run before the incident's date (a terminal incident lasts to the end of
 * the run, so no later day is free of it), less the dates a night away touches. The datasets
 * themselves hold no incidents.
 */
function incidentFreeDays(
  start: number,
  end: number,
  timeZone: string,
  incident: IncidentRecord | undefined,
  absences: readonly IncidentRecord[],
): string[] {
  const first = wallMidnight(toWall(start, timeZone));
  const last = toWall(end - 1, timeZone);
  const stop =
    incident === undefined ? Number.POSITIVE_INFINITY : wallMidnight(toWall(Date.parse(incident.start), timeZone));
  const away = new Set<string>();
  for (const a of absences) {
    const to = toWall(Date.parse(a.end ?? a.start) - 1, timeZone);
    for (let d = wallMidnight(toWall(Date.parse(a.start), timeZone)); d <= to; d += DAY_MS) away.add(wallDate(d));
  }
  const days: string[] = [];
  for (let d = first; d <= last && d < stop; d += DAY_MS) if (!away.has(wallDate(d))) days.push(wallDate(d));
  return days;
}
