import { z } from 'zod';
import { principalOf } from '../../auth/auth-hooks.js';
import { AccountRuleError } from '../../auth/auth-service.js';
import { ApiError, AuditEntry, Team, TeamInput, User, UserInput, UserUpdate } from '../../contract.js';
import { body, NotFoundError } from '../errors.js';
import type { ApiDeps, ZodApp } from '../types.js';

const Params = z.object({ id: z.uuid() });

/** Accounts, teams and the audit log: the admin's pages. */
export function userRoutes(app: ZodApp, deps: ApiDeps): void {
  const tags = ['accounts'];
  app.get('/users', { schema: { tags, summary: 'Staff accounts', response: { 200: z.array(User) } } }, () =>
    deps.users.list(),
  );

  app.post(
    '/users',
    {
      schema: {
        tags,
        summary: 'Add a staff account; the password is temporary and must be changed at first sign-in',
        body: UserInput,
        response: { 201: User, 400: ApiError, 409: ApiError },
      },
    },
    async (request, reply) => reply.code(201).send(await deps.auth.createUser(request.body)),
  );

  app.patch(
    '/users/:id',
    {
      schema: {
        tags,
        summary: 'Change an account’s name, role, team, password or disable it; its sessions end',
        params: Params,
        body: UserUpdate,
        response: { 200: User, 400: ApiError, 404: ApiError, 409: ApiError },
      },
    },
    async (request, reply) => {
      try {
        const user = await deps.auth.updateUser(principalOf(request), request.params.id, request.body);
        if (user === undefined) throw new NotFoundError(`no user ${request.params.id}`);
        return user;
      } catch (error) {
        if (error instanceof AccountRuleError) return reply.code(409).send(body(409, error.code, error.message));
        throw error;
      }
    },
  );

  app.get('/teams', { schema: { tags, summary: 'Care teams', response: { 200: z.array(Team) } } }, () =>
    deps.users.teams(),
  );

  app.post(
    '/teams',
    {
      schema: {
        tags,
        summary: 'Add a care team',
        body: TeamInput,
        response: { 201: Team, 400: ApiError, 409: ApiError },
      },
    },
    async (request, reply) => reply.code(201).send(await deps.users.createTeam(request.body.name)),
  );

  app.delete(
    '/teams/:id',
    {
      schema: {
        tags,
        summary: 'Remove a team; its residents and staff keep their accounts but have no team',
        params: Params,
        response: { 204: z.null(), 404: ApiError },
      },
    },
    async (request, reply) => {
      if (!(await deps.users.removeTeam(request.params.id))) throw new NotFoundError(`no team ${request.params.id}`);
      deps.residents.forgetTeams();
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/audit',
    {
      schema: {
        tags,
        summary: 'The audit log, newest first: sign-ins, acknowledgements, resolutions, onboarding and account changes',
        querystring: z.object({
          action: z.string().max(100).optional(),
          actorId: z.uuid().optional(),
          targetId: z.string().max(200).optional(),
          limit: z.coerce.number().int().min(1).max(1000).default(200),
        }),
        response: { 200: z.array(AuditEntry) },
      },
    },
    (request) => deps.audit.list(request.query),
  );
}
