import { describe, expect, it } from 'vitest';
import type { SensorEvent } from '../../gateway/contract.js';
import type { AlertService } from '../../service/alerts/alert-service.js';
import type { Engine } from '../../service/engine.js';
import { Pipeline, type PipelineStores } from '../../service/pipeline.js';
import type { StreamHub } from '../../service/stream/hub.js';
import { testLogger } from '../helpers/silent-logger.js';

/** Stores that record what was written, with writes that finish when the test lets them. */
function fakeStores() {
  const written: SensorEvent[] = [];
  let gate: Promise<void> = Promise.resolve();
  let open = () => {};
  const stores = {
    db: { transaction: async (work: (tx: unknown) => Promise<unknown>) => work({}) },
    events: {
      insertMany: async (events: SensorEvent[]) => {
        await gate;
        written.push(...events);
        return events.length;
      },
    },
    devices: { recordStatus: async () => {} },
    residents: { touchActivity: async () => {} },
    deadLetters: { insertMany: async () => {} },
    unclaimed: { record: async () => {} },
  } as unknown as PipelineStores;
  return {
    stores,
    written,
    /** Writes wait until `release` is called. */
    hold() {
      gate = new Promise<void>((resolve) => {
        open = resolve;
      });
    },
    release: () => open(),
  };
}

const engine = { onEvent: () => [] } as unknown as Engine;
const alerts = { apply: async () => {} } as unknown as AlertService;
const hub = { broadcast: async () => 0 } as unknown as StreamHub;

function event(i: number): SensorEvent {
  return {
    deviceId: `d${i}`,
    residentId: 'r1',
    roomId: null,
    sensorKind: 'motion',
    type: 'heartbeat',
    value: null,
    eventTime: 1_700_000_000_000 + i,
    receivedAt: 1_700_000_000_000 + i,
  } as SensorEvent;
}

describe('Pipeline backpressure', () => {
  it('asks the gateway to hold back past highWater events waiting, and lets go once a write brings them under', async () => {
    const fake = fakeStores();
    const pipeline = new Pipeline(
      { batchSize: 10, flushMs: 1, maxPending: 1000, highWater: 5 },
      fake.stores,
      engine,
      alerts,
      hub,
      testLogger,
    );
    fake.hold();
    // The first batch is taken off the queue at once and its write waits on the database.
    pipeline.events([...Array(10).keys()].map(event));
    expect(pipeline.backpressure()).toBeUndefined();
    pipeline.events([...Array(10).keys()].map((i) => event(10 + i)));
    const held = pipeline.backpressure();
    expect(held).toBeInstanceOf(Promise);
    let released = false;
    void held?.then(() => {
      released = true;
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(released).toBe(false);
    fake.release();
    await pipeline.flush();
    await new Promise((r) => setTimeout(r, 0));
    expect(released).toBe(true);
    expect(fake.written).toHaveLength(20);
    await pipeline.stop();
    expect(pipeline.counters.dropped).toBe(0);
  });

  it('holds back at a tenth of maxPending when no highWater is given', () => {
    const fake = fakeStores();
    fake.hold();
    const pipeline = new Pipeline(
      { batchSize: 1000, flushMs: 1000, maxPending: 100 },
      fake.stores,
      engine,
      alerts,
      hub,
      testLogger,
    );
    pipeline.events([...Array(9).keys()].map(event));
    expect(pipeline.backpressure()).toBeUndefined();
    pipeline.events([event(9)]);
    expect(pipeline.backpressure()).toBeInstanceOf(Promise);
    fake.release();
    return pipeline.stop();
  });
});
