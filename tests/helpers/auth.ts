/**
 * Signing in, for tests: an authenticated `inject` with the /api/v1 prefix, and staff
 * accounts of a given role and team, ready to use (their first password already changed).
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Role, Session, Team, User } from '../../service/contract.js';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
/** `api('GET', '/residents')`: a request to /api/v1 as one signed-in account. */
export type Api = (method: Method, url: string, payload?: unknown) => Promise<LightMyRequestResponse>;

export const newPassword = () => `pw-${randomBytes(12).toString('base64url')}`;

/** An inject as the holder of `token` (none: anonymous). */
export function apiAs(app: FastifyInstance, token: string | undefined): Api {
  return (method, url, payload) =>
    app.inject({
      method,
      url: `/api/v1${url}`,
      headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
}

export async function login(app: FastifyInstance, username: string, password: string): Promise<Session> {
  const res = await apiAs(app, undefined)('POST', '/auth/login', { username, password });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  return res.json<Session>();
}

export interface Staff {
  user: User;
  password: string;
  token: string;
  /** The signed-in session, as the dashboard keeps it (for rememberSession in browser tests). */
  session: Session;
  api: Api;
}

/** Creates an account through the admin API, signs in and replaces the temporary password. */
export async function createStaff(
  app: FastifyInstance,
  admin: Api,
  role: Role,
  teamId: string | null = null,
  username = `${role}-${randomBytes(4).toString('hex')}`,
  displayName = `${role[0]?.toUpperCase()}${role.slice(1)} ${username}`,
): Promise<Staff> {
  const temporary = newPassword();
  const created = await admin('POST', '/users', {
    username,
    displayName,
    role,
    teamId,
    password: temporary,
  });
  if (created.statusCode !== 201) throw new Error(`create ${username}: ${created.statusCode} ${created.body}`);
  const session = await login(app, username, temporary);
  const password = newPassword();
  const api = apiAs(app, session.token);
  const changed = await api('POST', '/auth/password', { currentPassword: temporary, newPassword: password });
  if (changed.statusCode !== 204) throw new Error(`password change ${username}: ${changed.statusCode} ${changed.body}`);
  const user = { ...created.json<User>(), mustChangePassword: false };
  return { user, password, token: session.token, session: { ...session, user }, api };
}

export async function createTeam(admin: Api, name = `Team ${randomBytes(3).toString('hex')}`): Promise<Team> {
  const res = await admin('POST', '/teams', { name });
  if (res.statusCode !== 201) throw new Error(`create team: ${res.statusCode} ${res.body}`);
  return res.json<Team>();
}

/** Signing in over real HTTP (a spawned Vaka process); returns the token. */
export async function loginHttp(base: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as Session).token;
}
