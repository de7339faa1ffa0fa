/**
 * Incidents where the resident needs help: falls (with or without recovery, reported or not),
 * a help press, an exit into the night. Who reports a fall follows from the devices the home
 * has, whether the wearable is worn, and the devices' sensitivities (incident-catalogue.ts).
 */

import {
  base,
  constraintsFor,
  type Draft,
  type DraftBuilder,
  dayOf,
  dayWindow,
  found,
  GUARD_MS,
  HOUR,
  hhmm,
  hospitalAfter,
  isNight,
  MIN,
  nightWindow,
  roomFor,
  SEC,
  strip,
  when,
  wornAt,
} from './draft-kit.js';
import { findDevice } from './homes.js';
import {
  CATALOGUE,
  RADAR_FALL_SENSITIVITY,
  RADAR_REPORT_S,
  RISKY_FALL_ROOM_KINDS,
  WEARABLE_FALL_SENSITIVITY,
  WEARABLE_REPORT_S,
} from './incident-catalogue.js';

/**
 * Where falls happen at home: mostly the bedroom, the bathroom and the living room (an
 * assumption in line with studies of home falls, which put the bedroom and bathroom first);
 * at night on the way to the toilet.
 */
const FALL_ROOMS_DAY: Record<string, number> = {
  bedroom: 3,
  bathroom: 2.5,
  living_room: 2,
  kitchen: 1.5,
  hall: 1,
  entrance: 0.5,
  other: 0.5,
};
const FALL_ROOMS_NIGHT: Record<string, number> = { bedroom: 4, bathroom: 4, hall: 2, living_room: 0.5 };

export const fall =
  (recovers: boolean): DraftBuilder =>
  (env, spec) => {
    const kind = recovers ? 'fall_recovered' : 'fall_no_recovery';
    const date = spec?.date ?? env.rng.pick(env.dates.map((d) => [d, 1] as const)) ?? env.ctx.firstDate;
    const nightDraw = spec?.time === undefined ? env.rng.chance(0.3) : false;
    const downMs = recovers ? (spec?.durationMin ?? env.rng.between(3, 20)) * MIN : 0;
    const leadMs = CATALOGUE[kind].leadMin * MIN;
    const start = when(
      env,
      spec,
      date,
      nightDraw ? nightWindow(env, date, downMs) : dayWindow(env, date, downMs, leadMs),
    );
    if (typeof start === 'string') return start;
    const night = spec?.time !== undefined ? isNight(env, start) : nightDraw;
    const day = dayOf(env, start, night);
    const room = roomFor(env, spec, night ? FALL_ROOMS_NIGHT : FALL_ROOMS_DAY);
    if (room === undefined) return `no room "${spec?.room}" in home ${env.ctx.home.id}`;
    const roomKind = env.ctx.home.rooms.find((r) => r.name === room)?.kind ?? 'other';
    const b = base(kind, start, day, night, env);
    const wearable = wornAt(env, start, day, night);
    const radar = env.ctx.home.devices.find((d) => d.kind === 'fall_detector' && d.room === room);
    const candidates: { address: string; at: number }[] = [];
    if (wearable !== undefined && env.rng.chance(WEARABLE_FALL_SENSITIVITY)) {
      candidates.push({
        address: wearable.address,
        at: start + Math.round(env.rng.between(...WEARABLE_REPORT_S) * SEC),
      });
    }
    const radarAt = start + Math.round(env.rng.between(...RADAR_REPORT_S) * SEC);
    const downLongEnough = !recovers || start + downMs > radarAt;
    if (
      radar !== undefined &&
      !env.silenced(radar.address, start) &&
      downLongEnough &&
      env.rng.chance(RADAR_FALL_SENSITIVITY)
    ) {
      candidates.push({ address: radar.address, at: radarAt });
    }
    const reporter = candidates.sort((x, y) => x.at - y.at)[0];
    const foundAfter = recovers ? null : found(env, spec);
    const foundAt = foundAfter === null ? null : start + Math.round(foundAfter * HOUR);
    const end = recovers ? start + Math.round(downMs) : foundAt;
    const deadline = CATALOGUE[kind].deadline({
      kind,
      start,
      reportedAt: reporter?.at,
      impactWindow: wearable !== undefined,
      riskyRoom: RISKY_FALL_ROOM_KINDS.has(roomKind),
      profile: b.profile,
    });
    const then: Draft[] = [];
    let departAt: number | undefined;
    if (foundAt !== null && foundAt < env.end) {
      departAt = foundAt + Math.round(env.rng.between(30, 60) * MIN);
      then.push(hospitalAfter(env, departAt, 'after being found on the floor'));
    }
    const how =
      reporter !== undefined
        ? `${reporter.address} reported it`
        : wearable !== undefined
          ? 'the wearable sent the impact but no fall report'
          : 'no device reported it';
    const worn =
      findDevice(env.ctx.home, 'wearable') === undefined
        ? 'no wearable'
        : wearable !== undefined
          ? 'wearable on'
          : 'wearable off';
    const after = recovers
      ? `got up after ${Math.round(downMs / MIN)} min`
      : foundAt === null || foundAt >= env.end
        ? 'no recovery, not found within the run'
        : `no recovery, found after ${foundAfter} h`;
    const busyEnd = departAt !== undefined ? departAt : (end ?? Number.POSITIVE_INFINITY);
    return {
      incident: {
        ...strip(b),
        end: end !== null && end >= env.end ? null : end,
        deadline,
        room,
        device: reporter?.address ?? wearable?.address ?? null,
        ...(reporter === undefined ? {} : { reporter }),
        ...(recovers ? {} : { foundAt: foundAt !== null && foundAt < env.end ? foundAt : null }),
        ...(departAt === undefined ? {} : { departAt }),
        note: `fell in the ${room} at ${hhmm(env, start)}${night ? ' at night' : ''}; ${worn}; ${how}; ${after}`,
      },
      busy: [start - leadMs - GUARD_MS, busyEnd + (departAt === undefined ? GUARD_MS : 0)],
      constraints: constraintsFor(day, night, start - leadMs, end ?? start),
      follows: then,
    };
  };

