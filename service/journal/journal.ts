/**
 * The write-ahead journal (docs/reliability.md, "SIGKILL"): every MQTT message is appended to a
 * local file before the broker gets its PUBACK, so a message Vaka acknowledged survives Vaka
 * being killed before its events were stored. Two marks say what is safe to forget:
 *   committed — every message up to it has had its effects stored (events, dead letters);
 *   model     — the saved behaviour models include every message up to it.
 * At start, the messages after the lower mark are replayed; segments wholly below it are deleted.
 */
import { mkdirSync, rmSync, statSync } from 'node:fs';
import type { Logger } from 'pino';
import { type JournalLock, JournalLockedError, lockJournal } from './lock.js';
import { encodeMark, encodeMessage } from './record.js';
import { listSegments, readSegment, SegmentWriter, segmentPath, truncateSegment } from './segments.js';

export interface JournalOptions {
  dir: string;
  /** Most bytes all segments may take; past it the journal stops recording (see append), in bytes. */
  maxBytes: number;
  /** A segment past this size is fsynced and closed and a new one begun, in bytes. */
  segmentBytes: number;
  logger: Logger;
  /** Commit marks are written at most this often, in milliseconds (a mark per stored batch would be wasted writes). */
  markEveryMs?: number;
}

/** A message the journal holds: what the gateway received, and when. */
export interface JournalMessage {
  seq: number;
  topic: string;
  payload: Buffer;
  receivedAt: number;
  /** The MQTT packet identifier it came with (0: QoS 0). */
  packetId: number;
}

export interface JournalMarks {
  committed: number;
  model: number;
}

export interface JournalStats {
  /** Bytes in all segments. */
  bytes: number;
  segments: number;
  /** Messages handled without being journaled (the disk was full or the bound reached). */
  unjournaled: number;
  /** The last append failed: a kill now would lose what is not yet stored. */
  failing: boolean;
}

interface SegmentState {
  path: string;
  bytes: number;
  /** Highest message sequence in it; 0 when it holds only marks. */
  lastSeq: number;
}

/** 8 MiB: a replay reads a segment at a time; deleting whole segments keeps deletion cheap. */
export const DEFAULT_SEGMENT_BYTES = 8 * 1024 * 1024;
const DEFAULT_MARK_EVERY_MS = 20;

export class Journal {
  private readonly segments: SegmentState[] = [];
  private writer: SegmentWriter | undefined;
  private seq = 0;
  /** Bytes in all segments. */
  private total = 0;
  private committedMark = 0;
  private modelMark = 0;
  /** Marks as last written to disk. */
  private written: JournalMarks = { committed: 0, model: 0 };
  private markTimer: NodeJS.Timeout | undefined;
  private unjournaled = 0;
  private failing = false;
  /** Deleting segments the models still needed, for room: said once per episode. */
  private squeezed = false;
  private readonly log: Logger;

  private constructor(
    private readonly options: JournalOptions,
    private readonly lock: JournalLock,
  ) {
    this.log = options.logger;
  }

  /** Opens (creating) the folder, locks it, and reads what a previous run left; cuts off a torn tail. */
  static open(options: JournalOptions): Journal {
    mkdirSync(options.dir, { recursive: true });
    const journal = new Journal(options, lockJournal(options.dir));
    try {
      journal.load();
    } catch (error) {
      journal.lock.release();
      throw error;
    }
    return journal;
  }

