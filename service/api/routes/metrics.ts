import { z } from 'zod';
import { ApiError, Metrics } from '../../contract.js';
import type { ApiDeps, ZodApp } from '../types.js';

const HOUR_MS = 3_600_000;
const MIN_MS = 60_000;

export function metricsRoutes(app: ZodApp, deps: ApiDeps): void {
  app.get(
    '/metrics',
    {
      schema: {
        tags: ['health'],
        summary: 'Event rate, dead letters, and alert delivery and acknowledgement times over a window',
        querystring: z.object({
          hours: z.coerce
            .number()
            .min(1)
            .max(24 * 90)
            .default(24),
        }),
        response: { 200: Metrics, 400: ApiError },
      },
    },
    async (request) => {
      const now = deps.now();
      const from = now - request.query.hours * HOUR_MS;
      const [times, open, deadLetters] = await Promise.all([
        deps.metrics.alertTimes(from),
        deps.metrics.unacknowledged(),
        deps.metrics.deadLetters(from),
      ]);
      return {
        windowHours: request.query.hours,
        eventsPerMinute: {
          last5Min: deps.eventRate.perMinute(now, 5 * MIN_MS),
          lastHour: deps.eventRate.perMinute(now, HOUR_MS),
        },
        deadLetters,
        alerts: { ...times, ...open },
      };
    },
  );
}
