/**
 * What the evaluator replays: a simulated cohort (all incidents and its incident-free days), or
 * the van Kasteren houses — each with an injected incident per run (for recall) and untouched
 * (for false alerts on real lives, with nothing injected).
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import {
  createCohort,
  DEFAULT_FOUND_AFTER_HOURS,
  DEFAULT_INCIDENT_RATES,
  parseScenario,
  type ReadingSource,
  type Scenario,
  type ScenarioInput,
  type TruthRecord,
} from '../simulator/index.js';
import {
  createReplay,
  IncidentPlacementError,
  type IncidentPlan,
  loadVanKasteren,
  type Replay,
  VAN_KASTEREN_HOUSES,
} from '../simulator/replay/index.js';

/** What a source is scored for: its incidents, its incident-free days, or both. */
export type SourceUse = 'both' | 'incidents' | 'false-alerts';

export interface EvalSource {
  /** `cohort`, `vankasteren/houseA fall_no_recovery seed 7`. */
  name: string;
  use: SourceUse;
  source: ReadingSource;
  truth: TruthRecord[];
  labelOf?: (address: string) => string | undefined;
}

/** Reads a scenario file: `.json` as JSON, anything else as YAML (JSON is YAML too). */
export function readScenario(path: string, seed?: number): Scenario {
  const text = readFileSync(path, 'utf8');
  const data: unknown = extname(path).toLowerCase() === '.json' ? JSON.parse(text) : parseYaml(text);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new Error(`${path}: a scenario is a mapping with seed, start, days and residents`);
  }
  return parseScenario(seed === undefined ? data : { ...data, seed });
}

/**
 * The cohort when no scenario file is given and simulator/scenarios/cohort-20x60.yaml is not
 * there: the same 20 residents × 60 days at the simulator CLI's default incident rates
 * (simulator/cli-scenario.ts DEFAULT_INCIDENT_RATES), raised far above real life so every kind
 * has cases to score.
 */
export const DEFAULT_COHORT: ScenarioInput = {
  name: 'cohort-20x60 (built in)',
  seed: 20,
  start: '2025-03-03',
  days: 60,
  timeZone: 'Europe/Stockholm',
  format: 'z2m',
  residents: { count: 20 },
  incidents: {
    rates: { ...DEFAULT_INCIDENT_RATES },
    foundAfterHours: DEFAULT_FOUND_AFTER_HOURS,
    hospitalDays: [2, 7],
  },
};

export function cohortSource(scenario: Scenario, name = 'cohort'): EvalSource {
  const cohort = createCohort(scenario);
  return { name, use: 'both', source: cohort, truth: cohort.truth() };
}

export interface VanKasterenOptions {
  dataDir: string;
  seed: number;
  /** Injected runs per house and incident kind (seeds seed, seed+1, …). */
  runs: number;
  kinds: readonly IncidentPlan['kind'][];
  houses?: readonly (typeof VAN_KASTEREN_HOUSES)[number][];
}

export interface VanKasterenSources {
  sources: EvalSource[];
  /** Runs that could not be made, in plain words (no moment fits, no front door). */
  skipped: string[];
}

/** Every house untouched, then each house with each incident kind injected `runs` times. */
export function vanKasterenSources(options: VanKasterenOptions): VanKasterenSources {
  const sources: EvalSource[] = [];
  const skipped: string[] = [];
  for (const house of options.houses ?? VAN_KASTEREN_HOUSES) {
    const { dataset, mapping } = loadVanKasteren(house, { dataDir: options.dataDir });
    const untouched = createReplay({ dataset, mapping, seed: options.seed });
    sources.push(replaySource(`${dataset.source} untouched`, 'false-alerts', untouched));
    for (const kind of options.kinds) {
      for (let run = 0; run < options.runs; run++) {
        const seed = options.seed + run;
        try {
          const replay = createReplay({ dataset, mapping, seed, incident: { kind } });
          sources.push(replaySource(`${dataset.source} ${kind} seed ${seed}`, 'incidents', replay));
        } catch (error) {
          if (!(error instanceof IncidentPlacementError)) throw error;
          skipped.push(`${dataset.source} ${kind} seed ${seed}: ${error.message}`);
        }
      }
    }
  }
  return { sources, skipped };
}

function replaySource(name: string, use: SourceUse, replay: Replay): EvalSource {
  const labels = new Map([...replay.devices.values()].map((d) => [d.device.address, d.sensor.label]));
  return { name, use, source: replay, truth: replay.truth(), labelOf: (address) => labels.get(address) };
}