  private load(): void {
    const paths = listSegments(this.options.dir);
    paths.forEach((path, i) => {
      const read = readSegment(path);
      const last = i === paths.length - 1;
      let bytes = read.totalBytes;
      if (read.intactBytes < read.totalBytes) {
        // The newest segment's tail is what a kill in the middle of a write leaves; that message
        // was never acknowledged, so the broker sends it again. Anywhere else it is damage.
        if (last) {
          truncateSegment(path, read.intactBytes);
          bytes = read.intactBytes;
        }
        this.log[last ? 'info' : 'error'](
          { segment: path, cut: read.totalBytes - read.intactBytes },
          last ? 'journal: torn last record cut off' : 'journal: damaged record; the rest of this segment is skipped',
        );
      }
      let lastSeq = 0;
      for (const entry of read.entries) {
        if (entry.kind === 'message') lastSeq = Math.max(lastSeq, entry.seq);
        else if (entry.kind === 'committed') this.committedMark = Math.max(this.committedMark, entry.seq);
        else this.modelMark = Math.max(this.modelMark, entry.seq);
      }
      this.seq = Math.max(this.seq, lastSeq);
      this.segments.push({ path, bytes, lastSeq });
      this.total += bytes;
    });
    this.written = { committed: this.committedMark, model: this.modelMark };
    // Sequences only grow: a new message must never fall under a mark a segment still carries.
    this.seq = Math.max(this.seq, this.committedMark, this.modelMark);
  }

  /** The marks found at open (and kept up to date since). */
  get marks(): JournalMarks {
    return { committed: this.committedMark, model: this.modelMark };
  }

  /** The last sequence given to a message. */
  get lastSeq(): number {
    return this.seq;
  }

  /** Messages after `after`, oldest first, read a segment at a time. */
  *messagesAfter(after: number): Generator<JournalMessage> {
    for (const segment of [...this.segments]) {
      if (segment.lastSeq <= after) continue;
      for (const entry of readSegment(segment.path).entries) {
        if (entry.kind === 'message' && entry.seq > after) yield entry;
      }
    }
  }

  /**
   * Appends one message and returns its sequence, once the write is with the operating system.
   * Undefined when it could not be recorded (disk full, or the bound reached even after deleting
   * what is stored): the message is then handled without the journal's protection, and counted.
   */
  append(topic: string, payload: Uint8Array, receivedAt: number, packetId = 0): number | undefined {
    const seq = this.seq + 1;
    try {
      this.write(encodeMessage(seq, receivedAt, packetId, topic, payload), seq);
    } catch (error) {
      this.unjournaled++;
      if (!this.failing) {
        this.failing = true;
        this.log.error({ err: error }, 'journal: cannot record messages; a kill now loses what is not yet stored');
      }
      return undefined;
    }
    this.seq = seq;
    if (this.failing) {
      this.failing = false;
      this.log.info({ unjournaled: this.unjournaled }, 'journal: recording messages again');
    }
    return seq;
  }

  /** Every message up to `seq` has had its effects stored. Written within markEveryMs. */
  committed(seq: number): void {
    if (seq <= this.committedMark) return;
    this.committedMark = seq;
    this.markTimer ??= setTimeout(() => {
      this.markTimer = undefined;
      this.writeMarks();
    }, this.options.markEveryMs ?? DEFAULT_MARK_EVERY_MS);
  }

  /** The saved behaviour models include every message up to `seq`. Written at once (saves are minutes apart). */
  modelSaved(seq: number): void {
    if (seq <= this.modelMark) return;
    this.modelMark = seq;
    this.writeMarks();
  }

  get stats(): JournalStats {
    return {
      bytes: this.total,
      segments: this.segments.length,
      unjournaled: this.unjournaled,
      failing: this.failing,
    };
  }

  /** Writes the marks, closes the segment (fsync) and deletes what is no longer needed. */
  close(): void {
    if (this.markTimer) clearTimeout(this.markTimer);
    this.markTimer = undefined;
    try {
      this.writeMarks();
      this.roll();
      this.reclaim(false);
    } finally {
      this.lock.release();
    }
  }

  private writeMarks(): void {
    const marks: ['committed' | 'model', number][] = [];
    if (this.committedMark > this.written.committed) marks.push(['committed', this.committedMark]);
    if (this.modelMark > this.written.model) marks.push(['model', this.modelMark]);
    try {
      // Not held to the bound: a mark is 17 bytes, and it is what lets stored segments go.
      for (const [kind, seq] of marks) this.write(encodeMark(kind, seq), 0, false);
      this.written = { ...this.marks };
    } catch (error) {
      // An older mark on disk only means more is replayed after a kill, never less.
      this.log.warn({ err: error }, 'journal: could not write its marks');
    }
    this.reclaim(false);
  }

