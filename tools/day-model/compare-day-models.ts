/**
 * `npx tsx tools/day-model/compare-day-models.ts [--seed 20] [--train-seed 21] [--days 60]`:
 * chooses DAY-1's scorer by measurement. Every resident's days of a simulated cohort are scored
 * against that resident's own previous days (as the live service would, HISTORY_DAYS back),
 * by plain statistics and by TensorFlow.js dense autoencoders, and each scorer is judged by how
 * well it separates days with an incident from incident-free days: AUC, and recall of
 * incident days when the threshold lets through 2 % / 5 % of incident-free days.
 * Results go into docs/day-model.md.
 */
import { parseArgs } from 'node:util';
import pino from 'pino';
import { CONTEXT_KINDS, DAY_CHANGING_KINDS } from '../../evaluator/insight-score.js';
import { DEFAULT_COHORT } from '../../evaluator/sources.js';
import { type DayRecord, HISTORY_DAYS } from '../../service/model/day/day-profile.js';
import { cellNorm, statsScore, zScores } from '../../service/model/day/day-stats.js';
import {
  dayVector,
  MIN_REFERENCE_DAYS,
  meanSd,
  referenceDays,
  VECTOR_SIZE,
} from '../../service/model/day/day-vector.js';
import { loadTf, type Tf } from '../../service/tf/load-tf.js';
import { parseScenario } from '../../simulator/index.js';
import { collectDays, type LabelledDay } from './collect-days.js';

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '20' },
    'train-seed': { type: 'string', default: '21' },
    days: { type: 'string', default: '60' },
    residents: { type: 'string', default: '20' },
  },
});
const scenarioOf = (seed: number) =>
  parseScenario({
    ...DEFAULT_COHORT,
    seed,
    days: Number(values.days),
    residents: { count: Number(values.residents) },
  });

const DAY_KINDS = DAY_CHANGING_KINDS;

interface Judged {
  day: LabelledDay;
  reference: DayRecord[];
}

/** Each day with its reference (the resident's previous days), once there are enough. */
function judgeable(days: readonly LabelledDay[]): Judged[] {
  const out: Judged[] = [];
  const byResident = new Map<string, LabelledDay[]>();
  for (const d of days) byResident.set(d.residentId, [...(byResident.get(d.residentId) ?? []), d]);
  for (const list of byResident.values()) {
    for (let i = 0; i < list.length; i++) {
      const day = list[i] as LabelledDay;
      const history = list.slice(Math.max(0, i - HISTORY_DAYS), i).map((d) => d.record);
      const reference = referenceDays(day.record, history);
      if (reference.length >= MIN_REFERENCE_DAYS) out.push({ day, reference });
    }
  }
  return out;
}

type Scorer = (j: Judged) => number;

function topZ(j: Judged): number {
  const z = zScores(j.day.record, cellNorm(j.reference))
    .map(Math.abs)
    .sort((a, b) => b - a);
  return ((z[0] ?? 0) + (z[1] ?? 0) + (z[2] ?? 0) + (z[3] ?? 0) + (z[4] ?? 0)) / 5;
}

const clip = (v: number[]) => v.map((x) => Math.max(-6, Math.min(6, x)));

function autoencoder(tf: Tf, sizes: number[]) {
  const model = tf.sequential();
  sizes.slice(1).forEach((units, i) => {
    const last = i === sizes.length - 2;
    model.add(
      tf.layers.dense({
        units,
        activation: last ? 'linear' : 'relu',
        ...(i === 0 ? { inputShape: [sizes[0] as number] } : {}),
      }),
    );
  });
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError' });
  return model;
}

function mse(tf: Tf, model: ReturnType<typeof autoencoder>, rows: number[][]): number[] {
  return tf.tidy(() => {
    const x = tf.tensor2d(rows);
    const y = model.predict(x) as ReturnType<Tf['tensor2d']>;
    return Array.from(x.sub(y).square().mean(1).dataSync());
  });
}

/** Per resident: an autoencoder over the resident's own z-scored days, retrained weekly; score = error z against its training errors. */
async function perResidentAe(tf: Tf, judged: readonly Judged[]): Promise<Map<Judged, number>> {
  const scores = new Map<Judged, number>();
  const cache = new Map<string, { model: ReturnType<typeof autoencoder>; mean: number; sd: number; at: number }>();
  let trainMs = 0;
  let trainings = 0;
  for (const j of judged) {
    const key = j.day.residentId;
    let entry = cache.get(key);
    if (entry === undefined || j.day.record.day - entry.at >= 7) {
      entry?.model.dispose();
      const norm = cellNorm(j.reference);
      const rows = j.reference.map((d) => clip(zScores(d, norm)));
      const model = autoencoder(tf, [VECTOR_SIZE, 16, 4, 16, VECTOR_SIZE]);
      const t0 = performance.now();
      await model.fit(tf.tensor2d(rows), tf.tensor2d(rows), { epochs: 150, batchSize: 64, verbose: 0 });
      trainMs += performance.now() - t0;
      trainings++;
      const errs = meanSd(mse(tf, model, rows));
      entry = { model, mean: errs.mean, sd: Math.max(1e-3, errs.sd), at: j.day.record.day };
      cache.set(key, entry);
    }
    const row = clip(zScores(j.day.record, cellNorm(j.reference)));
    const e = mse(tf, entry.model, [row])[0] ?? 0;
    scores.set(j, (e - entry.mean) / entry.sd);
  }
  process.stderr.write(`per-resident AE: ${trainings} trainings, ${(trainMs / trainings).toFixed(0)} ms each\n`);
  return scores;
}

