/** Device incidents: a device falls silent, a battery runs down. Any time of day; the resident carries on. */
import type { Device } from './contract.js';
import {
  at,
  base,
  DAY,
  type DraftBuilder,
  type DraftEnv,
  type DraftSpec,
  HOUR,
  hhmm,
  localDateOf,
  MIN,
  strip,
} from './draft-kit.js';
import { powerOf } from './homes.js';
import { CATALOGUE } from './incident-catalogue.js';

/** Devices a sensor_silent incident picks from, by weight: busy battery devices fail most. */
const SILENT_WEIGHTS: Record<Device['kind'], number> = {
  motion: 3,
  door: 2,
  bed: 1,
  chair: 1,
  help_button: 1,
  wearable: 0.5,
  power_plug: 0.5,
  fall_detector: 0.5,
};

function deviceFor(
  env: DraftEnv,
  spec: DraftSpec | undefined,
  filter: (d: Device) => boolean,
  weights: Record<string, number>,
): Device | undefined {
  const devices = env.ctx.home.devices.filter(filter);
  if (spec?.device !== undefined) {
    const wanted = spec.device;
    return devices.find((d) => d.address === wanted || d.role === wanted) ?? devices.find((d) => d.kind === wanted);
  }
  return env.rng.pick(devices.map((d) => [d, weights[d.kind] ?? 1] as const));
}

function anyTime(env: DraftEnv, spec: DraftSpec | undefined): number {
  if (spec !== undefined) return at(env, spec.date, spec.time ?? env.rng.between(0, DAY));
  return Math.round(env.rng.between(env.ctx.start + HOUR, env.end - 7 * HOUR));
}

export const sensorSilent: DraftBuilder = (env, spec) => {
  const device = deviceFor(env, spec, () => true, SILENT_WEIGHTS);
  if (device === undefined) return `home ${env.ctx.home.id} has no device ${spec?.device ?? ''}`.trim();
  const start = anyTime(env, spec);
  const ms =
    spec?.durationMin !== undefined
      ? spec.durationMin * MIN
      : env.rng.chance(0.2)
        ? null
        : env.rng.between(8, 72) * HOUR;
  const end = ms === null || start + ms >= env.end ? null : Math.round(start + ms);
  const date = localDateOf(env, start);
  const b = base('sensor_silent', start, date, false, env);
  return {
    incident: {
      ...strip(b),
      end,
      deadline: CATALOGUE.sensor_silent.deadline({ kind: b.kind, start, profile: b.profile }),
      device: device.address,
      note: `${device.address} stopped sending at ${hhmm(env, start)} on ${date}${end === null ? '; not back within the run' : `; back after ${((end - start) / HOUR).toFixed(1)} h`}`,
    },
    constraints: [],
    silence: { address: device.address, silence: { from: start, to: end } },
    follows: [],
  };
};

export const batteryLow: DraftBuilder = (env, spec) => {
  const device = deviceFor(env, spec, (d) => powerOf(d.kind) === 'coin_cell', {});
  if (device === undefined) return `home ${env.ctx.home.id} has no battery device ${spec?.device ?? ''}`.trim();
  const start =
    spec !== undefined
      ? anyTime(env, spec)
      : Math.round(env.rng.between(env.ctx.start + 12 * HOUR, env.end - 12 * HOUR));
  const date = localDateOf(env, start);
  // The record itself is written from the device model's battery, with the other (natural) lows.
  return {
    incident: { ...strip(base('battery_low', start, date, false, env)), device: device.address },
    constraints: [],
    lowAt: { address: device.address, at: start },
    follows: [],
  };
};
