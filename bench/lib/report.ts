/** The benchmark's tables, from its results: printed by bench/cli.ts and pasted into docs/performance.md. */
import type { CeilingResult } from '../phases/ceiling.js';
import type { MemoryFigures } from '../phases/memory.js';
import type { NodeRedResult, PeerFigures } from '../phases/node-red-load.js';
import type { HouseReplay } from '../phases/replay.js';
import type { StartupFigures } from '../phases/startup.js';
import type { LoadFigures, VakaLoadResult } from '../phases/vaka-load.js';
import { ratio } from './stats.js';
import type { Cell } from './table.js';
import { fmt } from './table.js';

export interface BenchResults {
  startedAt: string;
  quick: boolean;
  machine: { cpus: number; memoryGb: number; node: string };
  load?: { residents: number; messages: number; simulatedMinutes: number; realTimeRate: number };
  ceiling?: CeilingResult;
  vaka?: VakaLoadResult;
  nodeRed?: NodeRedResult;
  replay?: HouseReplay[];
  memory?: MemoryFigures[];
  startup?: StartupFigures[];
}

export interface Table {
  title: string;
  header: string[];
  rows: Cell[][];
}

const ms = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '–' : `${fmt(v, v < 10 ? 1 : 0)} ms`);
const mb = (bytes: number | undefined) => (bytes === undefined ? '–' : `${fmt(bytes / 1e6)} MB`);
const x = (v: number) => (Number.isFinite(v) ? `${v.toFixed(2)}×` : '–');

function latencyCells(f: LoadFigures | PeerFigures | undefined): Cell[] {
  const l = f?.latency;
  return [l?.count, ms(l?.p50), ms(l?.p95), ms(l?.p99), ms(l?.max), f?.alertsMissing];
}

export function tables(r: BenchResults): Table[] {
  const out: Table[] = [];
  const v = r.vaka;
  const red = r.nodeRed;
  if (r.ceiling || v || red) {
    const rows: Cell[][] = [];
    if (r.ceiling) {
      const c = r.ceiling;
      rows.push([
        'Mosquitto pass-through (ceiling)',
        fmt(c.messagesPerS),
        '–',
        `${c.arrived}/${c.published}`,
        '–',
        '1.00×',
      ]);
    }
    if (v) {
      const s = v.saturated;
      rows.push([
        'Vaka (gateway → engine → PostgreSQL)',
        fmt(s.messagesPerS),
        fmt(s.eventsPerS),
        `${s.received}/${s.published + s.injected}`,
        `${s.deadLetters} dead, ${s.duplicates} dup, ${s.unclaimed} unclaimed, ${Math.max(0, s.eventsShort)} lost`,
        x(ratio(s.messagesPerS, r.ceiling?.messagesPerS)),
      ]);
    }
    if (red) {
      const s = red.saturated;
      rows.push([
        `Node-RED ${red.install.version} flow (no storage)`,
        s.finished ? fmt(s.messagesPerS) : `< ${fmt(s.messagesPerS)}`,
        '–',
        s.finished ? 'end marker arrived' : `not done in ${fmt(s.elapsedMs / 1000)} s`,
        '–',
        x(ratio(s.messagesPerS, r.ceiling?.messagesPerS)),
      ]);
    }
    out.push({
      title: `Ingest, saturating load (${fmt(r.load?.messages)} messages of ${fmt(r.load?.residents)} residents, QoS 1)`,
      header: ['consumer', 'messages/s', 'events stored/s', 'received', 'counted apart', 'of ceiling'],
      rows,
    });
  }
  if (v) {
    const s = v.saturated;
    const cores = (c: number) => (Number.isFinite(c) ? c.toFixed(2) : '–');
    out.push({
      title: "Vaka's saturating run in detail (ms after the first publish; CPU in cores, 1 = one core the whole run)",
      header: [
        'all acknowledged by the broker',
        'all received by the gateway',
        'last event stored',
        'CPU Vaka',
        'CPU Mosquitto',
        'CPU publisher',
        'CPU Node-RED (its run)',
      ],
      rows: [
        [
          ms(s.publishedAllMs),
          ms(s.receivedAllMs),
          ms(s.elapsedMs),
          cores(s.cpu.vaka),
          cores(s.cpu.broker),
          cores(s.cpu.publisher),
          cores(red?.saturated.cpu ?? Number.NaN),
        ],
      ],
    });
  }
  if (v || red) {
    const rows: Cell[][] = [];
    const head = ['run', 'alerts', 'p50', 'p95', 'p99', 'max', 'missing'];
    if (v) {
      rows.push([`Vaka, paced ${fmt(v.paced.rate as number)} msg/s`, ...latencyCells(v.paced)]);
      rows.push(['Vaka, saturating', ...latencyCells(v.saturated)]);
    }
    if (red) {
      rows.push([`Node-RED, paced ${fmt(red.paced.rate as number)} msg/s`, ...latencyCells(red.paced)]);
      rows.push(['Node-RED, saturating', ...latencyCells(red.saturated)]);
    }
    out.push({ title: 'Alert latency: publish → alert frame on a WebSocket client', header: head, rows });
  }
  if (v && red) {
    out.push({
      title: 'Vaka against Node-RED (same load; > 1 is Vaka better)',
      header: ['figure', 'Vaka', 'Node-RED', 'ratio'],
      rows: [
        [
          'messages/s, saturating',
          fmt(v.saturated.messagesPerS),
          `${red.saturated.finished ? '' : '< '}${fmt(red.saturated.messagesPerS)}`,
          `${red.saturated.finished ? '' : '> '}${x(ratio(v.saturated.messagesPerS, red.saturated.messagesPerS))}`,
        ],
        [
          'p99 latency, paced (Node-RED ÷ Vaka)',
          ms(v.paced.latency.p99),
          ms(red.paced.latency.p99),
          x(ratio(red.paced.latency.p99, v.paced.latency.p99)),
        ],
        [
          'p99 latency, saturating (Node-RED ÷ Vaka)',
          ms(v.saturated.latency.p99),
          ms(red.saturated.latency.p99),
          x(ratio(red.saturated.latency.p99, v.saturated.latency.p99)),
        ],
        ['RSS after the runs', mb(v.rssBytes), mb(red.rssBytes), '–'],
      ],
    });
  }
  if (r.replay) {
    out.push({
      title: 'Replay of the van Kasteren homes through the engine alone (no broker, no database)',
      header: [
        'home',
        'days',
        'events',
        'replay (render+decode+engine)',
        'onEvent events/s',
        'ticks (1/min)',
        'days/s',
      ],
      rows: r.replay.map((h) => [
        h.house,
        fmt(h.days, 1),
        h.events,
        ms(h.wallMs),
        fmt(h.engineEventsPerS),
        ms(h.tickMs),
        fmt(h.daysPerS),
      ]),
    });
  }
  if (r.memory) {
    out.push({
      title: 'Memory with learned models in the engine (fresh process per size, after GC)',
      header: ['residents', 'devices', 'engine heap', 'per resident', 'process RSS', 'model as JSON'],
      rows: r.memory.map((m) => [
        m.residents,
        m.devices,
        mb(m.engineBytes),
        `${fmt(m.bytesPerResident / 1024, 1)} KB`,
        mb(m.rssBytes),
        `${fmt(m.serialisedModelBytes / 1024, 1)} KB`,
      ]),
    });
  }
  if (r.startup) {
    out.push({
      title: 'Start-up: node dist/service/main.js → GET /api/v1/health 200',
      header: ['mode', 'to healthy', 'RSS when healthy'],
      rows: r.startup.map((s) => [s.mode, ms(s.toHealthyMs), mb(s.rssBytes)]),
    });
  }
  return out;
}

