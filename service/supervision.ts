/**
 * Supervision at minute level: the broker unreachable, the database unreachable, or event
 * writes failing — each becomes a system problem once it has lasted SUPERVISION_GRACE_S (so a
 * blip does not alarm anyone), shown in health and sent to every dashboard as a `system`
 * frame (again on every check while it lasts, so a dashboard that connects later learns it),
 * and cleared when it ends. With the defaults a problem is on screen 20–25 s after it began.
 */
import type { Logger } from 'pino';
import type { SystemProblem, SystemProblemKind } from './contract.js';
import type { StreamHub } from './stream/hub.js';

export interface SupervisedChecks {
  brokerConnected(): boolean;
  databaseReachable(): Promise<boolean>;
  writesFailing(): boolean;
}

const DETAIL: Record<SystemProblemKind, string> = {
  broker_unreachable: 'Vaka cannot reach the MQTT broker: no sensor messages arrive.',
  database_unreachable: 'Vaka cannot reach its database: alerts are shown but not saved; events are held in memory.',
  event_writes_failing: 'Sensor events cannot be written; they are held in memory and retried.',
};

export class Supervisor {
  /** When each condition was first seen failing (ms), while it is failing. */
  private readonly failingSince = new Map<SystemProblemKind, number>();
  private announced = '';

  constructor(
    private readonly checks: SupervisedChecks,
    private readonly hub: StreamHub,
    private readonly now: () => number,
    private readonly log: Logger,
    private readonly graceMs: number,
  ) {}

  /** Problems that have lasted the grace period, oldest first. */
  problems(at = this.now()): SystemProblem[] {
    return [...this.failingSince]
      .filter(([, since]) => at - since >= this.graceMs)
      .sort((a, b) => a[1] - b[1])
      .map(([kind, since]) => ({ kind, since: new Date(since).toISOString(), detail: DETAIL[kind] }));
  }

  async check(): Promise<SystemProblem[]> {
    const at = this.now();
    const failing: Record<SystemProblemKind, boolean> = {
      broker_unreachable: !this.checks.brokerConnected(),
      database_unreachable: !(await this.checks.databaseReachable().catch(() => false)),
      event_writes_failing: this.checks.writesFailing(),
    };
    for (const [kind, bad] of Object.entries(failing) as [SystemProblemKind, boolean][]) {
      if (bad && !this.failingSince.has(kind)) this.failingSince.set(kind, at);
      if (!bad) this.failingSince.delete(kind);
    }
    const problems = this.problems(at);
    const key = problems.map((p) => p.kind).join(',');
    if (key !== this.announced) {
      if (problems.length > 0) this.log.error({ problems: problems.map((p) => p.kind) }, 'system problem');
      else this.log.info('system problems cleared');
    }
    // While something is wrong, every check repeats it; the all-clear is sent once.
    if (problems.length > 0 || key !== this.announced) {
      await this.hub.broadcast({ type: 'system', at: new Date(at).toISOString(), problems });
    }
    this.announced = key;
    return problems;
  }
}
