/**
 * The dashboard's picture of the open and acknowledged alerts, rebuilt from stream frames.
 * Pure functions only (no DOM, no timers), so every rule here is a unit test.
 *
 * The stream sends a snapshot, then numbered changes. Keeping alerts in a map by id and
 * ignoring any change whose number we have already seen is what makes a reconnect (which
 * may replay changes, or send a fresh snapshot) never show an alert twice.
 */
import type { Alert, Severity, StreamFrame } from '../../service/contract.js';
import { SEVERITY_RANK } from '../../service/contract.js';

export interface AlertState {
  /** Sequence number of the last change applied; null before the first snapshot. */
  readonly seq: number | null;
  /** Open and acknowledged alerts by id. Resolved alerts are removed. */
  readonly alerts: ReadonlyMap<string, Alert>;
  /** True once a snapshot has arrived: until then "no alerts" means "we do not know yet". */
  readonly synced: boolean;
  /** Ids of alerts shown before the server could store them (its database was unreachable). */
  readonly provisional: ReadonlySet<string>;
}

export const initialAlertState: AlertState = { seq: null, alerts: new Map(), synced: false, provisional: new Set() };

export type SnapshotFrame = Extract<StreamFrame, { type: 'snapshot' }>;
export type AlertFrame = Extract<StreamFrame, { type: 'alert' }>;
export type ProvisionalFrame = Extract<StreamFrame, { type: 'provisional' }>;

export interface Applied {
  state: AlertState;
  /**
   * Critical alerts that need someone now and that this dashboard had not been told about:
   * newly opened, repeated (a second help-button press, an escalation) while still
   * unacknowledged, or found in a resync snapshot. The caller sounds and announces them.
   */
  arrivals: Alert[];
}

/** The severity that sounds, notifies and is announced assertively. */
const URGENT: Severity = 'critical';

/** A snapshot replaces everything: it is the server's whole truth as of its `seq`. */
export function applySnapshot(state: AlertState, frame: SnapshotFrame): Applied {
  const alerts = new Map<string, Alert>();
  for (const alert of frame.alerts) {
    if (alert.status !== 'resolved') alerts.set(alert.id, alert);
  }
  // The first snapshot is the page loading, not news; later ones are resyncs after a gap,
  // and a critical alert that opened during the gap must still be announced.
  const arrivals = state.synced ? [...alerts.values()].filter((a) => isUrgent(a) && !state.alerts.has(a.id)) : [];
  return { state: { seq: frame.seq, alerts, synced: true, provisional: new Set() }, arrivals };
}

/**
 * Applies one numbered change. A change at or below the last applied number is a duplicate
 * (a replay after reconnect) and leaves the state untouched. Gaps in the numbering are not
 * treated as loss: the server numbers changes with a database sequence, which skips values
 * when a transaction rolls back.
 */
export function applyAlertFrame(state: AlertState, frame: AlertFrame): Applied {
  if (state.seq !== null && frame.seq <= state.seq) return { state, arrivals: [] };
  const alerts = new Map(state.alerts);
  const { alert } = frame;
  if (frame.change === 'resolved' || alert.status === 'resolved') alerts.delete(alert.id);
  else alerts.set(alert.id, alert);
  let provisional = state.provisional;
  if (provisional.has(alert.id)) {
    // Stored at last: it is no longer provisional, and not news a second time.
    provisional = new Set(provisional);
    (provisional as Set<string>).delete(alert.id);
    return { state: { ...state, seq: frame.seq, alerts, provisional }, arrivals: [] };
  }
  // An escalation nobody acted on is news again: the sound and notification repeat.
  const news = NEWS.has(frame.change) && isUrgent(alert);
  return { state: { ...state, seq: frame.seq, alerts }, arrivals: news ? [alert] : [] };
}

const NEWS = new Set<AlertFrame['change']>(['opened', 'repeated', 'escalated']);

/**
 * An alert the server detected but could not store yet: shown at once (and announced, if
 * urgent) the first time; repeats of the same announcement change nothing.
 */
export function applyProvisional(state: AlertState, frame: ProvisionalFrame): Applied {
  const { alert } = frame;
  if (state.alerts.has(alert.id)) return { state, arrivals: [] };
  const alerts = new Map(state.alerts);
  alerts.set(alert.id, alert);
  const provisional = new Set(state.provisional);
  provisional.add(alert.id);
  return { state: { ...state, alerts, provisional }, arrivals: isUrgent(alert) ? [alert] : [] };
}

export function applyFrame(state: AlertState, frame: SnapshotFrame | AlertFrame | ProvisionalFrame): Applied {
  if (frame.type === 'snapshot') return applySnapshot(state, frame);
  if (frame.type === 'provisional') return applyProvisional(state, frame);
  return applyAlertFrame(state, frame);
}

const STATUS_ORDER = { open: 0, acknowledged: 1, resolved: 2 } as const;

/**
 * Folds in the alert that an acknowledge or resolve request returned, so the person who
 * tapped sees the result even if the stream is slow or down. It only ever moves an alert
 * forward (open → acknowledged → resolved, or a note more) and never adds one: the stream stays the
 * authority, and its own change for the same action arrives later and agrees.
 */
export function applyActionResult(state: AlertState, alert: Alert): AlertState {
  const current = state.alerts.get(alert.id);
  if (current === undefined) return state;
  const forward = STATUS_ORDER[alert.status] > STATUS_ORDER[current.status];
  const noted = alert.status === current.status && alert.notes.length > current.notes.length;
  if (!forward && !noted) return state;
  const alerts = new Map(state.alerts);
  if (alert.status === 'resolved') alerts.delete(alert.id);
  else alerts.set(alert.id, alert);
  return { ...state, alerts };
}

/** Forgets where to resume from, so the next connection asks for a full snapshot. */
export function forgetResumePoint(state: AlertState): AlertState {
  return { ...state, seq: null };
}

/**
 * Most severe first, then newest detection first, then by id so equal alerts keep a stable
 * place. Ordering by detection (not last repeat) keeps cards from jumping under a finger.
 */
export function compareAlerts(a: Alert, b: Alert): number {
  const bySeverity = SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity];
  if (bySeverity !== 0) return bySeverity;
  const byTime = Date.parse(b.detectedAt) - Date.parse(a.detectedAt);
  if (byTime !== 0) return byTime;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The alerts to list, in the order to list them. */
export function orderedAlerts(state: AlertState): Alert[] {
  return [...state.alerts.values()].sort(compareAlerts);
}

/** Open (not yet resolved) alert counts per resident id. */
export function openCountByResident(state: AlertState): Map<string, number> {
  const counts = new Map<string, number>();
  for (const alert of state.alerts.values()) {
    counts.set(alert.residentId, (counts.get(alert.residentId) ?? 0) + 1);
  }
  return counts;
}

/**
 * Of earlier `arrivals`, the ones that still need someone in `state`, as they are now and
 * each once. A resume replays changes in a burst: an alert that opened and was then
 * acknowledged by a colleague while we were away must not sound when the burst settles.
 */
export function stillUrgent(state: AlertState, arrivals: readonly Alert[]): Alert[] {
  const due = new Map<string, Alert>();
  for (const { id } of arrivals) {
    const current = state.alerts.get(id);
    if (current !== undefined && isUrgent(current)) due.set(id, current);
  }
  return [...due.values()];
}

function isUrgent(alert: Alert): boolean {
  return alert.severity === URGENT && alert.status === 'open';
}
