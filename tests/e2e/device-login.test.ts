/**
 * Issue 7, in a real browser: an operator adds a native sensor on `npm start`'s embedded broker
 * and the onboarding page shows its broker login, once; that login publishes for the sensor.
 */
import { mkdir } from 'node:fs/promises';
import mqtt from 'mqtt';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Device, Resident } from '../../service/contract.js';
import { createStaff, type Staff } from '../helpers/auth.js';
import { buildDashboard, launchBrowser, rememberSession, skipBrowserTests } from '../helpers/browser.js';
import { startTestVaka, type TestVaka } from '../helpers/test-vaka.js';

describe.skipIf(skipBrowserTests)('a native sensor’s broker login on the onboarding page', () => {
  let t: TestVaka;
  let browser: Browser;
  let operator: Staff;
  let resident: Resident;

  beforeAll(async () => {
    const dashboardDir = await buildDashboard();
    t = await startTestVaka({ MQTT_URL: '', MQTT_PORT: '0' }, { dashboardDir });
    operator = await createStaff(t.vaka.app, t.api, 'operator');
    resident = (
      await t.api('POST', '/residents', { name: 'Greta Ek', rooms: [{ name: 'Kök', kind: 'kitchen' }] })
    ).json();
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('is shown once after adding the sensor, and lets it publish', async () => {
    const page = await browser.newPage({ locale: 'en-GB' });
    await rememberSession(page, operator.session);
    await page.goto(`http://127.0.0.1:${t.vaka.httpPort}/#/onboarding`);
    const form = page.locator('section', { has: page.getByRole('heading', { name: 'Add a device by its address' }) });
    await form.getByLabel('Message format').selectOption({ label: 'Vaka (native)' });
    await form.getByLabel('Address').fill('kitchen-pir-9');
    await form.getByLabel('Resident').selectOption({ label: 'Greta Ek' });
    await form.getByRole('button', { name: 'Add device' }).click();
    const card = page.getByRole('status').filter({ hasText: 'The sensor’s broker login' });
    await card.waitFor({ timeout: 10_000 });
    const shots = process.env.SCREENSHOT_DIR ?? 'test-results/screenshots';
    await mkdir(shots, { recursive: true });
    await page.screenshot({ path: `${shots}/onboarding-device-login-en.png`, fullPage: true });
    const codes = await card.locator('code').allTextContents();
    expect(codes[0]).toBe('kitchen-pir-9');
    expect(codes[2]).toBe(`${t.env.VAKA_TOPIC_PREFIX}/sensor/kitchen-pir-9`);
    const password = codes[1] ?? '';
    expect(password.length).toBeGreaterThanOrEqual(32);

    const sensor = await mqtt.connectAsync(t.vaka.mqttUrl, { username: 'kitchen-pir-9', password, reconnectPeriod: 0 });
    await sensor.publishAsync(codes[2] ?? '', JSON.stringify({ type: 'motion', motion: true }), { qos: 1 });
    await sensor.endAsync();
    const heard = async () =>
      (await t.api('GET', `/devices?residentId=${resident.id}`)).json<Device[]>().some((d) => d.lastSeenAt !== null);
    for (let i = 0; i < 100 && !(await heard()); i++) await new Promise((r) => setTimeout(r, 50));
    expect(await heard()).toBe(true);

    await page.reload();
    await page.getByRole('heading', { name: 'Add a device by its address' }).waitFor();
    expect(await page.getByText(password).count()).toBe(0); // shown once, not kept on the page
    await page.close();
  }, 60_000);
});
