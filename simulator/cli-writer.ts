/**
 * Files the CLI writes: the messages of a generated cohort (a million lines or more, so
 * buffered and written synchronously in large chunks, which is faster than a stream here and
 * needs no backpressure) and the ground truth.
 */
import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { InputError } from './cli-errors.js';
import type { SimMessage } from './contract.js';
import { type TruthRecord, toJsonLines } from './ground-truth.js';

/** Bytes (roughly: UTF-16 code units) gathered before one write. */
const CHUNK_CHARS = 1 << 20;

export interface LineWriter {
  write(line: string): void;
  /** Writes what is buffered and closes the file. */
  close(): void;
  /** Lines written so far. */
  readonly lines: number;
}

/** Opens (truncating) `path`; `flag` names the option in errors, e.g. `--out`. */
export function createLineWriter(path: string, flag: string): LineWriter {
  const fail = (error: unknown) =>
    new InputError(`${flag}: cannot write ${path} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  let fd: number;
  try {
    fd = openSync(path, 'w');
  } catch (error) {
    throw fail(error);
  }
  let buffer: string[] = [];
  let size = 0;
  let lines = 0;
  const flush = () => {
    if (buffer.length === 0) return;
    try {
      writeSync(fd, buffer.join(''));
    } catch (error) {
      throw fail(error);
    }
    buffer = [];
    size = 0;
  };
  return {
    write(line) {
      buffer.push(line, '\n');
      size += line.length + 1;
      lines++;
      if (size >= CHUNK_CHARS) flush();
    },
    close() {
      try {
        flush();
      } finally {
        closeSync(fd);
      }
    },
    get lines() {
      return lines;
    },
  };
}

/**
 * One message as a line: `{"at":"2025-03-03T06:12:00.000Z","topic":…,"payload":…}`, plus
 * `"chaos":kind` for a message chaos made or changed. The payload stays a string: byte for
 * byte what goes on the wire, and a malformed one is not JSON. A cohort is a million lines, so
 * the time's text is built from a cached minute and each topic is quoted once (together a
 * third of the cost of writing the file, measured).
 */
export function createMessageLines(): (at: number, message: SimMessage, chaos?: string) => string {
  let minute = Number.NaN;
  let minuteText = '';
  const topics = new Map<string, string>();
  const iso = (at: number) => {
    const m = Math.floor(at / 60_000);
    if (m !== minute) {
      minute = m;
      minuteText = new Date(m * 60_000).toISOString().slice(0, 17);
    }
    const ms = at - m * 60_000;
    const seconds = Math.floor(ms / 1000);
    return `${minuteText}${seconds < 10 ? '0' : ''}${seconds}.${String(ms % 1000).padStart(3, '0')}Z`;
  };
  return (at, message, chaos) => {
    let topic = topics.get(message.topic);
    if (topic === undefined) {
      topic = JSON.stringify(message.topic);
      topics.set(message.topic, topic);
    }
    const head = `{"at":"${iso(at)}","topic":${topic},"payload":${JSON.stringify(message.payload)}`;
    return chaos === undefined ? `${head}}` : `${head},"chaos":${JSON.stringify(chaos)}}`;
  };
}

export function writeTruth(path: string, records: readonly TruthRecord[]): void {
  try {
    writeFileSync(path, toJsonLines(records));
  } catch (error) {
    throw new InputError(`--truth: cannot write ${path} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}
