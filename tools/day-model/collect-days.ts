/**
 * Replays a simulated cohort through Vaka's engine and collects every finished day of every
 * resident (the DayProfile records the live service keeps), labelled from the ground truth:
 * which incidents happened that local day, and whether it was one of the resident's
 * incident-free days. The material for choosing DAY-1's scorer (compare-day-models.ts).
 */

import type { EngineSpec } from '../../evaluator/engine-surface.js';
import { replayEngine } from '../../evaluator/replay-engine.js';
import { vakaEngine } from '../../evaluator/vaka-engine.js';
import type { SensorEvent } from '../../gateway/contract.js';
import type { Engine } from '../../service/engine.js';
import { type DayRecord, dateOfDay } from '../../service/model/day/day-profile.js';
import { LocalClock } from '../../service/model/local-time.js';
import { createCohort, type IncidentRecord, type Scenario } from '../../simulator/index.js';

export interface LabelledDay {
  residentId: string;
  record: DayRecord;
  /** Incident kinds that started this local day (any expectation). */
  kinds: string[];
  incidentFree: boolean;
}

export function collectDays(scenario: Scenario): LabelledDay[] {
  const cohort = createCohort(scenario);
  const truth = cohort.truth();
  const base = vakaEngine();
  const seen = new Map<string, DayRecord>();
  let engine: Engine | undefined;
  let residents: string[] = [];
  const spec: EngineSpec = {
    name: 'collect',
    build(env) {
      residents = env.residents.map((r) => r.residentId);
      const e = base.build(env) as Engine;
      engine = e;
      return {
        added: (d, at) => e.added(d, at),
        onEvent: (ev: SensorEvent) => e.onEvent(ev),
        tick(now) {
          for (const id of residents) {
            const last = e.resident(id)?.model.dayProfile.history.at(-1);
            if (last !== undefined) seen.set(`${id}:${last.day}`, structuredClone(last));
          }
          return e.tick(now);
        },
      };
    },
  };
  replayEngine(cohort, truth, { engine: spec });
  if (engine === undefined) throw new Error('engine not built');

  const zones = new Map<string, LocalClock>();
  const free = new Map<string, Set<string>>();
  const byDay = new Map<string, string[]>();
  for (const r of truth) {
    if (r.type === 'run') for (const h of r.homes) zones.set(h.homeId, new LocalClock(h.timeZone));
    if (r.type === 'incident_free_days') free.set(r.homeId, new Set(r.days));
  }
  for (const r of truth) {
    if (r.type !== 'incident') continue;
    const i = r as IncidentRecord;
    const clock = zones.get(i.homeId);
    if (clock === undefined) continue;
    const key = `${i.homeId}:${clock.at(Date.parse(i.start)).day}`;
    byDay.set(key, [...(byDay.get(key) ?? []), i.kind]);
  }
  const out: LabelledDay[] = [];
  for (const [key, record] of seen) {
    const residentId = key.slice(0, key.lastIndexOf(':'));
    out.push({
      residentId,
      record,
      kinds: byDay.get(key) ?? [],
      incidentFree: free.get(residentId)?.has(dateOfDay(record.day)) ?? false,
    });
  }
  return out.sort((a, b) => a.residentId.localeCompare(b.residentId) || a.record.day - b.record.day);
}
