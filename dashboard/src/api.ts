/**
 * The REST calls the dashboard makes. Every response is checked against the service's
 * contract with `safeParse`: a reply that does not match is an error, never a cast.
 */
import { z } from 'zod';
import type {
  ClaimInput,
  ContextInput,
  DeviceInput,
  NoteInput,
  ResidentInput,
  ResolveInput,
  RoomInput,
  UserInput,
  UserUpdate,
} from '../../service/contract.js';
import {
  ActivityGrid,
  Alert,
  ApiError,
  AuditEntry,
  DeadLetterView,
  Device,
  Health,
  Insight,
  Metrics,
  RegisteredDevice,
  Resident,
  ResidentPresence,
  ResidentRoutine,
  Room,
  Session,
  Team,
  UnclaimedDevice,
  User,
} from '../../service/contract.js';

/** Long enough for a slow night-time Wi-Fi, short enough that a button does not hang. */
export const REQUEST_TIMEOUT_MS = 10_000; // ms

export type ApiErrorKind =
  /** No answer: offline, timed out, or the service is down. */
  | 'network'
  /** 409: the alert is no longer in a state that allows this (someone else acted). */
  | 'conflict'
  /** 401: no valid session (expired, revoked, or wrong credentials at sign-in). */
  | 'unauthorized'
  /** 429: too many attempts; `retryAfterS` says how long to wait. */
  | 'rate-limited'
  /** Another 4xx: the message says what was wrong. */
  | 'rejected'
  /** 5xx: the service failed; details are in its log, not here. */
  | 'server'
  /** An answer that does not match the contract. */
  | 'invalid';

export class ApiRequestError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    readonly status: number | null = null,
    readonly retryAfterS: number | null = null,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

export interface Api {
  acknowledge(alertId: string, by: string): Promise<Alert>;
  resolve(alertId: string, input: ResolveInput): Promise<Alert>;
  addNote(alertId: string, input: NoteInput): Promise<Alert>;
  residents(): Promise<Resident[]>;
  health(): Promise<Health>;
  resident(id: string): Promise<Resident>;
  presence(): Promise<ResidentPresence[]>;
  activity(residentId: string, days: number): Promise<ActivityGrid>;
  routine(residentId: string): Promise<ResidentRoutine>;
  alertHistory(residentId: string, limit?: number): Promise<Alert[]>;
  /** The latest alerts of every status, newest first (the audit log names their residents). */
  recentAlerts(limit: number): Promise<Alert[]>;
  devices(residentId?: string): Promise<Device[]>;
  unclaimedDevices(): Promise<UnclaimedDevice[]>;
  createResident(input: ResidentInput): Promise<Resident>;
  addRoom(residentId: string, room: RoomInput): Promise<Room>;
  /** A native device on the embedded broker comes back with its broker login (`mqtt`), shown once. */
  addDevice(input: DeviceInput): Promise<RegisteredDevice>;
  claimDevice(input: ClaimInput & Pick<DeviceInput, 'format' | 'address'>): Promise<Device>;
  metrics(hours: number): Promise<Metrics>;
  deadLetters(limit: number): Promise<DeadLetterView[]>;
  /** Away, hospital or visitor until a time; holds back the at-home alerts it explains. */
  setContext(residentId: string, input: ContextInput): Promise<Resident>;
  endContext(residentId: string): Promise<Resident>;
  /** Moves a resident to a care team (null: no team). Operators and admins. */
  setResidentTeam(residentId: string, teamId: string | null): Promise<Resident>;
  insights(residentId: string): Promise<Insight[]>;
  /** Signs in; the session's token is then sent with every call (through `auth`). */
  login(username: string, password: string): Promise<Session>;
  logout(): Promise<void>;
  me(): Promise<User>;
  changePassword(currentPassword: string, newPassword: string): Promise<void>;
  /** Admin: accounts, teams and the audit log. */
  users(): Promise<User[]>;
  createUser(input: UserInput): Promise<User>;
  updateUser(id: string, update: UserUpdate): Promise<User>;
  teams(): Promise<Team[]>;
  createTeam(name: string): Promise<Team>;
  audit(limit: number): Promise<AuditEntry[]>;
}

