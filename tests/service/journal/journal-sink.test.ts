import { afterEach, describe, expect, it } from 'vitest';
import type { DeadLetter, SensorEvent } from '../../../gateway/contract.js';
import { createGateway, type Gateway } from '../../../gateway/gateway.js';
import { CommitLedger } from '../../../service/journal/commit-ledger.js';
import { Journal } from '../../../service/journal/journal.js';
import { JournalSink } from '../../../service/journal/journal-sink.js';
import { testGatewayOptions } from '../../helpers/gateway-options.js';
import { type TempJournal, tempJournalDir } from '../../helpers/journal-dir.js';
import { testLogger } from '../../helpers/silent-logger.js';

const T0 = 1_764_000_000_000;
const PIR = 'vaka/sensor/pir-1';
const Z2M = 'zigbee2mqtt/home/hall';

/** The pipeline as the sink sees it: what reached the detectors and what was queued for writing. */
function fakePipeline() {
  const p = {
    detected: [] as SensorEvent[],
    queued: [] as SensorEvent[],
    letters: [] as DeadLetter[],
    sightings: 0,
    behind: undefined as Promise<void> | undefined,
    backpressureAsked: 0,
    events(events: SensorEvent[]) {
      p.detect(events);
      p.store(events);
    },
    detect(events: readonly SensorEvent[]) {
      p.detected.push(...events);
    },
    store(events: readonly SensorEvent[]) {
      p.queued.push(...events);
    },
    deadLetter(letter: DeadLetter) {
      p.letters.push(letter);
    },
    unclaimed() {
      p.sightings++;
    },
    backpressure() {
      p.backpressureAsked++;
      return p.behind;
    },
  };
  return p;
}

let temp: TempJournal;
const journals: Journal[] = [];
afterEach(() => {
  for (const j of journals.splice(0)) j.close();
  temp?.remove();
});

function openJournal(sizes = { maxBytes: 1 << 24, segmentBytes: 1 << 20 }): Journal {
  const j = Journal.open({ dir: temp.dir, ...sizes, logger: testLogger });
  journals.push(j);
  return j;
}

function kill(j: Journal): void {
  (j as unknown as { lock: { release(): void } }).lock.release();
  journals.splice(journals.indexOf(j), 1);
}

/** The whole chain as vaka.ts wires it, with the real gateway (never connected) and ingest. */
function chain(journal: Journal) {
  const pipeline = fakePipeline();
  const ledger = new CommitLedger(journal.marks.committed, (seq) => journal.committed(seq));
  const sink = new JournalSink(journal, ledger, pipeline, 65_536);
  const topics = { url: 'mqtt://127.0.0.1:1', prefix: 'vaka', z2mBase: 'zigbee2mqtt' };
  const gateway: Gateway = createGateway(
    testGatewayOptions(topics, { now: () => T0, journal: sink }),
    {
      lookup: (format, address) =>
        (format === 'vaka' && address === 'pir-1') || (format === 'z2m' && address === 'home/hall')
          ? { deviceId: address, residentId: 'r1', roomId: null, kind: 'motion' }
          : undefined,
    },
    sink,
  );
  /** What the gateway does with a message from the broker: journal, then handle. */
  const receive = (topic: string, payload: string, at: number) => {
    sink.record(topic, Buffer.from(payload), at, 0);
    gateway.replay(topic, Buffer.from(payload), at, 0);
  };
  return { pipeline, ledger, sink, gateway, receive };
}

const motion = (i: number) => JSON.stringify({ type: 'motion', motion: true, ts: T0 + i });

describe('journal sink, live', () => {
  it('moves the commit mark only as far as every earlier message is written', () => {
    temp = tempJournalDir();
    const journal = openJournal();
    const { pipeline, ledger, receive } = chain(journal);
    receive(PIR, motion(1), T0 + 1); // an event
    receive(PIR, '{"type":', T0 + 2); // a dead letter
    receive('vaka/sensor/nobody', motion(3), T0 + 3); // unclaimed: nothing to write
    receive(PIR, motion(4), T0 + 4); // an event
    expect(pipeline.queued).toHaveLength(2);
    expect(pipeline.letters).toHaveLength(1);
    expect(ledger.committed).toBe(0);

    ledger.written([pipeline.queued[1] as SensorEvent], []); // the newer batch first
    expect(ledger.committed).toBe(0);
    ledger.written([pipeline.queued[0] as SensorEvent], pipeline.letters);
    expect(ledger.committed).toBe(4);
    expect(journal.marks.committed).toBe(4);
  });

  it('does not journal a payload over the size limit (it is dead-lettered unread)', () => {
    temp = tempJournalDir();
    const journal = openJournal();
    const { pipeline, ledger, sink, gateway } = chain(journal);
    const big = Buffer.alloc(70_000, 0x20);
    sink.record(PIR, big, T0, 0);
    gateway.replay(PIR, big, T0, 0);
    expect(journal.lastSeq).toBe(0);
    expect(pipeline.letters[0]?.reason).toBe('too_large');
    expect(ledger.outstanding).toBe(0);
  });
});

