/**
 * `npm run demo`: a newcomer opening the dashboard sees residents' live status and an alert
 * within a minute.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alert, Resident } from '../../service/contract.js';
import { testVakaEnv } from '../helpers/test-vaka.js';
import { startVakaProcess, type VakaProcess } from '../helpers/vaka-process.js';

let demo: VakaProcess;
let setup: Awaited<ReturnType<typeof testVakaEnv>>;
let started: number;

beforeAll(async () => {
  setup = await testVakaEnv();
  // The demo runs its own simulated homes with the standard topics, on an embedded broker.
  const { MQTT_URL: _external, VAKA_TOPIC_PREFIX: _p, Z2M_BASE_TOPIC: _z, ...env } = setup.env;
  started = Date.now();
  demo = await startVakaProcess({ ...env, MQTT_PORT: '0' }, 'simulator/demo.ts');
}, 60_000);
afterAll(async () => {
  await demo?.stop();
  await setup?.cleanup();
});

const api = (path: string) => fetch(`http://127.0.0.1:${demo.port}/api/v1${path}`).then((r) => r.json());

describe('npm run demo', () => {
  it('shows simulated residents with live activity and raises an alert within a minute', async () => {
    let alerts: Alert[] = [];
    let residents: Resident[] = [];
    while (Date.now() - started < 60_000) {
      residents = (await api('/residents')) as Resident[];
      alerts = (await api('/alerts?status=open')) as Alert[];
      if (alerts.length > 0 && residents.some((r) => r.lastActivityAt !== null)) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(residents.length).toBeGreaterThanOrEqual(3);
    expect(residents.some((r) => r.lastActivityAt !== null)).toBe(true);
    expect(alerts[0]).toMatchObject({ severity: 'critical' });
    expect(Date.now() - started).toBeLessThan(60_000);
  }, 70_000);
});
