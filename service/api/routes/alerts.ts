import { z } from 'zod';
import { actorName, principalOf } from '../../auth/auth-hooks.js';
import { teamScope } from '../../auth/principal.js';
import { AcknowledgeInput, Alert, AlertStatus, ApiError, NoteInput, ResolveInput, Severity } from '../../contract.js';
import { NotFoundError } from '../errors.js';
import type { ApiDeps, ZodApp } from '../types.js';

const Params = z.object({ id: z.uuid() });

/** `status=open,acknowledged` style lists. */
function csv<T extends z.ZodType<unknown, string>>(item: T) {
  return z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).min(1));
}

export function alertRoutes(app: ZodApp, deps: ApiDeps): void {
  const tags = ['alerts'];
  app.get(
    '/alerts',
    {
      schema: {
        tags,
        summary: 'Alerts, newest first, filtered by status, severity and resident',
        querystring: z.object({
          status: csv(AlertStatus).optional(),
          severity: csv(Severity).optional(),
          residentId: z.uuid().optional(),
          limit: z.coerce.number().int().min(1).max(1000).default(200),
        }),
        response: { 200: z.array(Alert), 400: ApiError },
      },
    },
    (request) => deps.alerts.list({ ...request.query, teamIds: teamScope(principalOf(request)) }),
  );

  app.get(
    '/alerts/:id',
    { schema: { tags, params: Params, response: { 200: Alert, 404: ApiError } } },
    async (request) => {
      const alert = await deps.alerts.get(request.params.id);
      if (alert === undefined) throw new NotFoundError(`no alert ${request.params.id}`);
      return alert;
    },
  );

  app.post(
    '/alerts/:id/acknowledge',
    {
      schema: {
        tags,
        summary: 'Acknowledge an open alert: someone is on it',
        params: Params,
        body: AcknowledgeInput,
        response: { 200: Alert, 404: ApiError, 409: ApiError },
      },
    },
    (request) => deps.alertService.acknowledge(request.params.id, actorName(request)),
  );

  app.post(
    '/alerts/:id/resolve',
    {
      schema: {
        tags,
        summary: 'Resolve an alert with its outcome',
        params: Params,
        body: ResolveInput,
        response: { 200: Alert, 404: ApiError, 409: ApiError },
      },
    },
    (request) =>
      deps.alertService.resolve(request.params.id, actorName(request), request.body.outcome, request.body.note ?? null),
  );

  app.post(
    '/alerts/:id/notes',
    {
      schema: {
        tags,
        summary: 'Add a note to an alert (in any state)',
        params: Params,
        body: NoteInput,
        response: { 201: Alert, 400: ApiError, 404: ApiError },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await deps.alertService.addNote(request.params.id, actorName(request), request.body.text)),
  );
}
