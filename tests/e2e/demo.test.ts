/**
 * `npm run demo`: a newcomer opening the dashboard signs in with the one-time password
 * printed at first start, and sees residents' live status and an alert within a minute.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alert, Resident } from '../../service/contract.js';
import { newPassword } from '../helpers/auth.js';
import { testVakaEnv } from '../helpers/test-vaka.js';
import { startVakaProcess, type VakaProcess } from '../helpers/vaka-process.js';

let demo: VakaProcess;
let setup: Awaited<ReturnType<typeof testVakaEnv>>;
let started: number;

beforeAll(async () => {
  setup = await testVakaEnv();
  // The demo runs its own simulated homes with the standard topics, on an embedded broker.
  // No VAKA_ADMIN_*: as on a fresh machine, Vaka prints a one-time password for `admin`.
  const {
    MQTT_URL: _external,
    VAKA_TOPIC_PREFIX: _p,
    Z2M_BASE_TOPIC: _z,
    VAKA_ADMIN_USER: _u,
    VAKA_ADMIN_PASSWORD: _pw,
    ...env
  } = setup.env;
  started = Date.now();
  demo = await startVakaProcess({ ...env, MQTT_PORT: '0' }, 'simulator/demo.ts');
}, 60_000);
afterAll(async () => {
  await demo?.stop();
  await setup?.cleanup();
});

let token = '';
const call = (path: string, body?: unknown) =>
  fetch(`http://127.0.0.1:${demo.port}/api/v1${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
const api = (path: string) => call(path).then((r) => r.json());

describe('npm run demo', () => {
  it('prints a one-time admin password once, which signs in and must be changed first', async () => {
    let printed: RegExpExecArray | null = null;
    for (let i = 0; i < 100 && printed === null; i++) {
      printed = /sign in at .* as "admin" with the one-time password\s+(\S+)/.exec(demo.output());
      if (printed === null) await new Promise((r) => setTimeout(r, 100));
    }
    const oneTime = printed?.[1] ?? '';
    expect(oneTime).toMatch(/^[A-Za-z0-9]{20}$/);
    const login = await call('/auth/login', { username: 'admin', password: oneTime });
    expect(login.status).toBe(200);
    token = ((await login.json()) as { token: string }).token;
    expect((await call('/residents')).status).toBe(403);
    const changed = await call('/auth/password', { currentPassword: oneTime, newPassword: newPassword() });
    expect(changed.status).toBe(204);
    expect((await call('/residents')).status).toBe(200);
  });

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
