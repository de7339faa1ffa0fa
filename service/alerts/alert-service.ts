/**
 * The alert lifecycle: raise (or fold into the open alert), acknowledge, resolve, clear;
 * every change numbered in the database and sent to the stream in that order.
 */
import type { Logger } from 'pino';
import type { Alert, Outcome, StreamFrame } from '../contract.js';
import type { AlertAction } from '../detectors/detector.js';
import { SerialQueue } from '../serial-queue.js';
import type { AlertsStore, SequencedChange } from '../store/alerts-store.js';
import type { StreamClient, StreamHub } from '../stream/hub.js';

/** A reconnecting client is sent at most this many missed changes; further behind, it gets a snapshot. */
const MAX_REPLAY = 5000;

export class AlertService {
  private readonly queue = new SerialQueue();

  constructor(
    private readonly store: AlertsStore,
    private readonly hub: StreamHub,
    private readonly now: () => number,
    private readonly log: Logger,
    /** Told of each staff resolution (outcome), so the behaviour model can tune that resident's threshold. */
    private readonly onResolved?: (alert: Alert) => void,
  ) {}

  /** Applies detector actions in order. Failures are logged per action and never thrown. */
  apply(actions: readonly AlertAction[]): Promise<void> {
    return this.queue.run(async () => {
      for (const action of actions) {
        try {
          if (action.kind === 'raise') await this.publish(await this.store.raise(action.alert));
          else await this.clearNow(action.residentId, action.foldKey, action.at);
        } catch (error) {
          this.log.error({ err: error, action: action.kind }, 'alert action failed');
        }
      }
    });
  }

  acknowledge(id: string, by: string): Promise<Alert> {
    return this.queue.run(async () => this.publish(await this.store.acknowledge(id, by, this.now())));
  }

  resolve(id: string, by: string, outcome: Outcome, note: string | null): Promise<Alert> {
    return this.queue.run(async () => {
      const alert = await this.publish(await this.store.resolve(id, by, outcome, note, this.now()));
      try {
        this.onResolved?.(alert);
      } catch (error) {
        this.log.error({ err: error }, 'outcome feedback failed');
      }
      return alert;
    });
  }

  /**
   * Connects a stream client: sends what it missed since `since` (or a snapshot), then adds
   * it to the hub, inside the queue so no change falls between the two.
   */
  connect(client: StreamClient, since: number | undefined): Promise<() => void> {
    return this.queue.run(async () => {
      const missed = since === undefined ? undefined : await this.store.changesSince(since, MAX_REPLAY);
      if (missed === undefined) {
        const snapshot = await this.store.snapshot();
        const sent = await client.send({ type: 'snapshot', seq: snapshot.seq, alerts: snapshot.alerts });
        // Delivered means a dashboard that may see the alert received it, not any dashboard.
        if (sent) await this.markDelivered(client.visible ? await client.visible(snapshot.alerts) : snapshot.alerts);
      } else {
        const delivered: Alert[] = [];
        for (const change of missed) if (await client.send(frameOf(change))) delivered.push(change.alert);
        await this.markDelivered(delivered);
      }
      return this.hub.add(client);
    });
  }

  /** Resolves when every queued change has been stored and sent. */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  private async clearNow(residentId: string, foldKey: string, at: number): Promise<void> {
    const id = await this.store.findActive(residentId, foldKey);
    if (id === undefined) return;
    await this.publish(await this.store.resolve(id, 'Vaka', 'cleared', null, at));
  }

  private async publish(change: SequencedChange): Promise<Alert> {
    const reached = await this.hub.broadcast(frameOf(change));
    if (reached > 0 && change.alert.deliveredAt === null) await this.markDelivered([change.alert]);
    return change.alert;
  }

  private async markDelivered(alerts: readonly Alert[]): Promise<void> {
    const ids = alerts.filter((a) => a.deliveredAt === null).map((a) => a.id);
    await this.store.markDelivered(ids, this.now());
  }
}

function frameOf(change: SequencedChange): StreamFrame {
  return { type: 'alert', seq: change.seq, change: change.change, alert: change.alert };
}
