import { deviceRef, wholeMinutes } from '../alerts/explanation.js';
import type { AlertAction, Detector } from './detector.js';
import { deviceName, formatDuration } from './detector.js';

export interface SensorSilentOptions {
  /** A device with no message for this long is silent, in milliseconds (the floor when its rhythm is learned). */
  silentMs: number;
  /** The device's own learned rhythm (the behaviour model), once there is enough of it. */
  rhythm?: (deviceId: string, residentId: string) => { usualLongestMs: number; observed: number } | undefined;
  /** [HOME-1] The whole home is silent: one alert says it for every device, so none is raised per device. */
  homeSilent?: (residentId: string) => boolean;
}

/** Past the device's usual longest interval by this factor (bins are ~20% wide). */
const RHYTHM_FACTOR = 1.25;
/** However rarely a device reports, a day without a message is a problem, in ms. */
const RHYTHM_CAP_MS = 24 * 3_600_000;

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
        const learned = rhythm === undefined ? 0 : Math.min(RHYTHM_CAP_MS, rhythm.usualLongestMs * RHYTHM_FACTOR);
        const limit = Math.max(options.silentMs, learned);
        if (quiet < limit) continue;
        const usual =
          rhythm === undefined
            ? ''
            : `; its usual longest gap between messages is ${formatDuration(rhythm.usualLongestMs)}`;
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
                usualLongestMin: rhythm === undefined ? null : wholeMinutes(rhythm.usualLongestMs),
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

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
