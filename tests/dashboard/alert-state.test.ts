import { describe, expect, it } from 'vitest';
import {
  type AlertState,
  applyActionResult,
  applyFrame,
  compareAlerts,
  forgetResumePoint,
  initialAlertState,
  openCountByResident,
  orderedAlerts,
  stillUrgent,
} from '../../dashboard/src/alert-state.js';
import type { Alert, AlertChange } from '../../service/contract.js';
import { acknowledged, alert, resolved } from './fixtures.js';

const snapshot = (seq: number, alerts: Alert[]) => ({ type: 'snapshot' as const, seq, alerts });
const change = (seq: number, kind: AlertChange, a: Alert) => ({ type: 'alert' as const, seq, change: kind, alert: a });

function stateWith(seq: number, alerts: Alert[]): AlertState {
  return applyFrame(initialAlertState, snapshot(seq, alerts)).state;
}

const ids = (state: AlertState) => orderedAlerts(state).map((a) => a.id);

describe('snapshot', () => {
  it('replaces the whole state, dropping alerts the snapshot does not contain', () => {
    const stale = alert();
    const fresh = alert();
    const before = stateWith(5, [stale]);
    const after = applyFrame(before, snapshot(9, [fresh])).state;
    expect(ids(after)).toEqual([fresh.id]);
    expect(after.seq).toBe(9);
  });

  it('marks the state synced, so an empty list means "no alerts" rather than "not loaded"', () => {
    expect(initialAlertState.synced).toBe(false);
    expect(stateWith(0, []).synced).toBe(true);
  });

  it('is accepted even with a lower seq than the state had (the server restarted or reset)', () => {
    const a = alert();
    const after = applyFrame(stateWith(40, []), snapshot(3, [a])).state;
    expect(after.seq).toBe(3);
    expect(ids(after)).toEqual([a.id]);
  });

  it('never lists a resolved alert even if one is in it', () => {
    expect(ids(stateWith(1, [resolved(alert())]))).toEqual([]);
  });
});

describe('alert changes', () => {
  it('are applied in order: opened, then acknowledged, then resolved', () => {
    const a = alert();
    let state = stateWith(10, []);
    state = applyFrame(state, change(11, 'opened', a)).state;
    expect(state.alerts.get(a.id)?.status).toBe('open');
    state = applyFrame(state, change(12, 'acknowledged', acknowledged(a))).state;
    expect(state.alerts.get(a.id)?.status).toBe('acknowledged');
    state = applyFrame(state, change(13, 'resolved', resolved(a))).state;
    expect(state.alerts.has(a.id)).toBe(false);
    expect(state.seq).toBe(13);
  });

  it('replace an alert by id, so a repeat updates the card instead of adding a second one', () => {
    const a = alert();
    let state = applyFrame(stateWith(1, []), change(2, 'opened', a)).state;
    state = applyFrame(state, change(3, 'repeated', { ...a, occurrences: 2 })).state;
    expect(ids(state)).toEqual([a.id]);
    expect(state.alerts.get(a.id)?.occurrences).toBe(2);
  });

  it('ignore a change whose seq was already applied (a replay after reconnect)', () => {
    const a = alert();
    const state = applyFrame(stateWith(1, []), change(2, 'opened', a)).state;
    const replay = applyFrame(state, change(2, 'opened', a));
    expect(replay.state).toBe(state);
    expect(replay.arrivals).toEqual([]);
  });

  it('ignore a change older than the state (it cannot undo a later acknowledgement)', () => {
    const a = alert();
    const state = stateWith(20, [acknowledged(a)]);
    const older = applyFrame(state, change(19, 'opened', a));
    expect(older.state).toBe(state);
    expect(older.state.alerts.get(a.id)?.status).toBe('acknowledged');
  });

  it('ignore changes the snapshot already includes', () => {
    const a = alert();
    const state = stateWith(30, [a]);
    expect(applyFrame(state, change(30, 'opened', a)).state).toBe(state);
  });

  it('are applied across a gap in seq (database sequences skip numbers on rollback)', () => {
    const a = alert();
    const state = applyFrame(stateWith(1, []), change(7, 'opened', a)).state;
    expect(ids(state)).toEqual([a.id]);
    expect(state.seq).toBe(7);
  });

  it('remove an alert whose status is resolved whatever the change is called', () => {
    const a = alert();
    const state = applyFrame(stateWith(1, [a]), change(2, 'repeated', resolved(a))).state;
    expect(state.alerts.size).toBe(0);
  });

  it('tolerate a resolve for an alert that was never listed', () => {
    const state = applyFrame(stateWith(1, []), change(2, 'resolved', resolved(alert()))).state;
    expect(state.alerts.size).toBe(0);
    expect(state.seq).toBe(2);
  });
});

