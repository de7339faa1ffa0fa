/** Supervision: problems with Vaka itself become technical alerts once they last, and clear when they end. */
import { describe, expect, it } from 'vitest';
import type { StreamFrame } from '../../service/contract.js';
import { StreamHub } from '../../service/stream/hub.js';
import { Supervisor } from '../../service/supervision.js';
import { testLogger } from '../helpers/silent-logger.js';

function setup() {
  const state = { broker: true, database: true, writesFailing: false };
  let clock = Date.parse('2026-11-25T03:00:00Z');
  const frames: StreamFrame[] = [];
  const hub = new StreamHub();
  hub.add({
    send: async (f) => {
      frames.push(f);
      return true;
    },
  });
  const supervisor = new Supervisor(
    {
      brokerConnected: () => state.broker,
      databaseReachable: async () => state.database,
      writesFailing: () => state.writesFailing,
    },
    hub,
    () => clock,
    testLogger,
    20_000,
  );
  return { state, frames, supervisor, advance: (ms: number) => (clock += ms) };
}

describe('supervision', () => {
  it('raises the database as unreachable once it has been so for the grace period, and repeats it while it lasts', async () => {
    const { state, frames, supervisor, advance } = setup();
    await supervisor.check();
    expect(frames).toEqual([]);
    state.database = false;
    await supervisor.check();
    advance(10_000);
    expect(await supervisor.check()).toEqual([]);
    advance(10_000);
    const problems = await supervisor.check();
    expect(problems).toMatchObject([{ kind: 'database_unreachable', since: '2026-11-25T03:00:00.000Z' }]);
    expect(frames.at(-1)).toMatchObject({ type: 'system', problems: [{ kind: 'database_unreachable' }] });
    advance(5000);
    await supervisor.check();
    expect(frames.filter((f) => f.type === 'system')).toHaveLength(2);
  });

  it('sends the all-clear once when the problem ends, and forgets a blip shorter than the grace period', async () => {
    const { state, frames, supervisor, advance } = setup();
    state.broker = false;
    await supervisor.check();
    advance(25_000);
    await supervisor.check();
    state.broker = true;
    await supervisor.check();
    await supervisor.check();
    const system = frames.filter((f) => f.type === 'system');
    expect(system.map((f) => (f.type === 'system' ? f.problems.length : -1))).toEqual([1, 0]);
    state.writesFailing = true;
    await supervisor.check();
    advance(5000);
    state.writesFailing = false;
    await supervisor.check();
    advance(30_000);
    expect(await supervisor.check()).toEqual([]);
  });

  it('counts a database check that throws as unreachable', async () => {
    const { frames, supervisor, advance } = setup();
    const throwing = new Supervisor(
      {
        brokerConnected: () => true,
        databaseReachable: () => Promise.reject(new Error('x')),
        writesFailing: () => false,
      },
      new StreamHub(),
      () => 0,
      testLogger,
      0,
    );
    expect((await throwing.check()).map((p) => p.kind)).toEqual(['database_unreachable']);
    advance(0);
    expect(frames).toEqual([]);
    expect(supervisor.problems()).toEqual([]);
  });
});
