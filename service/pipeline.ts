/**
 * The gateway's sink: detectors run on each event at once (an alert must not wait for a
 * database write), while events, device status, dead letters and unclaimed sightings are
 * written in batches. A database outage holds up to `maxPending` events in memory and
 * retries; past that the oldest are dropped and counted, loudly.
 */
import type { Logger } from 'pino';
import type { DeadLetter, GatewaySink, SensorEvent, UnclaimedSighting } from '../gateway/contract.js';
import type { AlertService } from './alerts/alert-service.js';
import type { Db } from './db/db.js';
import type { Engine } from './engine.js';
import type { DeadLettersStore } from './store/dead-letters-store.js';
import type { DevicesStore } from './store/devices-store.js';
import type { EventsStore } from './store/events-store.js';
import type { ResidentsStore } from './store/residents-store.js';
import type { UnclaimedStore } from './store/unclaimed-store.js';
import type { StreamHub } from './stream/hub.js';

/**
 * Told what the pipeline is done with: written (committed), or dropped for good from a full
 * buffer. The write-ahead journal moves its commit mark on it (service/journal/commit-ledger.ts).
 * Must not throw.
 */
export interface WriteListener {
  written(events: readonly SensorEvent[], letters: readonly DeadLetter[]): void;
  dropped(events: readonly SensorEvent[], letters: readonly DeadLetter[]): void;
}

export interface PipelineStores {
  /** Runs a batch's writes as one transaction, so a reader sees an event and its device status together. */
  db: Pick<Db, 'transaction'>;
  events: EventsStore;
  devices: DevicesStore;
  residents: ResidentsStore;
  deadLetters: DeadLettersStore;
  unclaimed: UnclaimedStore;
}

export interface PipelineOptions {
  /** Largest batch per write. */
  batchSize: number;
  /** Longest an accepted event waits before its batch is written, in milliseconds. */
  flushMs: number;
  /** Events held while the database is unreachable. */
  maxPending: number;
  /**
   * Past this many events waiting to be written the gateway is told to hold back (backpressure)
   * until a write brings them under it again; default a tenth of maxPending. Without it a
   * broker that delivers faster than the database writes filled the buffer and the oldest
   * events were dropped (measured with `npm run bench`: 58,000 of 300,000).
   */
  highWater?: number;
}

/** Reading types that mean the resident did something (used for "last activity"). */
const ACTIVITY = new Set(['motion', 'contact', 'presence', 'occupancy', 'power', 'help', 'fall']);
/** One unclaimed-device upsert per address per this long, in milliseconds. */
const UNCLAIMED_THROTTLE_MS = 5000;
/** At most one activity frame per resident per this long, in milliseconds. */
const ACTIVITY_FRAME_MS = 1000;

export class Pipeline implements GatewaySink {
  private pendingEvents: SensorEvent[] = [];
  private pendingLetters: DeadLetter[] = [];
  private readonly unclaimedSeen = new Map<string, number>();
  private readonly activitySent = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;
  private stored = 0;
  private alreadyStored = 0;
  private dropped = 0;
  private writeFailing = false;
  /** Gateway messages held back until the backlog is under highWater again. */
  private held: (() => void)[] = [];

  constructor(
    private readonly options: PipelineOptions,
    private readonly stores: PipelineStores,
    private readonly engine: Engine,
    private readonly alerts: Pick<AlertService, 'apply'>,
    private readonly hub: StreamHub,
    private readonly log: Logger,
    private readonly listener?: WriteListener,
  ) {}

  events(events: SensorEvent[]): void {
    this.detect(events);
    this.store(events);
  }

  /** Runs the detectors on the events (alerts go out at once); writes nothing. */
  detect(events: readonly SensorEvent[]): void {
    for (const event of events) {
      const actions = this.engine.onEvent(event);
      if (actions.length > 0) void this.alerts.apply(actions);
      if (ACTIVITY.has(event.type) && event.value !== false) this.activity(event);
    }
  }

  /** Queues the events to be written in the next batch; runs no detector. */
  store(events: readonly SensorEvent[]): void {
    this.pendingEvents.push(...events);
    const overflow = this.pendingEvents.length - this.options.maxPending;
    if (overflow > 0) {
      this.listener?.dropped(this.pendingEvents.splice(0, overflow), []);
      this.dropped += overflow;
      this.log.error(
        { dropped: overflow },
        'event buffer full while the database is unreachable; oldest events dropped',
      );
    }
    this.schedule();
  }

  backpressure(): Promise<void> | undefined {
    if (this.pendingEvents.length < this.highWater) return undefined;
    return new Promise<void>((resolve) => this.held.push(resolve));
  }