describe('resolved alerts leave the open list', () => {
  it('while acknowledged ones stay listed, marked as acknowledged', () => {
    const a = alert();
    const b = alert();
    let state = stateWith(1, [a, b]);
    state = applyFrame(state, change(2, 'acknowledged', acknowledged(a))).state;
    state = applyFrame(state, change(3, 'resolved', resolved(b))).state;
    expect(ids(state)).toEqual([a.id]);
    expect(orderedAlerts(state)[0]?.status).toBe('acknowledged');
  });
});

describe('ordering', () => {
  it('lists the most severe first, whatever the detection time', () => {
    const technical = alert({ severity: 'technical', detectedAt: '2026-11-20T03:59:00.000Z' });
    const medium = alert({ severity: 'medium', detectedAt: '2026-11-20T03:58:00.000Z' });
    const high = alert({ severity: 'high', detectedAt: '2026-11-20T03:57:00.000Z' });
    const critical = alert({ severity: 'critical', detectedAt: '2026-11-20T01:00:00.000Z' });
    const state = stateWith(1, [technical, medium, high, critical]);
    expect(ids(state)).toEqual([critical.id, high.id, medium.id, technical.id]);
  });

  it('lists the newest first within a severity', () => {
    const older = alert({ detectedAt: '2026-11-20T03:00:00.000Z' });
    const newer = alert({ detectedAt: '2026-11-20T03:05:00.000Z' });
    expect(ids(stateWith(1, [older, newer]))).toEqual([newer.id, older.id]);
  });

  it('compares detection instants, not strings, so time zone offsets order correctly', () => {
    const utc = alert({ detectedAt: '2026-11-20T03:00:00.000Z' });
    const stockholm = alert({ detectedAt: '2026-11-20T03:30:00+01:00' }); // 02:30 UTC: older
    expect(ids(stateWith(1, [stockholm, utc]))).toEqual([utc.id, stockholm.id]);
  });

  it('keeps a stable order for alerts with the same severity and time', () => {
    const a = alert();
    const b = alert();
    expect(compareAlerts(a, b)).toBe(-compareAlerts(b, a));
    expect(ids(stateWith(1, [a, b]))).toEqual(ids(stateWith(1, [b, a])));
  });

  it('does not move an alert when it repeats (cards must not jump under a finger)', () => {
    const first = alert({ detectedAt: '2026-11-20T03:10:00.000Z' });
    const second = alert({ detectedAt: '2026-11-20T03:00:00.000Z' });
    let state = stateWith(1, [first, second]);
    state = applyFrame(
      state,
      change(2, 'repeated', { ...second, occurrences: 2, lastSeenAt: '2026-11-20T03:20:00.000Z' }),
    ).state;
    expect(ids(state)).toEqual([first.id, second.id]);
  });
});

describe('new critical alerts (sound, notification, announcement)', () => {
  it('are reported when a critical alert opens', () => {
    const a = alert({ severity: 'critical' });
    expect(applyFrame(stateWith(1, []), change(2, 'opened', a)).arrivals).toEqual([a]);
  });

  it('are reported again when an unacknowledged critical alert repeats', () => {
    const a = alert();
    const again = { ...a, occurrences: 2 };
    expect(applyFrame(stateWith(1, [a]), change(2, 'repeated', again)).arrivals).toEqual([again]);
  });

  it('are not reported for a repeat once someone has acknowledged the alert', () => {
    const a = acknowledged(alert());
    expect(applyFrame(stateWith(1, [a]), change(2, 'repeated', a)).arrivals).toEqual([]);
  });

  it('are not reported for lower severities', () => {
    const a = alert({ severity: 'high' });
    expect(applyFrame(stateWith(1, []), change(2, 'opened', a)).arrivals).toEqual([]);
  });

  it('are not reported for the first snapshot (that is the page loading)', () => {
    expect(applyFrame(initialAlertState, snapshot(1, [alert()])).arrivals).toEqual([]);
  });

  it('are reported for critical alerts that appear in a resync snapshot', () => {
    const known = alert();
    const missed = alert();
    const state = stateWith(1, [known]);
    expect(applyFrame(state, snapshot(9, [known, missed])).arrivals).toEqual([missed]);
  });
});

