/**
 * Keeps a live picture of the open alerts from the service's WebSocket stream.
 *
 * Snapshot, then numbered changes; after a drop it reconnects with capped exponential
 * backoff and resumes with `?since=<last seq>`, and the server answers with the changes
 * missed or a fresh snapshot. Frames are applied to a map by id (alert-state.ts), so a
 * resume never shows an alert twice.
 */
import { z } from 'zod';
import type { Alert, StreamFrame as StreamFrameType } from '../../service/contract.js';
import {
  ApiError,
  STREAM_HEARTBEAT_MS,
  STREAM_PROTOCOL,
  STREAM_TOKEN_PREFIX,
  StreamFrame,
} from '../../service/contract.js';
import { type AlertState, applyActionResult, applyFrame, forgetResumePoint, initialAlertState } from './alert-state.js';
import { retryDelay } from './backoff.js';
import { type Connect, connectWebSocket, type Schedule, scheduleWithTimers, type Transport } from './transport.js';

export type ActivityFrame = Extract<StreamFrameType, { type: 'activity' }>;
export type SystemFrame = Extract<StreamFrameType, { type: 'system' }>;

export type ConnectionState =
  /** The first connection is being made. */
  | { status: 'connecting' }
  | { status: 'live' }
  /** The connection dropped or could not be made; retrying (attempt counts from 1). */
  | { status: 'lost'; attempt: number }
  /** The server refused us (a close code for bad credentials); retrying would not help. */
  | { status: 'denied'; code: number };

export interface StreamHandlers {
  /** The alert picture changed; `arrivals` are critical alerts that need someone now. */
  onAlerts(state: AlertState, arrivals: Alert[]): void;
  onActivity?(frame: ActivityFrame): void;
  /** Problems with Vaka itself (database, broker), repeated while they last; empty when cleared. */
  onSystem?(frame: SystemFrame): void;
  onConnection?(connection: ConnectionState): void;
  /** A frame that could not be used, or an error the server sent; for the console. */
  onProblem?(message: string): void;
}

export interface StreamOptions {
  connect?: Connect;
  schedule?: Schedule;
  /** A number in [0, 1), for the backoff jitter. */
  random?: () => number;
  /** Subprotocols to offer on every connection (the session token: see streamProtocols). */
  protocols?: readonly string[];
}

/** What the server wants offered: `vaka.v1` and the token (a browser cannot set headers on a WebSocket). */
export function streamProtocols(token: string): string[] {
  return [STREAM_PROTOCOL, `${STREAM_TOKEN_PREFIX}${token}`];
}

/** Calling it unsubscribes: closes the socket and cancels any retry. */
export interface StreamSubscription {
  (): void;
  /** Skips the wait and reconnects now (the network came back, the user asked). */
  retryNow(): void;
  /** Folds in an alert an acknowledge or resolve request returned. */
  applyActionResult(alert: Alert): void;
}

/**
 * Close codes after which we stop: the server knows who we are and said no. 4401/4403
 * mirror HTTP 401/403, as Zigbee2MQTT's frontend socket does for a bad token.
 */
const DENIED_CODES = new Set([4401, 4403]);

export function subscribeStream(
  url: string,
  handlers: StreamHandlers,
  options: StreamOptions = {},
): StreamSubscription {
  const connect = options.connect ?? connectWebSocket;
  const schedule = options.schedule ?? scheduleWithTimers;
  const random = options.random ?? Math.random;

  let state = initialAlertState;
  let transport: Transport | null = null;
  let cancelRetry: (() => void) | null = null;
  let failures = 0; // consecutive connections that ended without opening, or dropped
  let stopped = false;

  const setConnection = (connection: ConnectionState) => {
    if (!stopped) handlers.onConnection?.(connection);
  };

  const resumeUrl = () => (state.seq === null ? url : `${url}${url.includes('?') ? '&' : '?'}since=${state.seq}`);

  // A socket can die without closing (a tablet asleep, a dropped Wi-Fi): the server sends a
  // heartbeat every STREAM_HEARTBEAT_MS, so silence for three of them means the stream is lost.
  let cancelWatchdog: (() => void) | null = null;
  const watch = () => {
    cancelWatchdog?.();
    cancelWatchdog = schedule(() => {
      cancelWatchdog = null;
      const dead = transport;
      if (stopped || dead === null) return;
      handlers.onProblem?.('stream: no frame for too long; reconnecting');
      transport = null;
      dead.close();
      lost();
    }, 3 * STREAM_HEARTBEAT_MS);
  };

  const lost = () => {
    cancelWatchdog?.();
    cancelWatchdog = null;
    failures += 1;
    setConnection({ status: 'lost', attempt: failures });
    cancelRetry = schedule(open, retryDelay(failures - 1, random));
  };

  const receive = (data: string) => {
    if (stopped) return;
    watch();
    let json: unknown;
    try {
      json = JSON.parse(data);
    } catch {
      handlers.onProblem?.('stream: a frame that is not JSON was ignored');
      return;
    }
    const frame = StreamFrame.safeParse(json);
    if (!frame.success) {
      const error = ApiError.safeParse(json);
      if (error.success) {
        // Most likely a `since` the server cannot serve; start over from a snapshot.
        state = forgetResumePoint(state);
        handlers.onProblem?.(`stream: server error ${error.data.code}: ${error.data.message}`);
      } else {
        handlers.onProblem?.(`stream: a malformed frame was ignored: ${z.prettifyError(frame.error)}`);
      }
      return;
    }
    if (frame.data.type === 'heartbeat') return;
    if (frame.data.type === 'activity') {
      handlers.onActivity?.(frame.data);
      return;
    }
    if (frame.data.type === 'system') {
      handlers.onSystem?.(frame.data);
      return;
    }
    const applied = applyFrame(state, frame.data);
    if (applied.state === state) return;
    state = applied.state;
    handlers.onAlerts(state, applied.arrivals);
  };

  const open = () => {
    cancelRetry = null;
    let own: Transport | null = null;
    let ended = false;
    own = connect(
      resumeUrl(),
      {
        open() {
          failures = 0;
          setConnection({ status: 'live' });
          watch();
        },
        message: receive,
        close(code) {
          // A socket the watchdog already gave up on may still report its close later.
          if (own !== null && transport !== own) return;
          ended = true;
          transport = null;
          if (stopped) return;
          if (DENIED_CODES.has(code)) {
            cancelWatchdog?.();
            cancelWatchdog = null;
            setConnection({ status: 'denied', code });
            return;
          }
          lost();
        },
      },
      options.protocols,
    );
    if (!ended) transport = own;
  };

  const unsubscribe = () => {
    stopped = true;
    cancelWatchdog?.();
    cancelRetry?.();
    cancelRetry = null;
    transport?.close();
    transport = null;
  };

  const subscription: StreamSubscription = Object.assign(unsubscribe, {
    retryNow() {
      if (stopped || cancelRetry === null) return; // connected, connecting, or denied
      cancelRetry();
      open();
    },
    applyActionResult(alert: Alert) {
      if (stopped) return;
      const next = applyActionResult(state, alert);
      if (next === state) return;
      state = next;
      handlers.onAlerts(state, []);
    },
  });

  setConnection({ status: 'connecting' });
  open();
  return subscription;
}
