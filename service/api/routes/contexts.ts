import { z } from 'zod';
import { actorName } from '../../auth/auth-hooks.js';
import { ApiError, ContextInput, Resident } from '../../contract.js';
import { BadRequestError, NotFoundError } from '../errors.js';
import type { ApiDeps, ZodApp } from '../types.js';

const Params = z.object({ id: z.uuid() });

/** A context is for a stay, not for ever: at most this far ahead. */
const MAX_AHEAD_MS = 90 * 24 * 3600 * 1000;

export function contextRoutes(app: ZodApp, deps: ApiDeps): void {
  const tags = ['residents'];
  app.put(
    '/residents/:id/context',
    {
      schema: {
        tags,
        summary: 'Mark a resident away, in hospital or with a visitor until a time',
        description:
          'Away and hospital hold back the at-home alerts (suspected fall, inactivity, bathroom, night exit, ' +
          'missed morning); a visitor is named in alert reasons. Device alarms (fall, help button) always page.',
        params: Params,
        body: ContextInput,
        response: { 200: Resident, 400: ApiError, 404: ApiError },
      },
    },
    async (request) => {
      const { id } = request.params;
      const until = Date.parse(request.body.until);
      const now = deps.now();
      if (until <= now) throw new BadRequestError('until must be in the future');
      if (until - now > MAX_AHEAD_MS) throw new BadRequestError('until must be at most 90 days ahead');
      const input = { kind: request.body.kind, until, note: request.body.note ?? null };
      if (!(await deps.contexts.set(id, input, actorName(request)))) throw new NotFoundError(`no resident ${id}`);
      return residentOrThrow(deps, id);
    },
  );

  app.delete(
    '/residents/:id/context',
    {
      schema: {
        tags,
        summary: 'End a resident’s away, hospital or visitor state now',
        params: Params,
        response: { 200: Resident, 404: ApiError },
      },
    },
    async (request) => {
      await deps.contexts.clear(request.params.id);
      return residentOrThrow(deps, request.params.id);
    },
  );
}

async function residentOrThrow(deps: ApiDeps, id: string): Promise<Resident> {
  const resident = await deps.residents.get(id);
  if (resident === undefined) throw new NotFoundError(`no resident ${id}`);
  return resident;
}
