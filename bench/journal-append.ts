/**
 * The write-ahead journal's cost per message, in µs: the append alone (encode, CRC-32, one
 * write(2) to the page cache), and the whole path a live message takes through it (append,
 * commit tracking for its event, the write callback that settles it, the coalesced commit mark);
 * the gateway's copy check by packet identifier (a SHA-1 per message); and, for comparison, what
 * an fsync per message would cost (not done: docs/reliability.md).
 * Messages as a sensor sends them (a ~60-byte native motion reading). Folder: JOURNAL_BENCH_DIR
 * or a temporary one (the disk under it is what is measured).
 * Run: npx tsx bench/journal-append.ts
 */
import { closeSync, fsyncSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import type { SensorEvent } from '../gateway/contract.js';
import { Redeliveries } from '../gateway/redelivery.js';
import { CommitLedger } from '../service/journal/commit-ledger.js';
import { DEFAULT_SEGMENT_BYTES, Journal } from '../service/journal/journal.js';

const MESSAGES = 200_000;
const ROUNDS = 3;
const TOPIC = 'vaka/sensor/pir-0001';
const T0 = Date.UTC(2026, 10, 26);
const dir = process.env.JOURNAL_BENCH_DIR ?? mkdtempSync(join(tmpdir(), 'vaka-journal-bench-'));
const logger = pino({ level: 'silent' });

const payloads = Array.from({ length: 1000 }, (_, i) =>
  Buffer.from(JSON.stringify({ type: 'motion', motion: i % 2 === 0, ts: T0 + i, battery: 90 })),
);
const event = (i: number): SensorEvent => ({
  deviceId: 'd',
  residentId: 'r',
  roomId: null,
  sensorKind: 'motion',
  type: 'motion',
  value: true,
  eventTime: T0 + i,
  receivedAt: T0 + i,
});

function open(): Journal {
  return Journal.open({ dir, maxBytes: 1 << 30, segmentBytes: DEFAULT_SEGMENT_BYTES, logger });
}

function appendOnly(): number {
  const journal = open();
  const started = performance.now();
  for (let i = 0; i < MESSAGES; i++) journal.append(TOPIC, payloads[i % 1000] as Buffer, T0 + i);
  const us = ((performance.now() - started) * 1000) / MESSAGES;
  journal.committed(journal.lastSeq);
  journal.modelSaved(journal.lastSeq);
  journal.close();
  return us;
}

/** As live: each message journaled, its event tagged, and settled by a write of 1,000 (the pipeline's batch). */
function wholePath(): number {
  const journal = open();
  const ledger = new CommitLedger(journal.marks.committed, (seq) => journal.committed(seq));
  let batch: SensorEvent[] = [];
  const started = performance.now();
  for (let i = 0; i < MESSAGES; i++) {
    const seq = journal.append(TOPIC, payloads[i % 1000] as Buffer, T0 + i);
    if (seq === undefined) throw new Error('journal refused a message');
    ledger.begin(seq);
    const e = event(i);
    ledger.tag(seq, [e]);
    ledger.end(seq);
    batch.push(e);
    if (batch.length === 1000) {
      ledger.written(batch, []);
      batch = [];
    }
  }
  const us = ((performance.now() - started) * 1000) / MESSAGES;
  journal.modelSaved(journal.lastSeq);
  journal.close();
  return us;
}

function copyCheck(): number {
  const r = new Redeliveries();
  const started = performance.now();
  for (let i = 0; i < MESSAGES; i++) r.handled((i % 65_535) + 1, TOPIC, payloads[i % 1000] as Buffer, false);
  return ((performance.now() - started) * 1000) / MESSAGES;
}

/** write(2) + fsync(2) per message, as a power-loss-proof journal would need; 2,000 messages. */
function fsyncEach(): number {
  const fd = openSync(join(dir, 'fsync-probe'), 'a');
  const n = 2000;
  const started = performance.now();
  for (let i = 0; i < n; i++) {
    writeSync(fd, payloads[i % 1000] as Buffer);
    fsyncSync(fd);
  }
  const us = ((performance.now() - started) * 1000) / n;
  closeSync(fd);
  return us;
}

try {
  for (let round = 1; round <= ROUNDS; round++) {
    console.log(
      `round ${round}: append ${appendOnly().toFixed(2)} µs/message; whole path ${wholePath().toFixed(2)} µs/message; ` +
        `copy check ${copyCheck().toFixed(2)} µs/message (${MESSAGES} messages of ~${payloads[0]?.length} bytes); ` +
        `an fsync per message would be ${fsyncEach().toFixed(0)} µs`,
    );
  }
} finally {
  if (process.env.JOURNAL_BENCH_DIR === undefined) rmSync(dir, { recursive: true, force: true });
}
