/**
 * The alert lifecycle on the care worker's screen: an alert nobody acknowledges escalates
 * (sound again, sent to every carer) in front of them, and a note added on the card stays.
 */
import mqtt from 'mqtt';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alert } from '../../service/contract.js';
import { addHelpButton } from '../helpers/alert-fixtures.js';
import { createStaff, createTeam, login } from '../helpers/auth.js';
import { buildDashboard, launchBrowser, rememberSession, skipBrowserTests } from '../helpers/browser.js';
import { startTestVaka, type TestVaka } from '../helpers/test-vaka.js';

describe.skipIf(skipBrowserTests)('alert lifecycle in a browser', () => {
  let t: TestVaka;
  let browser: Browser;
  let page: Page;
  let address: string;

  beforeAll(async () => {
    const dashboardDir = await buildDashboard();
    // A ladder in seconds instead of minutes, so the test sees it climb.
    t = await startTestVaka(
      {
        ESCALATION_POLICY: JSON.stringify({ critical: [{ afterS: 1, actions: ['renotify', 'widen'] }] }),
        ESCALATION_CHECK_S: '0.2',
      },
      { dashboardDir },
    );
    const resident = await t.vaka.residents.create({ name: 'Sven Holm', rooms: [{ name: 'Hall', kind: 'hall' }] });
    address = await addHelpButton(t.vaka, resident, 'sven');
    browser = await launchBrowser();
    page = await browser.newPage({ locale: 'en-GB', viewport: { width: 1024, height: 768 } });
    const eva = await createStaff(t.vaka.app, t.api, 'carer', null, 'eva-nurse', 'Eva Nurse');
    // A carer sees only her team's residents: Sven is in no team until he is put in hers.
    const team = await createTeam(t.api, 'Nattpatrullen');
    await t.api('PATCH', `/users/${eva.user.id}`, { teamId: team.id });
    await t.vaka.residents.setTeam(resident.id, team.id);
    const signedIn = await login(t.vaka.app, 'eva-nurse', eva.password);
    await rememberSession(page, signedIn);
    await page.goto(`http://127.0.0.1:${t.vaka.httpPort}/`);
    await page.getByText('No open alerts.').waitFor({ timeout: 10_000 });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('shows an unacknowledged alert escalating to every carer on duty', async () => {
    const client = await mqtt.connectAsync(t.broker.url);
    await client.publishAsync(`${t.broker.z2mBase}/${address}`, '{"action":"emergency"}', { qos: 1 });
    await client.endAsync();
    const card = page.locator('article.alert-card').filter({ hasText: 'Sven Holm' });
    await card.getByText('Sent to all carers on duty').waitFor({ timeout: 5000 });
    await expect(card.textContent()).resolves.toMatch(/Escalated once, last .*not acknowledged in time/);
    await page.screenshot({ path: `${process.env.SCREENSHOT_DIR ?? '/tmp'}/vaka-alert-escalated.png` });
  });

  it('adds a note on the card, stored with the alert', async () => {
    const card = page.locator('article.alert-card').filter({ hasText: 'Sven Holm' });
    await card.getByRole('button', { name: 'Add note' }).click();
    await card.getByLabel('Note', { exact: true }).fill('Called his son, he is on the way');
    await card.getByRole('button', { name: 'Save note' }).click();
    await card.getByText('Called his son, he is on the way').waitFor({ timeout: 5000 });
    const [stored] = (await t.api('GET', '/alerts')).json<Alert[]>();
    expect(stored?.notes).toMatchObject([{ by: 'Eva Nurse', text: 'Called his son, he is on the way' }]);
    expect(stored).toMatchObject({ escalationLevel: 1, audience: 'everyone', status: 'open' });
  });
});
