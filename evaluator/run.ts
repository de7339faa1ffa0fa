/**
 * The whole evaluation for a parsed command line: the cohort, the van Kasteren houses, and —
 * through a hook, so this module does not depend on it — the wearable fall classifier's SisFall
 * figures.
 */

import { parseScenario } from '../simulator/index.js';
import { baselineEngine } from './baseline/engine.js';
import type { EngineName, EvalConfig } from './cli-options.js';
import { type EngineSpec, withStaff } from './engine-surface.js';
import { evaluateGroup, type GroupReport } from './evaluate.js';
import { formatGroup } from './report.js';
import { cohortSource, DEFAULT_COHORT, readScenario, vanKasterenSources } from './sources.js';
import { vakaEngine, vakaFixedEngine } from './vaka-engine.js';

/** Injected into the van Kasteren houses: the incidents the replay can inject (docs/replay.md). */
const VK_KINDS = ['fall_no_recovery', 'night_exit_no_return'] as const;
const DEFAULT_VK_SEED = 1;

const ENGINES: Record<EngineName, () => EngineSpec> = {
  vaka: () => vakaEngine(),
  'vaka+staff': () => withStaff(vakaEngine()),
  'vaka-fixed': () => vakaFixedEngine(),
  baseline: () => baselineEngine(),
  'baseline+staff': () => withStaff(baselineEngine()),
};

export interface FallClassifierReport {
  /** Printed as is (Markdown). */
  text: string;
  /** Written to --out. */
  data: unknown;
}

export interface EvaluationHooks {
  /** The wearable fall classifier's figures on SisFall (service/model/fall/), when `--sisfall` is given. */
  fallClassifier?: ((dataDir: string) => Promise<FallClassifierReport>) | undefined;
  /** Progress lines (stderr in the CLI). */
  progress?: ((line: string) => void) | undefined;
  /** The engines compared, instead of the config's names. */
  engines?: readonly EngineSpec[] | undefined;
}

export interface Evaluation {
  groups: GroupReport[];
  fallClassifier: { dataDir: string; report: FallClassifierReport } | { dataDir: string; unavailable: string } | null;
}

export async function runEvaluation(config: EvalConfig, hooks: EvaluationHooks = {}): Promise<Evaluation> {
  const engines = hooks.engines ?? config.engines.map((name) => ENGINES[name]());
  const progress = hooks.progress ?? (() => {});
  const options = {
    tickMs: config.tickMs,
    onReplay: (source: string, engine: string, wallMs: number) =>
      progress(`replayed ${source} through ${engine} in ${(wallMs / 1000).toFixed(2)} s`),
  };
  const groups: GroupReport[] = [];

  if (config.cohort) {
    const scenario =
      config.scenario === undefined
        ? parseScenario(config.seed === undefined ? DEFAULT_COHORT : { ...DEFAULT_COHORT, seed: config.seed })
        : readScenario(config.scenario, config.seed);
    const residents = Array.isArray(scenario.residents) ? scenario.residents.length : scenario.residents.count;
    const from = config.scenario ?? 'the built-in cohort (evaluator/sources.ts)';
    const description =
      `Simulated cohort from ${from}: ${residents} residents × ${scenario.days} days from ${scenario.start}, ` +
      `seed ${scenario.seed}, ${scenario.format} payloads, ticks every ${config.tickMs / 1000} s.`;
    groups.push(evaluateGroup('Simulated cohort', description, [cohortSource(scenario)], engines, options));
  }

  if (config.vanKasteren !== undefined) {
    const seed = config.seed ?? DEFAULT_VK_SEED;
    const { sources, skipped } = vanKasterenSources({
      dataDir: config.vanKasteren,
      seed,
      runs: config.vkRuns,
      kinds: VK_KINDS,
    });
    const description =
      `van Kasteren houses A–C (van Kasteren et al., UbiComp 2008) and D–E (Tapia et al., Pervasive 2004) ` +
      `from ${config.vanKasteren}: each house replayed untouched (false alerts on real lives) and with ` +
      `${config.vkRuns} injected run${config.vkRuns === 1 ? '' : 's'} per incident kind (${VK_KINDS.join(', ')}; seeds ${seed}–${seed + config.vkRuns - 1}).`;
    groups.push(evaluateGroup('van Kasteren houses', description, sources, engines, options, skipped));
  }

  let fallClassifier: Evaluation['fallClassifier'] = null;
  if (config.sisfall !== undefined) {
    fallClassifier =
      hooks.fallClassifier === undefined
        ? { dataDir: config.sisfall, unavailable: 'no fall classifier evaluation is available in this build' }
        : { dataDir: config.sisfall, report: await hooks.fallClassifier(config.sisfall) };
  }
  return { groups, fallClassifier };
}

export function formatEvaluation(evaluation: Evaluation): string {
  const parts = evaluation.groups.map(formatGroup);
  const fc = evaluation.fallClassifier;
  if (fc !== null) {
    parts.push(
      `### Wearable fall classifier on SisFall (${fc.dataDir})\n\n${'report' in fc ? fc.report.text : `Not reported: ${fc.unavailable}.`}`,
    );
  }
  return `${parts.join('\n\n')}\n`;
}
