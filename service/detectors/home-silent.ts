/**
 * [HOME-1] A whole home has gone quiet: no message from any of its devices for longer than
 * that home's own rhythm allows. One sensor falling silent is [SILENT-1]; every sensor of a
 * home at once means the home's link is down (its Zigbee bridge, power or internet) and the
 * resident has no protection at all, so it is raised on its own, sooner than SILENT-1.
 *
 * The limit (why): a home with several sensors reports far more often than any one of them
 * (motion, battery and link reports, heartbeats), so its combined stream is learned like a
 * sensor's ([SILENT-1]): 1.25 × the longest learned interval between messages from
 * any of its devices, by receive time. Never under 15 min: a Zigbee2MQTT restart or a short
 * network drop at home takes minutes and must not page anyone; battery sensors report on their
 * own every 50–60 min at most (Aqara's heartbeat), which the learned rhythm takes in. Never over
 * 24 h. Until 20 intervals are learned and a whole day heard, the fixed SENSOR_SILENT_MIN, as for one
 * sensor (docs/alert-rules.md says why the longest interval and not a percentile).
 *
 * While a home is silent, its devices raise no [SILENT-1] of their own: this one alert names
 * them all. A device still silent after the home is heard again gets its SILENT-1 then.
 *
 * A home with one device is left to [SILENT-1]: there "the home is silent" and "the sensor is
 * silent" are one fact, and SILENT-1's conservative floor suits a single radio.
 *
 * While Vaka itself has lost the broker every home is silent; that is one system problem
 * (supervision.ts, "Sensor messages are not arriving"), not an alert per home, so it pauses.
 */
import { wholeMinutes } from '../alerts/explanation.js';
import type { AlertAction, Detector } from './detector.js';
import { formatDuration } from './detector.js';

export interface HomeSilentOptions {
  /** The limit until the home's rhythm is learned, ms (SENSOR_SILENT_MIN). */
  unlearnedMs: number;
  /** The home's learned rhythm: the usual longest interval between any two of its messages. */
  rhythm?: (residentId: string) => { usualLongestMs: number } | undefined;
  /** False while no message can arrive from anywhere (the broker is unreachable). */
  listening?: () => boolean;
}

export const HOME_SILENT_FLOOR_MS = 15 * 60_000;
const HOME_SILENT_CAP_MS = 24 * 3_600_000;
const RHYTHM_FACTOR = 1.25;
const LEARNED_AFTER_MS = 24 * 3_600_000;
const FOLD_KEY = 'home_silent';
const MIN_DEVICES = 2;

interface Home {
  devices: Set<string>;
  /** When this process first heard the home, ms: its learned rhythm counts once a whole day is in it. */
  firstSeen: number;
  lastSeen: number;
  silent: boolean;
}

export interface HomeSilentDetector extends Detector {
  watch(deviceId: string, residentId: string, lastSeen: number): void;
  unwatch(deviceId: string): void;
  /** How many homes are silent now (health). */
  silentCount(): number;
  isSilent(residentId: string): boolean;
}

export function homeSilent(options: HomeSilentOptions): HomeSilentDetector {
  const homes = new Map<string, Home>();
  const homeOf = new Map<string, string>();

  const home = (residentId: string): Home => {
    let h = homes.get(residentId);
    if (h === undefined) {
      h = { devices: new Set(), firstSeen: Number.POSITIVE_INFINITY, lastSeen: 0, silent: false };
      homes.set(residentId, h);
    }
    return h;
  };

  const limitOf = (residentId: string, h: Home, now: number): { limit: number; usual: number | undefined } => {
    // Before a whole day and night has been heard, the learned rhythm has seen no night: the
    // cohort's first nights raised 14 HOME-1 alerts against daytime-only gaps.
    const usual = now - h.firstSeen < LEARNED_AFTER_MS ? undefined : options.rhythm?.(residentId)?.usualLongestMs;
    if (usual === undefined) return { limit: options.unlearnedMs, usual };
    const limit = Math.min(HOME_SILENT_CAP_MS, Math.max(HOME_SILENT_FLOOR_MS, usual * RHYTHM_FACTOR));
    return { limit, usual };
  };

  return {
    ruleIds: ['HOME-1'],
    watch(deviceId, residentId, lastSeen) {
      const previous = homeOf.get(deviceId);
      if (previous !== undefined && previous !== residentId) this.unwatch(deviceId);
      const h = home(residentId);
      h.devices.add(deviceId);
      h.firstSeen = Math.min(h.firstSeen, lastSeen);
      h.lastSeen = Math.max(h.lastSeen, lastSeen);
      homeOf.set(deviceId, residentId);
    },
    unwatch(deviceId) {
      const residentId = homeOf.get(deviceId);
      homeOf.delete(deviceId);
      if (residentId === undefined) return;
      const h = homes.get(residentId);
      h?.devices.delete(deviceId);
      if (h !== undefined && h.devices.size === 0) homes.delete(residentId);
    },
    silentCount: () => [...homes.values()].filter((h) => h.silent).length,
    isSilent: (residentId) => homes.get(residentId)?.silent === true,
    restore(alert) {
      if (alert.kind === FOLD_KEY) home(alert.residentId).silent = true;
    },
    onEvent(event) {
      const h = home(event.residentId);
      h.devices.add(event.deviceId);
      homeOf.set(event.deviceId, event.residentId);
      // Liveness by when Vaka heard it, not by the device's clock (as SILENT-1).
      h.firstSeen = Math.min(h.firstSeen, event.receivedAt);
      h.lastSeen = Math.max(h.lastSeen, event.receivedAt);
      if (!h.silent) return [];
      h.silent = false;
      return [{ kind: 'clear', residentId: event.residentId, foldKey: FOLD_KEY, at: event.eventTime }];
    },
    onTick(now) {
      if (options.listening?.() === false) return [];
      const actions: AlertAction[] = [];
      // Cheap first: most homes were heard within the smallest possible limit (10,000 homes a tick).
      const shortest = Math.min(HOME_SILENT_FLOOR_MS, options.unlearnedMs);
      for (const [residentId, h] of homes) {
        const quiet = now - h.lastSeen;
        if (h.silent || quiet < shortest || h.devices.size < MIN_DEVICES) continue;
        const { limit, usual } = limitOf(residentId, h, now);
        if (quiet < limit) continue;
        h.silent = true;
        const usualText = usual === undefined ? '' : `; its usual longest gap is ${formatDuration(usual)}`;
        actions.push({
          kind: 'raise',
          alert: {
            residentId,
            roomId: null,
            deviceId: null,
            kind: FOLD_KEY,
            ruleId: 'HOME-1',
            severity: 'technical',
            reason: `No message from any of the home's ${h.devices.size} devices for ${formatDuration(quiet)} (limit ${formatDuration(limit)}${usualText})`,
            explanation: {
              key: 'home.silent',
              params: {
                devices: h.devices.size,
                minutes: wholeMinutes(quiet),
                limitMin: wholeMinutes(limit),
                usualLongestMin: usual === undefined ? null : wholeMinutes(usual),
              },
            },
            foldKey: FOLD_KEY,
            at: now,
          },
        });
      }
      return actions;
    },
  };
}