  private get highWater(): number {
    return this.options.highWater ?? Math.ceil(this.options.maxPending / 10);
  }

  /** Lets held-back messages through, once the backlog is under highWater (or at stop). */
  private release(force = false): void {
    if (this.held.length === 0 || (!force && this.pendingEvents.length >= this.highWater)) return;
    for (const resolve of this.held.splice(0)) resolve();
  }

  deadLetter(letter: DeadLetter): void {
    if (this.pendingLetters.length < this.options.maxPending) this.pendingLetters.push(letter);
    else this.listener?.dropped([], [letter]);
    this.schedule();
  }

  unclaimed(sighting: UnclaimedSighting): void {
    const key = `${sighting.format}\u0000${sighting.address}`;
    const last = this.unclaimedSeen.get(key);
    if (last !== undefined && sighting.receivedAt - last < UNCLAIMED_THROTTLE_MS) return;
    this.unclaimedSeen.set(key, sighting.receivedAt);
    if (this.unclaimedSeen.size > 10_000) this.unclaimedSeen.clear();
    this.stores.unclaimed.record(sighting).catch((error: unknown) => {
      this.log.warn({ err: error }, 'could not record an unclaimed device');
    });
  }

  get counters() {
    return {
      stored: this.stored,
      /** Events skipped because the same reading was stored before (a QoS 1 copy after a restart). */
      alreadyStored: this.alreadyStored,
      pending: this.pendingEvents.length,
      dropped: this.dropped,
      writeFailing: this.writeFailing,
    };
  }

  /** Writes everything pending now; resolves when it is stored (or the write failed). */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    while (this.flushing) await this.flushing;
    if (this.pendingEvents.length === 0 && this.pendingLetters.length === 0) return;
    this.flushing = this.write().finally(() => {
      this.flushing = undefined;
    });
    await this.flushing;
  }

  /** Writes everything still pending; gives up (logged) after a few failed attempts. */
  async stop(): Promise<void> {
    for (let attempt = 0; attempt < 5; attempt++) {
      await this.flush();
      if (this.pendingEvents.length === 0 && this.pendingLetters.length === 0) break;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.release(true);
    if (this.pendingEvents.length > 0) {
      this.log.error({ events: this.pendingEvents.length }, 'stopping with events not written');
    }
  }

  private schedule(): void {
    if (this.pendingEvents.length >= this.options.batchSize) {
      void this.flush();
      return;
    }
    if (this.timer === undefined) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        void this.flush();
      }, this.options.flushMs);
    }
  }

  private async write(): Promise<void> {
    const events = this.pendingEvents.splice(0, this.options.batchSize);
    const letters = this.pendingLetters.splice(0, this.options.batchSize);
    try {
      if (events.length > 0) {
        const inserted = await this.stores.db.transaction(async (tx) => {
          const n = await this.stores.events.insertMany(events, tx);
          await this.stores.devices.recordStatus(events, tx);
          await this.stores.residents.touchActivity(latestActivity(events), tx);
          return n;
        });
        this.stored += inserted;
        this.alreadyStored += events.length - inserted;
      }
      if (letters.length > 0) await this.stores.deadLetters.insertMany(letters);
      if (this.writeFailing) this.log.info('database writes recovered');
      this.writeFailing = false;
      this.listener?.written(events, letters);
    } catch (error) {
      // Put them back in front, in order, and retry after a pause.
      this.pendingEvents.unshift(...events);
      this.pendingLetters.unshift(...letters);
      if (!this.writeFailing) this.log.error({ err: error }, 'database write failed; holding events and retrying');
      this.writeFailing = true;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    this.release();
    if (this.pendingEvents.length > 0 || this.pendingLetters.length > 0) this.schedule();
  }

  private activity(event: SensorEvent): void {
    const last = this.activitySent.get(event.residentId) ?? 0;
    if (event.receivedAt - last < ACTIVITY_FRAME_MS) return;
    this.activitySent.set(event.residentId, event.receivedAt);
    void this.hub.broadcast({
      type: 'activity',
      residentId: event.residentId,
      roomId: event.roomId,
      at: new Date(event.eventTime).toISOString(),
    });
  }
}

function latestActivity(events: readonly SensorEvent[]): Map<string, { at: number; roomId: string | null }> {
  const latest = new Map<string, { at: number; roomId: string | null }>();
  for (const e of events) {
    if (!ACTIVITY.has(e.type) || e.value === false) continue;
    const prev = latest.get(e.residentId);
    if (prev === undefined || prev.at <= e.eventTime) latest.set(e.residentId, { at: e.eventTime, roomId: e.roomId });
  }
  return latest;
}
