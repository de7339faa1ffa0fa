/**
 * Runs every detector on each event and on each clock tick. Pure in-memory work: the
 * actions it returns go to the alert service. One failing detector is logged and skipped;
 * the others still run. Time is event time: ticks carry `now` (the wall clock live, the
 * stream's own time in replay), so the same input gives the same alerts.
 */
import type { Logger } from 'pino';
import type { SensorEvent } from '../gateway/contract.js';
import { batteryLow } from './detectors/battery-low.js';
import { type BehaviourDetector, behaviour, type Outcome } from './detectors/behaviour.js';
import { type DayInsightsDetector, dayInsights } from './detectors/day-insights.js';
import type { ActiveAlert, AlertAction, Detector, DetectorContext } from './detectors/detector.js';
import { fallFromDevice } from './detectors/fall-device.js';
import { helpButton } from './detectors/help-button.js';
import { type HomeSilentDetector, homeSilent } from './detectors/home-silent.js';
import { sensorSilent } from './detectors/sensor-silent.js';
import { wearableFall } from './detectors/wearable-fall.js';
import type { Insight } from './model/day/day-profile.js';
import type { ResidentContext, ResidentState } from './model/resident-state.js';
import type { DeviceInfo, RegistryListener } from './registry.js';

export interface EngineOptions {
  batteryLowPct: number;
  sensorSilentMs: number;
  /** IANA time zone of the homes (VAKA_TIME_ZONE); default Europe/Stockholm. */
  timeZone?: string | undefined;
  /** A resident's own time zone where it differs from `timeZone`. */
  timeZoneOf?: ((residentId: string) => string | undefined) | undefined;
  /** Run the learned behaviour rules (FALL-3, INACT-1, BATH-1, EXIT-1, MORN-1); default true. */
  behaviour?: boolean | undefined;
  /** Run the wearable fall classifier [FALL-2] on accelerometer windows; default true. */
  wearableFall?: boolean | undefined;
  /** Extra detectors. */
  extra?: readonly Detector[] | undefined;
  /** [DAY-1] [TREND-1] insights as they are found (they are also kept with each resident's model). */
  onInsight?: ((insight: Insight) => void) | undefined;
  /** [HOME-1] False while no message can arrive from anywhere (the broker is unreachable); default always true. */
  listening?: (() => boolean) | undefined;
}

export const DEFAULT_TIME_ZONE = 'Europe/Stockholm';

export class Engine implements RegistryListener {
  private readonly silent: ReturnType<typeof sensorSilent>;
  private readonly home: HomeSilentDetector;
  private readonly behaviour: BehaviourDetector | undefined;
  private readonly detectors: Detector[];
  private readonly day: DayInsightsDetector | undefined;

  constructor(
    options: EngineOptions,
    private readonly ctx: DetectorContext,
    private readonly log: Logger,
  ) {
    this.behaviour =
      options.behaviour === false
        ? undefined
        : behaviour({ timeZone: options.timeZone ?? DEFAULT_TIME_ZONE, timeZoneOf: options.timeZoneOf });
    const learned = this.behaviour;
    this.home = homeSilent({
      unlearnedMs: options.sensorSilentMs,
      ...(learned ? { rhythm: (residentId) => learned.homeRhythm(residentId) } : {}),
      ...(options.listening ? { listening: options.listening } : {}),
    });
    const home = this.home;
    this.silent = sensorSilent({
      silentMs: options.sensorSilentMs,
      ...(learned ? { rhythm: (deviceId, residentId) => learned.sensorRhythm(residentId, deviceId) } : {}),
      homeSilent: (residentId) => home.isSilent(residentId),
    });
    // HOME-1 before SILENT-1: on a tick where both are due, the home's one alert stands for its devices.
    this.detectors = [
      fallFromDevice(),
      helpButton(),
      batteryLow({ lowPct: options.batteryLowPct }),
      this.home,
      this.silent,
    ];
    if (options.wearableFall !== false) {
      // A classifier that cannot load (missing weights) must not take the other rules down.
      try {
        this.detectors.push(wearableFall());
      } catch (error) {
        log.error({ err: error, rules: ['FALL-2'] }, 'wearable fall classifier unavailable');
      }
    }
    if (learned) this.detectors.push(learned);
    this.day = learned ? dayInsights({ states: () => learned.residents(), onInsight: options.onInsight }) : undefined;
    if (this.day) this.detectors.push(this.day);
    if (options.extra) this.detectors.push(...options.extra);
  }

  added(device: DeviceInfo, lastSeen: number): void {
    this.silent.watch(device.deviceId, device.residentId, device.roomId, lastSeen);
    this.home.watch(device.deviceId, device.residentId, lastSeen);
  }

  removed(deviceId: string): void {
    this.silent.unwatch(deviceId);
    this.home.unwatch(deviceId);
  }

  /** [HOME-1] How many homes are silent now. */
  silentHomes(): number {
    return this.home.silentCount();
  }

  /** Takes back detector state for alerts still active from before a restart. */
  restore(alerts: readonly ActiveAlert[]): void {
    for (const alert of alerts) for (const detector of this.detectors) detector.restore?.(alert);
  }

  onEvent(event: SensorEvent): AlertAction[] {
    const actions: AlertAction[] = [];
    for (const detector of this.detectors) {
      if (!detector.onEvent) continue;
      try {
        const out = detector.onEvent(event, this.ctx);
        for (const action of out) actions.push(action);
      } catch (error) {
        this.log.error({ err: error, rules: detector.ruleIds }, 'detector failed on an event');
      }
    }
    return actions;
  }

  tick(now: number): AlertAction[] {
    const actions: AlertAction[] = [];
    for (const detector of this.detectors) {
      if (!detector.onTick) continue;
      try {
        const out = detector.onTick(now, this.ctx);
        for (const action of out) actions.push(action);
      } catch (error) {
        this.log.error({ err: error, rules: detector.ruleIds }, 'detector failed on a tick');
      }
    }
    return actions;
  }

  /**
   * Away, hospital or visitor until `context.until` (undefined clears it). Away and hospital
   * silence the at-home rules; a visitor is named in their reasons.
   */
  setContext(residentId: string, context: ResidentContext | undefined): void {
    this.behaviour?.setContext(residentId, context);
  }

  /** A staff outcome for an alert: tunes that resident's threshold for that rule. */
  feedback(residentId: string, ruleId: string, outcome: Outcome | 'cleared' | null): void {
    if (outcome === null || outcome === 'cleared') return;
    try {
      this.behaviour?.feedback(residentId, ruleId, outcome);
    } catch (error) {
      this.log.error({ err: error, rule: ruleId }, 'feedback failed');
    }
  }

  /** The learned state of one resident (for inspection and tests). */
  resident(residentId: string): ResidentState | undefined {
    return this.behaviour?.state(residentId);
  }

  /** [DAY-1] [TREND-1] insights kept for a resident, oldest first: never paged, for the resident's page. */
  insights(residentId: string): readonly Insight[] {
    const s = this.behaviour?.state(residentId);
    return s === undefined || this.day === undefined ? [] : this.day.insights(s);
  }

  /** Model states to persist: changed since the last call, or all. */
  exportModels(all = false): { residentId: string; state: unknown }[] {
    return this.behaviour?.exportModels(all) ?? [];
  }

  /** Takes back saved model states (before events flow). */
  importModels(rows: readonly { residentId: string; state: unknown }[]): void {
    for (const row of rows) this.behaviour?.importModel(row.residentId, row.state);
  }
}
