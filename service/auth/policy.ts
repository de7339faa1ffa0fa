/**
 * Who may call what: every route under /api/v1 has one line here, or the app refuses to
 * build (auth-plugin.ts checks at registration). One table is easier to review than checks
 * spread over route files.
 *
 * - access: 'public' (no session), 'stream' (the WebSocket checks its own token, so it can
 *   answer with a close code a browser can read), or the least role allowed.
 * - scope: `:id` names a resident, alert or device; a principal who may not see it gets 404,
 *   as if it did not exist, so ids of other teams' residents do not leak.
 * - audit: the action written to the audit log when a changing request succeeds or is denied.
 */
import type { Role } from '../contract.js';

export type Scope = 'resident' | 'alert' | 'device';

export interface RoutePolicy {
  access: 'public' | 'stream' | Role;
  scope?: Scope;
  audit?: string;
}

export const API_PREFIX = '/api/v1';

export const ROUTE_POLICY: Record<string, RoutePolicy> = {
  'GET /api/v1/health': { access: 'public' },
  'GET /api/v1/openapi.json': { access: 'public' },
  'POST /api/v1/auth/login': { access: 'public' },
  'GET /api/v1/stream': { access: 'stream' },

  'GET /api/v1/auth/me': { access: 'carer' },
  'POST /api/v1/auth/logout': { access: 'carer' },
  'POST /api/v1/auth/password': { access: 'carer' },

  'GET /api/v1/residents': { access: 'carer' },
  'GET /api/v1/residents/:id': { access: 'carer', scope: 'resident' },
  'GET /api/v1/residents/:id/events': { access: 'carer', scope: 'resident' },
  'POST /api/v1/residents': { access: 'operator', audit: 'resident.create' },
  'DELETE /api/v1/residents/:id': { access: 'operator', audit: 'resident.delete' },
  'POST /api/v1/residents/:id/rooms': { access: 'operator', audit: 'room.create' },
  'PUT /api/v1/residents/:id/team': { access: 'operator', audit: 'resident.team' },

  'GET /api/v1/devices': { access: 'carer' },
  'GET /api/v1/devices/:id': { access: 'carer', scope: 'device' },
  'POST /api/v1/devices': { access: 'operator', audit: 'device.create' },
  'DELETE /api/v1/devices/:id': { access: 'operator', audit: 'device.delete' },
  // Issue 7: broker logins of the embedded broker, shown once (the audit keeps who, never the password).
  'POST /api/v1/devices/:id/mqtt-credentials': { access: 'operator', scope: 'device', audit: 'device.mqtt_login' },
  'POST /api/v1/mqtt/bridge-credentials': { access: 'operator', audit: 'mqtt.bridge_login' },
  'GET /api/v1/unclaimed-devices': { access: 'operator' },
  'POST /api/v1/unclaimed-devices/claim': { access: 'operator', audit: 'device.claim' },
  'GET /api/v1/dead-letters': { access: 'operator' },

  'GET /api/v1/alerts': { access: 'carer' },
  'GET /api/v1/alerts/:id': { access: 'carer', scope: 'alert' },
  'POST /api/v1/alerts/:id/acknowledge': { access: 'carer', scope: 'alert', audit: 'alert.acknowledge' },
  'POST /api/v1/alerts/:id/resolve': { access: 'carer', scope: 'alert', audit: 'alert.resolve' },

  // Routes of other branches (alert lifecycle, resident pages, pipeline health), declared here
  // so they are guarded the moment they are merged. A list route must filter by teamScope itself.
  'POST /api/v1/alerts/:id/notes': { access: 'carer', scope: 'alert', audit: 'alert.note' },
  'PUT /api/v1/residents/:id/context': { access: 'carer', scope: 'resident', audit: 'resident.context.set' },
  'DELETE /api/v1/residents/:id/context': { access: 'carer', scope: 'resident', audit: 'resident.context.clear' },
  'GET /api/v1/residents/:id/activity': { access: 'carer', scope: 'resident' },
  'GET /api/v1/residents/:id/routine': { access: 'carer', scope: 'resident' },
  'GET /api/v1/residents/:id/insights': { access: 'carer', scope: 'resident' },
  'GET /api/v1/presence': { access: 'carer' },
  /**
   * Pipeline metrics (event rate, dead letters, delivery and acknowledgement times over every
   * team) are for whoever runs Vaka: aggregates hold no personal data, but they tell how fast
   * each team answers, which is not a carer's business. Carers have the public health line.
   */
  'GET /api/v1/metrics': { access: 'operator' },

  'GET /api/v1/users': { access: 'admin' },
  'POST /api/v1/users': { access: 'admin', audit: 'user.create' },
  'PATCH /api/v1/users/:id': { access: 'admin', audit: 'user.update' },
  'GET /api/v1/teams': { access: 'carer' },
  'POST /api/v1/teams': { access: 'admin', audit: 'team.create' },
  'DELETE /api/v1/teams/:id': { access: 'admin', audit: 'team.delete' },
  'GET /api/v1/audit': { access: 'admin' },
};

/** The policy of a route, by method and route pattern; undefined when it has none. */
export function policyOf(method: string, url: string): RoutePolicy | undefined {
  if (url === `${API_PREFIX}/docs` || url.startsWith(`${API_PREFIX}/docs/`)) return { access: 'public' };
  return ROUTE_POLICY[`${method} ${url}`];
}

/** Routes a session that must change its password may still use. */
export const PASSWORD_CHANGE_ROUTES = new Set([
  'GET /api/v1/auth/me',
  'POST /api/v1/auth/logout',
  'POST /api/v1/auth/password',
]);
