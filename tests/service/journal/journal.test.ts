import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Journal, type JournalOptions } from '../../../service/journal/journal.js';
import { JournalLockedError } from '../../../service/journal/lock.js';
import { SegmentWriter } from '../../../service/journal/segments.js';
import { type TempJournal, tempJournalDir } from '../../helpers/journal-dir.js';
import { testLogger } from '../../helpers/silent-logger.js';

const T0 = 1_764_000_000_000;
let temp: TempJournal;
const open: Journal[] = [];

function journal(options: Partial<JournalOptions> = {}): Journal {
  const j = Journal.open({
    dir: temp.dir,
    maxBytes: 64 * 1024 * 1024,
    segmentBytes: 1024 * 1024,
    logger: testLogger,
    markEveryMs: 0,
    ...options,
  });
  open.push(j);
  return j;
}

/** What a kill leaves: the files as they are, the lock held by a process that is gone. */
function kill(j: Journal): void {
  (j as unknown as { lock: { release(): void } }).lock.release();
  open.splice(open.indexOf(j), 1);
}

function close(j: Journal): void {
  j.close();
  open.splice(open.indexOf(j), 1);
}

const payload = (i: number) => Buffer.from(JSON.stringify({ type: 'motion', motion: i % 2 === 0, ts: T0 + i }));
const segments = () => readdirSync(temp.dir).filter((f) => f.endsWith('.wal'));
const tick = () => new Promise((r) => setTimeout(r, 5));

afterEach(() => {
  for (const j of open.splice(0)) j.close();
  temp?.remove();
});

