/**
 * The alert store's fold semantics in memory (service/store/alerts-store.ts, docs/alert-rules.md
 * "Folding"): one open alert per resident and fold key; a repeat folds into it; `clear` resolves
 * it; once resolved, the next occurrence opens a new alert.
 *
 * Nobody acknowledges or resolves anything in a replay, so without a stand-in for staff the first
 * fall alert of a resident would stay open for the whole run and every later fall would fold into
 * it unseen. The book therefore resolves paging alerts `staffResolveMs` after they opened, as a
 * carer who goes, finds out and closes the alert would. Technical alerts are left to clear by
 * themselves (operators replace batteries; sensors come back).
 */
import type { Severity } from '../service/contract.js';
import type { AlertAction } from '../service/detectors/detector.js';

/** A carer attends and resolves a paging alert within this long, in milliseconds (a working value). */
export const STAFF_RESOLVE_MS = 60 * 60_000;

export const PAGING: ReadonlySet<Severity> = new Set<Severity>(['critical', 'high', 'medium']);

export interface AlertRecord {
  /** `<engine>-<n>`, in the order alerts opened: stable for the same input. */
  id: string;
  residentId: string;
  roomId: string | null;
  deviceId: string | null;
  kind: string;
  ruleId: string;
  severity: Severity;
  /** The latest reason (a repeat replaces it, as the store does). */
  reason: string;
  foldKey: string;
  /** Simulated time the engine raised it: the event's receive time, or the tick's time. */
  detectedAt: number;
  /** Simulated times of repeats folded into it. */
  repeats: number[];
  resolvedAt: number | null;
  resolution: 'cleared' | 'staff' | null;
}

export class AlertBook {
  private readonly all: AlertRecord[] = [];
  private readonly open = new Map<string, AlertRecord>();

  constructor(
    private readonly engine: string,
    private readonly staffResolveMs: number = STAFF_RESOLVE_MS,
    /** Called as staff resolve a paging alert (evaluator/staff.ts gives it an outcome). */
    private readonly onStaffResolve?: (alert: AlertRecord) => void,
  ) {}

  /** Applies an engine's actions at simulated time `now`, in order. */
  apply(actions: readonly AlertAction[], now: number): void {
    if (actions.length === 0) return;
    this.advance(now);
    for (const action of actions) {
      if (action.kind === 'raise') {
        const c = action.alert;
        const key = bookKey(c.residentId, c.foldKey);
        const existing = this.open.get(key);
        if (existing !== undefined) {
          existing.repeats.push(now);
          existing.reason = c.reason;
          continue;
        }
        const record: AlertRecord = {
          id: `${this.engine}-${this.all.length + 1}`,
          residentId: c.residentId,
          roomId: c.roomId,
          deviceId: c.deviceId,
          kind: c.kind,
          ruleId: c.ruleId,
          severity: c.severity,
          reason: c.reason,
          foldKey: c.foldKey,
          detectedAt: now,
          repeats: [],
          resolvedAt: null,
          resolution: null,
        };
        this.all.push(record);
        this.open.set(key, record);
      } else {
        const key = bookKey(action.residentId, action.foldKey);
        const existing = this.open.get(key);
        if (existing === undefined) continue;
        existing.resolvedAt = now;
        existing.resolution = 'cleared';
        this.open.delete(key);
      }
    }
  }

  /** Staff resolve paging alerts that have been open for `staffResolveMs` by `now`. */
  advance(now: number): void {
    if (this.open.size === 0) return;
    for (const [key, alert] of this.open) {
      if (!PAGING.has(alert.severity) || now - alert.detectedAt < this.staffResolveMs) continue;
      alert.resolvedAt = alert.detectedAt + this.staffResolveMs;
      alert.resolution = 'staff';
      this.open.delete(key);
      this.onStaffResolve?.(alert);
    }
  }

  /** Every alert opened so far, in order. */
  alerts(): AlertRecord[] {
    return [...this.all];
  }
}

const bookKey = (residentId: string, foldKey: string) => `${residentId}\u0000${foldKey}`;