  /** Appends to the open segment, beginning a new one when it is full or there is none. */
  private write(buf: Buffer, seq: number, bounded = true): void {
    if (this.writer !== undefined && this.writer.bytes + buf.length > this.options.segmentBytes) this.roll();
    if (bounded && this.total + buf.length > this.options.maxBytes) {
      this.reclaim(true);
      if (this.total + buf.length > this.options.maxBytes) {
        throw new Error(`journal bound of ${this.options.maxBytes} bytes reached by messages not yet stored`);
      }
    }
    if (this.writer === undefined) {
      const path = segmentPath(this.options.dir, this.seq + 1);
      // A segment of only marks, left by the last run, has the name the next one would get: go on in it.
      const last = this.segments[this.segments.length - 1];
      if (last?.path !== path) this.segments.push({ path, bytes: statSize(path), lastSeq: 0 });
      this.writer = new SegmentWriter(path, statSize(path));
    }
    const open = this.segments[this.segments.length - 1] as SegmentState;
    this.writer.append(buf);
    this.total += this.writer.bytes - open.bytes;
    open.bytes = this.writer.bytes;
    if (seq > 0) open.lastSeq = seq;
  }

  private roll(): void {
    const w = this.writer;
    this.writer = undefined;
    w?.close();
  }

  /**
   * Deletes closed segments, oldest first, whose messages are all below both marks. Under
   * `pressure` (the bound reached) those only below the commit mark go too: a kill would then
   * relearn less of the model, but every stored event is safe. What is not stored is never
   * deleted. The marks are this run's own: one not yet on disk (a full disk) only makes a replay
   * after a kill begin earlier, over what is still there.
   */
  private reclaim(pressure: boolean): void {
    const floor = pressure ? this.committedMark : Math.min(this.committedMark, this.modelMark);
    while (this.segments.length > 0) {
      const oldest = this.segments[0] as SegmentState;
      const open = this.writer !== undefined && oldest === this.segments[this.segments.length - 1];
      if (open || oldest.lastSeq > floor) break;
      if (pressure && oldest.lastSeq > this.modelMark && !this.squeezed) {
        this.squeezed = true;
        this.log.warn(
          { maxBytes: this.options.maxBytes },
          'journal: bound reached; deleting stored messages the saved models have not seen (a kill now relearns less)',
        );
      }
      rmSync(oldest.path, { force: true });
      this.segments.shift();
      this.total -= oldest.bytes;
    }
    if (!pressure && this.modelMark >= this.committedMark) this.squeezed = false;
  }
}

export class JournalUnavailableError extends Error {
  readonly code = 'VAKA_ERR_JOURNAL_UNAVAILABLE';
}

/** The journal as configured (JOURNAL_DIR, JOURNAL_MAX_MB); undefined when it is off. */
export function openJournal(
  config: { dir: string | undefined; maxBytes: number },
  logger: Logger,
): Journal | undefined {
  if (config.dir === undefined) return undefined;
  try {
    return Journal.open({
      dir: config.dir,
      maxBytes: config.maxBytes,
      // At least four segments in the bound: the open one is never deleted.
      segmentBytes: Math.min(DEFAULT_SEGMENT_BYTES, Math.floor(config.maxBytes / 4)),
      logger: logger.child({ part: 'journal' }),
    });
  } catch (error) {
    if (error instanceof JournalLockedError) throw error;
    throw new JournalUnavailableError(
      `cannot use the journal folder ${config.dir} (${(error as Error).message}): make it writable, set JOURNAL_DIR, or JOURNAL_DIR=off`,
    );
  }
}

function statSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
