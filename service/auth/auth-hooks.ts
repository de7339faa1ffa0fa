/**
 * Access control for the HTTP API, as fastify hooks on the root instance:
 * - onRoute: every /api/v1 route must have a policy (policy.ts), or the app does not build;
 * - onRequest: a Bearer token → the principal; 401 without one, 403 below the route's role;
 * - preHandler: a resident, alert or device named by `:id` outside the principal's teams → 404,
 *   and the refusal written to the audit log (action: the route's, or `<scope>.read`);
 * - onSend: changing requests are written to the audit log (success, or denied by role).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { body, NotFoundError } from '../api/errors.js';
import type { AlertsStore } from '../store/alerts-store.js';
import type { DevicesStore } from '../store/devices-store.js';
import type { ResidentsStore } from '../store/residents-store.js';
import type { AuthService } from './auth-service.js';
import { API_PREFIX, PASSWORD_CHANGE_ROUTES, policyOf, type RoutePolicy, type Scope } from './policy.js';
import { hasRole, type Principal, seesTeam, teamScope } from './principal.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in account; null on public routes and before authentication. */
    principal: Principal | null;
  }
}

export interface AuthHookDeps {
  auth: AuthService;
  residents: ResidentsStore;
  alerts: AlertsStore;
  devices: DevicesStore;
}

export class MissingPolicyError extends Error {
  readonly code = 'VAKA_ERR_MISSING_POLICY';
}

/** The principal of a request on a non-public route (the onRequest hook guarantees one). */
export function principalOf(request: FastifyRequest): Principal {
  if (request.principal === null) throw new Error(`no principal on ${request.method} ${request.url}`);
  return request.principal;
}

/** `Authorization: Bearer <token>`. */
export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  const match = header === undefined ? null : /^Bearer ([A-Za-z0-9_-]{1,200})$/.exec(header);
  return match?.[1];
}

const method = (m: string) => (m === 'HEAD' ? 'GET' : m);
const routeKey = (request: FastifyRequest) => `${method(request.method)} ${request.routeOptions.url ?? ''}`;
const policyFor = (request: FastifyRequest): RoutePolicy | undefined =>
  request.routeOptions.url === undefined ? undefined : policyOf(method(request.method), request.routeOptions.url);

export function installAuthHooks(app: FastifyInstance, deps: AuthHookDeps): void {
  app.decorateRequest('principal', null);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith(API_PREFIX)) return;
    for (const m of [route.method].flat()) {
      if (policyOf(method(m), route.url) === undefined) {
        throw new MissingPolicyError(`${m} ${route.url} has no access policy: add it to service/auth/policy.ts`);
      }
    }
  });

  app.addHook('onRequest', async (request, reply) => {
    const url = request.routeOptions.url;
    if (url === undefined || !url.startsWith(API_PREFIX)) return;
    const policy = policyFor(request);
    if (policy === undefined) return deny(reply, 403, 'VAKA_ERR_FORBIDDEN', 'no access policy for this route');
    if (policy.access === 'public' || policy.access === 'stream') return;
    const principal = await deps.auth.authenticate(bearerToken(request));
    if (principal === undefined) {
      reply.header('www-authenticate', 'Bearer');
      return deny(reply, 401, 'VAKA_ERR_UNAUTHORIZED', 'sign in first: the session is missing, expired or revoked');
    }
    request.principal = principal;
    if (principal.mustChangePassword && !PASSWORD_CHANGE_ROUTES.has(routeKey(request))) {
      return deny(reply, 403, 'VAKA_ERR_PASSWORD_CHANGE', 'change your password first (POST /api/v1/auth/password)');
    }
    if (!hasRole(principal, policy.access)) {
      return deny(reply, 403, 'VAKA_ERR_FORBIDDEN', `this needs the ${policy.access} role`);
    }
  });

  app.addHook('preHandler', async (request) => {
    const policy = policyFor(request);
    const principal = request.principal;
    if (policy?.scope === undefined || principal === null || teamScope(principal) === undefined) return;
    const id = (request.params as { id?: string }).id;
    if (id === undefined) return;
    const residentId = await residentOf(deps, policy.scope, id);
    // An id that does not exist is the route's own 404; an alert widened to everyone is every carer's.
    if (residentId === undefined || residentId === EVERYONE) return;
    if (!seesTeam(principal, (await deps.residents.teamOf(residentId)) ?? null)) {
      // Answered as if it did not exist, but recorded: someone reached for another team's data.
      await deps.auth.record(
        principal.userId,
        principal.username,
        policy.audit ?? `${policy.scope}.read`,
        id,
        'denied',
        request.ip,
        { reason: 'other team', route: routeKey(request) },
      );
      throw new NotFoundError(`no ${policy.scope} ${id}`);
    }
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const policy = policyFor(request);
    const status = reply.statusCode;
    if (policy?.audit === undefined || request.principal === null) return payload;
    if (status >= 400 && status !== 403) return payload;
    const p = request.principal;
    const params = request.params as { id?: string };
    await deps.auth.record(
      p.userId,
      p.username,
      policy.audit,
      params.id ?? idIn(payload),
      status < 400 ? 'success' : 'denied',
      request.ip,
      auditDetail(request.body),
    );
    return payload;
  });
}

function deny(reply: FastifyReply, status: number, code: string, message: string) {
  return reply.code(status).send(body(status, code, message));
}

/** What residentOf answers for an alert escalation has widened to every carer on duty. */
const EVERYONE = Symbol('everyone');

async function residentOf(deps: AuthHookDeps, scope: Scope, id: string): Promise<string | typeof EVERYONE | undefined> {
  if (scope === 'resident') return id;
  if (scope === 'alert') {
    const alert = await deps.alerts.get(id);
    return alert?.audience === 'everyone' ? EVERYONE : alert?.residentId;
  }
  return (await deps.devices.get(id))?.residentId;
}

/** The id of what a create returned, for the audit entry's target. */
function idIn(payload: unknown): string | null {
  if (typeof payload !== 'string' || payload.length > 100_000) return null;
  try {
    const id = (JSON.parse(payload) as { id?: unknown }).id;
    return typeof id === 'string' ? id : null;
  } catch {
    return null;
  }
}

/**
 * What of a request body the audit keeps: identifiers and choices, never passwords, names of
 * residents or free-text notes (those hold health information and stay in their own tables).
 */
const AUDITED_FIELDS = ['outcome', 'role', 'teamId', 'disabled', 'format', 'address', 'kind', 'residentId', 'roomId'];
export function auditDetail(requestBody: unknown): Record<string, unknown> {
  if (requestBody === null || typeof requestBody !== 'object') return {};
  const detail: Record<string, unknown> = {};
  for (const field of AUDITED_FIELDS) {
    const value = (requestBody as Record<string, unknown>)[field];
    if (value !== undefined) detail[field] = typeof value === 'string' ? value.slice(0, 200) : value;
  }
  if ('username' in requestBody) detail.username = String((requestBody as { username: unknown }).username);
  if ('password' in requestBody) detail.passwordSet = true;
  return detail;
}

/** The name recorded as who acknowledged or resolved: the signed-in account's display name. */
export function actorName(request: FastifyRequest): string {
  return principalOf(request).displayName;
}
