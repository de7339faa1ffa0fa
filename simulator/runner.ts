/**
 * Plays a ReadingSource (a cohort, a replay, or by default the homes' everyday life) onto MQTT
 * through an injected publish, in simulated time running `speed` times faster than the wall
 * clock. Time and timers are injected, so a test plays a day in milliseconds. Construction
 * only assigns; start() begins, stop() ends and waits. Incidents triggered on demand are
 * added to the truth it returns.
 */
import type { PayloadFormat } from '../gateway/contract.js';
import {
  DEFAULT_TOPICS,
  type Home,
  type IncidentKind,
  type ReadingKind,
  type ScheduledReading,
  type SimMessage,
  type SimulationCounters,
  type Topics,
} from './contract.js';
import type { TruthRecord } from './ground-truth.js';
import { incidentReading } from './incidents.js';
import { liveSource } from './live-source.js';
import { renderReading } from './payloads.js';
import { peekable, type TimedStream } from './schedule.js';
import type { ReadingSource } from './source.js';
import { type TruthIncident, withIncidents } from './truth.js';

/** Publishes one message at QoS 1; resolves when the broker has acknowledged it. */
export type Publish = (topic: string, payload: string) => Promise<void>;
/** Calls `fn` once after `ms` wall-clock milliseconds; returns a function that cancels it. */
export type SetTimer = (fn: () => void, ms: number) => () => void;

export interface SimulationOptions {
  publish: Publish;
  /**
   * What to play: a cohort (createCohort), a replayed dataset, any ReadingSource. Simulated time
   * then starts at the source's start and ends at its end. Default: `homes` living their
   * everyday life from `start`, with no end (liveSource).
   */
  source?: ReadingSource;
  /** The homes, without a source. */
  homes?: readonly Home[];
  format: PayloadFormat;
  /** Seed of the everyday life, without a source (default 0); battery levels of triggered incidents. */
  seed?: number;
  /** Simulated time at start(), epoch milliseconds, without a source. Default: the wall clock at start(). */
  start?: number;
  /** Simulated milliseconds per wall-clock millisecond: 1 is real time, 60 a minute per second, Infinity as fast as possible. */
  speed: number;
  /** Simulated time to play, in milliseconds. Default: until the source's end, or until stop(). */
  durationMs?: number;
  topics?: Topics;
  now: () => number;
  setTimer: SetTimer;
  /** Told about each publish that rejects; the run goes on. */
  onError?: (error: unknown, message: SimMessage) => void;
}

export interface Simulation {
  start(): void;
  /** Stops playing and resolves once the message in flight, if any, is settled. */
  stop(): Promise<void>;
  /** Resolves when the run ends: its duration played out, or stop(). Rejects if generating or rendering failed. */
  readonly done: Promise<void>;
  /**
   * Publishes an incident for home `homeIndex` (0-based) at the current simulated time. After a
   * fall that home's resident stays down: no more motion, door, bed or plug readings (its
   * devices still send battery reports and heartbeats).
   */
  trigger(kind: IncidentKind, homeIndex: number): Promise<SimMessage>;
  counters(): SimulationCounters;
  /**
   * The ground truth so far: the source's, with each triggered incident added (a fall as
   * fall_no_recovery, a press as help_button) and incident-free days counted without their
   * days. An endless run ends at the current simulated time.
   */
  truth(): TruthRecord[];
  /** The simulated clock, epoch milliseconds. */
  simTime(): number;
}

/** Readings that need the resident to be up and about. */
const ACTIVITY: ReadonlySet<ReadingKind> = new Set(['motion', 'door', 'bed', 'chair', 'power', 'help', 'accel']);
/** A triggered fall or press should be on a screen within a minute (incident-catalogue.ts, FALL-1 and HELP-1). */
const TRIGGER_DEADLINE_MS = 60_000;
/** The longest single wait, wall ms: the loop re-reads the clock at least this often. */
const MAX_WAIT_MS = 60_000;
/** At speed Infinity, let timers and I/O run after this many messages. */
const BURST = 500;