/** Each target with its figure, met or not. */
export function verdicts(r: BenchResults): string[] {
  const out: string[] = [];
  const mark = (ok: boolean | undefined) => (ok === undefined ? '?' : ok ? 'met' : 'MISSED');
  const v = r.vaka;
  if (v) {
    const s = v.saturated;
    const p = v.paced;
    const shortBy = Math.max(0, s.eventsShort) + Math.max(0, p.eventsShort);
    const lost = s.lostMessages + p.lostMessages + shortBy + (v.eventsInDatabase !== v.eventsCounted ? 1 : 0);
    out.push(`ingest ≥ 20,000 events/s: ${fmt(s.eventsPerS)} — ${mark(s.eventsPerS >= 20_000)}`);
    if (r.ceiling) {
      const share = ratio(s.messagesPerS, r.ceiling.messagesPerS);
      out.push(`ingest ≥ 0.5 × broker pass-through: ${share.toFixed(2)}× — ${mark(share >= 0.5)}`);
    }
    out.push(
      `nothing lost: ${s.lostMessages + p.lostMessages} messages not received, ${shortBy} accepted messages without a stored event, ${v.eventsInDatabase} events in the database vs ${v.eventsCounted} counted — ${mark(lost === 0)}`,
    );
    out.push(
      `alert p99 ≤ 100 ms at 10,000 residents' load (paced): ${ms(v.paced.latency.p99)} — ${mark(v.paced.latency.p99 <= 100)}`,
    );
  }
  const m = r.memory?.[r.memory.length - 1];
  if (m)
    out.push(
      `memory ≤ 50 KB per resident (${fmt(m.residents)} residents): ${fmt(m.bytesPerResident / 1024, 1)} KB — ${mark(m.bytesPerResident <= 50 * 1024)}`,
    );
  if (v && r.nodeRed) {
    const peer = r.nodeRed.saturated;
    // An unfinished Node-RED run gives only an upper bound on its rate: below it, nothing is known.
    const faster = v.saturated.messagesPerS > peer.messagesPerS ? true : peer.finished ? false : undefined;
    const quicker = v.paced.latency.p99 < r.nodeRed.paced.latency.p99;
    out.push(`faster than Node-RED: throughput ${mark(faster)}, paced p99 latency ${mark(quicker)}`);
  }
  return out;
}