/** Where the API client finds the session token, and whom it tells when the server no longer accepts it. */
export interface ApiAuth {
  token(): string | null;
  /** A 401 on a signed-in call: the session expired or was revoked. */
  onUnauthorized(): void;
}

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export function createApi(
  base = '/api/v1',
  fetchImpl: Fetch = (input, init) => fetch(input, init),
  auth: ApiAuth = { token: () => null, onUnauthorized: () => {} },
): Api {
  /** `alsoOk`: error statuses whose body is still the answer (health is 503 when degraded). */
  async function call<T>(
    schema: z.ZodType<T>,
    path: string,
    body?: unknown,
    alsoOk: number[] = [],
    method: 'PUT' | 'PATCH' | 'DELETE' | undefined = undefined,
  ): Promise<T> {
    let response: Response;
    const token = auth.token();
    try {
      response = await fetchImpl(`${base}${path}`, {
        method: method ?? (body === undefined ? 'GET' : 'POST'),
        headers: {
          ...(body === undefined ? { accept: 'application/json' } : { 'content-type': 'application/json' }),
          ...(token === null ? {} : { authorization: `Bearer ${token}` }),
        },
        body: body === undefined ? null : JSON.stringify(body),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      throw new ApiRequestError('network', error instanceof Error ? error.message : String(error));
    }
    const json: unknown = await response.json().catch(() => undefined);
    if (response.status === 401 && token !== null) auth.onUnauthorized();
    if (!response.ok && !alsoOk.includes(response.status)) {
      throw failure(response.status, json, Number(response.headers.get('retry-after')) || null);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      throw new ApiRequestError('invalid', `${path}: ${z.prettifyError(parsed.error)}`, response.status);
    }
    return parsed.data;
  }

  const alertPath = (id: string, action: string) => `/alerts/${encodeURIComponent(id)}/${action}`;

  return {
    acknowledge: (alertId, by) => call(Alert, alertPath(alertId, 'acknowledge'), { by }),
    resolve: (alertId, input) => call(Alert, alertPath(alertId, 'resolve'), input),
    addNote: (alertId, input) => call(Alert, alertPath(alertId, 'notes'), input),
    residents: () => call(z.array(Resident), '/residents'),
    health: () => call(Health, '/health', undefined, [503]),
    resident: (id) => call(Resident, `/residents/${encodeURIComponent(id)}`),
    presence: () => call(z.array(ResidentPresence), '/presence'),
    activity: (id, days) => call(ActivityGrid, `/residents/${encodeURIComponent(id)}/activity?days=${days}`),
    routine: (id) => call(ResidentRoutine, `/residents/${encodeURIComponent(id)}/routine`),
    alertHistory: (id, limit = 50) =>
      call(z.array(Alert), `/alerts?residentId=${encodeURIComponent(id)}&limit=${limit}`),
    recentAlerts: (limit) => call(z.array(Alert), `/alerts?limit=${limit}`),
    devices: (residentId) =>
      call(z.array(Device), residentId ? `/devices?residentId=${encodeURIComponent(residentId)}` : '/devices'),
    unclaimedDevices: () => call(z.array(UnclaimedDevice), '/unclaimed-devices'),
    createResident: (input) => call(Resident, '/residents', input),
    addRoom: (id, room) => call(Room, `/residents/${encodeURIComponent(id)}/rooms`, room),
    addDevice: (input) => call(RegisteredDevice, '/devices', input),
    claimDevice: (input) => call(Device, '/unclaimed-devices/claim', input),
    metrics: (hours) => call(Metrics, `/metrics?hours=${hours}`),
    deadLetters: (limit) => call(z.array(DeadLetterView), `/dead-letters?limit=${limit}`),
    setContext: (id, input) => call(Resident, `/residents/${encodeURIComponent(id)}/context`, input, [], 'PUT'),
    insights: (id) => call(z.array(Insight), `/residents/${encodeURIComponent(id)}/insights`),
    endContext: (id) => call(Resident, `/residents/${encodeURIComponent(id)}/context`, undefined, [], 'DELETE'),
    setResidentTeam: (id, teamId) => call(Resident, `/residents/${encodeURIComponent(id)}/team`, { teamId }, [], 'PUT'),
    login: (username, password) => call(Session, '/auth/login', { username, password }),
    logout: async () => {
      await call(z.unknown(), '/auth/logout', {});
    },
    me: () => call(User, '/auth/me'),
    changePassword: async (currentPassword, newPassword) => {
      await call(z.unknown(), '/auth/password', { currentPassword, newPassword });
    },
    users: () => call(z.array(User), '/users'),
    createUser: (input) => call(User, '/users', input),
    updateUser: (id, update) => call(User, `/users/${encodeURIComponent(id)}`, update, [], 'PATCH'),
    teams: () => call(z.array(Team), '/teams'),
    createTeam: (name) => call(Team, '/teams', { name }),
    audit: (limit) => call(z.array(AuditEntry), `/audit?limit=${limit}`),
  };
}

function failure(status: number, json: unknown, retryAfterS: number | null): ApiRequestError {
  const body = ApiError.safeParse(json);
  const message = body.success ? body.data.message : `HTTP ${status}`;
  if (status === 401) return new ApiRequestError('unauthorized', message, status);
  if (status === 429) return new ApiRequestError('rate-limited', message, status, retryAfterS);
  if (status === 409) return new ApiRequestError('conflict', message, status);
  if (status >= 400 && status < 500) return new ApiRequestError('rejected', message, status);
  return new ApiRequestError('server', message, status);
}