export function createSimulation(options: SimulationOptions): Simulation {
  const { format, speed, now, setTimer } = options;
  const seed = options.seed ?? 0;
  if (!(speed > 0)) throw new RangeError(`speed must be positive, got ${speed}`);
  const homes = options.source?.homes ?? options.homes;
  if (homes === undefined) throw new TypeError('createSimulation needs a source or homes');
  const fixedStart = options.source?.start ?? options.start;
  let source: ReadingSource | undefined = options.source;
  const triggered = new Map<string, TruthIncident[]>();
  const topics = options.topics ?? DEFAULT_TOPICS;
  const counters: SimulationCounters = { published: 0, failed: 0, suppressed: 0, incidents: 0 };
  const fallen = new Set<string>();
  let state: 'idle' | 'running' | 'stopping' | 'stopped' = 'idle';
  let wallStart = 0;
  let simStart = fixedStart ?? 0;
  let cursor = simStart;
  let stoppedAt = 0;
  let cancelWait: (() => void) | undefined;
  let loop: Promise<void> = Promise.resolve();
  let finish: () => void = () => {};
  let fail: (error: unknown) => void = () => {};
  const done = new Promise<void>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  // Nobody may be awaiting `done` yet when it rejects; they will see the rejection when they do.
  done.catch(() => {});

  function simTime(): number {
    if (state === 'idle') return fixedStart ?? now();
    if (state === 'stopped') return stoppedAt;
    if (speed === Number.POSITIVE_INFINITY) return cursor;
    return Math.round(simStart + (now() - wallStart) * speed);
  }

  function wait(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const cancelTimer = setTimer(resolve, Math.min(MAX_WAIT_MS, Math.max(0, Math.ceil(ms))));
      cancelWait = () => {
        cancelTimer();
        resolve();
      };
    }).finally(() => {
      cancelWait = undefined;
    });
  }

  function render(scheduled: ScheduledReading): SimMessage {
    return renderReading(format, scheduled.device, scheduled.reading, scheduled.at, topics);
  }

  async function send(message: SimMessage): Promise<void> {
    try {
      await options.publish(message.topic, message.payload);
      counters.published++;
    } catch (error) {
      counters.failed++;
      throw error;
    }
  }

  async function deliver(scheduled: ScheduledReading): Promise<void> {
    if (fallen.has(scheduled.homeId) && ACTIVITY.has(scheduled.reading.kind)) {
      counters.suppressed++;
      return;
    }
    const message = render(scheduled);
    try {
      await send(message);
    } catch (error) {
      options.onError?.(error, message);
    }
  }

  async function play(timeline: TimedStream<ScheduledReading>): Promise<void> {
    const limit = options.durationMs === undefined ? Number.POSITIVE_INFINITY : simStart + options.durationMs;
    const end = Math.min(limit, source?.end ?? Number.POSITIVE_INFINITY);
    let burst = 0;
    while (state === 'running') {
      const next = timeline.peek();
      const target = Math.min(next?.at ?? Number.POSITIVE_INFINITY, end);
      if (target === Number.POSITIVE_INFINITY) break;
      const ahead = target - simTime();
      if (ahead > 0 && speed !== Number.POSITIVE_INFINITY) {
        await wait(ahead / speed);
        continue;
      }
      if (next === undefined || next.at >= end) {
        cursor = Math.max(cursor, end);
        break;
      }
      timeline.shift();
      cursor = Math.max(cursor, next.at);
      await deliver(next);
      if (speed === Number.POSITIVE_INFINITY && ++burst >= BURST) {
        burst = 0;
        await wait(0);
      }
    }
    stoppedAt = Math.min(simTime(), end);
  }

  function run(): Promise<void> {
    const playing = source ?? liveSource(homes as readonly Home[], { seed, start: simStart, format });
    source = playing;
    return Promise.resolve()
      .then(() => play(peekable(playing.readings())))
      .then(
        () => {
          state = 'stopped';
          finish();
        },
        (error: unknown) => {
          // A bug in generation or rendering: end the run and say why, rather than hang.
          stoppedAt = simTime();
          state = 'stopped';
          fail(error);
        },
      );
  }

  return {
    start() {
      if (state !== 'idle') return;
      wallStart = now();
      simStart = fixedStart ?? wallStart;
      cursor = simStart;
      state = 'running';
      loop = run();
    },
    async stop() {
      if (state === 'idle') {
        stoppedAt = simTime();
        state = 'stopped';
        finish();
      }
      if (state === 'running') state = 'stopping';
      cancelWait?.();
      await loop;
    },
    done,
    async trigger(kind, homeIndex) {
      const home = homes[homeIndex];
      if (home === undefined) throw new RangeError(`no home ${homeIndex}: there are ${homes.length} (0-based)`);
      const at = simTime();
      const scheduled = incidentReading(home, kind, at, seed, state === 'idle' ? at : simStart);
      if (kind === 'fall') fallen.add(home.id);
      counters.incidents++;
      const list = triggered.get(home.id) ?? [];
      list.push({
        id: `${home.id}-t${String(list.length + 1).padStart(3, '0')}`,
        kind: kind === 'fall' ? 'fall_no_recovery' : 'help_button',
        expect: 'page',
        start: at,
        end: kind === 'fall' ? null : at,
        deadline: at + TRIGGER_DEADLINE_MS,
        device: scheduled.device.address,
        note: `triggered on demand: ${kind === 'fall' ? 'a fall, no recovery' : 'a help press'} reported by ${scheduled.device.address}`,
      });
      triggered.set(home.id, list);
      const message = render(scheduled);
      await send(message);
      return message;
    },
    counters: () => ({ ...counters }),
    simTime,
    truth() {
      const from = source ?? liveSource(homes, { seed, start: fixedStart ?? simTime(), format });
      return withIncidents(from, homes, triggered, from.end ?? simTime());
    },
  };
}