describe('provisional alerts (the server could not store them yet)', () => {
  const provisional = (a: Alert) => ({ type: 'provisional' as const, alert: a });

  it('are shown and announced at once, marked as provisional; the same announcement again changes nothing', () => {
    const a = alert();
    const first = applyFrame(stateWith(1, []), provisional(a));
    expect(first.arrivals).toEqual([a]);
    expect(first.state.provisional.has(a.id)).toBe(true);
    const again = applyFrame(first.state, provisional(a));
    expect(again.state).toBe(first.state);
    expect(again.arrivals).toEqual([]);
  });

  it('become ordinary once stored, without being announced a second time', () => {
    const a = alert();
    const shown = applyFrame(stateWith(1, []), provisional(a)).state;
    const stored = applyFrame(shown, change(2, 'opened', a));
    expect(stored.arrivals).toEqual([]);
    expect(stored.state.provisional.has(a.id)).toBe(false);
    expect(ids(stored.state)).toEqual([a.id]);
  });
});

describe('escalation', () => {
  it('announces an urgent alert again when it escalates unacknowledged, and shows its new state', () => {
    const a = alert();
    const state = stateWith(1, [a]);
    const escalated = { ...a, escalationLevel: 2, audience: 'everyone' as const };
    const applied = applyFrame(state, change(2, 'escalated', escalated));
    expect(applied.arrivals).toEqual([escalated]);
    expect(applied.state.alerts.get(a.id)?.audience).toBe('everyone');
  });

  it('does not announce a note as news', () => {
    const a = alert();
    expect(applyFrame(stateWith(1, [a]), change(2, 'noted', a)).arrivals).toEqual([]);
  });
});

describe('results of acknowledge and resolve requests', () => {
  it('move an alert forward at once, before the stream reports it', () => {
    const a = alert();
    const state = applyActionResult(stateWith(1, [a]), acknowledged(a));
    expect(state.alerts.get(a.id)?.status).toBe('acknowledged');
    expect(state.seq).toBe(1);
  });

  it('remove a resolved alert', () => {
    const a = alert();
    expect(applyActionResult(stateWith(1, [a]), resolved(a)).alerts.size).toBe(0);
  });

  it('never move an alert backwards', () => {
    const a = alert();
    const state = stateWith(1, [acknowledged(a)]);
    expect(applyActionResult(state, a)).toBe(state);
  });

  it('show a note just added, at once', () => {
    const a = alert();
    const note = { id: a.id, by: 'Eva', text: 'On my way', at: '2026-11-20T03:01:00.000Z' };
    const state = applyActionResult(stateWith(1, [a]), { ...a, notes: [note] });
    expect(state.alerts.get(a.id)?.notes).toEqual([note]);
  });

  it('never add an alert the stream has not listed (it may have been resolved meanwhile)', () => {
    const state = stateWith(1, []);
    expect(applyActionResult(state, acknowledged(alert()))).toBe(state);
  });
});

describe('resume point', () => {
  it('can be forgotten, so the next connection asks for a snapshot, keeping alerts on screen', () => {
    const a = alert();
    const state = forgetResumePoint(stateWith(5, [a]));
    expect(state.seq).toBeNull();
    expect(ids(state)).toEqual([a.id]);
  });
});

describe('open alerts per resident', () => {
  it('counts open and acknowledged alerts by resident', () => {
    const r1 = '10000000-0000-4000-8000-0000000000a1';
    const r2 = '10000000-0000-4000-8000-0000000000a2';
    const state = stateWith(1, [
      alert({ residentId: r1 }),
      acknowledged(alert({ residentId: r1 })),
      alert({ residentId: r2 }),
    ]);
    expect(openCountByResident(state)).toEqual(
      new Map([
        [r1, 2],
        [r2, 1],
      ]),
    );
  });
});

describe('critical arrivals after a burst of frames settles', () => {
  it('keep only alerts still open and critical, once each, as they are now', () => {
    const opened = alert();
    const handledMeanwhile = alert();
    const again = { ...opened, occurrences: 2 };
    let state = stateWith(1, []);
    const arrivals: Alert[] = [];
    for (const frame of [
      change(2, 'opened', opened),
      change(3, 'opened', handledMeanwhile),
      change(4, 'acknowledged', acknowledged(handledMeanwhile)),
      change(5, 'repeated', again),
    ]) {
      const applied = applyFrame(state, frame);
      state = applied.state;
      arrivals.push(...applied.arrivals);
    }
    expect(stillUrgent(state, arrivals)).toEqual([again]);
  });
});
