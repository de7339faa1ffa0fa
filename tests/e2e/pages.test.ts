/**
 * Every dashboard page in a real browser against a real Vaka with a week of data: residents
 * at a glance, a resident's page, sensors, onboarding (create a resident, claim a device the
 * broker has heard), system health, the admins' accounts page; in English and Swedish, at
 * tablet size (accounts also phone-narrow), with screenshots
 * in test-results/screenshots/ (or SCREENSHOT_DIR). The Vaka and browser clocks are set to
 * 15:40 in Stockholm today, so the charts look the same whenever the test runs.
 */
import { mkdir } from 'node:fs/promises';
import mqtt from 'mqtt';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Device, Session } from '../../service/contract.js';
import { LocalClock } from '../../service/model/local-time.js';
import { createStaff, createTeam, type Staff } from '../helpers/auth.js';
import { buildDashboard, launchBrowser, rememberSession, skipBrowserTests } from '../helpers/browser.js';
import { type DemoHomes, seedDemoHomes } from '../helpers/demo-homes.js';
import { faintTexts, sidewaysOverflow } from '../helpers/page-checks.js';
import { startTestVaka, type TestVaka } from '../helpers/test-vaka.js';

const SHOTS = process.env.SCREENSHOT_DIR ?? 'test-results/screenshots';
/** An iPad in landscape: what the care staff carry. */
const TABLET = { width: 1180, height: 820 };
/** A small phone held upright (an iPhone SE is 375 wide; some Android phones 360). */
const PHONE = { width: 360, height: 740 };

