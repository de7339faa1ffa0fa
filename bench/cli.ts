/**
 * `npm run bench [-- --quick] [-- --out FILE] [-- --only vaka,node-red,…]`: Vaka's speed, size and
 * start-up in one run on this machine, against a Mosquitto of its own and the local PostgreSQL,
 * with the broker's own pass-through as the ceiling and a Node-RED flow as the peer. Needs the
 * build (`npm run bench` builds first). Results: docs/performance.md.
 *
 * Environment: BENCH_DATABASE_URL (PostgreSQL server; a database per run is created and
 * dropped), BENCH_MOSQUITTO (the mosquitto binary), BENCH_VANKASTEREN_DIR (the van Kasteren
 * files), BENCH_VAKA_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=prof" to profile Vaka under load),
 * BENCH_JOURNAL_DIR (the journal's folder; default a temporary one, `off` to run without it).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { forkModule } from './lib/child.js';
import { homesOf } from './lib/load.js';
import { type Broker, startMosquitto } from './lib/mosquitto.js';
import { type BenchResults, tables, verdicts } from './lib/report.js';
import { targetsOf } from './lib/seed.js';
import { formatTable, markdownTable } from './lib/table.js';
import { brokerCeiling } from './phases/ceiling.js';
import { memoryBySize } from './phases/memory.js';
import { nodeRedUnderLoad } from './phases/node-red-load.js';
import { replayHouses } from './phases/replay.js';
import { startup } from './phases/startup.js';
import { vakaUnderLoad } from './phases/vaka-load.js';

const PHASES = ['replay', 'memory', 'startup', 'ceiling', 'vaka', 'node-red'] as const;

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    out: { type: 'string' },
    only: { type: 'string' },
    residents: { type: 'string', default: '10000' },
    messages: { type: 'string' },
    pace: { type: 'string', default: '2000' },
    /** Print the tables of an earlier run's JSON (as Markdown with --markdown) instead of running. */
    from: { type: 'string' },
    markdown: { type: 'boolean', default: false },
  },
});
const quick = values.quick === true;
const only = new Set(values.only?.split(',') ?? PHASES);
for (const p of only)
  if (!(PHASES as readonly string[]).includes(p)) throw new Error(`--only: ${p} is not one of ${PHASES.join(', ')}`);
const spec = {
  residents: Number(values.residents),
  messages: Number(values.messages ?? (quick ? 30_000 : 150_000)),
  seed: 2026,
};
/** QoS 1 messages in flight from the publisher (simulator/mqtt-publisher.ts: 100–1,000 measured well). */
const WINDOW = 1000;
const paceRate = Number(values.pace);
const injections = quick ? 20 : 100;
const dataDir = process.env.BENCH_VANKASTEREN_DIR;
const say = (line: string) => process.stdout.write(`${line}\n`);

const results: BenchResults = values.from
  ? (JSON.parse(await readFile(values.from, 'utf8')) as BenchResults)
  : {
      startedAt: new Date().toISOString(),
      quick,
      machine: { cpus: cpus().length, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version },
    };
if (values.from) only.clear();

if (only.has('replay')) {
  say('replay: van Kasteren homes through the engine …');
  results.replay = replayHouses(dataDir);
}
if (only.has('memory')) {
  const sizes = quick ? [1000] : [1000, 10_000, 50_000];
  say(`memory: ${sizes.join(', ')} residents …`);
  results.memory = await memoryBySize(sizes, dataDir);
}

const needsBroker = ['startup', 'ceiling', 'vaka', 'node-red'].some((p) => only.has(p));
let broker: Broker | undefined;
const publisher = ['ceiling', 'vaka', 'node-red'].some((p) => only.has(p))
  ? forkModule('lib/load-publisher.ts')
  : undefined;
try {
  if (needsBroker) broker = await startMosquitto();
  if (broker && only.has('startup')) {
    say('start-up: embedded and with real services …');
    results.startup = await startup(broker);
  }
  if (broker && publisher) {
    publisher.send({ type: 'load', ...spec });
    const homes = homesOf(spec);
    const loaded = await publisher.next<{ type: string; count: number; spanMs: number }>('loaded');
    results.load = {
      residents: spec.residents,
      messages: loaded.count,
      simulatedMinutes: loaded.spanMs / 60_000,
      realTimeRate: loaded.spanMs > 0 ? (loaded.count / loaded.spanMs) * 1000 : Number.NaN,
    };
    say(
      `load: ${loaded.count} messages of ${spec.residents} residents covering ${results.load.simulatedMinutes.toFixed(0)} simulated minutes (${results.load.realTimeRate.toFixed(0)} msg/s in real time)`,
    );
    const common = {
      broker,
      publisher,
      messages: loaded.count,
      injections,
      paceRate,
      window: WINDOW,
      seed: spec.seed,
      expectedRate: 20_000,
    };
    if (only.has('ceiling')) {
      say('ceiling: Mosquitto pass-through …');
      results.ceiling = await brokerCeiling(broker, publisher, loaded.count, WINDOW);
    }
    if (only.has('vaka')) {
      say('vaka: ingest and alert latency on Mosquitto + PostgreSQL …');
      results.vaka = await vakaUnderLoad({ ...common, homes });
    }
    if (only.has('node-red')) {
      say('node-red: the same load through the peer flow …');
      results.nodeRed = await nodeRedUnderLoad({ ...common, targets: targetsOf(homes) });
    }
  }
} finally {
  if (publisher) {
    publisher.send({ type: 'exit' });
    await publisher.close();
  }
  await broker?.close();
}

say('');
const render = values.markdown ? markdownTable : formatTable;
for (const t of tables(results)) say(`${values.markdown ? '### ' : ''}${t.title}\n${render(t.header, t.rows)}\n`);
for (const line of verdicts(results)) say(`${values.markdown ? '- ' : ''}target: ${line}`);
if (values.out && !values.from) {
  await writeFile(values.out, `${JSON.stringify(results, null, 2)}\n`);
  say(`\nwrote ${values.out}`);
}
