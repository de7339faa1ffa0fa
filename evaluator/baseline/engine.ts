/**
 * The fixed-rule baseline as an engine with Vaka's engine surface (`added`, `onEvent`, `tick`,
 * AlertActions), so the same replay, alert book and scoring judge both. The rules are what care
 * technicians build today: a Home Assistant blueprint, a Node-RED flow, a social-alarm unit's
 * inactivity settings. The limits and their sources are in settings.ts and docs/evaluation.md.
 */
import type { SensorEvent } from '../../gateway/contract.js';
import type { AlertAction } from '../../service/detectors/detector.js';
import type { DeviceInfo } from '../../service/registry.js';
import type { EngineSpec, ReplayEngine, ResidentSetup } from '../engine-surface.js';
import { bathroom } from './bathroom.js';
import { battery } from './battery.js';
import { deviceAlarms } from './device-alarms.js';
import { BaselineHome } from './home.js';
import { inactivity } from './inactivity.js';
import { meal } from './meal.js';
import { morning } from './morning.js';
import { nightExit } from './night-exit.js';
import type { BaselineRule, RuleFactory } from './rule.js';
import { sensorSilent } from './sensor-silent.js';
import { BASELINE_SETTINGS, type BaselineSettings } from './settings.js';
import { wander } from './wander.js';

export const BASELINE_RULES: readonly RuleFactory[] = [
  deviceAlarms,
  inactivity,
  bathroom,
  nightExit,
  morning,
  wander,
  meal,
  sensorSilent,
  battery,
];

export class BaselineEngine implements ReplayEngine {
  private readonly homes = new Map<string, BaselineHome>();
  private readonly rules: BaselineRule[];

  constructor(residents: readonly ResidentSetup[], settings: BaselineSettings = BASELINE_SETTINGS) {
    for (const setup of residents) this.homes.set(setup.residentId, new BaselineHome(setup, settings));
    this.rules = BASELINE_RULES.map((rule) => rule(settings, this.homes));
  }

  added(device: DeviceInfo, lastSeen: number): void {
    for (const rule of this.rules) rule.added?.(device, lastSeen);
  }

  onEvent(event: SensorEvent): AlertAction[] {
    const home = this.homes.get(event.residentId);
    if (home === undefined) return [];
    const present = home.presence(event);
    const observation = { event, home, present, up: present && home.isUp(event) };
    const actions: AlertAction[] = [];
    for (const rule of this.rules) if (rule.onEvent) actions.push(...rule.onEvent(observation));
    return actions;
  }

  tick(now: number): AlertAction[] {
    const actions: AlertAction[] = [];
    for (const rule of this.rules) if (rule.onTick) actions.push(...rule.onTick(now));
    return actions;
  }
}

export function baselineEngine(settings: BaselineSettings = BASELINE_SETTINGS): EngineSpec {
  return { name: 'baseline', build: (env) => new BaselineEngine(env.residents, settings) };
}