describe.skipIf(skipBrowserTests)('dashboard pages in a browser', () => {
  let t: TestVaka;
  let browser: Browser;
  let page: Page;
  let homes: DemoHomes;
  let offset: number;
  let base: string;
  let eva: Staff;
  /** An admin: the only one who may open the accounts page. */
  let anna: Staff;
  /** Every request a page made to anywhere but this Vaka: there must be none. */
  const elsewhere: string[] = [];

  const shot = (name: string, p: Page = page) => p.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });

  async function open(p: Page, hash: string): Promise<void> {
    await p.goto(`${base}/${hash}`);
  }

  /** A tablet page on the shared clock, signed in (Eva, the operator, unless told). */
  async function tablet(locale: string, session: Session = eva.session): Promise<Page> {
    const p = await browser.newPage({ locale, timezoneId: 'Europe/Stockholm', viewport: TABLET });
    await p.clock.install({ time: Date.now() + offset });
    await rememberSession(p, session);
    p.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(`${base}/`) && !url.startsWith('data:')) elsewhere.push(url);
    });
    return p;
  }

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    const clock = new LocalClock('Europe/Stockholm');
    offset = clock.toEpoch(clock.at(Date.now()).day, 15 * 60 + 40) - Date.now();
    const dashboardDir = await buildDashboard();
    t = await startTestVaka({ VAKA_TIME_ZONE: 'Europe/Stockholm' }, { dashboardDir, now: () => Date.now() + offset });
    homes = await seedDemoHomes(t.vaka, Date.now() + offset, t.broker.z2mBase);
    // An operator: sees every home and may onboard (the onboarding page is part of this tour).
    eva = await createStaff(t.vaka.app, t.api, 'operator', null, 'eva', 'Eva Nilsson');
    anna = await createStaff(t.vaka.app, t.api, 'admin', null, 'anna', 'Anna Berg');
    const client = await mqtt.connectAsync(t.broker.url);
    await client.publishAsync(homes.unclaimedTopic, '{"occupancy":true,"battery":100,"linkquality":156}', { qos: 1 });
    await client.publishAsync(`${t.broker.z2mBase}/somebody/plug`, '{"power": 12', { qos: 1 });
    await client.endAsync();
    base = `http://127.0.0.1:${t.vaka.httpPort}`;
    browser = await launchBrowser();
    page = await tablet('en-GB');
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('shows residents at a glance: open alerts first, at home, out or asleep, last activity and room', async () => {
    await open(page, '#/residents');
    const tiles = page.locator('.resident-tile');
    await tiles.first().waitFor({ timeout: 10_000 });
    await page
      .getByText('Not known yet')
      .first()
      .waitFor({ state: 'detached', timeout: 5000 })
      .catch(() => {});
    // Astrid (a long bathroom stay) and Maj-Britt (a help call) have open alerts: they come first.
    await expect(tiles.first().textContent()).resolves.toContain('Astrid Lindqvist');
    await expect(tiles.first().textContent()).resolves.toContain('1 open alert');
    await expect(tiles.nth(1).textContent()).resolves.toContain('Maj-Britt Holm');
    const gunnar = tiles.filter({ hasText: 'Gunnar Ek' });
    await gunnar.locator('.presence', { hasText: 'Out' }).waitFor({ timeout: 5000 });
    const astrid = tiles.filter({ hasText: 'Astrid Lindqvist' });
    await astrid.locator('.presence', { hasText: 'At home' }).waitFor();
    await expect(astrid.textContent()).resolves.toMatch(/Last activity.*(just now|min ago)/);
    await expect(page.locator('.nav-link.is-current').textContent()).resolves.toContain('Residents');
    await shot('residents-en');
  });

  it('opens a resident’s page with today and the week by room and hour, the routine and the alert history', async () => {
    await page.locator('.resident-tile').filter({ hasText: 'Astrid Lindqvist' }).click();
    await page.waitForURL(`**/#/residents/${homes.astrid.id}`);
    await page.getByRole('heading', { name: 'Astrid Lindqvist' }).waitFor();
    await page.locator('svg.activity-chart').nth(6).waitFor({ timeout: 10_000 });
    expect(await page.locator('svg.activity-chart').count()).toBe(7);
    // Today's chart has a row per room and an hour cell with activity in the kitchen at 07:00.
    const today = page.locator('svg.activity-chart').first();
    expect(await today.locator('text.chart-room').allTextContents()).toEqual([
      'Sovrum',
      'Badrum',
      'Kök',
      'Vardagsrum',
      'Hall',
    ]);
    expect(await today.locator('rect.chart-cell:not(.level-0)').count()).toBeGreaterThan(8);
    const routine = page.locator('.routine-table');
    await expect(routine.textContent()).resolves.toContain('Gets up');
    await expect(page.getByText(/Learned from|Still learning/).textContent()).resolves.toMatch(/7 days/);
    const history = page.locator('section', { has: page.getByRole('heading', { name: 'Alert history' }) });
    await history.getByText('False alarm').waitFor();
    await history.getByText('Confirmed — it happened').waitFor();
    await expect(history.textContent()).resolves.toContain('Eva Nilsson, after 2 min');
    // Staff mark the resident as in hospital: it is shown with who set it, and can be ended.
    const context = page.locator('section.resident-context');
    await context.getByLabel('In hospital').check();
    await context.getByLabel('Note (optional)').fill('Hip, Sahlgrenska');
    await context.getByRole('button', { name: 'Save' }).click();
    await context.getByText(/In hospital until/).waitFor({ timeout: 5000 });
    await expect(context.textContent()).resolves.toContain('set by Eva Nilsson');
    await shot('resident-en');
    await context.getByRole('button', { name: 'End now' }).click();
    await context.getByLabel('Away', { exact: true }).waitFor({ timeout: 5000 });
    // A dark screen at night does not light up a bedroom: the same page in the dark theme.
    await page.emulateMedia({ colorScheme: 'dark' });
    await shot('resident-dark-en');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('lists sensors with the silent ones first, with battery and signal', async () => {
    await page.getByRole('link', { name: 'Sensors' }).click();
    const rows = page.locator('.sensor-table tbody tr');
    await rows.first().waitFor({ timeout: 10_000 });
    await expect(rows.first().textContent()).resolves.toContain('Silent');
    await expect(rows.first().textContent()).resolves.toContain('Sven Berg');
    await expect(rows.nth(1).textContent()).resolves.toContain('Battery low');
    await expect(page.locator('.page-summary').textContent()).resolves.toMatch(/2 sensors need attention/);
    await shot('sensors-en');
  });

  it('lets an operator add a resident with rooms and claim a device the broker has heard', async () => {
    await page.getByRole('link', { name: 'Set up' }).click();
    const unclaimed = page.locator('.unclaimed').filter({ hasText: '0x00158d0009a1b2c3' });
    await unclaimed.waitFor({ timeout: 15_000 });
    await expect(unclaimed.textContent()).resolves.toContain('occupancy');
    await shot('onboarding-en');

    await page.getByLabel('Name', { exact: true }).fill('Ingrid Sjöberg');
    await page.getByRole('button', { name: 'Add resident' }).click();
    await page.getByText('Ingrid Sjöberg was added.').waitFor({ timeout: 5000 });

    await unclaimed.getByRole('button', { name: 'Claim 0x00158d0009a1b2c3' }).click();
    const form = page.getByRole('form', { name: 'Claim 0x00158d0009a1b2c3' });
    await form.getByLabel('Resident').selectOption({ label: 'Ingrid Sjöberg' });
    await form.getByLabel('Room').selectOption({ label: 'Hall' });
    // Guessed from the signals the sensor sent.
    await expect(form.getByLabel('Kind of sensor').inputValue()).resolves.toBe('motion');
    await shot('onboarding-claim-en');
    await form.getByRole('button', { name: 'Claim device' }).click();
    await page.getByText('0x00158d0009a1b2c3 now belongs to Ingrid Sjöberg.').waitFor({ timeout: 5000 });
    const devices = (await t.api('GET', '/devices')).json<Device[]>();
    expect(devices.find((d) => d.address === '0x00158d0009a1b2c3')).toMatchObject({ kind: 'motion' });
  });

  it('shows pipeline health: broker, database, gateway, event rate, dead letters, delivery and acknowledgement times', async () => {
    await page.getByRole('link', { name: 'System' }).click();
    await page.getByRole('heading', { name: 'System health' }).waitFor();
    await page.getByText('Everything is working').waitFor({ timeout: 10_000 });
    const times = page.locator('section', { has: page.getByRole('heading', { name: 'Alerts reaching people' }) });
    await times.getByText('Detected → acknowledged').waitFor();
    await page.getByRole('radio', { name: 'Last 7 days' }).check();
    // Three alerts acknowledged after 95 s, 140 s and 210 s (demo-homes.ts): the median is 140 s.
    await times.getByText('2 min').first().waitFor({ timeout: 5000 });
    await page.getByText('Not valid JSON').first().waitFor({ timeout: 10_000 });
    await shot('system-en');
  });

  it('shows an admin the accounts page inside the app: accounts, teams with their residents and carers, the audit log by name', async () => {
    // Two care teams with residents and carers; a carer of one reaches for the other's resident.
    const norr = await createTeam(t.api, 'Hemtjänst Norr');
    const syd = await createTeam(t.api, 'Hemtjänst Syd');
    for (const [r, team] of [
      [homes.astrid, norr],
      [homes.gunnar, norr],
      [homes.majBritt, syd],
    ] as const) {
      expect((await t.api('PUT', `/residents/${r.id}/team`, { teamId: team.id })).statusCode).toBe(200);
    }
    await createStaff(t.vaka.app, t.api, 'carer', norr.id, 'karin', 'Karin Lund');
    const olle = await createStaff(t.vaka.app, t.api, 'carer', syd.id, 'olle', 'Olle Syd');
    expect((await olle.api('GET', `/residents/${homes.astrid.id}`)).statusCode).toBe(404);

    const k = await tablet('en-GB', anna.session);
    await open(k, '#/accounts');
    await k.getByRole('heading', { name: 'Accounts and teams', level: 2 }).waitFor({ timeout: 10_000 });
    // The same shell as every page: brand, health line, navigation with the page marked, language switch.
    await expect(k.locator('.nav-link.is-current').textContent()).resolves.toBe('Accounts');
    await k.getByRole('heading', { name: 'Vaka', level: 1 }).waitFor();
    await k.getByRole('button', { name: 'Svenska' }).waitFor();
    await expect(k.locator('.page-summary').textContent()).resolves.toMatch(/^\d+ accounts · 2 teams$/);

    const accounts = k.locator('section.card', { has: k.getByRole('heading', { name: 'Staff accounts' }) });
    await accounts.getByRole('rowheader', { name: 'Karin Lund' }).waitFor();
    await expect(accounts.getByLabel('Team: karin').inputValue()).resolves.toBe(norr.id);
    const teams = k.locator('section.card', { has: k.getByRole('heading', { name: 'Teams' }) });
    // The counts wait for the residents ("…" until then).
    const counts = (name: string, text: string) =>
      teams.getByRole('listitem').filter({ hasText: name }).getByText(text, { exact: true }).waitFor();
    await counts('Hemtjänst Norr', '2 residents · 1 carer');
    await counts('Hemtjänst Syd', '1 resident · 1 carer');
    // Sven, and Ingrid added on the set-up page, have no team: no carer sees them.
    await counts('Without a team', '2 residents · 0 carers');

    // The audit log says what each entry acted on, by name.
    const log = k.locator('section.card', { has: k.getByRole('heading', { name: 'Audit log (latest 50)' }) });
    const row = (action: string, what: string) =>
      log
        .getByRole('row')
        .filter({ has: k.getByRole('cell', { name: action, exact: true }) })
        .filter({ hasText: what });
    await row('Moved a resident to another team', 'Astrid Lindqvist → Hemtjänst Norr').waitFor();
    await row('Added an account', 'Karin Lund (karin) · carer · Hemtjänst Norr').waitFor();
    await row('Opened a resident', 'Astrid Lindqvist · outside their team').waitFor();
    await expect(row('Opened a resident', 'Astrid Lindqvist').textContent()).resolves.toContain('Refused');
    await row('Claimed a sensor', '0x00158d0009a1b2c3 → Ingrid Sjöberg').waitFor();
    await row('Set away, hospital or visitor', 'Astrid Lindqvist · In hospital').waitFor();

    await expect(sidewaysOverflow(k)).resolves.toEqual([]);
    await expect(faintTexts(k, 'body')).resolves.toEqual([]);
    // Without motion: a button's colour change is animated (120 ms), which a check mid-way would catch.
    await k.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
    await expect(faintTexts(k, 'body')).resolves.toEqual([]);
    await k.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
    await shot('accounts-en', k);
    await k.close();
  });

  it('works the accounts page with the keyboard alone, and fits a phone without sideways scrolling', async () => {
    const k = await tablet('en-GB', anna.session);
    await open(k, '#/');
    await k.locator('.nav-bar').waitFor();
    const focused = () => k.evaluate(() => document.activeElement?.getAttribute('href') ?? document.activeElement?.id);
    const tabTo = async (target: string, limit: number) => {
      for (let tabs = 0; (await focused()) !== target; tabs++) {
        if (tabs > limit) throw new Error(`${target} cannot be reached with Tab`);
        await k.keyboard.press('Tab');
      }
    };
    await tabTo('#/accounts', 20);
    await k.keyboard.press('Enter');
    await k.getByRole('heading', { name: 'Accounts and teams', level: 2 }).waitFor({ timeout: 5000 });
    await k.waitForFunction(() => document.activeElement?.id === 'main', undefined, { timeout: 5000 });
    // Past every account's pickers and the new-account form to the team form, then Enter submits it.
    await tabTo('new-team-name', 80);
    await k.keyboard.type('Kvällspatrullen');
    await k.keyboard.press('Enter');
    await k.getByText('Kvällspatrullen was added.').waitFor({ timeout: 5000 });
    const added = k.getByRole('listitem').filter({ hasText: 'Kvällspatrullen' });
    await added.getByText('0 residents · 0 carers', { exact: true }).waitFor();
    // Every control has a name a screen reader can say.
    const unnamed = await k.evaluate(() =>
      [...document.querySelectorAll('#main select, #main input, #main button')]
        .filter((el) => {
          const labelled = (el as HTMLInputElement).labels?.length ?? 0;
          return labelled === 0 && !el.getAttribute('aria-label') && (el.textContent ?? '').trim() === '';
        })
        .map((el) => el.outerHTML.slice(0, 80)),
    );
    expect(unnamed).toEqual([]);

    await k.setViewportSize(PHONE);
    await k.getByRole('heading', { name: 'Accounts and teams', level: 2 }).waitFor();
    await expect(sidewaysOverflow(k)).resolves.toEqual([]);
    // The account table is wider than a phone: it scrolls inside its card instead.
    const table = k.locator('.account-table').locator('xpath=..');
    await expect(table.evaluate((el) => el.scrollWidth > el.clientWidth)).resolves.toBe(true);
    await k.screenshot({ path: `${SHOTS}/accounts-phone-en.png`, fullPage: true });
    await k.close();
  });

  it('refuses the accounts page to an operator who types its address, and offers no tab for it', async () => {
    const k = await tablet('en-GB');
    await open(k, '#/accounts');
    await k.getByText('This page is for administrators.', { exact: false }).waitFor({ timeout: 10_000 });
    await expect(k.getByRole('link', { name: 'Accounts' }).count()).resolves.toBe(0);
    await expect(k.getByRole('heading', { name: 'Accounts and teams' }).count()).resolves.toBe(0);
    await k.getByRole('link', { name: 'Go to the alerts' }).waitFor();
    await k.close();
  });

  it('moves between pages with the keyboard alone', async () => {
    const k = await tablet('en-GB');
    await open(k, '#/');
    await k.locator('.nav-bar').waitFor();
    const focusedHref = () => k.evaluate(() => document.activeElement?.getAttribute('href') ?? null);
    let tabs = 0;
    while ((await focusedHref()) !== '#/residents') {
      if (++tabs > 15) throw new Error('the residents link cannot be reached with Tab');
      await k.keyboard.press('Tab');
    }
    await k.keyboard.press('Enter');
    await k.getByRole('heading', { name: 'Residents', level: 2 }).waitFor({ timeout: 5000 });
    // The new page takes the focus, so the next Tab goes into its content.
    await k.waitForFunction(() => document.activeElement?.id === 'main', undefined, { timeout: 5000 });
    await k.close();
  });

  it('switches language from the navigation bar and remembers the choice on this tablet', async () => {
    const k = await tablet('en-GB');
    await open(k, '#/residents');
    await k.getByRole('heading', { name: 'Residents', level: 2 }).waitFor({ timeout: 10_000 });
    await k.getByRole('button', { name: 'Svenska' }).click();
    await k.getByRole('heading', { name: 'Brukare', level: 2 }).waitFor({ timeout: 5000 });
    await expect(k.evaluate(() => document.documentElement.lang)).resolves.toBe('sv');
    await k.reload();
    await k.getByRole('heading', { name: 'Brukare', level: 2 }).waitFor({ timeout: 10_000 });
    await k.close();
  });

  it('speaks Swedish to Swedish staff on every page', async () => {
    const sv = await tablet('sv-SE');
    page = sv;
    await open(sv, '#/residents');
    await sv.getByRole('heading', { name: 'Brukare' }).waitFor({ timeout: 10_000 });
    await sv.locator('.presence', { hasText: 'Ute' }).first().waitFor({ timeout: 5000 });
    await shot('residents-sv');
    await open(sv, `#/residents/${homes.astrid.id}`);
    await sv.getByRole('heading', { name: 'Larmhistorik' }).waitFor();
    await sv.locator('svg.activity-chart').nth(6).waitFor({ timeout: 10_000 });
    await sv.getByRole('cell', { name: 'Falsklarm' }).waitFor();
    await shot('resident-sv');
    await open(sv, '#/sensors');
    await sv.locator('.condition', { hasText: 'Tyst' }).first().waitFor({ timeout: 10_000 });
    await shot('sensors-sv');
    await open(sv, '#/onboarding');
    await sv.getByRole('heading', { name: 'Ny brukare' }).waitFor();
    await shot('onboarding-sv');
    await open(sv, '#/health');
    await sv.getByRole('heading', { name: 'Systemstatus' }).waitFor();
    await sv.getByText('Larm som når personalen').waitFor({ timeout: 10_000 });
    await shot('system-sv');
    const admin = await tablet('sv-SE', anna.session);
    await open(admin, '#/accounts');
    await admin.getByRole('heading', { name: 'Konton och team', level: 2 }).waitFor({ timeout: 10_000 });
    await expect(admin.locator('.nav-link.is-current').textContent()).resolves.toBe('Konton');
    const norr = admin.getByRole('listitem').filter({ hasText: 'Hemtjänst Norr' });
    await norr.getByText('2 brukare · 1 vårdare', { exact: true }).waitFor();
    await admin
      .getByRole('row')
      .filter({ hasText: 'Flyttade en brukare till ett annat team' })
      .filter({ hasText: 'Astrid Lindqvist → Hemtjänst Norr' })
      .waitFor();
    await admin.getByRole('row').filter({ hasText: 'Astrid Lindqvist · utanför eget team' }).waitFor();
    await shot('accounts-sv', admin);
    await admin.close();
    await open(sv, '#/');
    await sv.locator('article.alert-card').first().waitFor({ timeout: 10_000 });
    // The explanation in Swedish, against the person's own usual stay (demo-homes.ts).
    const bath = sv.locator('article.alert-card').filter({ hasText: 'Astrid Lindqvist' });
    await expect(bath.locator('.alert-reason').textContent()).resolves.toBe(
      'I badrummet i 48 min; brukar vara 5–15 min på eftermiddagen, enligt 21 dagar. Det är 3,2 gånger så länge som vanligt.',
    );
    await expect(bath.locator('.alert-reason').getAttribute('lang')).resolves.toBeNull();
    const help = sv.locator('article.alert-card').filter({ hasText: 'Maj-Britt Holm' });
    await expect(help.locator('.alert-reason').textContent()).resolves.toBe(
      'Larmknappen i Hall (Larmknapp) har tryckts in.',
    );
    await shot('alerts-sv');
    // In English: the same explanation, and the clock in 24-hour form (care staff in Sweden).
    page = await tablet('en-GB');
    await open(page, '#/');
    const bathEn = page.locator('article.alert-card').filter({ hasText: 'Astrid Lindqvist' });
    await expect(bathEn.locator('.alert-reason').textContent()).resolves.toBe(
      'In the bathroom for 48 min; usually 5–15 min in the afternoon, from 21 days. This is 3.2× the usual longest.',
    );
    await expect(bathEn.locator('.alert-facts').textContent()).resolves.toMatch(/· 15:34$/);
    await shot('alerts-en');
  });

  it('fetched nothing from the internet on any page', () => {
    expect(elsewhere).toEqual([]);
  });
});
