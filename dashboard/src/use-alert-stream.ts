/**
 * The stream as Preact state: the alert picture and the connection, kept current by one
 * subscription for the life of the page.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Alert, SystemProblem } from '../../service/contract.js';
import { type AlertState, initialAlertState, stillUrgent } from './alert-state.js';
import {
  type ActivityFrame,
  type ConnectionState,
  type StreamSubscription,
  streamProtocols,
  subscribeStream,
} from './stream-client.js';

/**
 * How long to let a burst of frames (a resume replay) settle before sounding for critical
 * arrivals, so an alert opened and acknowledged while we were away stays quiet.
 */
export const ARRIVALS_SETTLE_MS = 250; // ms

export interface StreamEvents {
  onArrivals(alerts: Alert[]): void;
  onActivity(frame: ActivityFrame): void;
}

export interface AlertStream {
  state: AlertState;
  connection: ConnectionState;
  /** Counts how often the connection became live, so data fetched over REST can refresh. */
  liveCount: number;
  /** Problems with Vaka itself, as the stream last reported them. */
  system: SystemProblem[];
  retryNow(): void;
  applyActionResult(alert: Alert): void;
}

/** `token`: the session's, offered to the server as a subprotocol on every connection. */
export function useAlertStream(url: string, events: StreamEvents, token: string): AlertStream {
  const [state, setState] = useState<AlertState>(initialAlertState);
  const [connection, setConnection] = useState<ConnectionState>({ status: 'connecting' });
  const [liveCount, setLiveCount] = useState(0);
  const [system, setSystem] = useState<SystemProblem[]>([]);
  const subscription = useRef<StreamSubscription | null>(null);
  // The latest callbacks, without resubscribing (and so reconnecting) when they change.
  const latest = useRef(events);
  latest.current = events;

  useEffect(() => {
    let current = initialAlertState;
    let pending: Alert[] = [];
    let settle: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      settle = undefined;
      const due = stillUrgent(current, pending);
      pending = [];
      if (due.length > 0) latest.current.onArrivals(due);
    };
    const stream = subscribeStream(
      url,
      {
        onAlerts(next, arrivals) {
          current = next;
          setState(next);
          if (arrivals.length === 0) return;
          pending.push(...arrivals);
          settle ??= setTimeout(flush, ARRIVALS_SETTLE_MS);
        },
        onActivity: (frame) => latest.current.onActivity(frame),
        onSystem: (frame) => setSystem(frame.problems),
        onConnection(next) {
          setConnection(next);
          if (next.status === 'live') setLiveCount((n) => n + 1);
        },
        onProblem: (message) => console.warn(message),
      },
      { protocols: streamProtocols(token) },
    );
    subscription.current = stream;
    // A tablet that wakes up or finds the Wi-Fi again should not wait out a 30 s backoff.
    const retry = () => stream.retryNow();
    const onVisible = () => {
      if (document.visibilityState === 'visible') retry();
    };
    window.addEventListener('online', retry);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.removeEventListener('online', retry);
      document.removeEventListener('visibilitychange', onVisible);
      subscription.current = null;
      clearTimeout(settle);
      stream();
    };
  }, [url, token]);

  const retryNow = useCallback(() => subscription.current?.retryNow(), []);
  const applyActionResult = useCallback((alert: Alert) => subscription.current?.applyActionResult(alert), []);
  return { state, connection, liveCount, system, retryNow, applyActionResult };
}