describe('journal replay after a kill', () => {
  /** Eight messages, then a kill with the given marks on disk. */
  function killedRun(marks: { committed: number; model: number }): void {
    temp = tempJournalDir();
    const journal = openJournal();
    const { receive } = chain(journal);
    for (let i = 1; i <= 8; i++) receive(PIR, motion(i), T0 + i);
    journal.modelSaved(marks.model);
    journal.committed(marks.committed);
    journal.close(); // writes the marks; a kill a moment later would leave the same files
    kill(openJournal());
  }

  it('runs the detectors only past the model mark and writes only past the commit mark', async () => {
    killedRun({ committed: 6, model: 3 });
    const { pipeline, sink, gateway } = chain(openJournal());
    const report = await sink.replay(gateway.replay);
    const at = (events: SensorEvent[]) => events.map((e) => e.eventTime - T0);
    expect(at(pipeline.detected)).toEqual([4, 5, 6, 7, 8]);
    expect(at(pipeline.queued)).toEqual([7, 8]);
    expect(report).toEqual({ messages: 5, stored: 2, detected: 5, modelGap: 0 });
  });

  it('writes what was not stored without running the detectors on what the saved models already learned', async () => {
    killedRun({ committed: 3, model: 6 });
    const { pipeline, sink, gateway } = chain(openJournal());
    await sink.replay(gateway.replay);
    expect(pipeline.detected.map((e) => e.eventTime - T0)).toEqual([7, 8]);
    expect(pipeline.queued.map((e) => e.eventTime - T0)).toEqual([4, 5, 6, 7, 8]);
  });

  it('gives an untimed Zigbee2MQTT reading its original receive time, so the idempotent write skips a stored copy', async () => {
    temp = tempJournalDir();
    const first = openJournal();
    const live = chain(first);
    live.receive(Z2M, '{"occupancy":true,"linkquality":120}', T0 + 500);
    kill(first);

    const { pipeline, sink, gateway } = chain(openJournal());
    await sink.replay(gateway.replay);
    expect(pipeline.queued.map((e) => [e.type, e.eventTime, e.receivedAt])).toEqual([['motion', T0 + 500, T0 + 500]]);
    expect(pipeline.queued).toEqual(live.pipeline.queued);
  });

  it('moves the commit mark as the replayed writes finish, then carries on with new sequences', async () => {
    killedRun({ committed: 6, model: 6 });
    const journal = openJournal();
    const { pipeline, ledger, sink, gateway, receive } = chain(journal);
    await sink.replay(gateway.replay);
    expect(ledger.committed).toBe(6);
    receive(PIR, motion(9), T0 + 9);
    expect(journal.lastSeq).toBe(9);
    ledger.written(pipeline.queued, []);
    expect(ledger.committed).toBe(9);
  });

  it('waits while the pipeline is behind instead of piling the replay into memory', async () => {
    killedRun({ committed: 0, model: 0 });
    const { pipeline, sink, gateway } = chain(openJournal());
    let catchUp = () => {};
    pipeline.behind = new Promise<void>((resolve) => {
      catchUp = resolve;
    });
    const replay = sink.replay(gateway.replay);
    await new Promise((r) => setTimeout(r, 20));
    expect(pipeline.queued).toHaveLength(1);
    pipeline.behind = undefined;
    catchUp();
    expect((await replay).messages).toBe(8);
    expect(pipeline.queued).toHaveLength(8);
  });

  it('reports what the models cannot relearn when stored messages they had not seen were deleted for room', async () => {
    temp = tempJournalDir();
    // A bound of three small segments, models never saved: the bound deletes stored segments anyway.
    const journal = openJournal({ maxBytes: 3 * 1024, segmentBytes: 1024 });
    const live = chain(journal);
    for (let i = 1; i <= 60; i++) {
      live.receive(PIR, motion(i), T0 + i);
      live.ledger.written(live.pipeline.queued.splice(0), []);
    }
    expect(journal.stats.unjournaled).toBe(0);
    journal.close();
    kill(openJournal());

    const { pipeline, sink, gateway } = chain(openJournal());
    const report = await sink.replay(gateway.replay);
    expect(report.modelGap).toBeGreaterThan(0);
    expect(report.messages + report.modelGap).toBe(60);
    expect(report.stored).toBe(0);
    expect(pipeline.detected.map((e) => e.eventTime - T0)).toEqual(
      Array.from({ length: report.messages }, (_, i) => report.modelGap + 1 + i),
    );
  });
});
