/**
 * Accounts and access through the REST API (issue 5 §1, issue 7 §4): anonymous requests,
 * forged and expired tokens, role escalation, another team's data, SQL injection, oversized
 * bodies, the sign-in rate limit, the audit log and security headers.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTE_POLICY } from '../../../service/auth/policy.js';
import type { Alert, AuditEntry, Device, Resident, Team } from '../../../service/contract.js';
import { raiseHelp } from '../../helpers/alert-fixtures.js';
import { type Api, apiAs, createStaff, createTeam, login, newPassword, type Staff } from '../../helpers/auth.js';
import { startTestVaka, type TestVaka } from '../../helpers/test-vaka.js';

let t: TestVaka;
let teamA: Team;
let teamB: Team;
let carerA: Staff;
let carerB: Staff;
let operator: Staff;
const home: Record<'a' | 'b', { resident: Resident; alert: Alert; device: Device }> = {} as never;

async function homeOf(team: Team, name: string) {
  const resident = (await t.api('POST', '/residents', { name, teamId: team.id, rooms: [] })).json<Resident>();
  const device = (
    await t.api('POST', '/devices', {
      format: 'vaka',
      address: `d-${resident.id}`,
      residentId: resident.id,
      kind: 'motion',
    })
  ).json<Device>();
  await raiseHelp(t.vaka, resident.id);
  const [alert] = (await t.api('GET', `/alerts?residentId=${resident.id}`)).json<Alert[]>();
  if (alert === undefined) throw new Error('no alert raised');
  return { resident, alert, device };
}

beforeAll(async () => {
  t = await startTestVaka();
  teamA = await createTeam(t.api, 'Team A');
  teamB = await createTeam(t.api, 'Team B');
  home.a = await homeOf(teamA, 'Astrid A');
  home.b = await homeOf(teamB, 'Bertil B');
  carerA = await createStaff(t.vaka.app, t.api, 'carer', teamA.id);
  carerB = await createStaff(t.vaka.app, t.api, 'carer', teamB.id);
  operator = await createStaff(t.vaka.app, t.api, 'operator');
}, 60_000);
afterAll(() => t.stop());

const anonymous = () => apiAs(t.vaka.app, undefined);
const concrete = (url: string) => url.replace('/api/v1', '').replaceAll(':id', randomUUID());

/** Every route of the running app, from its OpenAPI document, as `METHOD /api/v1/path/:id`. */
async function routes(): Promise<string[]> {
  const paths = (await anonymous()('GET', '/openapi.json')).json<{ paths: Record<string, object> }>().paths;
  return Object.entries(paths).flatMap(([path, ops]) =>
    Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replaceAll('{id}', ':id')}`),
  );
}

describe('anonymous access', () => {
  it('answers 401 on every route but the public ones, without a session', async () => {
    const closed = (await routes()).filter((key) => !['public', 'stream'].includes(ROUTE_POLICY[key]?.access ?? ''));
    expect(closed.length).toBeGreaterThan(25);
    for (const key of closed) {
      const [method, url] = key.split(' ') as [Parameters<Api>[0], string];
      const res = await anonymous()(method, concrete(url), method === 'GET' || method === 'DELETE' ? undefined : {});
      expect({ key, status: res.statusCode }).toEqual({ key, status: 401 });
      expect(res.json()).toMatchObject({ code: 'VAKA_ERR_UNAUTHORIZED' });
      expect(res.headers['www-authenticate']).toBe('Bearer');
    }
  });

  it('leaves health, the OpenAPI document, the API docs and sign-in open', async () => {
    expect((await anonymous()('GET', '/health')).statusCode).toBe(200);
    expect((await anonymous()('GET', '/openapi.json')).statusCode).toBe(200);
    expect((await t.vaka.app.inject({ method: 'GET', url: '/api/v1/docs/' })).statusCode).toBe(200);
    expect((await anonymous()('POST', '/auth/login', { username: 'nobody', password: 'x' })).statusCode).toBe(401);
  });

  it('has an access policy for every route in the OpenAPI document', async () => {
    expect((await routes()).filter((r) => ROUTE_POLICY[r] === undefined)).toEqual([]);
  });
});

describe('tokens', () => {
  it('refuses a forged token, a token of the wrong shape and a Basic header', async () => {
    const forged = apiAs(t.vaka.app, Buffer.from(randomUUID()).toString('base64url'));
    expect((await forged('GET', '/residents')).statusCode).toBe(401);
    // A real token with one character changed.
    const flipped = `${t.admin.token.slice(0, -1)}${t.admin.token.endsWith('A') ? 'B' : 'A'}`;
    expect((await apiAs(t.vaka.app, flipped)('GET', '/residents')).statusCode).toBe(401);
    const basic = await t.vaka.app.inject({
      method: 'GET',
      url: '/api/v1/residents',
      headers: { authorization: `Basic ${Buffer.from('admin:x').toString('base64')}` },
    });
    expect(basic.statusCode).toBe(401);
  });

  it('refuses an expired session and a signed-out one', async () => {
    const staff = await createStaff(t.vaka.app, t.api, 'carer', teamA.id);
    expect((await staff.api('GET', '/residents')).statusCode).toBe(200);
    await t.vaka.db.query(
      `UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = $1 AND revoked_at IS NULL`,
      [staff.user.id],
    );
    expect((await staff.api('GET', '/residents')).statusCode).toBe(401);

    const again = apiAs(t.vaka.app, (await login(t.vaka.app, staff.user.username, staff.password)).token);
    expect((await again('GET', '/auth/me')).json()).toMatchObject({ username: staff.user.username, role: 'carer' });
    expect((await again('POST', '/auth/logout')).statusCode).toBe(204);
    expect((await again('GET', '/auth/me')).statusCode).toBe(401);
  });

  it('stores only a hash of each token and of each password', async () => {
    const rows = await t.vaka.db.query<{ token_hash: string }>('SELECT token_hash FROM sessions');
    expect(rows.map((r) => r.token_hash)).not.toContain(t.admin.token);
    const [admin] = await t.vaka.db.query<{ password_hash: string }>(
      `SELECT password_hash FROM users WHERE username = 'admin'`,
    );
    expect(admin?.password_hash).toMatch(/^scrypt\$32768\$8\$3\$/);
    expect(admin?.password_hash).not.toContain(t.admin.password);
  });

  it('creates the first admin only while there are no accounts', async () => {
    expect(await t.vaka.auth.ensureFirstAdmin({ username: 'second', password: undefined })).toBeUndefined();
    expect((await login(t.vaka.app, t.admin.username, t.admin.password)).user).toMatchObject({
      role: 'admin',
      mustChangePassword: false,
    });
  });

  it('lets a new account do nothing but change its temporary password', async () => {
    const username = `new-${randomUUID().slice(0, 8)}`;
    const temporary = newPassword();
    await t.api('POST', '/users', { username, displayName: 'New Carer', role: 'carer', password: temporary });
    const session = await login(t.vaka.app, username, temporary);
    expect(session.user.mustChangePassword).toBe(true);
    const api = apiAs(t.vaka.app, session.token);
    expect((await api('GET', '/residents')).json()).toMatchObject({ code: 'VAKA_ERR_PASSWORD_CHANGE' });
    const same = await api('POST', '/auth/password', { currentPassword: temporary, newPassword: temporary });
    expect(same.statusCode).toBe(400);
    const wrong = await api('POST', '/auth/password', { currentPassword: 'not-it-at-all', newPassword: newPassword() });
    expect(wrong.statusCode).toBe(403);
    expect(
      (await api('POST', '/auth/password', { currentPassword: temporary, newPassword: newPassword() })).statusCode,
    ).toBe(204);
    expect((await api('GET', '/residents')).statusCode).toBe(200);
  });
});

describe('roles', () => {
  it('keeps a carer from onboarding, claiming devices, reading dead letters and managing accounts', async () => {
    const r = home.a.resident;
    const attempts: [Parameters<Api>[0], string, unknown?][] = [
      ['POST', '/residents', { name: 'Sneaky', teamId: teamA.id }],
      ['DELETE', `/residents/${r.id}`],
      ['POST', `/residents/${r.id}/rooms`, { name: 'Attic', kind: 'other' }],
      ['PUT', `/residents/${r.id}/team`, { teamId: teamB.id }],
      ['POST', '/devices', { format: 'vaka', address: 'x', residentId: r.id, kind: 'motion' }],
      ['DELETE', `/devices/${home.a.device.id}`],
      ['GET', '/unclaimed-devices'],
      ['POST', '/unclaimed-devices/claim', { format: 'vaka', address: 'x', residentId: r.id, kind: 'motion' }],
      ['GET', '/dead-letters'],
      ['GET', '/users'],
      ['POST', '/users', { username: 'evil', displayName: 'Evil', role: 'admin', password: newPassword() }],
      ['PATCH', `/users/${carerA.user.id}`, { role: 'admin' }],
      ['POST', '/teams', { name: 'Mine' }],
      ['GET', '/audit'],
    ];
    for (const [method, url, body] of attempts) {
      const res = await carerA.api(method, url, body);
      expect({ method, url, status: res.statusCode }).toEqual({ method, url, status: 403 });
    }
    expect((await t.api('GET', `/users/${carerA.user.id}`)).statusCode).toBe(404); // no such route: no backdoor
    expect((await carerA.api('GET', '/auth/me')).json()).toMatchObject({ role: 'carer' });
  });

  it('lets an operator onboard but not manage accounts or read the audit log', async () => {
    const created = await operator.api('POST', '/residents', { name: 'Onboarded', teamId: teamA.id, rooms: [] });
    expect(created.statusCode).toBe(201);
    expect((await operator.api('GET', '/unclaimed-devices')).statusCode).toBe(200);
    expect((await operator.api('GET', '/dead-letters')).statusCode).toBe(200);
    expect((await operator.api('PATCH', `/users/${operator.user.id}`, { role: 'admin' })).statusCode).toBe(403);
    expect(
      (
        await operator.api('POST', '/users', {
          username: 'x',
          displayName: 'X',
          role: 'admin',
          password: newPassword(),
        })
      ).statusCode,
    ).toBe(403);
    expect((await operator.api('GET', '/audit')).statusCode).toBe(403);
    expect((await operator.api('GET', '/auth/me')).json()).toMatchObject({ role: 'operator' });
  });

  it('ignores role, team and id smuggled into a body a route does not take them in (no mass assignment)', async () => {
    const me = await createStaff(t.vaka.app, t.api, 'carer', teamA.id);
    const password = newPassword();
    const changed = await me.api('POST', '/auth/password', {
      currentPassword: me.password,
      newPassword: password,
      role: 'admin',
      teamId: teamB.id,
      mustChangePassword: false,
    });
    expect(changed.statusCode).toBe(204);
    const session = await login(t.vaka.app, me.user.username, password);
    expect(session.user).toMatchObject({ role: 'carer', teamId: teamA.id });
    const operatorMade = await operator.api('POST', '/residents', {
      name: 'Smuggled',
      rooms: [],
      id: randomUUID(),
      teamId: teamA.id,
      role: 'admin',
    });
    expect(operatorMade.statusCode).toBe(201);
    expect((await operator.api('GET', '/auth/me')).json()).toMatchObject({ role: 'operator' });
    // A carer may not issue broker logins, which would let a device speak for any sensor.
    expect((await me.api('POST', `/devices/${home.a.device.id}/mqtt-credentials`)).statusCode).toBe(403);
  });

  it('issues no broker logins with an external broker (MQTT_URL): 409, its logins are the broker’s own', async () => {
    const res = await t.api('POST', '/mqtt/bridge-credentials');
    expect(res.statusCode).toBe(409);
    expect(res.json<{ message: string }>().message).toContain('MQTT_URL');
  });

  it('never lets the last admin be demoted or disabled, and ends a disabled account’s sessions', async () => {
    const [admin] = (await t.api('GET', '/users'))
      .json<{ id: string; username: string }[]>()
      .filter((u) => u.username === 'admin');
    const demote = await t.api('PATCH', `/users/${admin?.id}`, { role: 'operator' });
    expect(demote.statusCode).toBe(409);
    const victim = await createStaff(t.vaka.app, t.api, 'carer', teamA.id);
    expect((await t.api('PATCH', `/users/${victim.user.id}`, { disabled: true })).statusCode).toBe(200);
    expect((await victim.api('GET', '/residents')).statusCode).toBe(401);
    expect(
      (
        await apiAs(t.vaka.app, undefined)('POST', '/auth/login', {
          username: victim.user.username,
          password: victim.password,
        })
      ).statusCode,
    ).toBe(401);
  });
});

describe('a carer sees only their own team', () => {
  it('in residents, devices, events and alerts', async () => {
    const residents = (await carerA.api('GET', '/residents')).json<Resident[]>();
    expect(residents.map((r) => r.id)).toContain(home.a.resident.id);
    expect(residents.every((r) => r.teamId === teamA.id)).toBe(true);
    const alerts = (await carerA.api('GET', '/alerts')).json<Alert[]>();
    expect(alerts.map((a) => a.id)).toContain(home.a.alert.id);
    expect(alerts.map((a) => a.id)).not.toContain(home.b.alert.id);
    expect((await carerA.api('GET', `/alerts?residentId=${home.b.resident.id}`)).json()).toEqual([]);
    const devices = (await carerA.api('GET', '/devices')).json<Device[]>();
    expect(devices.map((d) => d.id)).toEqual([home.a.device.id]);
    expect((await carerA.api('GET', `/devices?residentId=${home.b.resident.id}`)).json()).toEqual([]);
  });

  it('answers 404 for another team’s resident, events, device and alert, as if they did not exist', async () => {
    const b = home.b;
    for (const url of [
      `/residents/${b.resident.id}`,
      `/residents/${b.resident.id}/events`,
      `/devices/${b.device.id}`,
      `/alerts/${b.alert.id}`,
    ]) {
      expect({ url, status: (await carerA.api('GET', url)).statusCode }).toEqual({ url, status: 404 });
    }
    expect((await carerA.api('POST', `/alerts/${b.alert.id}/acknowledge`, {})).statusCode).toBe(404);
    expect((await carerA.api('POST', `/alerts/${b.alert.id}/resolve`, { outcome: 'false_alarm' })).statusCode).toBe(
      404,
    );
    expect((await t.api('GET', `/alerts/${b.alert.id}`)).json()).toMatchObject({ status: 'open' });
    // The 404 hides the data, not the attempt: each refusal is in the audit log under the carer.
    const refused = (await t.api('GET', `/audit?actorId=${carerA.user.id}&limit=100`))
      .json<AuditEntry[]>()
      .filter((e) => e.outcome === 'denied' && e.detail.reason === 'other team');
    const seen = refused.map((e) => `${e.action} ${e.targetId} ${e.detail.route}`);
    expect(seen).toEqual(
      expect.arrayContaining([
        `resident.read ${b.resident.id} GET /api/v1/residents/:id`,
        `resident.read ${b.resident.id} GET /api/v1/residents/:id/events`,
        `device.read ${b.device.id} GET /api/v1/devices/:id`,
        `alert.read ${b.alert.id} GET /api/v1/alerts/:id`,
        `alert.acknowledge ${b.alert.id} POST /api/v1/alerts/:id/acknowledge`,
        `alert.resolve ${b.alert.id} POST /api/v1/alerts/:id/resolve`,
      ]),
    );
    expect(refused.every((e) => e.actorName === carerA.user.username)).toBe(true);
  });

  it('acts on their own team’s alert, recorded under their account', async () => {
    const ack = await carerB.api('POST', `/alerts/${home.b.alert.id}/acknowledge`, { by: 'Someone Else' });
    expect(ack.json()).toMatchObject({ status: 'acknowledged', acknowledgedBy: carerB.user.displayName });
  });

  it('sees nobody without a team, and follows a resident moved to another team', async () => {
    const loner = await createStaff(t.vaka.app, t.api, 'carer', null);
    expect((await loner.api('GET', '/residents')).json()).toEqual([]);
    expect((await loner.api('GET', '/alerts')).json()).toEqual([]);
    const moved = (await t.api('POST', '/residents', { name: 'Moved', teamId: teamB.id, rooms: [] })).json<Resident>();
    expect((await carerA.api('GET', `/residents/${moved.id}`)).statusCode).toBe(404);
    expect((await operator.api('PUT', `/residents/${moved.id}/team`, { teamId: teamA.id })).json()).toMatchObject({
      teamId: teamA.id,
    });
    expect((await carerA.api('GET', `/residents/${moved.id}`)).statusCode).toBe(200);
    expect((await carerB.api('GET', `/residents/${moved.id}`)).statusCode).toBe(404);
  });
});

describe('hostile input', () => {
  it('is not fooled by SQL injection in sign-in or in filters', async () => {
    for (const [username, password] of [
      ["admin' OR '1'='1", "' OR '1'='1"],
      ["admin'--", 'x'],
      ['admin', "' OR 1=1; DROP TABLE users; --"],
    ]) {
      const res = await anonymous()('POST', '/auth/login', { username, password });
      expect(res.statusCode).toBe(401);
    }
    expect((await carerA.api('GET', "/alerts?status=open'%20OR%201=1--")).statusCode).toBe(400);
    expect((await carerA.api('GET', "/alerts?residentId=x'%20OR%20'1'='1")).statusCode).toBe(400);
    expect((await carerA.api('GET', "/residents/1'%20OR%20'1'='1")).statusCode).toBe(400);
    const audit = await t.api('GET', "/audit?action=x'%20OR%20'1'='1&targetId=1;%20DROP%20TABLE%20audit_log");
    expect(audit.statusCode).toBe(200);
    expect(audit.json()).toEqual([]);
    expect((await t.api('GET', '/users')).statusCode).toBe(200);
  });

  it('stores SQL in names as plain text: nothing runs, the tables are intact', async () => {
    const name = "Robert'); DROP TABLE residents; --";
    const created = await t.api('POST', '/residents', {
      name,
      teamId: teamA.id,
      rooms: [{ name: "x' OR '1'='1", kind: 'hall' }],
    });
    expect(created.statusCode).toBe(201);
    const back = (await t.api('GET', `/residents/${created.json<Resident>().id}`)).json<Resident>();
    expect(back.name).toBe(name);
    expect(back.rooms[0]?.name).toBe("x' OR '1'='1");
    expect((await t.api('GET', '/residents')).json<Resident[]>().length).toBeGreaterThan(2);
    const device = await t.api('POST', '/devices', {
      format: 'z2m',
      address: "hall/x'; DELETE FROM devices; --",
      residentId: home.a.resident.id,
      kind: 'motion',
    });
    expect(device.statusCode).toBe(201);
    expect((await t.api('GET', `/devices/${home.a.device.id}`)).statusCode).toBe(200);
  });

  it('refuses an oversized body with 413, and an anonymous one with 401 before reading it', async () => {
    const big = JSON.stringify({ username: 'admin', password: 'x'.repeat(2_000_000) });
    const headers = { 'content-type': 'application/json' };
    const login = await t.vaka.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers, payload: big });
    expect(login.statusCode).toBe(413);
    const anon = await t.vaka.app.inject({ method: 'POST', url: '/api/v1/residents', headers, payload: big });
    expect(anon.statusCode).toBe(401);
    // Signed in, an oversized onboarding body is refused the same way; a huge query is a 400, never a 5xx.
    const signedIn = await t.vaka.app.inject({
      method: 'POST',
      url: '/api/v1/residents',
      headers: { ...headers, authorization: `Bearer ${t.admin.token}` },
      payload: JSON.stringify({ name: 'x'.repeat(2_000_000), rooms: [] }),
    });
    expect(signedIn.statusCode).toBe(413);
    const query = await t.api('GET', `/alerts?residentId=${'a'.repeat(100_000)}`);
    expect(query.statusCode).toBe(400);
  });

  it('rate-limits failed sign-ins per username and address with 429 and Retry-After', async () => {
    const target = await createStaff(t.vaka.app, t.api, 'carer', teamA.id);
    const attempt = (password: string) =>
      anonymous()('POST', '/auth/login', { username: target.user.username, password });
    for (let i = 0; i < 5; i++) expect((await attempt(`wrong-${i}`)).statusCode).toBe(401);
    const limited = await attempt(target.password);
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Another account from the same address is not locked out by it.
    expect((await login(t.vaka.app, carerA.user.username, carerA.password)).token).toBeTruthy();
  });
});

describe('audit log', () => {
  it('records sign-ins, acknowledgements, onboarding, account changes and refusals, without passwords', async () => {
    const entries = (await t.api('GET', '/audit?limit=1000')).json<AuditEntry[]>();
    const has = (action: string, outcome: string, actorName?: string) =>
      entries.some(
        (e) => e.action === action && e.outcome === outcome && (actorName === undefined || e.actorName === actorName),
      );
    expect(has('auth.login', 'success', 'admin')).toBe(true);
    expect(has('auth.login', 'failure')).toBe(true);
    expect(has('auth.login', 'denied')).toBe(true);
    expect(has('auth.logout', 'success')).toBe(true);
    expect(has('auth.password', 'success')).toBe(true);
    expect(has('alert.acknowledge', 'success', carerB.user.username)).toBe(true);
    expect(has('resident.create', 'success', 'admin')).toBe(true);
    expect(has('resident.team', 'success', operator.user.username)).toBe(true);
    expect(has('device.create', 'success')).toBe(true);
    expect(has('user.create', 'success')).toBe(true);
    expect(has('user.update', 'success')).toBe(true);
    expect(has('team.create', 'success')).toBe(true);
    expect(has('device.claim', 'denied', carerA.user.username)).toBe(true);
    expect(has('user.update', 'denied', carerA.user.username)).toBe(true);
    const ack = entries.find((e) => e.action === 'alert.acknowledge');
    expect(ack?.targetId).toBe(home.b.alert.id);
    const text = JSON.stringify(entries);
    expect(text).not.toContain(carerA.password);
    expect(text).not.toContain(t.admin.password);
    expect(text).not.toContain('DROP TABLE'); // a malformed username is not stored
    const filtered = (await t.api('GET', `/audit?actorId=${carerB.user.id}`)).json<AuditEntry[]>();
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.every((e) => e.actorId === carerB.user.id)).toBe(true);
  });
});

describe('security headers', () => {
  it('sends a self-only CSP and the usual hardening headers; API answers are not cached', async () => {
    const page = await t.vaka.app.inject({ method: 'GET', url: '/' });
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.headers['content-security-policy']).not.toMatch(/https?:|unsafe-inline|\*/);
    expect(page.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
    });
    expect((await t.api('GET', '/residents')).headers['cache-control']).toBe('no-store');
  });
});

describe('an alert escalation has widened to every carer', () => {
  it('is listed, readable and acknowledgeable by another team’s carer, whose resident stays out of sight', async () => {
    const c = await homeOf(teamB, 'Cecilia C');
    expect((await carerA.api('GET', '/alerts?status=open')).json<Alert[]>().map((x) => x.id)).not.toContain(c.alert.id);
    // Nobody acknowledged it: at 5 min a critical alert goes to everyone (docs/alert-lifecycle.md).
    await t.vaka.alertService.escalate(Date.parse(c.alert.detectedAt) + 6 * 60_000);
    const listed = (await carerA.api('GET', '/alerts?status=open')).json<Alert[]>().find((x) => x.id === c.alert.id);
    expect(listed).toMatchObject({ audience: 'everyone', residentName: 'Cecilia C' });
    expect((await carerA.api('GET', `/alerts/${c.alert.id}`)).statusCode).toBe(200);
    expect((await carerA.api('GET', `/residents/${c.resident.id}`)).statusCode).toBe(404);
    const ack = await carerA.api('POST', `/alerts/${c.alert.id}/acknowledge`, {});
    expect(ack.json()).toMatchObject({ status: 'acknowledged', acknowledgedBy: carerA.user.displayName });
  });
});
