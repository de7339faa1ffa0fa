import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { strings } from '../../dashboard/src/i18n.js';
import type { Health, StreamFrame } from '../../service/contract.js';
import { testEnv } from '../helpers/env.js';
import { type OwnServices, startOwnServices } from '../helpers/fault-kit.js';

/** The promise: a technical alert within a minute of the fault. */
const PROMISE_MS = 60_000;

type SystemFrame = Extract<StreamFrame, { type: 'system' }>;
const isSystem = (f: StreamFrame): f is SystemFrame => f.type === 'system';

describe.skipIf(testEnv.databaseUrl === undefined)('supervision: the broker is unreachable', () => {
  let rig: OwnServices;
  beforeAll(async () => {
    rig = await startOwnServices();
  }, 60_000);
  afterAll(() => rig?.close());

  const health = async () => (await (await fetch(`${rig.api}/health`)).json()) as Health;

  it('tells every dashboard and health within 60 s, and gives the all-clear when it is back', async () => {
    const { broker, stream } = rig;
    expect((await health()).problems).toEqual([]);
    const stoppedAt = Date.now();
    await broker.stop();

    const problem = (await stream.waitFor(
      (f) => isSystem(f) && f.problems.some((p) => p.kind === 'broker_unreachable'),
      PROMISE_MS,
    )) as SystemFrame;
    const noticedMs = Date.now() - stoppedAt;
    expect(noticedMs).toBeLessThan(PROMISE_MS);
    // What the dashboard puts at the top of every page for this frame.
    expect(strings.en.system.kind[problem.problems[0]?.kind ?? 'database_unreachable']).toBe(
      'Sensor messages are not arriving',
    );
    const during = await health();
    expect(during.broker.connected).toBe(false);
    expect(during.status).toBe('degraded');
    expect(during.problems.map((p) => p.kind)).toEqual(['broker_unreachable']);

    const restartedAt = Date.now();
    const before = stream.frames.length;
    await broker.start();
    const clear = await stream.waitFor(
      (f) => isSystem(f) && f.problems.length === 0 && stream.frames.indexOf(f) >= before,
      PROMISE_MS,
    );
    expect(clear).toMatchObject({ type: 'system', problems: [] });
    const clearedMs = Date.now() - restartedAt;
    const after = await health();
    expect(after).toMatchObject({ status: 'ok', problems: [], broker: { connected: true } });
    console.info(`broker down: noticed after ${noticedMs} ms; all-clear ${clearedMs} ms after it was back`);
  }, 150_000);
});
