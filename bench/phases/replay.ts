/**
 * Replay speed: each van Kasteren home played through Vaka's engine as the evaluator does it
 * (evaluator/replay-engine.ts: readings rendered as MQTT messages, decoded by the gateway's ingest,
 * the engine on the stream's own clock with a tick per simulated minute; no broker, no database).
 * The engine's own share is timed apart, so "events/s through the behaviour model alone" excludes
 * rendering and decoding.
 */

import type { EngineSpec, ReplayEngine } from '../../evaluator/engine-surface.js';
import { replayEngine } from '../../evaluator/replay-engine.js';
import { vakaEngine } from '../../evaluator/vaka-engine.js';
import type { SensorEvent } from '../../gateway/contract.js';
import { createReplay, loadVanKasteren, VAN_KASTEREN_HOUSES } from '../../simulator/replay/index.js';
import { perSecond } from '../lib/stats.js';

export interface HouseReplay {
  house: string;
  days: number;
  messages: number;
  events: number;
  ticks: number;
  /** The whole replay (render, decode, engine), ms. */
  wallMs: number;
  /** Inside the engine's onEvent, and inside its clock ticks, ms. */
  onEventMs: number;
  tickMs: number;
  /** Events per second through the engine's onEvent alone. */
  engineEventsPerS: number;
  /** Simulated days replayed per wall-clock second. */
  daysPerS: number;
}

/** Vaka's engine with the time spent inside it added up. */
interface EngineClock {
  events: number;
  ticks: number;
}

function timed(spec: EngineSpec, clock: EngineClock, built: (engine: ReplayEngine) => void = () => {}): EngineSpec {
  return {
    name: spec.name,
    build(env) {
      const engine = spec.build(env);
      built(engine);
      const wrapped: ReplayEngine = {
        added: (device, lastSeen) => engine.added(device, lastSeen),
        onEvent(event: SensorEvent) {
          const t = performance.now();
          const out = engine.onEvent(event);
          clock.events += performance.now() - t;
          return out;
        },
        tick(now: number) {
          const t = performance.now();
          const out = engine.tick(now);
          clock.ticks += performance.now() - t;
          return out;
        },
      };
      return wrapped;
    },
  };
}

/** Replays one house; `built` is handed the engine (the memory phase takes its learned model). */
export function replayHouse(
  house: (typeof VAN_KASTEREN_HOUSES)[number],
  dataDir: string | undefined,
  built?: (engine: ReplayEngine) => void,
): HouseReplay {
  const { dataset, mapping } = loadVanKasteren(house, dataDir === undefined ? {} : { dataDir });
  const replay = createReplay({ dataset, mapping, seed: 1 });
  const clock: EngineClock = { events: 0, ticks: 0 };
  const started = performance.now();
  const result = replayEngine(replay, replay.truth(), { engine: timed(vakaEngine(), clock, built) });
  const wallMs = performance.now() - started;
  const days = result.stats.simulatedMs / 86_400_000;
  return {
    house: `house${house}`,
    days,
    messages: result.stats.messages,
    events: result.stats.events,
    ticks: result.stats.ticks,
    wallMs,
    onEventMs: clock.events,
    tickMs: clock.ticks,
    engineEventsPerS: perSecond(result.stats.events, clock.events),
    daysPerS: perSecond(days, wallMs),
  };
}

export function replayHouses(dataDir: string | undefined): HouseReplay[] {
  return VAN_KASTEREN_HOUSES.map((house) => replayHouse(house, dataDir));
}
