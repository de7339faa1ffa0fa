import { Health } from '../../contract.js';
import type { ApiDeps, ZodApp } from '../types.js';

export function healthRoutes(app: ZodApp, deps: ApiDeps): void {
  app.get(
    '/health',
    {
      schema: {
        summary: 'Health of Vaka and what it depends on',
        tags: ['health'],
        response: { 200: Health, 503: Health },
      },
    },
    async (_request, reply) => {
      const health = await deps.health();
      return reply.code(health.database.ok ? 200 : 503).send(health);
    },
  );
}