export const help: DraftBuilder = (env, spec) => {
  const date = spec?.date ?? env.rng.pick(env.dates.map((d) => [d, 1] as const)) ?? env.ctx.firstDate;
  const nightDraw = spec?.time === undefined ? env.rng.chance(0.2) : false;
  const leadMs = CATALOGUE.help_button.leadMin * MIN;
  const start = when(env, spec, date, nightDraw ? nightWindow(env, date, HOUR) : dayWindow(env, date, HOUR, leadMs));
  if (typeof start === 'string') return start;
  const night = spec?.time !== undefined ? isNight(env, start) : nightDraw;
  const day = dayOf(env, start, night);
  const wearable = wornAt(env, start, day, night);
  const button = findDevice(env.ctx.home, 'help_button');
  const usable = button !== undefined && !env.silenced(button.address, start) ? button : undefined;
  const device = wearable !== undefined && (usable === undefined || env.rng.chance(0.6)) ? wearable : usable;
  if (device === undefined) return `home ${env.ctx.home.id} has no help button or worn wearable at ${hhmm(env, start)}`;
  const arrive = start + Math.round(env.rng.between(15, 40) * MIN);
  const leave = arrive + Math.round(env.rng.between(15, 30) * MIN);
  const b = base('help_button', start, day, night, env);
  return {
    incident: {
      ...strip(b),
      end: leave >= env.end ? null : leave,
      deadline: CATALOGUE.help_button.deadline({ kind: 'help_button', start, reportedAt: start, profile: b.profile }),
      device: device.address,
      ...(device.kind === 'help_button' ? { room: device.room } : {}),
      reporter: { address: device.address, at: start },
      responder: { arrive, leave },
      note: `pressed ${device.kind === 'wearable' ? 'the wearable' : 'the help button'} at ${hhmm(env, start)}${night ? ' at night' : ''}; a carer came at ${hhmm(env, arrive)}`,
    },
    busy: [start - leadMs - GUARD_MS, leave + GUARD_MS],
    constraints: constraintsFor(day, night, start - leadMs, leave),
    follows: [],
  };
};

export const nightExit: DraftBuilder = (env, spec) => {
  const date = spec?.date ?? env.rng.pick(env.dates.map((d) => [d, 1] as const)) ?? env.ctx.firstDate;
  const leadMs = Math.round(env.rng.between(2, 10) * MIN);
  const start = when(env, spec, date, nightWindow(env, date, HOUR));
  if (typeof start === 'string') return start;
  const day = dayOf(env, start, true);
  const door = findDevice(env.ctx.home, 'door');
  const foundAfter = found(env, spec);
  const foundAt = foundAfter === null ? null : start + Math.round(foundAfter * HOUR);
  const b = base('night_exit_no_return', start, day, true, env);
  const leavesDoorOpen = env.rng.chance(0.3);
  const then = foundAt !== null && foundAt < env.end ? [hospitalAfter(env, foundAt, 'after being found outdoors')] : [];
  return {
    incident: {
      ...strip(b),
      leadMs,
      end: foundAt !== null && foundAt < env.end ? foundAt : null,
      deadline: CATALOGUE.night_exit_no_return.deadline({ kind: 'night_exit_no_return', start, profile: b.profile }),
      device: door?.role === 'front_door' ? door.address : null,
      foundAt: foundAt !== null && foundAt < env.end ? foundAt : null,
      leavesDoorOpen,
      note: `left by the front door at ${hhmm(env, start)} at night${leavesDoorOpen ? ', leaving it open' : ''}; ${foundAt === null || foundAt >= env.end ? 'did not come back within the run' : `found outdoors after ${foundAfter} h`}`,
    },
    busy: [start - leadMs - GUARD_MS, foundAt === null ? Number.POSITIVE_INFINITY : foundAt],
    constraints: [[day, { bedBy: start - leadMs - HOUR }]],
    follows: then,
  };
};
