/**
 * The alert lifecycle: raise (or fold into the open alert), acknowledge, resolve, clear;
 * every change numbered in the database and sent to the stream in that order.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { type Alert, AlertExplanation, type Outcome, type StreamFrame } from '../contract.js';
import type { AlertAction } from '../detectors/detector.js';
import { SerialQueue } from '../serial-queue.js';
import type { AlertCandidate, AlertsStore, SequencedChange } from '../store/alerts-store.js';
import type { StreamClient, StreamHub } from '../stream/hub.js';
import { DEFAULT_ESCALATION, dueStep, type EscalationPolicy } from './escalation.js';

/** A reconnecting client is sent at most this many missed changes; further behind, it gets a snapshot. */
const MAX_REPLAY = 5000;

/** At most this many actions are held while the database is unreachable. */
const MAX_HELD = 10_000;
/** How often held actions are retried, in milliseconds. */
const RETRY_MS = 2000;

export interface AlertServiceOptions {
  /** Told of each staff resolution (outcome), so the behaviour model can tune that resident's threshold. */
  onResolved?: ((alert: Alert) => void) | undefined;
  policy?: EscalationPolicy | undefined;
  /** Names for an alert shown before it is stored (the database usually supplies them). */
  residentName?: ((residentId: string) => string | undefined) | undefined;
  roomName?: ((roomId: string) => string | undefined) | undefined;
}

/** Unacknowledged alerts looked at per escalation check, oldest first. */
const MAX_ESCALATING = 1000;

export class AlertService {
  private readonly queue = new SerialQueue();

  private readonly onResolved: ((alert: Alert) => void) | undefined;
  private readonly policy: EscalationPolicy;
  private readonly residentName: (residentId: string) => string | undefined;
  private readonly roomName: (roomId: string) => string | undefined;
  /** Actions the database could not take yet, in order; retried until it can. */
  private readonly held: AlertAction[] = [];
  private retryTimer: NodeJS.Timeout | undefined;
  private droppedWhileHeld = 0;

  constructor(
    private readonly store: AlertsStore,
    private readonly hub: StreamHub,
    private readonly now: () => number,
    private readonly log: Logger,
    options: AlertServiceOptions = {},
  ) {
    this.onResolved = options.onResolved;
    this.policy = options.policy ?? DEFAULT_ESCALATION;
    this.residentName = options.residentName ?? (() => undefined);
    this.roomName = options.roomName ?? (() => undefined);
  }

  /**
   * Applies detector actions in order. When the database cannot take one, it is held (and
   * every later one behind it, to keep the order), a new alert is shown on the dashboards at
   * once as provisional, and the held actions are retried until they are stored.
   */
  apply(actions: readonly AlertAction[]): Promise<void> {
    return this.queue.run(async () => {
      for (const given of actions) {
        const action = given.kind === 'raise' ? { ...given, alert: this.checked(given.alert) } : given;
        if (this.held.length > 0) {
          await this.hold(action);
          continue;
        }
        try {
          await this.take(action);
        } catch (error) {
          this.log.error(
            { err: error, action: action.kind },
            'alert action failed; holding it until the database is back',
          );
          await this.hold(action);
        }
      }
    });
  }

  /**
   * An explanation that does not match the contract would make dashboards refuse the alert:
   * it is dropped (the English reason still explains) and the mismatch logged, without values.
   */
  private checked(c: AlertCandidate): AlertCandidate {
    if (c.explanation === undefined) return c;
    const parsed = AlertExplanation.safeParse(c.explanation);
    if (parsed.success) return { ...c, explanation: parsed.data };
    this.log.warn(
      { ruleId: c.ruleId, key: c.explanation.key, issues: parsed.error.issues.map((i) => i.path.join('.')) },
      'alert explanation does not match the contract; stored without it',
    );
    return { ...c, explanation: undefined };
  }

