/**
 * What the detectors ask for while the journal is replayed after a kill. Before the kill they
 * may already have seen some of these messages, and their alerts may be stored (and since
 * acknowledged, or resolved by staff): raising them again would page twice, and on a resolved
 * one open a second alert. So during a replay an action passes only if no stored alert with its
 * fold key has seen its moment yet:
 *   raise at t — dropped when an alert with this fold key has last_seen_at ≥ t (that occurrence is stored);
 *   clear at t — dropped when one has last_seen_at > t (the condition came back after t; clearing would hide it).
 * Outside a replay every action goes straight through.
 */
import type { AlertAction } from '../detectors/detector.js';
import { SerialQueue } from '../serial-queue.js';

export interface AlertSink {
  apply(actions: readonly AlertAction[]): Promise<void>;
}

/** The latest moment a stored alert with this fold key saw its condition, ms; undefined when none. */
export type LastSeen = (residentId: string, foldKey: string) => Promise<number | undefined>;

export class ReplayGuard implements AlertSink {
  private replaying = false;
  /** Replayed actions in order: each waits for the checks and the actions before it. */
  private readonly queue = new SerialQueue();
  private passedCount = 0;
  private droppedCount = 0;

  constructor(
    private readonly alerts: AlertSink,
    private readonly lastSeen: LastSeen,
  ) {}

  /** From now until finish(), actions are checked against the stored alerts. */
  begin(): void {
    this.replaying = true;
  }

  /** Ends the replay once every replayed action is checked and applied. */
  async finish(): Promise<{ passed: number; dropped: number }> {
    this.replaying = false;
    await this.queue.idle();
    return { passed: this.passedCount, dropped: this.droppedCount };
  }

  apply(actions: readonly AlertAction[]): Promise<void> {
    if (!this.replaying) return this.alerts.apply(actions);
    return this.queue.run(async () => {
      const fresh: AlertAction[] = [];
      for (const action of actions) {
        if (await this.isNew(action)) fresh.push(action);
        else this.droppedCount++;
      }
      this.passedCount += fresh.length;
      if (fresh.length > 0) await this.alerts.apply(fresh);
    });
  }

  private async isNew(action: AlertAction): Promise<boolean> {
    const [residentId, foldKey, at] =
      action.kind === 'raise'
        ? [action.alert.residentId, action.alert.foldKey, action.alert.at]
        : [action.residentId, action.foldKey, action.at];
    let seen: number | undefined;
    try {
      seen = await this.lastSeen(residentId, foldKey);
    } catch {
      // Cannot tell: paging twice is better than not paging.
      return true;
    }
    if (seen === undefined) return true;
    return action.kind === 'raise' ? seen < at : seen <= at;
  }
}
