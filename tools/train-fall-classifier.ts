/**
 * Trains Vaka's wearable fall classifier on SisFall and writes the weights the service loads
 * (service/model/fall/fall-model.json). Seeded: the same data and flags give the same file.
 *
 *   npx tsx tools/train-fall-classifier.ts [--data DIR] [--out FILE] [--json FILE]
 *     [--window 4] [--hop 1] [--hidden 16,8] [--epochs 40] [--seed N] [--fall-weight 1]
 *     [--folds 5] [--dry-run]
 *
 * Data: SisFall (Sucerquia, López, Vargas-Bonilla, Sensors 17(1):198, 2017), read from
 * --data (default ../shared/data/sisfall-50hz, relative to the working directory).
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import type { TrialMetrics } from '../service/model/fall/metrics.js';
import { DEFAULT_SISFALL_DIR } from '../service/model/fall/sisfall.js';
import { DEFAULT_NETWORK } from '../service/model/fall/train.js';
import { runTraining } from '../service/model/fall/training-run.js';
import { loadTf } from '../service/tf/load-tf.js';

const DEFAULT_OUT = 'service/model/fall/fall-model.json';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: DEFAULT_SISFALL_DIR },
    out: { type: 'string', default: DEFAULT_OUT },
    json: { type: 'string' },
    window: { type: 'string', default: '4' },
    hop: { type: 'string', default: '1' },
    hidden: { type: 'string', default: DEFAULT_NETWORK.hidden.join(',') },
    epochs: { type: 'string', default: String(DEFAULT_NETWORK.epochs) },
    seed: { type: 'string', default: String(DEFAULT_NETWORK.seed) },
    'fall-weight': { type: 'string', default: String(DEFAULT_NETWORK.fallWeight) },
    'learning-rate': { type: 'string', default: String(DEFAULT_NETWORK.learningRate) },
    batch: { type: 'string', default: String(DEFAULT_NETWORK.batchSize) },
    folds: { type: 'string', default: '5' },
    persistence: { type: 'string', default: '1' },
    'dry-run': { type: 'boolean', default: false },
  },
});

const numbers = (s: string) => s.split(',').filter(Boolean).map(Number);
const started = performance.now();
const { tf, backend } = await loadTf(pino({ level: 'warn' }), ['wasm', 'cpu']);
const result = await runTraining(tf, {
  dataDir: values.data,
  window: { lengthS: Number(values.window), hopS: Number(values.hop) },
  network: {
    ...DEFAULT_NETWORK,
    hidden: numbers(values.hidden),
    epochs: Number(values.epochs),
    seed: Number(values.seed),
    fallWeight: Number(values['fall-weight']),
    learningRate: Number(values['learning-rate']),
    batchSize: Number(values.batch),
  },
  folds: Number(values.folds),
  persistences: numbers(values.persistence),
  log: (line) => console.log(line),
});
const seconds = (performance.now() - started) / 1000;

const line = (name: string, m: TrialMetrics) =>
  `${name.padEnd(28)} sensitivity ${pct(m.sensitivity)} (${m.detected}/${m.falls})  specificity ${pct(m.specificity)} (${m.activities - m.falseAlarms}/${m.activities})`;
console.log(`\nbackend ${backend}; window ${values.window} s every ${values.hop} s`);
console.log(`rule ${JSON.stringify(result.rule.thresholds)}`);
console.log(`network decision ${JSON.stringify(result.network.decision)}; using: ${result.model.use}`);
console.log(line('rule, cross-validation', result.rule.cv));
console.log(line('network, cross-validation', result.network.cv));
console.log(
  '(cross-validation: each fold network on its own held-out people; held-out: the ensemble of the fold networks)',
);
console.log(line('rule, held-out people', result.rule.test));
console.log(line('network, held-out people', result.network.test));
console.log(
  `held-out misses and false alarms, network: ${failures(result.network.test)}; rule: ${failures(result.rule.test)}`,
);
console.log(
  `time: load ${result.seconds.load.toFixed(1)} s, cross-validation ${result.seconds.crossValidation.toFixed(1)} s, rule fit ${result.seconds.rule.toFixed(1)} s, total ${seconds.toFixed(1)} s`,
);

if (!values['dry-run']) {
  writeFileSync(values.out, `${JSON.stringify(result.model)}\n`);
  // Formatted as the repository's formatter wants it, so `npm run lint` stays clean.
  const formatted = spawnSync('npx', ['--no-install', 'biome', 'format', '--write', values.out], { stdio: 'ignore' });
  console.log(`wrote ${values.out}${formatted.status === 0 ? '' : ' (biome format failed: run it by hand)'}`);
}
if (values.json !== undefined) {
  writeFileSync(values.json, `${JSON.stringify({ ...result, model: undefined, totalSeconds: seconds }, null, 2)}\n`);
}

function failures(m: TrialMetrics): string {
  const parts = Object.entries(m.byCode)
    .filter(([code, c]) => (code.startsWith('F') ? c.raised < c.trials : c.raised > 0))
    .map(([code, c]) => `${code} ${code.startsWith('F') ? c.trials - c.raised : c.raised}/${c.trials}`);
  return parts.join(', ') || 'none';
}

function pct(x: number): string {
  return `${(100 * x).toFixed(1)}%`;
}
