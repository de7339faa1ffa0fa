/**
 * Vaka's engine as the service builds it (service/vaka.ts): the service's default detector
 * settings (service/config.ts), each home's own time zone and the room kinds through the context. The one place to adapt when
 * the Engine's constructor changes.
 */
import { loadConfig } from '../service/config.js';
import { Engine } from '../service/engine.js';
import type { Insight } from '../service/model/day/day-profile.js';
import type { EngineSpec } from './engine-surface.js';

function vaka(name: string, learned: boolean): EngineSpec {
  return {
    name,
    build(env) {
      const config = loadConfig({});
      const zones = new Map(env.residents.map((r) => [r.residentId, r.timeZone]));
      const insights: Insight[] = [];
      const engine = new Engine(
        {
          batteryLowPct: config.detectors.batteryLowPct,
          sensorSilentMs: config.detectors.sensorSilentMs,
          timeZoneOf: (residentId) => zones.get(residentId),
          behaviour: learned,
          wearableFall: learned,
          onInsight: (insight) => insights.push(insight),
        },
        env.ctx,
        env.log,
      );
      return Object.assign(engine, { foundInsights: () => insights });
    },
  };
}

/** Vaka as `npm start` runs it: the fixed rules, the learned behaviour rules and the wearable fall classifier. */
export function vakaEngine(): EngineSpec {
  return vaka('vaka', true);
}

/** Vaka's fixed-limit rules only (FALL-1, HELP-1, BATT-1, SILENT-1/2): what the learned rules add is the difference. */
export function vakaFixedEngine(): EngineSpec {
  return vaka('vaka-fixed', false);
}
