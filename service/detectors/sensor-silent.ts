import { deviceRef, wholeMinutes } from '../alerts/explanation.js';
import type { AlertAction, Detector } from './detector.js';
import { deviceName, formatDuration } from './detector.js';

export interface SensorSilentOptions {
  /** A device with no message for this long is silent, in milliseconds (the floor when its rhythm is learned). */
  silentMs: number;
  /** The device's own rhythm as the behaviour model knows it; undefined without a model. */
  rhythm?: (deviceId: string, residentId: string) => DeviceRhythm | undefined;
  /** [HOME-1] The whole home is silent: one alert says it for every device, so none is raised per device. */
  homeSilent?: (residentId: string) => boolean;
}

export interface DeviceRhythm {
  /** Its usual longest gap between messages (99.9th percentile), ms; undefined before the first gap. */
  usualLongestMs: number | undefined;
  observed: number;
  /** It has sent a battery report or a heartbeat, so it speaks when unused too. */
  periodic: boolean;
}

/** Past the device's usual longest interval by this factor (bins are ~20% wide). */
const RHYTHM_FACTOR = 1.25;
/** A device with a heartbeat or battery report that sends nothing for a day has a problem, in ms. */
const RHYTHM_CAP_MS = 24 * 3_600_000;
/**
 * Gaps learned before a device that reports by itself is judged by its own rhythm. Few: until
 * then the fixed limit flags a battery device that reports every 3–5 h at every report (the
 * cohort: 15 false alerts per help button in its first 3½ days when this was 20). With a few
 * gaps its usual longest is the longest seen so far, and a gap flagged wrongly is learned at once.
 */
const PERIODIC_MIN_GAPS = 3;
/**
 * A device that has never sent a battery report or a heartbeat speaks only when used (a cupboard
 * contact; every van Kasteren sensor), and its silence says little of its health. Until its use
 * is known from EVENT_ONLY_MIN_GAPS gaps it is flagged after a week without a message; then past
 * its own usual longest gap, at least a day, at most a week (with the fixed 3 h limit and a day's
 * cap: 83 technical alerts per resident-week on van Kasteren).
 */
const EVENT_ONLY_MIN_GAPS = 20;
const EVENT_ONLY_CAP_MS = 7 * 24 * 3_600_000;

interface Watch {
  residentId: string;
  roomId: string | null;
  lastSeen: number;
  silent: boolean;
}

/**
 * [SILENT-1] A device has sent nothing for `silentMs`, by receive time (a fixed limit until the behaviour
 * model learns each sensor's own rhythm). Checked on clock ticks; cleared when it reports.
 * [SILENT-2] The device's bridge (Zigbee2MQTT availability) says it is offline; cleared on online.
 */
