/**
 * The thin edge between the stream client and a real WebSocket. The client talks to this
 * interface only, so its reconnect and resume logic runs in tests with a fake.
 */

export interface TransportListeners {
  open(): void;
  message(data: string): void;
  /** The connection ended or could not be made; `code` is the WebSocket close code. */
  close(code: number): void;
}

export interface Transport {
  /** Closes without calling any listener again. */
  close(): void;
}

/** `protocols`: WebSocket subprotocols to offer (the session token travels as one). */
export type Connect = (url: string, on: TransportListeners, protocols?: readonly string[]) => Transport;

/** Schedules `run` after `ms` milliseconds; returns a function that cancels it. */
export type Schedule = (run: () => void, ms: number) => () => void;

export const scheduleWithTimers: Schedule = (run, ms) => {
  const handle = setTimeout(run, ms);
  return () => clearTimeout(handle);
};

/** 1006: "abnormal closure", what a browser reports when no close frame was received. */
const ABNORMAL_CLOSURE = 1006;

export const connectWebSocket: Connect = (url, on, protocols = []) => {
  let socket: WebSocket;
  try {
    socket = new WebSocket(url, [...protocols]);
  } catch {
    // A malformed URL throws synchronously; report it like any failed connection.
    queueMicrotask(() => on.close(ABNORMAL_CLOSURE));
    return { close: () => {} };
  }
  socket.onopen = () => on.open();
  socket.onmessage = (event) => {
    if (typeof event.data === 'string') on.message(event.data);
  };
  // An `error` event is always followed by `close`, which is where the client reacts.
  socket.onclose = (event) => on.close(event.code);
  return {
    close() {
      socket.onopen = null;
      socket.onmessage = null;
      socket.onclose = null;
      socket.close(1000);
    },
  };
};

/** The stream's address on the page's own origin, ws: or wss: to match http: or https:. */
export function streamUrl(location: Pick<Location, 'protocol' | 'host'>, path = '/api/v1/stream'): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${path}`;
}
