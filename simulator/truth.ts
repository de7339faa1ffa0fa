/**
 * The ground truth of a simulated run, as ground-truth.ts defines it: the run, every incident
 * (by start), and each resident's incident-free days. Times are written in the home's local
 * offset, so a tester reads "03:12" where the resident lived it.
 */
import type { PayloadFormat } from '../gateway/contract.js';
import type { Home } from './contract.js';
import type { IncidentFreeDays, IncidentRecord, RunRecord, TruthRecord } from './ground-truth.js';
import { addDays, localDate, zoneOffset } from './local-time.js';
import type { ReadingSource } from './source.js';

/** An incident as the truth needs it. */
export interface TruthIncident {
  id: string;
  kind: IncidentRecord['kind'];
  expect: IncidentRecord['expect'];
  start: number;
  end: number | null;
  deadline: number | null;
  device: string | null;
  note: string;
}

/** `2025-03-03T14:03:00.000+01:00`: the moment in the zone's local time with its offset. */
export function isoLocal(at: number, timeZone: string): string {
  const offset = zoneOffset(at, timeZone);
  const local = new Date(at + offset).toISOString().slice(0, 23);
  const sign = offset < 0 ? '-' : '+';
  const minutes = Math.abs(offset) / 60_000;
  return `${local}${sign}${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

export function incidentRecord(home: Home, incident: TruthIncident): IncidentRecord {
  const iso = (at: number) => isoLocal(at, home.timeZone);
  return {
    type: 'incident',
    id: incident.id,
    kind: incident.kind,
    expect: incident.expect,
    homeId: home.id,
    resident: home.resident,
    start: iso(incident.start),
    end: incident.end === null ? null : iso(incident.end),
    deadline: incident.deadline === null ? null : iso(incident.deadline),
    device: incident.device,
    note: incident.note,
  };
}

/**
 * The local dates of [start, end) that no incident touches. An incident touches every date
 * from its start to the later of its end and its deadline (to the end of the run if it does
 * not end), so an alert that comes late for it does not count as a false alarm on a clean day.
 */
export function incidentFreeDays(
  home: Home,
  start: number,
  end: number,
  incidents: readonly TruthIncident[],
): IncidentFreeDays {
  const first = localDate(start, home.timeZone);
  const last = localDate(end - 1, home.timeZone);
  const touched = new Set<string>();
  for (const incident of incidents) {
    const from = localDate(Math.max(start, incident.start), home.timeZone);
    const until = incident.end === null ? end - 1 : Math.max(incident.end, incident.deadline ?? incident.start);
    const to = localDate(Math.min(end - 1, until), home.timeZone);
    for (let d = from; d <= to; d = addDays(d, 1)) touched.add(d);
  }
  const days: string[] = [];
  for (let d = first; d <= last; d = addDays(d, 1)) if (!touched.has(d)) days.push(d);
  return { type: 'incident_free_days', homeId: home.id, resident: home.resident, days };
}

export interface RunInfo {
  source: string;
  seed: number;
  start: number;
  end: number;
  format: PayloadFormat;
  homes: readonly { home: Home; profile: string }[];
}

export function runRecord(run: RunInfo): RunRecord {
  const zone = run.homes[0]?.home.timeZone ?? 'UTC';
  return {
    type: 'run',
    source: run.source,
    seed: run.seed,
    start: isoLocal(run.start, zone),
    end: isoLocal(run.end, zone),
    format: run.format,
    homes: run.homes.map(({ home, profile }) => ({
      homeId: home.id,
      resident: home.resident,
      profile,
      timeZone: home.timeZone,
    })),
  };
}

/** The whole truth: the run, incidents by start (ties in home order), then each home's incident-free days. */
export function truthRecords(run: RunInfo, incidents: ReadonlyMap<string, readonly TruthIncident[]>): TruthRecord[] {
  const all: { at: number; order: number; record: IncidentRecord }[] = [];
  run.homes.forEach(({ home }, order) => {
    for (const incident of incidents.get(home.id) ?? [])
      all.push({ at: incident.start, order, record: incidentRecord(home, incident) });
  });
  all.sort((a, b) => a.at - b.at || a.order - b.order || (a.record.id < b.record.id ? -1 : 1));
  return [
    runRecord(run),
    ...all.map((a) => a.record),
    ...run.homes.map(({ home }) => incidentFreeDays(home, run.start, run.end, incidents.get(home.id) ?? [])),
  ];
}

/**
 * A source's truth with more incidents added (those triggered on demand), incident-free days
 * recounted, and the run ending at `end` (an endless run: the current simulated time).
 */
export function withIncidents(
  source: ReadingSource,
  homes: readonly Home[],
  added: ReadonlyMap<string, readonly TruthIncident[]>,
  end: number,
): TruthRecord[] {
  const records = source.truth();
  const run = records.find((r) => r.type === 'run');
  if (run === undefined || (added.size === 0 && source.end !== undefined)) return records;
  const incidents = new Map<string, TruthIncident[]>();
  for (const r of records) {
    if (r.type !== 'incident') continue;
    const list = incidents.get(r.homeId) ?? [];
    list.push(fromRecord(r));
    incidents.set(r.homeId, list);
  }
  for (const [homeId, list] of added) incidents.set(homeId, [...(incidents.get(homeId) ?? []), ...list]);
  return truthRecords(
    {
      source: run.source,
      seed: run.seed,
      start: source.start,
      end: Math.max(end, source.start + 1),
      format: run.format,
      homes: homes.map((home) => ({ home, profile: run.homes.find((h) => h.homeId === home.id)?.profile ?? '' })),
    },
    incidents,
  );
}

function fromRecord(r: IncidentRecord): TruthIncident {
  return {
    id: r.id,
    kind: r.kind,
    expect: r.expect,
    start: Date.parse(r.start),
    end: r.end === null ? null : Date.parse(r.end),
    deadline: r.deadline === null ? null : Date.parse(r.deadline),
    device: r.device,
    note: r.note,
  };
}