export function sensorSilent(options: SensorSilentOptions): Detector & {
  watch(deviceId: string, residentId: string, roomId: string | null, lastSeen: number): void;
  unwatch(deviceId: string): void;
} {
  const watches = new Map<string, Watch>();
  const foldKey = (deviceId: string) => `sensor_silent:${deviceId}`;

  return {
    ruleIds: ['SILENT-1', 'SILENT-2'],
    watch(deviceId, residentId, roomId, lastSeen) {
      const existing = watches.get(deviceId);
      watches.set(deviceId, {
        residentId,
        roomId,
        lastSeen: Math.max(lastSeen, existing?.lastSeen ?? 0),
        silent: existing?.silent ?? false,
      });
    },
    unwatch(deviceId) {
      watches.delete(deviceId);
    },
    restore(alert) {
      const watch = alert.deviceId === null ? undefined : watches.get(alert.deviceId);
      if (alert.kind === 'sensor_silent' && watch) watch.silent = true;
    },
    onEvent(event, ctx) {
      const watch = watches.get(event.deviceId) ?? {
        residentId: event.residentId,
        roomId: event.roomId,
        lastSeen: 0,
        silent: false,
      };
      watches.set(event.deviceId, watch);
      // Liveness is judged by when Vaka heard the device, not by the device's own clock.
      watch.lastSeen = Math.max(watch.lastSeen, event.receivedAt);
      if (event.type === 'availability' && event.value === false) {
        if (watch.silent) return [];
        watch.silent = true;
        return [
          {
            kind: 'raise',
            alert: {
              residentId: event.residentId,
              roomId: event.roomId,
              deviceId: event.deviceId,
              kind: 'sensor_silent',
              ruleId: 'SILENT-2',
              severity: 'technical',
              reason: `${capitalise(deviceName(ctx.device(event.deviceId)))} is reported offline by its Zigbee bridge`,
              explanation: { key: 'sensor.offline', params: { device: deviceRef(ctx.device(event.deviceId)) } },
              foldKey: foldKey(event.deviceId),
              at: event.eventTime,
            },
          },
        ];
      }
      if (!watch.silent) return [];
      watch.silent = false;
      return [{ kind: 'clear', residentId: event.residentId, foldKey: foldKey(event.deviceId), at: event.eventTime }];
    },
    onTick(now, ctx) {
      const actions: AlertAction[] = [];
      for (const [deviceId, watch] of watches) {
        const quiet = now - watch.lastSeen;
        if (watch.silent || quiet < options.silentMs || options.homeSilent?.(watch.residentId) === true) continue;
        // [SILENT-1] Against the device's own rhythm: a door used twice a day is not silent at 3 h.
        const rhythm = options.rhythm?.(deviceId, watch.residentId);
        const limit = silentLimit(options.silentMs, rhythm);
        if (quiet < limit) continue;
        const usualLongestMs =
          rhythm !== undefined && rhythm.observed >= PERIODIC_MIN_GAPS ? rhythm.usualLongestMs : undefined;
        const usual =
          usualLongestMs === undefined
            ? ''
            : `; its usual longest gap between messages is ${formatDuration(usualLongestMs)}`;
        watch.silent = true;
        actions.push({
          kind: 'raise',
          alert: {
            residentId: watch.residentId,
            roomId: watch.roomId,
            deviceId,
            kind: 'sensor_silent',
            ruleId: 'SILENT-1',
            severity: 'technical',
            reason: `No message from ${deviceName(ctx.device(deviceId))} for ${formatDuration(quiet)} (limit ${formatDuration(limit)}${usual})`,
            explanation: {
              key: 'sensor.silent',
              params: {
                device: deviceRef(ctx.device(deviceId)),
                minutes: wholeMinutes(quiet),
                limitMin: wholeMinutes(limit),
                usualLongestMin: usualLongestMs === undefined ? null : wholeMinutes(usualLongestMs),
              },
            },
            foldKey: foldKey(deviceId),
            at: now,
          },
        });
      }
      return actions;
    },
  };
}

/**
 * [SILENT-1] How long a device may be quiet: a device that reports by itself, the fixed limit or
 * past its own usual longest gap, at most a day; a device that only ever sent events, a day or
 * past its own usual longest gap, at most a week. Without a behaviour model, the fixed limit.
 */
export function silentLimit(fixedMs: number, rhythm: DeviceRhythm | undefined): number {
  if (rhythm === undefined) return fixedMs;
  const longest = rhythm.usualLongestMs ?? 0;
  if (rhythm.periodic) {
    const own = rhythm.observed >= PERIODIC_MIN_GAPS ? longest * RHYTHM_FACTOR : 0;
    return Math.max(fixedMs, Math.min(RHYTHM_CAP_MS, own));
  }
  if (rhythm.observed < EVENT_ONLY_MIN_GAPS) return Math.max(fixedMs, EVENT_ONLY_CAP_MS);
  return Math.max(fixedMs, RHYTHM_CAP_MS, Math.min(EVENT_ONLY_CAP_MS, longest * RHYTHM_FACTOR));
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
