/**
 * Between the gateway and the pipeline. Live, it records each message in the journal before
 * the gateway handles it and tags what the message hands on with its sequence, so the commit
 * mark follows the writes. At start, it replays what the journal holds past its marks through
 * the gateway's own ingest, with each message's original receive time, deciding per message
 * what it is replayed for:
 *   past the model mark  — the detectors, so the restored models learn it exactly once, and an
 *                          alert that was never stored is raised (replay-guard.ts drops the rest);
 *   past the commit mark — the writes (idempotent: an event stored before is skipped).
 */
import type {
  DeadLetter,
  GatewaySink,
  MessageJournal,
  SensorEvent,
  UnclaimedSighting,
} from '../../gateway/contract.js';
import type { Pipeline } from '../pipeline.js';
import type { CommitLedger } from './commit-ledger.js';
import type { Journal } from './journal.js';

type PipelinePart = Pick<Pipeline, 'events' | 'detect' | 'store' | 'deadLetter' | 'unclaimed' | 'backpressure'>;

interface Handling {
  /** The message's journal sequence while its writes are tracked; undefined when not (unjournaled, or already stored). */
  seq: number | undefined;
  detect: boolean;
  store: boolean;
}

const LIVE: Handling = { seq: undefined, detect: true, store: true };

export interface ReplayReport {
  /** Messages replayed. */
  messages: number;
  /** Of them, those not yet stored (written again). */
  stored: number;
  /** Of them, those the saved models had not seen (run through the detectors). */
  detected: number;
  /** Messages the models had not seen that the journal no longer held (deleted for room). */
  modelGap: number;
}

export class JournalSink implements GatewaySink, MessageJournal {
  private current: Handling = LIVE;

  constructor(
    private readonly journal: Journal,
    private readonly ledger: CommitLedger,
    private readonly pipeline: PipelinePart,
    /** Larger payloads are dead-lettered unread: not worth the disk (a lost dead letter loses no event). */
    private readonly maxPayloadBytes: number,
  ) {}

  record(topic: string, payload: Uint8Array, receivedAt: number, packetId: number): void {
    const seq =
      payload.byteLength > this.maxPayloadBytes ? undefined : this.journal.append(topic, payload, receivedAt, packetId);
    if (seq !== undefined) this.ledger.begin(seq);
    this.current = seq === undefined ? LIVE : { seq, detect: true, store: true };
  }

  handled(): void {
    const seq = this.current.seq;
    this.current = LIVE;
    if (seq !== undefined) this.ledger.end(seq);
  }

  events(events: SensorEvent[]): void {
    const { seq, detect, store } = this.current;
    if (store && seq !== undefined) this.ledger.tag(seq, events);
    if (detect && store) this.pipeline.events(events);
    else if (detect) this.pipeline.detect(events);
    else if (store) this.pipeline.store(events);
  }

  deadLetter(letter: DeadLetter): void {
    const { seq, store } = this.current;
    if (!store) return;
    if (seq !== undefined) this.ledger.tag(seq, [letter]);
    this.pipeline.deadLetter(letter);
  }

  unclaimed(sighting: UnclaimedSighting): void {
    if (this.current.store) this.pipeline.unclaimed(sighting);
  }

  backpressure(): Promise<void> | undefined {
    return this.pipeline.backpressure();
  }

  /**
   * Replays every message past the lower mark through `handle` (the gateway's replay, which calls
   * handled() after each), pausing while the pipeline is behind. Run before the broker connects.
   */
  async replay(
    handle: (topic: string, payload: Uint8Array, receivedAt: number, packetId: number) => void,
  ): Promise<ReplayReport> {
    const { committed, model } = this.journal.marks;
    const from = Math.min(committed, model);
    const report: ReplayReport = { messages: 0, stored: 0, detected: 0, modelGap: 0 };
    // Deleted under the disk bound (only what was stored): the models cannot relearn those.
    for (const m of this.journal.messagesAfter(from)) {
      if (report.messages === 0 && m.seq > model + 1) report.modelGap = Math.min(m.seq - 1, committed) - model;
      const store = m.seq > committed;
      const detect = m.seq > model;
      if (store) this.ledger.begin(m.seq);
      this.current = { seq: store ? m.seq : undefined, detect, store };
      handle(m.topic, m.payload, m.receivedAt, m.packetId);
      report.messages++;
      if (store) report.stored++;
      if (detect) report.detected++;
      const wait = this.pipeline.backpressure();
      if (wait !== undefined) await wait;
    }
    if (report.messages === 0 && committed > model) report.modelGap = committed - model;
    return report;
  }
}
