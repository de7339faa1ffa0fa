import { z } from 'zod';
import { ApiError, Insight } from '../../contract.js';
import { NotFoundError } from '../errors.js';
import type { ApiDeps, ZodApp } from '../types.js';

const Params = z.object({ id: z.uuid() });

export function insightRoutes(app: ZodApp, deps: ApiDeps): void {
  app.get(
    '/residents/:id/insights',
    {
      schema: {
        tags: ['residents'],
        summary: 'Insights about a resident that never page: unusual days [DAY-1] and changes over weeks [TREND-1]',
        params: Params,
        response: { 200: z.array(Insight), 404: ApiError },
      },
    },
    async (request) => {
      const { id } = request.params;
      if ((await deps.residents.get(id)) === undefined) throw new NotFoundError(`no resident ${id}`);
      return deps.insights(id).map((i) => ({
        ruleId: i.ruleId,
        kind: i.kind,
        residentId: i.residentId,
        at: new Date(i.at).toISOString(),
        date: i.date,
        measure: i.measure ?? null,
        score: i.score,
        reason: i.reason,
      }));
    },
  );
}
