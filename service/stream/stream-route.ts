/**
 * GET /api/v1/stream (WebSocket). On connect: the changes after `?since=<seq>` if the server
 * still has them, else a snapshot; then every alert change, numbered, and live activity.
 * A client that reconnects with its last seq gets exactly what it missed.
 *
 * The session token comes as the subprotocol `vaka.token.<token>` beside `vaka.v1` (a browser
 * cannot set headers on a WebSocket; a URL would carry the token into logs and history), or
 * as `Authorization: Bearer` from other clients. The upgrade is always accepted and a bad,
 * expired or revoked session is closed with 4401, which a browser can read (an HTTP 401 on
 * the upgrade reaches it only as 1006, indistinguishable from a network drop). The socket
 * closes with 4401 when the session expires or is revoked while it is open. A carer gets the
 * frames of their own team's residents only.
 */
import type { FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import { z } from 'zod';
import type { AlertService } from '../alerts/alert-service.js';
import type { ZodApp } from '../api/types.js';
import { bearerToken } from '../auth/auth-hooks.js';
import type { AuthService } from '../auth/auth-service.js';
import { type Principal, seesTeam, teamScope } from '../auth/principal.js';
import { type Alert, CLOSE_UNAUTHORIZED, STREAM_PROTOCOL, STREAM_TOKEN_PREFIX, type StreamFrame } from '../contract.js';
import type { ResidentsStore } from '../store/residents-store.js';
import type { StreamClient } from './hub.js';

/** Close code for a malformed connection request (4000–4999 are the application's, RFC 6455 §7.4.2). */
export const CLOSE_BAD_REQUEST = 4400;

const Query = z.object({ since: z.coerce.number().int().min(0).optional() });

export interface StreamDeps {
  alertService: AlertService;
  auth: AuthService;
  residents: ResidentsStore;
  now: () => number;
}

/** For the WebSocket server: select `vaka.v1` when offered, so the browser's handshake completes. */
export function selectProtocol(protocols: Set<string>): string | false {
  return protocols.has(STREAM_PROTOCOL) ? STREAM_PROTOCOL : false;
}

export function streamToken(request: FastifyRequest): string | undefined {
  const offered = String(request.headers['sec-websocket-protocol'] ?? '')
    .split(',')
    .map((p) => p.trim());
  const fromProtocol = offered.find((p) => p.startsWith(STREAM_TOKEN_PREFIX))?.slice(STREAM_TOKEN_PREFIX.length);
  return fromProtocol ?? bearerToken(request);
}

/** setTimeout's largest delay (about 24.8 days). */
const MAX_TIMER_MS = 2_147_483_647;

export function streamRoute(app: ZodApp, deps: StreamDeps): void {
  app.get('/stream', { websocket: true, schema: { hide: true } }, (socket, request) => {
    const query = Query.safeParse(request.query);
    if (!query.success) {
      socket.close(CLOSE_BAD_REQUEST, 'since must be a non-negative integer');
      return;
    }
    let closed = false;
    const cleanups: (() => void)[] = [];
    socket.on('close', () => {
      closed = true;
      for (const cleanup of cleanups) cleanup();
    });
    const refuse = (reason: string) => socket.close(CLOSE_UNAUTHORIZED, reason);
    deps.auth
      .authenticate(streamToken(request))
      .then(async (principal) => {
        if (closed) return;
        if (principal === undefined || principal.mustChangePassword) {
          refuse('sign in again');
          return;
        }
        const expiry = setTimeout(
          () => refuse('session expired'),
          Math.min(MAX_TIMER_MS, Math.max(0, principal.expiresAt - deps.now())),
        );
        cleanups.push(() => clearTimeout(expiry));
        cleanups.push(deps.auth.onRevoke((id) => id === principal.sessionId && refuse('signed out')));
        const unsubscribe = await deps.alertService.connect(
          scopedClient(socket, principal, deps.residents),
          query.data.since,
        );
        if (closed) unsubscribe();
        else cleanups.push(unsubscribe);
      })
      .catch((error: unknown) => {
        request.log.error({ err: error }, 'stream connect failed');
        socket.close(1011, 'server error');
      });
  });
}

/** A client that passes on only what this principal may see. */
function scopedClient(socket: WebSocket, principal: Principal, residents: ResidentsStore): StreamClient {
  const raw = socketClient(socket);
  if (teamScope(principal) === undefined) return raw;
  const sees = async (residentId: string) => seesTeam(principal, (await residents.teamOf(residentId)) ?? null);
  // An alert widened by escalation goes to every carer, whatever their team.
  const seesAlert = async (a: Alert) => a.audience === 'everyone' || sees(a.residentId);
  const visible = async (alerts: readonly Alert[]) => {
    const shown = await Promise.all(alerts.map(seesAlert));
    return alerts.filter((_a, i) => shown[i]);
  };
  return {
    visible,
    async send(frame: StreamFrame) {
      // Heartbeats and system problems (broker, database) concern no resident: everyone gets them.
      if (frame.type === 'heartbeat' || frame.type === 'system') return raw.send(frame);
      if (frame.type === 'snapshot') return raw.send({ ...frame, alerts: await visible(frame.alerts) });
      const shown = frame.type === 'activity' ? await sees(frame.residentId) : await seesAlert(frame.alert);
      return shown ? raw.send(frame) : false;
    },
  };
}

function socketClient(socket: WebSocket): StreamClient {
  return {
    send(frame: StreamFrame) {
      return new Promise((resolve) => {
        if (socket.readyState !== socket.OPEN) {
          resolve(false);
          return;
        }
        socket.send(JSON.stringify(frame), (error) => resolve(error === undefined || error === null));
      });
    },
  };
}
