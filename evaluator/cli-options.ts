/**
 * The evaluator's command line, parsed once into a typed config. `--help` prints USAGE.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';

export const USAGE = `Usage: npx tsx evaluator/cli.ts [options]

Replays a simulated cohort (and, if given, the van Kasteren houses) through Vaka's engine and
through a fixed-rule baseline, and prints recall within each incident's deadline, median and
p95 time to alert, and false alerts per resident-week on incident-free days, side by side.

Options:
  --scenario FILE      cohort scenario (YAML or JSON); default ${'simulator/scenarios/cohort-20x60.yaml'}
                       if present, else the built-in 20 residents × 60 days
  --no-cohort          skip the cohort (e.g. only the van Kasteren houses)
  --vankasteren DIR    the van Kasteren data folder (houseA.sensors, …): each house A–E untouched
                       (false alerts) and with injected incidents (recall)
  --vk-runs N          injected runs per house and incident kind (default 3)
  --seed N             seed for the cohort (overrides the scenario's) and the injections (default 1)
  --tick-s N           simulated seconds between engine ticks (default 60)
  --sisfall DIR        also report the wearable fall classifier on SisFall, when it is available
  --engines LIST       engines side by side, comma-separated (default vaka,baseline);
                       vaka-fixed is Vaka with its learned rules turned off; vaka+staff and
                       baseline+staff have staff in the loop: hospital stays and nights away
                       registered as context, and an outcome for every alert staff resolve
  --out FILE           write everything as JSON too
  --help               this text`;

export const DEFAULT_SCENARIO = 'simulator/scenarios/cohort-20x60.yaml';

export const ENGINE_NAMES = ['vaka', 'vaka+staff', 'vaka-fixed', 'baseline', 'baseline+staff'] as const;
export type EngineName = (typeof ENGINE_NAMES)[number];

export class UsageError extends Error {
  readonly code = 'VAKA_EVAL_USAGE';
}

const Options = z.strictObject({
  scenario: z.string().min(1).optional(),
  'no-cohort': z.boolean().default(false),
  vankasteren: z.string().min(1).optional(),
  'vk-runs': z.coerce.number().int().min(1).max(100).default(3),
  seed: z.coerce.number().int().min(0).max(4_294_967_295).optional(),
  'tick-s': z.coerce.number().positive().max(3600).default(60),
  sisfall: z.string().min(1).optional(),
  out: z.string().min(1).optional(),
  engines: z
    .string()
    .default('vaka,baseline')
    .transform((text) => text.split(',').map((name) => name.trim()))
    .pipe(z.array(z.enum(ENGINE_NAMES)).min(1)),
  help: z.boolean().default(false),
});

export interface EvalConfig {
  /** Undefined: the built-in cohort. */
  scenario: string | undefined;
  cohort: boolean;
  vanKasteren: string | undefined;
  vkRuns: number;
  seed: number | undefined;
  tickMs: number;
  sisfall: string | undefined;
  out: string | undefined;
  engines: EngineName[];
  help: boolean;
}

export function parseCli(argv: readonly string[], fileExists: (path: string) => boolean = existsSync): EvalConfig {
  let values: Record<string, unknown>;
  try {
    values = parseArgs({
      args: [...argv],
      options: {
        scenario: { type: 'string' },
        'no-cohort': { type: 'boolean' },
        vankasteren: { type: 'string' },
        'vk-runs': { type: 'string' },
        seed: { type: 'string' },
        'tick-s': { type: 'string' },
        sisfall: { type: 'string' },
        out: { type: 'string' },
        engines: { type: 'string' },
        help: { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const parsed = Options.safeParse(values);
  if (!parsed.success) throw new UsageError(z.prettifyError(parsed.error).replace(/\n/g, '; '));
  const o = parsed.data;
  return {
    scenario: o.scenario ?? (fileExists(DEFAULT_SCENARIO) ? DEFAULT_SCENARIO : undefined),
    cohort: !o['no-cohort'],
    vanKasteren: o.vankasteren,
    vkRuns: o['vk-runs'],
    seed: o.seed,
    tickMs: o['tick-s'] * 1000,
    sisfall: o.sisfall,
    out: o.out,
    engines: o.engines,
    help: o.help,
  };
}
