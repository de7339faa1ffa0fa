import { describe, expect, it } from 'vitest';
import type { AlertState } from '../../dashboard/src/alert-state.js';
import { orderedAlerts } from '../../dashboard/src/alert-state.js';
import { type ConnectionState, subscribeStream } from '../../dashboard/src/stream-client.js';
import type { Connect, Schedule, TransportListeners } from '../../dashboard/src/transport.js';
import { type Alert, STREAM_HEARTBEAT_MS } from '../../service/contract.js';
import { acknowledged, alert, uuid } from './fixtures.js';

const URL = 'ws://vaka.test/api/v1/stream';
const WATCHDOG_MS = 3 * STREAM_HEARTBEAT_MS;

/** A fake server end: records each connection and lets the test drive it. */
function harness() {
  const connections: { url: string; on: TransportListeners; closed: boolean }[] = [];
  const timers: { run: () => void; ms: number; cancelled: boolean }[] = [];
  const connect: Connect = (url, on) => {
    const connection = { url, on, closed: false };
    connections.push(connection);
    return {
      close: () => {
        connection.closed = true;
      },
    };
  };
  const schedule: Schedule = (run, ms) => {
    const timer = { run, ms, cancelled: false };
    timers.push(timer);
    return () => {
      timer.cancelled = true;
    };
  };
  const states: AlertState[] = [];
  const arrivals: Alert[][] = [];
  const connection: ConnectionState[] = [];
  const problems: string[] = [];
  const subscription = subscribeStream(
    URL,
    {
      onAlerts: (state, news) => {
        states.push(state);
        arrivals.push(news);
      },
      onConnection: (c) => connection.push(c),
      onProblem: (p) => problems.push(p),
    },
    { connect, schedule, random: () => 0 },
  );
  const last = () => {
    const c = connections.at(-1);
    if (c === undefined) throw new Error('no connection');
    return c;
  };
  return {
    subscription,
    connections,
    timers,
    states,
    arrivals,
    connection,
    problems,
    current: () => states.at(-1),
    send: (frame: unknown) => last().on.message(JSON.stringify(frame)),
    open: () => last().on.open(),
    drop: (code = 1006) => last().on.close(code),
    /** Retry delays scheduled so far (the heartbeat watchdog's timers left out). */
    retryDelays: () => timers.filter((t) => t.ms !== WATCHDOG_MS).map((t) => t.ms),
    /** Fires the heartbeat watchdog, as if nothing had arrived for three heartbeats. */
    starve: () => {
      const timer = timers.filter((t) => !t.cancelled && t.ms === WATCHDOG_MS).at(-1);
      if (timer === undefined) throw new Error('no watchdog running');
      timer.cancelled = true;
      timer.run();
    },
    /** Runs the pending retry timer. */
    retry: () => {
      const timer = timers.filter((t) => !t.cancelled && t.ms !== WATCHDOG_MS).at(-1);
      if (timer === undefined) throw new Error('no retry scheduled');
      timer.cancelled = true;
      timer.run();
    },
  };
}

const ids = (state: AlertState | undefined) => (state === undefined ? [] : orderedAlerts(state).map((a) => a.id));

