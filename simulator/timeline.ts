/**
 * Everything the homes' devices will publish, in time order: each home's life (day.ts) as its
 * sensors report it (home-sensors.ts), step by step, then all homes merged. Lazy: a home
 * holds one episode's readings at a time, so thousands of homes fit in memory, and an endless
 * run needs no more memory than a short one.
 */
import type { Home, ScheduledReading } from './contract.js';
import { Life } from './day.js';
import { DEFAULT_NOISE, type DeviceNoise } from './device-model.js';
import { createHomeContext, type HomeContext } from './home-context.js';
import { HomeSensors } from './home-sensors.js';
import { EMPTY_PLAN, type HomePlan } from './plan.js';
import { mergeByTime, type TimedStream, takeBefore } from './schedule.js';

export interface StreamOptions {
  /** Run seed. */
  seed: number;
  /** Simulated start, epoch milliseconds. */
  start: number;
  /** Message loss and dropouts; default DEFAULT_NOISE. */
  noise?: DeviceNoise;
  /** Whether wearables send accelerometer windows (native format only); default true. */
  accel?: boolean;
}

export interface WindowOptions extends StreamOptions {
  /** How much simulated time to cover, in milliseconds. */
  durationMs: number;
}

/** One home's readings for its context's run (endless if it has no end), carrying out its plan. */
export function* homeStream(
  ctx: HomeContext,
  plan: HomePlan,
  options: { noise: DeviceNoise; accel: boolean },
): Generator<ScheduledReading> {
  if (ctx.home.devices.length === 0) return;
  const sensors = new HomeSensors(ctx.home, {
    seed: ctx.seed,
    start: ctx.start,
    noise: options.noise,
    accel: options.accel,
    silences: plan.silences,
    lowAt: plan.lowAt,
  });
  const life = new Life(ctx, plan, sensors);
  const end = ctx.end ?? Number.POSITIVE_INFINITY;
  for (;;) {
    life.step();
    const until = Math.min(life.t, end);
    sensors.settle(until);
    for (let reading = sensors.take(until); reading !== undefined; reading = sensors.take(until)) yield reading;
    if (until >= end) return;
  }
}

/** One home's everyday life from `start`, endless, with no planned incidents. */
export function homeTimeline(home: Home, options: StreamOptions): TimedStream<ScheduledReading> {
  const ctx = createHomeContext(home, options.seed, options.start, undefined);
  return mergeByTime([
    homeStream(ctx, EMPTY_PLAN, { noise: options.noise ?? DEFAULT_NOISE, accel: options.accel ?? true }),
  ]);
}

/** All homes' readings; on a tie the home listed first goes first. */
export function simulationTimeline(homes: readonly Home[], options: StreamOptions): TimedStream<ScheduledReading> {
  return mergeByTime(
    homes.map((home) =>
      homeStream(createHomeContext(home, options.seed, options.start, undefined), EMPTY_PLAN, {
        noise: options.noise ?? DEFAULT_NOISE,
        accel: options.accel ?? true,
      }),
    ),
  );
}

/** One home's readings from `start` for `durationMs`, in time order. */
export function generateDay(home: Home, options: WindowOptions): ScheduledReading[] {
  return takeBefore(homeTimeline(home, options), options.start + options.durationMs);
}

/** All homes' readings from `start` for `durationMs`, in time order: what a run publishes. */
export function generateReadings(homes: readonly Home[], options: WindowOptions): ScheduledReading[] {
  return takeBefore(simulationTimeline(homes, options), options.start + options.durationMs);
}