/** Population: one autoencoder over z-scored days of another cohort's residents; score = reconstruction error. */
async function populationAe(tf: Tf, train: readonly Judged[]) {
  const rows = train.filter((j) => j.day.incidentFree).map((j) => clip(zScores(j.day.record, cellNorm(j.reference))));
  const model = autoencoder(tf, [VECTOR_SIZE, 24, 8, 24, VECTOR_SIZE]);
  const t0 = performance.now();
  await model.fit(tf.tensor2d(rows), tf.tensor2d(rows), { epochs: 60, batchSize: 64, verbose: 0, shuffle: true });
  process.stderr.write(`population AE: ${rows.length} rows, ${(performance.now() - t0).toFixed(0)} ms\n`);
  return (j: Judged) => mse(tf, model, [clip(zScores(j.day.record, cellNorm(j.reference)))])[0] ?? 0;
}

/** Population, second form: the day minus the resident's usual day (log counts, not scaled). */
async function populationCentredAe(tf: Tf, train: readonly Judged[]) {
  const centred = (j: Judged) => {
    const norm = cellNorm(j.reference);
    return clip(dayVector(j.day.record).map((x, i) => x - (norm.mean[i] ?? 0)));
  };
  const rows = train.filter((j) => j.day.incidentFree).map(centred);
  const model = autoencoder(tf, [VECTOR_SIZE, 24, 8, 24, VECTOR_SIZE]);
  await model.fit(tf.tensor2d(rows), tf.tensor2d(rows), { epochs: 60, batchSize: 64, verbose: 0, shuffle: true });
  return (j: Judged) => mse(tf, model, [centred(j)])[0] ?? 0;
}

function auc(pos: readonly number[], neg: readonly number[]): number {
  let wins = 0;
  for (const p of pos) for (const n of neg) wins += p > n ? 1 : p === n ? 0.5 : 0;
  return wins / (pos.length * neg.length);
}

/** The score that no more than `fpr` of the incident-free days exceed. */
function thresholdAt(neg: readonly number[], fpr: number): number {
  const sorted = [...neg].sort((a, b) => b - a);
  return sorted[Math.floor(fpr * sorted.length)] ?? Number.POSITIVE_INFINITY;
}

function recallAt(pos: readonly number[], neg: readonly number[], fpr: number): number {
  const threshold = thresholdAt(neg, fpr);
  return pos.filter((p) => p > threshold).length / pos.length;
}

async function main() {
  const { tf, backend } = await loadTf(pino({ level: 'silent' }), ['wasm', 'cpu']);
  const t0 = performance.now();
  const test = judgeable(collectDays(scenarioOf(Number(values.seed))));
  const train = judgeable(collectDays(scenarioOf(Number(values['train-seed']))));
  process.stderr.write(
    `collected ${test.length} + ${train.length} judged days in ${((performance.now() - t0) / 1000).toFixed(1)} s (tf ${backend})\n`,
  );

  const scorers: Record<string, Scorer> = {
    'stats: rms z': (j) => statsScore(j.day.record, j.reference),
    'stats: top-5 |z|': topZ,
  };
  const pop = await populationAe(tf, train);
  scorers['AE population (z in, other cohort)'] = pop;
  scorers['AE population (centred log in, other cohort)'] = await populationCentredAe(tf, train);
  const per = await perResidentAe(tf, test);
  scorers['AE per resident (weekly)'] = (j) => per.get(j) ?? 0;

  const free = test.filter((j) => j.day.incidentFree);
  const hit = (kinds: readonly string[]) => test.filter((j) => j.day.kinds.some((k) => kinds.includes(k)));
  const lines = [
    `Test cohort seed ${values.seed}: ${test.length} judged days, ${free.length} incident-free; population AE trained on seed ${values['train-seed']}.`,
    '',
    `| scorer | AUC, incident days (${hit(DAY_KINDS).length}) | recall @ 2 % FPR | recall @ 5 % FPR | score at 2 % FPR | ${[...DAY_KINDS, ...CONTEXT_KINDS].map((k) => `AUC ${k} (${hit([k]).length})`).join(' | ')} |`,
    `| --- | --- | --- | --- | --- | ${[...DAY_KINDS, ...CONTEXT_KINDS].map(() => '---').join(' | ')} |`,
  ];
  for (const [name, score] of Object.entries(scorers)) {
    const neg = free.map(score);
    const pos = hit(DAY_KINDS).map(score);
    const perKind = [...DAY_KINDS, ...CONTEXT_KINDS].map((k) => {
      const p = hit([k]).map(score);
      return p.length === 0 ? '–' : auc(p, neg).toFixed(2);
    });
    lines.push(
      `| ${name} | ${auc(pos, neg).toFixed(3)} | ${(100 * recallAt(pos, neg, 0.02)).toFixed(0)} % | ${(100 * recallAt(pos, neg, 0.05)).toFixed(0)} % | ${thresholdAt(neg, 0.02).toFixed(2)} | ${perKind.join(' | ')} |`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
