/**
 * From a parsed command to what it plays: a cohort (scenario file or flags), demo homes living
 * their everyday life, or a replayed dataset. Files are opened here; their problems are
 * InputErrors (exit 1) naming the file.
 */
import { basename } from 'node:path';
import type { PayloadFormat } from '../gateway/contract.js';
import type { CohortChoice, ReplayChoice } from './cli-options.js';
import { readScenarioFile } from './cli-scenario-file.js';
import { type Cohort, createCohort } from './cohort.js';
import type { Home } from './contract.js';
import { demoHomes } from './homes.js';
import { liveSource } from './live-source.js';
import { localDate } from './local-time.js';
import {
  createReplay,
  type IncidentPlan,
  loadVanKasteren,
  type Replay,
  readEventLog,
  readMapping,
} from './replay/index.js';
import type { ReadingSource } from './source.js';

/** What a command plays, with what to say about it. */
export interface Playable {
  source: ReadingSource;
  format: PayloadFormat;
  seed: number;
  /** E.g. `cohort-20x60.yaml: 20 homes, 60 days from 2025-03-03`. */
  description: string;
}

export function loadCohort(choice: Exclude<CohortChoice, { from: 'live' }>): Cohort {
  const scenario =
    choice.from === 'file'
      ? readScenarioFile(choice.path, { seed: choice.seed, format: choice.format })
      : choice.scenario;
  return createCohort(scenario);
}

export function describeCohort(choice: Exclude<CohortChoice, { from: 'live' }>, cohort: Cohort): string {
  const s = cohort.scenario;
  const from = choice.from === 'file' ? `${basename(choice.path)}: ` : '';
  return `${from}${cohort.homes.length} home(s), ${s.days} day(s) from ${s.start} (${s.timeZone})`;
}

/** A cohort, or demo homes from `start` (default now) with no end. `randomSeed` is used when a live run has none. */
export function playableOf(choice: CohortChoice, now: number, randomSeed: () => number): Playable {
  if (choice.from !== 'live') {
    const cohort = loadCohort(choice);
    return {
      source: cohort,
      format: cohort.format,
      seed: cohort.scenario.seed,
      description: describeCohort(choice, cohort),
    };
  }
  const seed = choice.seed ?? randomSeed();
  const start = choice.start ?? now;
  const homes = demoHomes(choice.residents, choice.format);
  return {
    source: liveSource(homes, { seed, start, format: choice.format }),
    format: choice.format,
    seed,
    description: `${homes.length} demo home(s), live from ${new Date(start).toISOString().slice(0, 16).replace('T', ' ')} UTC`,
  };
}

/** Just the homes (for list and --direct): no readings are generated. */
export function homesOf(choice: CohortChoice): { homes: readonly Home[]; format: PayloadFormat; seed: number } {
  if (choice.from === 'live') {
    return { homes: demoHomes(choice.residents, choice.format), format: choice.format, seed: choice.seed ?? 0 };
  }
  const cohort = loadCohort(choice);
  return { homes: cohort.homes, format: cohort.format, seed: cohort.scenario.seed };
}

export interface ReplayRequest {
  replay: ReplayChoice;
  incident: IncidentPlan | undefined;
  startDate: string | undefined;
  timeZone: string | undefined;
  seed: number;
  format: PayloadFormat;
}

export function loadReplay(request: ReplayRequest): { replay: Replay; description: string } {
  const { replay: choice } = request;
  const { dataset, mapping } =
    choice.from === 'vankasteren'
      ? loadVanKasteren(choice.house, choice.dataDir === undefined ? {} : { dataDir: choice.dataDir })
      : (() => {
          const m = readMapping(choice.mapping);
          return { dataset: readEventLog(choice.eventLog, m), mapping: m };
        })();
  const replay = createReplay({
    dataset,
    mapping,
    seed: request.seed,
    format: request.format,
    ...(request.startDate === undefined ? {} : { startDate: request.startDate }),
    ...(request.timeZone === undefined ? {} : { timeZone: request.timeZone }),
    ...(request.incident === undefined ? {} : { incident: request.incident }),
  });
  const zone = replay.homes[0]?.timeZone ?? mapping.timeZone;
  const days = Math.round(((replay.end ?? replay.start) - replay.start) / 86_400_000);
  const incident =
    replay.incident === undefined ? 'no incident' : `${replay.incident.kind} at ${replay.incident.start}`;
  return {
    replay,
    description: `${dataset.source}: 1 home, ${days} day(s) from ${localDate(replay.start, zone)} (${zone}), ${incident}`,
  };
}