describe('subscribeStream', () => {
  it('connects without `since` the first time and shows the snapshot', () => {
    const h = harness();
    const a = alert();
    h.open();
    h.send({ type: 'snapshot', seq: 4, alerts: [a] });
    expect(h.connections[0]?.url).toBe(URL);
    expect(ids(h.current())).toEqual([a.id]);
    expect(h.connection).toEqual([{ status: 'connecting' }, { status: 'live' }]);
  });

  it('after a drop, reports the connection lost and resumes with ?since=<last seq>', () => {
    const h = harness();
    h.open();
    h.send({ type: 'snapshot', seq: 4, alerts: [] });
    h.send({ type: 'alert', seq: 6, change: 'opened', alert: alert() });
    h.drop();
    expect(h.connection.at(-1)).toEqual({ status: 'lost', attempt: 1 });
    h.retry();
    expect(h.connections[1]?.url).toBe(`${URL}?since=6`);
  });

  it('never shows an alert twice when the server replays changes after a reconnect', () => {
    const h = harness();
    const a = alert();
    h.open();
    h.send({ type: 'snapshot', seq: 1, alerts: [] });
    h.send({ type: 'alert', seq: 2, change: 'opened', alert: a });
    h.drop();
    h.retry();
    h.open();
    h.send({ type: 'alert', seq: 2, change: 'opened', alert: a });
    h.send({ type: 'alert', seq: 3, change: 'acknowledged', alert: acknowledged(a) });
    expect(ids(h.current())).toEqual([a.id]);
    expect(h.current()?.alerts.get(a.id)?.status).toBe('acknowledged');
  });

  it('replaces everything when the server answers a resume with a fresh snapshot', () => {
    const h = harness();
    const gone = alert();
    const fresh = alert();
    h.open();
    h.send({ type: 'snapshot', seq: 1, alerts: [gone] });
    h.drop();
    h.retry();
    h.open();
    h.send({ type: 'snapshot', seq: 50, alerts: [fresh] });
    expect(ids(h.current())).toEqual([fresh.id]);
  });

  it('backs off 1 s, 2 s, 4 s … and never waits more than 30 s between attempts', () => {
    const h = harness();
    for (let i = 0; i < 8; i++) {
      h.drop();
      h.retry();
    }
    expect(h.timers.map((t) => t.ms)).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  });

  it('starts the backoff again from 1 s once a connection has opened', () => {
    const h = harness();
    h.drop();
    h.retry();
    h.drop();
    h.retry();
    h.open();
    h.drop();
    expect(h.retryDelays()).toEqual([1000, 2000, 1000]);
  });

  it('treats three heartbeats of silence as a lost connection, and any frame as a sign of life', () => {
    const h = harness();
    h.open();
    h.send({ type: 'snapshot', seq: 1, alerts: [] });
    h.send({ type: 'heartbeat', at: '2026-11-25T03:00:00.000Z' });
    const live = h.timers.filter((t) => t.ms === WATCHDOG_MS);
    expect(live.slice(0, -1).every((t) => t.cancelled)).toBe(true);
    h.starve();
    expect(h.connections[0]?.closed).toBe(true);
    expect(h.connection.at(-1)).toEqual({ status: 'lost', attempt: 1 });
    h.connections[0]?.on.close(1006);
    expect(h.connection.at(-1)).toEqual({ status: 'lost', attempt: 1 });
    h.retry();
    expect(h.connections.at(-1)?.url).toBe(`${URL}?since=1`);
  });

  it('reconnects at once on retryNow instead of waiting out the backoff', () => {
    const h = harness();
    h.drop();
    h.subscription.retryNow();
    expect(h.connections).toHaveLength(2);
    expect(h.timers[0]?.cancelled).toBe(true);
  });

  it('stops retrying when the server refuses us with 4401', () => {
    const h = harness();
    h.drop(4401);
    expect(h.timers).toEqual([]);
    expect(h.connection.at(-1)).toEqual({ status: 'denied', code: 4401 });
  });

  it('closes the socket and cancels any retry when unsubscribed', () => {
    const h = harness();
    h.open();
    h.subscription();
    expect(h.connections[0]?.closed).toBe(true);
    const h2 = harness();
    h2.drop();
    h2.subscription();
    expect(h2.timers[0]?.cancelled).toBe(true);
  });

  it('ignores a malformed frame and keeps the connection and state', () => {
    const h = harness();
    h.open();
    h.send({ type: 'snapshot', seq: 1, alerts: [] });
    h.send({ type: 'alert', seq: 2, change: 'opened', alert: { id: 'not-an-alert' } });
    h.connections[0]?.on.message('not json');
    expect(h.states).toHaveLength(1);
    expect(h.problems).toHaveLength(2);
  });

  it('forgets its resume point after a server error frame, so it asks for a snapshot next time', () => {
    const h = harness();
    h.open();
    h.send({ type: 'snapshot', seq: 1, alerts: [] });
    h.send({ statusCode: 400, code: 'VAKA_ERR_VALIDATION', error: 'Bad Request', message: 'invalid since' });
    h.drop();
    h.retry();
    expect(h.connections[1]?.url).toBe(URL);
  });

  it('hands activity frames to onActivity without touching the alerts', () => {
    const activity: unknown[] = [];
    const connect: Connect = (_url, on) => {
      queueMicrotask(() => {
        on.open();
        on.message(JSON.stringify({ type: 'activity', residentId: uuid(), roomId: null, at: '2026-11-20T03:00:00Z' }));
      });
      return { close: () => {} };
    };
    const states: AlertState[] = [];
    subscribeStream(URL, { onAlerts: (s) => states.push(s), onActivity: (f) => activity.push(f) }, { connect });
    return Promise.resolve().then(() => {
      expect(activity).toHaveLength(1);
      expect(states).toEqual([]);
    });
  });

  it('reports critical arrivals from the stream, and none for a replayed duplicate', () => {
    const h = harness();
    const a = alert({ severity: 'critical' });
    h.open();
    h.send({ type: 'snapshot', seq: 1, alerts: [] });
    h.send({ type: 'alert', seq: 2, change: 'opened', alert: a });
    h.send({ type: 'alert', seq: 2, change: 'opened', alert: a });
    expect(h.arrivals).toEqual([[], [a]]);
  });

  it('shows the result of an acknowledge request at once', () => {
    const h = harness();
    const a = alert();
    h.open();
    h.send({ type: 'snapshot', seq: 1, alerts: [a] });
    h.subscription.applyActionResult(acknowledged(a));
    expect(h.current()?.alerts.get(a.id)?.status).toBe('acknowledged');
  });
});
