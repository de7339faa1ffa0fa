/**
 * The journal's segment files: `<first sequence, 16 digits>.wal` in the journal folder, so
 * the names sort oldest first. Each is append-only; a full one is fsynced, closed and never
 * written again, and deleted whole once nothing in it is needed.
 */
import {
  closeSync,
  fsyncSync,
  ftruncateSync,
  openSync,
  readdirSync,
  readFileSync,
  truncateSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { decodeAt, type JournalEntry } from './record.js';

const SUFFIX = '.wal';
const NAME = /^(\d{16})\.wal$/;

export function segmentPath(dir: string, firstSeq: number): string {
  return join(dir, `${String(firstSeq).padStart(16, '0')}${SUFFIX}`);
}

/** The segment files in `dir`, oldest first. */
export function listSegments(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => NAME.test(name))
    .sort()
    .map((name) => join(dir, name));
}

export interface SegmentRead {
  entries: JournalEntry[];
  /** Bytes from the start that are whole, intact records. */
  intactBytes: number;
  totalBytes: number;
}

/** Reads a segment up to its first torn or damaged record. Message payloads are views into the file's bytes. */
export function readSegment(path: string): SegmentRead {
  const buf = readFileSync(path);
  const entries: JournalEntry[] = [];
  let offset = 0;
  while (offset < buf.length) {
    const decoded = decodeAt(buf, offset);
    if ('torn' in decoded) break;
    entries.push(decoded.entry);
    offset = decoded.next;
  }
  return { entries, intactBytes: offset, totalBytes: buf.length };
}

/** Cuts a segment back to its intact records (a kill in the middle of a write leaves a torn tail). */
export function truncateSegment(path: string, bytes: number): void {
  truncateSync(path, bytes);
}

/**
 * One segment open for appending. Each append is one write(2) to the operating system: the
 * page cache keeps it if the process is killed; only fsync (at close) makes it survive power loss.
 */
export class SegmentWriter {
  private readonly fd: number;

  constructor(
    readonly path: string,
    public bytes: number,
  ) {
    this.fd = openSync(path, 'a');
  }

  /** Writes the whole buffer or, on failure (a full disk), cuts the file back and throws. */
  append(buf: Buffer): void {
    const before = this.bytes;
    try {
      let done = 0;
      while (done < buf.length) done += writeSync(this.fd, buf, done, buf.length - done);
    } catch (error) {
      // A partial record would hide every later one from a replay: take it back off.
      try {
        ftruncateSync(this.fd, before);
      } catch {
        // Still torn: the reader stops at it, and the next start cuts it off.
      }
      throw error;
    }
    this.bytes = before + buf.length;
  }

  close(): void {
    try {
      fsyncSync(this.fd);
    } finally {
      closeSync(this.fd);
    }
  }
}