  /** Actions held for the database, and how many were dropped because the hold was full. */
  get pending(): { held: number; dropped: number } {
    return { held: this.held.length, dropped: this.droppedWhileHeld };
  }

  /** Tries the held actions again, oldest first; stops at the first that still fails. */
  retryHeld(): Promise<void> {
    return this.queue.run(async () => {
      while (this.held.length > 0) {
        const action = this.held[0] as AlertAction;
        try {
          await this.take(action);
        } catch {
          // Still down: tell dashboards (also ones that connected meanwhile) what is waiting.
          for (const held of this.held) if (held.kind === 'raise') await this.announce(held.alert);
          this.scheduleRetry();
          return;
        }
        this.held.shift();
      }
      this.log.info('held alert actions stored');
    });
  }

  private async take(action: AlertAction): Promise<void> {
    if (action.kind === 'raise') await this.publish(await this.store.raise(action.alert));
    else await this.clearNow(action.residentId, action.foldKey, action.at);
  }

  private async hold(action: AlertAction): Promise<void> {
    if (this.held.length >= MAX_HELD) {
      // Keep raises; a clear can be dropped (the alert then waits for a person to resolve it).
      if (action.kind === 'clear') {
        this.droppedWhileHeld++;
        return;
      }
    }
    const kept =
      action.kind === 'raise' ? { ...action, alert: { ...action.alert, id: action.alert.id ?? randomUUID() } } : action;
    this.held.push(kept);
    if (kept.kind === 'raise') await this.announce(kept.alert);
    this.scheduleRetry();
  }

  /** Shows a held alert on the dashboards before it is stored. */
  private async announce(c: AlertCandidate & { id?: string | undefined }): Promise<void> {
    if (c.id === undefined) return;
    const at = new Date(c.at).toISOString();
    await this.hub.broadcast({
      type: 'provisional',
      alert: {
        id: c.id,
        residentId: c.residentId,
        residentName: this.residentName(c.residentId) ?? '?',
        roomId: c.roomId,
        roomName: c.roomId === null ? null : (this.roomName(c.roomId) ?? null),
        deviceId: c.deviceId,
        kind: c.kind,
        ruleId: c.ruleId,
        severity: c.severity,
        status: 'open',
        reason: c.reason,
        explanation: c.explanation ?? null,
        occurrences: 1,
        detectedAt: at,
        lastSeenAt: at,
        deliveredAt: null,
        acknowledgedAt: null,
        acknowledgedBy: null,
        resolvedAt: null,
        resolvedBy: null,
        outcome: null,
        note: null,
        escalationLevel: 0,
        escalatedAt: null,
        audience: 'team',
        notes: [],
      },
    });
  }

  private scheduleRetry(): void {
    if (this.retryTimer !== undefined) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.retryHeld();
    }, RETRY_MS);
    this.retryTimer.unref();
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

  /** A staff note on the alert; every dashboard gets the change. */
  addNote(id: string, by: string, text: string): Promise<Alert> {
    return this.queue.run(async () => this.publish(await this.store.addNote(id, by, text, this.now())));
  }

  /**
   * Takes the escalation steps that are due on unacknowledged alerts at `now` (the escalation
   * clock calls this every few seconds). Returns the escalated alerts.
   */
  escalate(now = this.now()): Promise<Alert[]> {
    return this.queue.run(async () => {
      const escalated: Alert[] = [];
      for (const { alert, raisedAs } of await this.store.unacknowledged(MAX_ESCALATING)) {
        let current = alert;
        for (;;) {
          const step = dueStep(
            this.policy,
            {
              raisedAs,
              severity: current.severity,
              audience: current.audience,
              level: current.escalationLevel,
              detectedAt: Date.parse(current.detectedAt),
            },
            now,
          );
          if (step === undefined) break;
          const change = await this.store.escalate(current.id, step, now);
          if (change === undefined) break;
          current = await this.publish(change);
          escalated.push(current);
        }
      }
      return escalated;
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
