/**
 * Supervision from outside: Vaka publishes its own retained online state, and the broker
 * publishes offline (Vaka's last will) when the process dies without a goodbye.
 */
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testVakaEnv } from '../helpers/test-vaka.js';
import { startVakaProcess, type VakaProcess } from '../helpers/vaka-process.js';

let setup: Awaited<ReturnType<typeof testVakaEnv>>;
let vaka: VakaProcess;
beforeAll(async () => {
  setup = await testVakaEnv();
  vaka = await startVakaProcess(setup.env);
}, 60_000);
afterAll(async () => {
  await vaka?.stop();
  await setup?.cleanup();
});

describe('Vaka’s own state on the broker', () => {
  it('is online while it runs and offline, from its last will, within seconds of a SIGKILL', async () => {
    const monitor = await mqtt.connectAsync(setup.broker.url);
    const seen: { state: string; at: number }[] = [];
    monitor.on('message', (_topic, payload) => seen.push({ state: String(payload), at: Date.now() }));
    await monitor.subscribeAsync(`${setup.broker.prefix}/status`, { qos: 1 });
    const waitFor = async (state: string) => {
      const end = Date.now() + 10_000;
      while (!seen.some((s) => s.state === state)) {
        if (Date.now() > end) throw new Error(`no ${state} state; saw ${JSON.stringify(seen)}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    await waitFor('{"state":"online"}');
    const killedAt = Date.now();
    await vaka.stop('SIGKILL');
    await waitFor('{"state":"offline"}');
    const offline = seen.find((s) => s.state === '{"state":"offline"}');
    expect((offline?.at ?? Infinity) - killedAt).toBeLessThan(5000);
    await monitor.endAsync();
  });
});
