import { z } from 'zod';
import { DeadLetterReason } from '../../../gateway/contract.js';
import { DeadLetterView } from '../../contract.js';
import type { ApiDeps, ZodApp } from '../types.js';

export function deadLetterRoutes(app: ZodApp, deps: ApiDeps): void {
  app.get(
    '/dead-letters',
    {
      schema: {
        tags: ['dead letters'],
        summary: 'Messages Vaka could not accept, with the reason, newest first',
        querystring: z.object({
          reason: DeadLetterReason.optional(),
          limit: z.coerce.number().int().min(1).max(1000).default(100),
        }),
        response: { 200: z.array(DeadLetterView) },
      },
    },
    (request) => deps.deadLetters.list(request.query),
  );
}
