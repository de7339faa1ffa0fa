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

/**
 * Rules a social alarm's Away key suspends: they are about the resident being at home (the
 * Tunstall Lifeline's Away mode suspends inactivity monitoring; the recipes' rules are the same
 * kind). Device alarms, battery and silent-sensor rules go on.
 */
const AT_HOME_RULES: ReadonlySet<string> = new Set([
  'BASE-INACT',
  'BASE-BATH',
  'BASE-EXIT',
  'BASE-MORN',
  'BASE-WANDER',
  'BASE-MEAL',
]);

export class BaselineEngine implements ReplayEngine {
  private readonly homes = new Map<string, BaselineHome>();
  private readonly rules: BaselineRule[];
  /** Resident → Away key pressed until (staff registered an absence). */
  private readonly away = new Map<string, number>();

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
    return this.awayFilter(actions, event.eventTime);
  }

  tick(now: number): AlertAction[] {
    const actions: AlertAction[] = [];
    for (const rule of this.rules) if (rule.onTick) actions.push(...rule.onTick(now));
    return this.awayFilter(actions, now);
  }

  /** The Away key: pressed by staff for an absence until `until`; released by undefined. */
  setContext(residentId: string, context: { kind: 'away' | 'hospital'; until: number } | undefined): void {
    if (context === undefined) this.away.delete(residentId);
    else this.away.set(residentId, context.until);
  }

  private awayFilter(actions: AlertAction[], now: number): AlertAction[] {
    if (this.away.size === 0 || actions.length === 0) return actions;
    return actions.filter(
      (a) =>
        a.kind !== 'raise' || !AT_HOME_RULES.has(a.alert.ruleId) || now >= (this.away.get(a.alert.residentId) ?? 0),
    );
  }
}

export function baselineEngine(settings: BaselineSettings = BASELINE_SETTINGS): EngineSpec {
  return { name: 'baseline', build: (env) => new BaselineEngine(env.residents, settings) };
}