describe('write-ahead journal', () => {
  it('gives back every message after a reopen: topic, exact payload bytes, receive time, packet id, in sequence', () => {
    temp = tempJournalDir();
    const j = journal();
    const bytes = Buffer.from([0, 255, 0x7b, 0xc3, 0x28, 10]); // not UTF-8: kept as bytes
    expect(j.append('vaka/sensor/pir-1', payload(1), T0 + 1)).toBe(1);
    expect(j.append('zigbee2mqtt/åsa/hall', bytes, T0 + 2, 65_535)).toBe(2);
    kill(j);

    const again = journal();
    const messages = [...again.messagesAfter(0)];
    expect(messages.map((m) => [m.seq, m.topic, m.receivedAt, m.packetId])).toEqual([
      [1, 'vaka/sensor/pir-1', T0 + 1, 0],
      [2, 'zigbee2mqtt/åsa/hall', T0 + 2, 65_535],
    ]);
    expect(Buffer.compare(messages[1]?.payload ?? Buffer.alloc(0), bytes)).toBe(0);
    expect(again.append('vaka/sensor/pir-1', payload(3), T0 + 3)).toBe(3);
  });

  it('cuts off a torn last record left by a kill in the middle of a write, and carries on after the last whole one', () => {
    temp = tempJournalDir();
    const j = journal();
    for (let i = 1; i <= 5; i++) j.append('vaka/sensor/pir-1', payload(i), T0 + i);
    kill(j);
    const [file] = segments();
    const path = join(temp.dir, file ?? '');
    const whole = statSync(path).size;
    // The last record cut short, as a kill mid-write(2) leaves it (7 bytes of it missing).
    writeFileSync(path, readFileSync(path).subarray(0, whole - 7));

    const again = journal();
    expect([...again.messagesAfter(0)].map((m) => m.seq)).toEqual([1, 2, 3, 4]);
    // Cut back to the last whole record, so nothing written after it hides behind the torn one.
    expect(statSync(path).size).toBeLessThan(whole - 7);
    // That message was never acknowledged (the broker sends it again): its sequence is given anew.
    expect(again.append('vaka/sensor/pir-1', payload(5), T0 + 5)).toBe(5);
    kill(again);
    expect([...journal().messagesAfter(0)].map((m) => m.seq)).toEqual([1, 2, 3, 4, 5]);
  });

  it('stops at a record whose checksum does not match, and at a half-written header', () => {
    temp = tempJournalDir();
    const j = journal();
    for (let i = 1; i <= 3; i++) j.append('vaka/sensor/pir-1', payload(i), T0 + i);
    kill(j);
    const path = join(temp.dir, segments()[0] ?? '');
    appendFileSync(path, Buffer.from([200, 0, 0])); // 3 bytes of a header
    expect([...journal().messagesAfter(0)].map((m) => m.seq)).toEqual([1, 2, 3]);
    kill(open[0] as Journal);

    const buf = readFileSync(path);
    buf[buf.length - 2] = (buf[buf.length - 2] ?? 0) ^ 0xff; // a flipped byte in the last payload
    writeFileSync(path, buf);
    expect([...journal().messagesAfter(0)].map((m) => m.seq)).toEqual([1, 2]);
  });

  it('rolls over to a new segment when one is full, and deletes segments once both marks are past them', async () => {
    temp = tempJournalDir();
    const j = journal({ segmentBytes: 4096 });
    for (let i = 1; i <= 200; i++) j.append('vaka/sensor/pir-1', payload(i), T0 + i);
    const rolled = segments();
    expect(rolled.length).toBeGreaterThan(3);
    expect([...rolled].sort()).toEqual(rolled);

    // Stored, but the models have not been saved with them: still needed for the models.
    j.committed(200);
    await tick();
    expect(segments()).toEqual(rolled);
    j.modelSaved(120);
    const kept = segments();
    expect(kept.length).toBeLessThan(rolled.length);
    expect(kept.length).toBeGreaterThan(1);
    // Whatever is left holds every message past the lower mark.
    expect([...j.messagesAfter(120)].map((m) => m.seq)).toEqual(Array.from({ length: 80 }, (_, i) => 121 + i));
    expect(j.stats.bytes).toBe(kept.reduce((sum, f) => sum + statSync(join(temp.dir, f)).size, 0));

    j.modelSaved(200);
    close(j);
    expect(segments()).toEqual([]);
  });

  it('keeps its marks across a kill: a restart reads them and replays only past the lower one', async () => {
    temp = tempJournalDir();
    const j = journal();
    for (let i = 1; i <= 10; i++) j.append('vaka/sensor/pir-1', payload(i), T0 + i);
    j.modelSaved(4);
    j.committed(7);
    await tick();
    kill(j);

    const again = journal();
    expect(again.marks).toEqual({ committed: 7, model: 4 });
    expect([...again.messagesAfter(4)].map((m) => m.seq)).toEqual([5, 6, 7, 8, 9, 10]);
    expect(again.lastSeq).toBe(10);
  });

  it('never gives a new message a sequence under a mark still on disk', () => {
    temp = tempJournalDir();
    const j = journal({ segmentBytes: 2048 });
    for (let i = 1; i <= 40; i++) j.append('vaka/sensor/pir-1', payload(i), T0 + i);
    j.modelSaved(40);
    j.committed(40);
    kill(j);
    const again = journal();
    expect(again.append('vaka/sensor/pir-1', payload(41), T0 + 41)).toBe(41);
  });

  it('refuses to record past its bound while the messages filling it are not stored, counts it, and recovers once they are', async () => {
    temp = tempJournalDir();
    const j = journal({ maxBytes: 16 * 1024, segmentBytes: 4096 });
    let accepted = 0;
    for (let i = 1; i <= 400; i++) if (j.append('vaka/sensor/pir-1', payload(i), T0 + i) !== undefined) accepted++;
    expect(accepted).toBeGreaterThan(50);
    expect(accepted).toBeLessThan(400);
    expect(j.stats).toMatchObject({ unjournaled: 400 - accepted, failing: true });
    expect(j.stats.bytes).toBeLessThanOrEqual(16 * 1024);

    // Stored (but the models not saved): under the bound, stored segments go anyway.
    j.committed(accepted);
    await tick();
    expect(j.append('vaka/sensor/pir-1', payload(401), T0 + 401)).toBe(accepted + 1);
    expect(j.stats.failing).toBe(false);
    expect(j.stats.bytes).toBeLessThanOrEqual(16 * 1024);
  });

  it('handles a message without the journal when the disk refuses the write, and records again when it can', () => {
    temp = tempJournalDir();
    const j = journal();
    expect(j.append('vaka/sensor/pir-1', payload(1), T0 + 1)).toBe(1);
    close(j);
    const again = journal();
    // The folder gone (or full): the new segment cannot be created.
    rmSync(temp.dir, { recursive: true, force: true });
    expect(again.append('vaka/sensor/pir-1', payload(2), T0 + 2)).toBeUndefined();
    expect(again.stats).toMatchObject({ unjournaled: 1, failing: true });
    mkdirSync(temp.dir);
    expect(again.append('vaka/sensor/pir-1', payload(3), T0 + 3)).toBe(2);
    expect(again.stats.failing).toBe(false);
  });

  it('takes a partial record back off when the disk fills in the middle of it', () => {
    const writer = new SegmentWriter('/dev/full', 0);
    expect(() => writer.append(Buffer.alloc(100))).toThrow(/ENOSPC/);
    expect(writer.bytes).toBe(0);
    try {
      writer.close();
    } catch {
      // /dev/full takes no fsync; the descriptor is closed all the same.
    }
  });

  it('is one Vaka’s: a second open of the folder is refused; a lock left by a killed process is taken over', () => {
    temp = tempJournalDir();
    const j = journal();
    expect(() => journal()).toThrow(JournalLockedError);
    close(j);
    // pid 2^22 + 1 is above Linux's pid_max: no such process.
    writeFileSync(join(temp.dir, 'journal.lock'), '4194305 123\n');
    expect(() => journal()).not.toThrow();
    expect(existsSync(join(temp.dir, 'journal.lock'))).toBe(true);
  });
});
