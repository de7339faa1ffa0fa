/** What a resident did and usually does: the activity chart, the learned routine, presence. */
import { z } from 'zod';
import { principalOf } from '../../auth/auth-hooks.js';
import { teamScope } from '../../auth/principal.js';
import { ActivityGrid, ApiError, ResidentPresence, ResidentRoutine } from '../../contract.js';
import { LocalClock } from '../../model/local-time.js';
import { presenceOf, routineOf } from '../../model/resident-view.js';
import { NotFoundError } from '../errors.js';
import type { ApiDeps, ZodApp } from '../types.js';

const DAY_MS = 86_400_000;
const Params = z.object({ id: z.uuid() });

export function activityRoutes(app: ZodApp, deps: ApiDeps): void {
  const tags = ['residents'];
  const clock = new LocalClock(deps.timeZone);
  const assertResident = async (id: string) => {
    if ((await deps.residents.get(id)) === undefined) throw new NotFoundError(`no resident ${id}`);
  };

  app.get(
    '/residents/:id/activity',
    {
      schema: {
        tags,
        summary: 'Activity events by room and local clock hour, today and the days before it',
        params: Params,
        querystring: z.object({ days: z.coerce.number().int().min(1).max(31).default(7) }),
        response: { 200: ActivityGrid, 400: ApiError, 404: ApiError },
      },
    },
    async (request) => {
      await assertResident(request.params.id);
      const now = deps.now();
      const today = clock.at(now).day;
      const first = today - (request.query.days - 1);
      const days = Array.from({ length: request.query.days }, (_, i) =>
        new Date((first + i) * DAY_MS).toISOString().slice(0, 10),
      );
      const cells = await deps.activity.cells(request.params.id, {
        from: clock.toEpoch(first, 0),
        to: now,
        timeZone: deps.timeZone,
      });
      return { residentId: request.params.id, timeZone: deps.timeZone, days, cells };
    },
  );

  app.get(
    '/residents/:id/routine',
    {
      schema: {
        tags,
        summary: 'The resident’s usual routine as learned (getting up, bedtime, bathroom visits), and today’s',
        params: Params,
        response: { 200: ResidentRoutine, 404: ApiError },
      },
    },
    async (request) => {
      await assertResident(request.params.id);
      const routine = routineOf(request.params.id, deps.residentState(request.params.id), deps.now());
      if (routine === null) throw new NotFoundError(`nothing learned about resident ${request.params.id} yet`);
      return routine;
    },
  );

  app.get(
    '/presence',
    {
      schema: {
        tags,
        summary: 'Each resident at home, out or asleep, as the behaviour model sees it now',
        response: { 200: z.array(ResidentPresence) },
      },
    },
    async (request) => {
      const now = deps.now();
      return (await deps.residents.list({ teamIds: teamScope(principalOf(request)) })).map((r) => ({
        residentId: r.id,
        presence: presenceOf(deps.residentState(r.id), now),
      }));
    },
  );
}
