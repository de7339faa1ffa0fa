import { z } from 'zod';
import { ApiError, StoredEvent } from '../../contract.js';
import { NotFoundError } from '../errors.js';
import type { ApiDeps, ZodApp } from '../types.js';

const DAY_MS = 86_400_000;

export function eventRoutes(app: ZodApp, deps: ApiDeps): void {
  app.get(
    '/residents/:id/events',
    {
      schema: {
        tags: ['events'],
        summary: 'A resident’s events in a time range (default: the last 24 hours), oldest first',
        params: z.object({ id: z.uuid() }),
        querystring: z
          .object({
            from: z.iso.datetime({ offset: true }).optional(),
            to: z.iso.datetime({ offset: true }).optional(),
            limit: z.coerce.number().int().min(1).max(10_000).default(1000),
          })
          .refine((q) => q.from === undefined || q.to === undefined || Date.parse(q.from) < Date.parse(q.to), {
            message: '`from` must be before `to`',
          }),
        response: { 200: z.array(StoredEvent), 400: ApiError, 404: ApiError },
      },
    },
    async (request) => {
      if ((await deps.residents.get(request.params.id)) === undefined) {
        throw new NotFoundError(`no resident ${request.params.id}`);
      }
      const to = request.query.to ? Date.parse(request.query.to) : Date.now();
      const from = request.query.from ? Date.parse(request.query.from) : to - DAY_MS;
      return deps.events.forResident(request.params.id, { from, to, limit: request.query.limit });
    },
  );
}
