/**
 * The replay harness: a ReadingSource (a simulated cohort or a replayed dataset) played through
 * the same path the service runs — each reading rendered as its MQTT message, decoded by the
 * gateway's ingest (receive time = the reading's simulated time), handed to the engine — with the
 * stream's own time driving the engine's clock ticks, and the engine's actions kept in an alert
 * book with the alert store's fold semantics. No broker, no database, no wall clock: the same
 * input gives the same alerts, and a month of a home replays in well under a second.
 */
import { pino } from 'pino';
import type { GatewaySink, SensorEvent } from '../gateway/contract.js';
import { createIngest } from '../gateway/ingest.js';
import { loadConfig } from '../service/config.js';
import type { Insight } from '../service/model/day/day-profile.js';
import { type ReadingSource, renderReading, type Topics, type TruthRecord } from '../simulator/index.js';
import { AlertBook, type AlertRecord, STAFF_RESOLVE_MS } from './alert-book.js';
import { buildDirectory } from './directory.js';
import type { EngineSpec, ReplayEngine } from './engine-surface.js';
import { type StaffContext, StaffModel, type StaffOutcome } from './staff.js';

/**
 * Simulated time between engine ticks, in milliseconds. Live, the service ticks every TICK_S (30 s)
 * of wall clock; in replay the stream's time drives ticks, and a minute is fine enough for
 * absence rules measured in tens of minutes and halves the replay's tick work.
 */
export const REPLAY_TICK_MS = 60_000;

export interface ReplayOptions {
  engine: EngineSpec;
  tickMs?: number;
  /** See alert-book.ts. */
  staffResolveMs?: number;
  /** A device's label for reasons ("the kitchen door sensor (Fridge)"), by address. */
  labelOf?: (address: string) => string | undefined;
}

export interface ReplayStats {
  engine: string;
  /** MQTT messages rendered and ingested. */
  messages: number;
  /** Canonical events the gateway handed the engine. */
  events: number;
  /** Should be 0: a message the gateway could not decode, or from a device not in the directory. */
  deadLetters: number;
  unclaimed: number;
  ticks: number;
  /** Simulated time covered, ms. */
  simulatedMs: number;
  /** Wall-clock time the replay took, ms (the only non-deterministic figure). */
  wallMs: number;
  /** With staff in the loop: contexts registered and outcomes given (evaluator/staff.ts). */
  staff?: StaffStats | undefined;
}

export interface StaffStats {
  contexts: number;
  outcomes: Record<StaffOutcome, number>;
}

export interface ReplayResult {
  engine: string;
  alerts: AlertRecord[];
  stats: ReplayStats;
  /** The engine's day-level insights (DAY-1, TREND-1); null for an engine without them. */
  insights: readonly Insight[] | null;
}

/** The payload format the source rendered its devices for, from the truth's run record. */
export function formatOf(truth: readonly TruthRecord[]): 'vaka' | 'z2m' {
  const run = truth.find((r) => r.type === 'run');
  if (run === undefined) throw new Error('the ground truth has no run record');
  return run.format;
}

export function replayEngine(
  source: ReadingSource,
  truth: readonly TruthRecord[],
  options: ReplayOptions,
): ReplayResult {
  const started = performance.now();
  const tickMs = options.tickMs ?? REPLAY_TICK_MS;
  // The service's own defaults (service/config.ts), so decoding and detector limits match `npm start`.
  const config = loadConfig({});
  const topics: Topics = { prefix: config.gateway.nativePrefix, baseTopic: config.gateway.z2mBaseTopic };
  const format = formatOf(truth);
  const directory = buildDirectory(source.homes, format, options.labelOf);
  const engine = options.engine.build({
    ctx: directory.ctx,
    log: pino({ level: 'silent' }),
    residents: directory.residents,
  });
  for (const device of directory.devices) engine.added(device, source.start);
  const staff = options.engine.staff === true ? staffInTheLoop(engine, truth) : undefined;
  const book = new AlertBook(options.engine.name, options.staffResolveMs ?? STAFF_RESOLVE_MS, staff?.resolved);

  let clock = source.start;
  let events = 0;
  let deadLetters = 0;
  let unclaimed = 0;
  const sink: GatewaySink = {
    events(batch: SensorEvent[]) {
      for (const event of batch) {
        events++;
        book.apply(engine.onEvent(event), clock);
      }
    },
    deadLetter() {
      deadLetters++;
    },
    unclaimed() {
      unclaimed++;
    },
  };
  const ingest = createIngest(
    {
      native: { prefix: topics.prefix },
      z2m: { baseTopic: topics.baseTopic },
      maxPayloadBytes: config.gateway.maxPayloadBytes,
      dedupeWindowMs: config.gateway.dedupeWindowMs,
      maxClockSkewMs: config.gateway.maxClockSkewMs,
    },
    directory,
    sink,
  );

  let ticks = 0;
  let nextTick = source.start + tickMs;
  const tickUntil = (t: number) => {
    while (nextTick <= t) {
      clock = nextTick;
      staff?.until(clock);
      book.advance(clock);
      book.apply(engine.tick(clock), clock);
      ticks++;
      nextTick += tickMs;
    }
  };

  const encoder = new TextEncoder();
  let messages = 0;
  let last = source.start;
  for (const r of source.readings()) {
    tickUntil(r.at);
    clock = r.at;
    staff?.until(clock);
    last = r.at;
    const message = renderReading(format, r.device, r.reading, r.at, topics);
    ingest.handle(message.topic, encoder.encode(message.payload), r.at);
    messages++;
  }
  const end = source.end ?? last;
  tickUntil(end);
  book.advance(end);

  return {
    engine: options.engine.name,
    alerts: book.alerts(),
    insights: engine.foundInsights?.() ?? null,
    stats: {
      engine: options.engine.name,
      messages,
      events,
      deadLetters,
      unclaimed,
      ticks,
      simulatedMs: end - source.start,
      wallMs: performance.now() - started,
      staff: staff?.stats,
    },
  };
}

/**
 * Staff in the loop: registers each context when its time comes (`until`), and gives each
 * paging alert staff resolve its outcome, through the engine's own calls.
 */
function staffInTheLoop(engine: ReplayEngine, truth: readonly TruthRecord[]) {
  const model = new StaffModel(truth);
  const pending: StaffContext[] = [...model.contexts];
  const stats: StaffStats = { contexts: 0, outcomes: { confirmed: 0, false_alarm: 0, expected: 0 } };
  return {
    stats,
    until(now: number): void {
      while (pending.length > 0 && (pending[0]?.start ?? Number.POSITIVE_INFINITY) <= now) {
        const c = pending.shift();
        if (c === undefined) break;
        engine.setContext?.(c.residentId, { kind: c.kind, until: c.until });
        stats.contexts++;
      }
    },
    resolved(alert: AlertRecord): void {
      const outcome = model.outcome(alert);
      stats.outcomes[outcome]++;
      engine.feedback?.(alert.residentId, alert.ruleId, outcome);
    },
  };
}
