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
} from '../../service/contract.js';
import {
  ActivityGrid,
  Alert,
  ApiError,
  DeadLetterView,
  Device,
  Health,
  Insight,
  Metrics,
  Resident,
  ResidentPresence,
  ResidentRoutine,
  Room,
  UnclaimedDevice,
} from '../../service/contract.js';

/** Long enough for a slow night-time Wi-Fi, short enough that a button does not hang. */
export const REQUEST_TIMEOUT_MS = 10_000; // ms

export type ApiErrorKind =
  /** No answer: offline, timed out, or the service is down. */
  | 'network'
  /** 409: the alert is no longer in a state that allows this (someone else acted). */
  | 'conflict'
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
  devices(residentId?: string): Promise<Device[]>;
  unclaimedDevices(): Promise<UnclaimedDevice[]>;
  createResident(input: ResidentInput): Promise<Resident>;
  addRoom(residentId: string, room: RoomInput): Promise<Room>;
  addDevice(input: DeviceInput): Promise<Device>;
  claimDevice(input: ClaimInput & Pick<DeviceInput, 'format' | 'address'>): Promise<Device>;
  metrics(hours: number): Promise<Metrics>;
  deadLetters(limit: number): Promise<DeadLetterView[]>;
  /** Away, hospital or visitor until a time; holds back the at-home alerts it explains. */
  setContext(residentId: string, input: ContextInput): Promise<Resident>;
  endContext(residentId: string): Promise<Resident>;
  insights(residentId: string): Promise<Insight[]>;
}

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export function createApi(base = '/api/v1', fetchImpl: Fetch = (input, init) => fetch(input, init)): Api {
  /** `alsoOk`: error statuses whose body is still the answer (health is 503 when degraded). */
  async function call<T>(
    schema: z.ZodType<T>,
    path: string,
    body?: unknown,
    alsoOk: number[] = [],
    method: 'PUT' | 'DELETE' | undefined = undefined,
  ): Promise<T> {
    let response: Response;
    try {
      response = await fetchImpl(`${base}${path}`, {
        method: method ?? (body === undefined ? 'GET' : 'POST'),
        headers: body === undefined ? { accept: 'application/json' } : { 'content-type': 'application/json' },
        body: body === undefined ? null : JSON.stringify(body),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      throw new ApiRequestError('network', error instanceof Error ? error.message : String(error));
    }
    const json: unknown = await response.json().catch(() => undefined);
    if (!response.ok && !alsoOk.includes(response.status)) throw failure(response.status, json);
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
    devices: (residentId) =>
      call(z.array(Device), residentId ? `/devices?residentId=${encodeURIComponent(residentId)}` : '/devices'),
    unclaimedDevices: () => call(z.array(UnclaimedDevice), '/unclaimed-devices'),
    createResident: (input) => call(Resident, '/residents', input),
    addRoom: (id, room) => call(Room, `/residents/${encodeURIComponent(id)}/rooms`, room),
    addDevice: (input) => call(Device, '/devices', input),
    claimDevice: (input) => call(Device, '/unclaimed-devices/claim', input),
    metrics: (hours) => call(Metrics, `/metrics?hours=${hours}`),
    deadLetters: (limit) => call(z.array(DeadLetterView), `/dead-letters?limit=${limit}`),
    setContext: (id, input) => call(Resident, `/residents/${encodeURIComponent(id)}/context`, input, [], 'PUT'),
    insights: (id) => call(z.array(Insight), `/residents/${encodeURIComponent(id)}/insights`),
    endContext: (id) => call(Resident, `/residents/${encodeURIComponent(id)}/context`, undefined, [], 'DELETE'),
  };
}

function failure(status: number, json: unknown): ApiRequestError {
  const body = ApiError.safeParse(json);
  const message = body.success ? body.data.message : `HTTP ${status}`;
  if (status === 409) return new ApiRequestError('conflict', message, status);
  if (status >= 400 && status < 500) return new ApiRequestError('rejected', message, status);
  return new ApiRequestError('server', message, status);
}
