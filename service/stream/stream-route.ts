/**
 * GET /api/v1/stream (WebSocket). On connect: the changes after `?since=<seq>` if the server
 * still has them, else a snapshot; then every alert change, numbered, and live activity.
 * A client that reconnects with its last seq gets exactly what it missed.
 */
import type { WebSocket } from 'ws';
import { z } from 'zod';
import type { AlertService } from '../alerts/alert-service.js';
import type { ZodApp } from '../api/types.js';
import type { StreamFrame } from '../contract.js';
import type { StreamClient } from './hub.js';

/** Close code for a malformed connection request (4000–4999 are the application's, RFC 6455 §7.4.2). */
export const CLOSE_BAD_REQUEST = 4400;

const Query = z.object({ since: z.coerce.number().int().min(0).optional() });

export function streamRoute(app: ZodApp, alertService: AlertService): void {
  app.get('/stream', { websocket: true, schema: { hide: true } }, (socket, request) => {
    const query = Query.safeParse(request.query);
    if (!query.success) {
      socket.close(CLOSE_BAD_REQUEST, 'since must be a non-negative integer');
      return;
    }
    const client = socketClient(socket);
    let remove: (() => void) | undefined;
    let closed = false;
    socket.on('close', () => {
      closed = true;
      remove?.();
    });
    alertService
      .connect(client, query.data.since)
      .then((unsubscribe) => {
        if (closed) unsubscribe();
        else remove = unsubscribe;
      })
      .catch((error: unknown) => {
        request.log.error({ err: error }, 'stream connect failed');
        socket.close(1011, 'server error');
      });
  });
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
