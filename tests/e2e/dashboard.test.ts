/**
 * The care worker's screen in a real browser: an alert published as a Zigbee2MQTT message
 * appears on the dashboard, and can be acknowledged and resolved there; a lost connection
 * is shown.
 */
import mqtt from 'mqtt';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDashboard, launchBrowser, skipBrowserTests } from '../helpers/browser.js';
import { startTestVaka, type TestVaka } from '../helpers/test-vaka.js';

describe.skipIf(skipBrowserTests)('dashboard in a browser', () => {
  let t: TestVaka;
  let browser: Browser;
  let page: Page;
  let address: string;

  beforeAll(async () => {
    const dashboardDir = await buildDashboard();
    t = await startTestVaka({}, { dashboardDir });
    const resident = await t.vaka.residents.create({
      name: 'Gunnel Ek',
      rooms: [{ name: 'Hall', kind: 'hall' }],
    });
    address = `gunnel/${resident.id.slice(0, 8)}/sos`;
    await t.vaka.registry.register({
      format: 'z2m',
      address,
      residentId: resident.id,
      roomId: resident.rooms[0]?.id ?? null,
      kind: 'help_button',
      label: null,
    });
    browser = await launchBrowser();
    page = await browser.newPage({ locale: 'en-GB', viewport: { width: 1024, height: 768 } });
    await page.goto(`http://127.0.0.1:${t.vaka.httpPort}/`);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('shows the residents and an empty alert list once connected', async () => {
    await page.getByText('No open alerts.').waitFor({ timeout: 10_000 });
    await page.getByText('Gunnel Ek').first().waitFor();
  });

  it('puts a help-button press on the screen within a second', async () => {
    const client = await mqtt.connectAsync(t.broker.url);
    const sent = performance.now();
    await client.publishAsync(`${t.broker.z2mBase}/${address}`, '{"action":"emergency","battery":90}', { qos: 1 });
    const card = page.locator('article.alert-card').filter({ hasText: 'Gunnel Ek' });
    await card.waitFor({ timeout: 5000 });
    const ms = performance.now() - sent;
    await client.endAsync();
    expect(ms).toBeLessThan(1000);
    await expect(card.textContent()).resolves.toContain('Help requested');
    await expect(card.textContent()).resolves.toContain('Critical');
    await page.screenshot({ path: `${process.env.SCREENSHOT_DIR ?? '/tmp'}/vaka-dashboard-alert.png` });
  });

  it('acknowledges with one tap after the staff name is given, and resolves with an outcome', async () => {
    const card = page.locator('article.alert-card').filter({ hasText: 'Gunnel Ek' });
    const name = page.getByLabel('Your name');
    if (await name.isVisible()) {
      await name.fill('Eva Nurse');
      await page.getByRole('button', { name: 'Save' }).click();
    }
    await card.getByRole('button', { name: 'Acknowledge' }).click();
    await card.getByText('Acknowledged by Eva Nurse').waitFor({ timeout: 5000 });
    await card.getByRole('button', { name: 'Resolve…' }).click();
    await card.getByLabel('False alarm').check();
    await card.getByRole('button', { name: 'Resolve alert' }).click();
    await card.waitFor({ state: 'detached', timeout: 5000 });
    const [stored] = await t.vaka.app
      .inject({ method: 'GET', url: '/api/v1/alerts?status=resolved' })
      .then((r) => r.json());
    expect(stored).toMatchObject({ outcome: 'false_alarm', resolvedBy: 'Eva Nurse', acknowledgedBy: 'Eva Nurse' });
    expect(stored.deliveredAt).not.toBeNull();
  });

  it('tells the user when the connection to Vaka is lost', async () => {
    await t.vaka.app.close();
    await page.getByText('Connection lost — reconnecting…').waitFor({ timeout: 10_000 });
  });
});
