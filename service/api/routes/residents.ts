import { z } from 'zod';
import { principalOf } from '../../auth/auth-hooks.js';
import { teamScope } from '../../auth/principal.js';
import { ApiError, Resident, ResidentInput, ResidentTeamInput, Room, RoomInput } from '../../contract.js';
import { NotFoundError } from '../errors.js';
import type { ApiDeps, ZodApp } from '../types.js';

const Params = z.object({ id: z.uuid() });

export function residentRoutes(app: ZodApp, deps: ApiDeps): void {
  const tags = ['residents'];
  app.get(
    '/residents',
    {
      schema: { tags, summary: 'Residents with their rooms and latest activity', response: { 200: z.array(Resident) } },
    },
    (request) => deps.residents.list({ teamIds: teamScope(principalOf(request)) }),
  );

  app.post(
    '/residents',
    {
      schema: {
        tags,
        summary: 'Add a resident (and rooms)',
        body: ResidentInput,
        response: { 201: Resident, 400: ApiError },
      },
    },
    async (request, reply) => reply.code(201).send(await deps.residents.create(request.body)),
  );

  app.get(
    '/residents/:id',
    { schema: { tags, params: Params, response: { 200: Resident, 404: ApiError } } },
    async (request) => {
      const resident = await deps.residents.get(request.params.id);
      if (resident === undefined) throw new NotFoundError(`no resident ${request.params.id}`);
      return resident;
    },
  );

  app.delete(
    '/residents/:id',
    {
      schema: {
        tags,
        summary: 'Remove a resident with their rooms, devices and alerts',
        params: Params,
        response: { 204: z.null(), 404: ApiError },
      },
    },
    async (request, reply) => {
      if (!(await deps.residents.remove(request.params.id)))
        throw new NotFoundError(`no resident ${request.params.id}`);
      deps.registry.forgetResident(request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/residents/:id/rooms',
    {
      schema: {
        tags,
        summary: 'Add a room to a resident’s home',
        params: Params,
        body: RoomInput,
        response: { 201: Room, 404: ApiError },
      },
    },
    async (request, reply) => {
      if ((await deps.residents.get(request.params.id)) === undefined) {
        throw new NotFoundError(`no resident ${request.params.id}`);
      }
      return reply.code(201).send(await deps.residents.addRoom(request.params.id, request.body));
    },
  );

  app.put(
    '/residents/:id/team',
    {
      schema: {
        tags,
        summary: 'Move a resident to a care team (null: no team; only operators and admins see them)',
        params: Params,
        body: ResidentTeamInput,
        response: { 200: Resident, 400: ApiError, 404: ApiError },
      },
    },
    async (request) => {
      if (!(await deps.residents.setTeam(request.params.id, request.body.teamId))) {
        throw new NotFoundError(`no resident ${request.params.id}`);
      }
      return (await deps.residents.get(request.params.id)) as Resident;
    },
  );
}
