/**
 * The stream is authenticated and scoped (issue 5 §1): no session, a forged or expired one
 * is closed with 4401 (which the dashboard reads as "sign in again"); signing out closes
 * open sockets; a carer receives only their own team's alerts, and an alert counts as
 * delivered only once a dashboard that may see it has it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alert, Resident, Team } from '../../../service/contract.js';
import { raiseHelp } from '../../helpers/alert-fixtures.js';
import { createStaff, createTeam, type Staff } from '../../helpers/auth.js';
import { openStream } from '../../helpers/stream-client.js';
import { startTestVaka, type TestVaka } from '../../helpers/test-vaka.js';

let t: TestVaka;
let teamA: Team;
let teamB: Team;
let a: Resident;
let b: Resident;
let carerA: Staff;

beforeAll(async () => {
  t = await startTestVaka();
  teamA = await createTeam(t.api, 'Stream A');
  teamB = await createTeam(t.api, 'Stream B');
  a = await t.vaka.residents.create({ name: 'Anna A', rooms: [], teamId: teamA.id });
  b = await t.vaka.residents.create({ name: 'Bo B', rooms: [], teamId: teamB.id });
  carerA = await createStaff(t.vaka.app, t.api, 'carer', teamA.id);
}, 60_000);
afterAll(() => t.stop());

const url = () => `ws://127.0.0.1:${t.vaka.httpPort}/api/v1/stream`;
const raise = (residentId: string, kind: string) => raiseHelp(t.vaka, residentId, kind);

describe('stream authentication', () => {
  it('closes a socket that sends an oversized message (1009), and keeps serving others', async () => {
    const WebSocket = (await import('ws')).default;
    const { streamProtocols } = await import('../../../dashboard/src/stream-client.js');
    const socket = new WebSocket(url(), streamProtocols(t.admin.token));
    await new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    socket.send('x'.repeat(1_000_000)); // the stream takes at most 64 KiB (app.ts)
    expect(await closed).toBe(1009);
    const other = await openStream(url(), t.admin.token);
    expect((await other.waitFor((f) => f.type === 'snapshot')).type).toBe('snapshot');
    await other.close();
  });

  it.each([
    ['no token', undefined],
    ['a forged token', 'bm90LWEtcmVhbC10b2tlbi1hdC1hbGwtYXQtYWxsLWF0LWFsbA'],
  ])('closes a connection with %s with 4401 before sending anything', async (_what, token) => {
    const stream = await openStream(url(), token);
    expect((await stream.closed).code).toBe(4401);
    expect(stream.frames).toEqual([]);
  });

  it('closes with 4401 for an expired session', async () => {
    const staff = await createStaff(t.vaka.app, t.api, 'carer', teamA.id);
    await t.vaka.db.query(`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [
      staff.user.id,
    ]);
    expect((await (await openStream(url(), staff.token)).closed).code).toBe(4401);
  });

  it('closes an open stream with 4401 when its session signs out', async () => {
    const staff = await createStaff(t.vaka.app, t.api, 'carer', teamA.id);
    const stream = await openStream(url(), staff.token);
    await stream.waitFor((f) => f.type === 'snapshot');
    expect((await staff.api('POST', '/auth/logout')).statusCode).toBe(204);
    expect((await stream.closed).code).toBe(4401);
  });

  it('accepts the token as a Bearer header from non-browser clients', async () => {
    const { default: WebSocket } = await import('ws');
    const socket = new WebSocket(url(), { headers: { authorization: `Bearer ${t.admin.token}` } });
    const first = await new Promise<string>((resolve) => socket.once('message', (d) => resolve(String(d))));
    expect(JSON.parse(first)).toMatchObject({ type: 'snapshot' });
    socket.close();
  });
});

describe('a carer’s stream', () => {
  it('carries their own team’s alerts only, in the snapshot and as changes', async () => {
    await raise(a.id, 'before-a');
    await raise(b.id, 'before-b');
    const stream = await openStream(url(), carerA.token);
    const snapshot = await stream.waitFor((f) => f.type === 'snapshot');
    const shown = snapshot.type === 'snapshot' ? snapshot.alerts.map((x) => x.residentId) : [];
    expect(shown).toContain(a.id);
    expect(shown).not.toContain(b.id);

    await raise(b.id, 'during-b');
    await raise(a.id, 'during-a');
    await stream.waitFor((f) => f.type === 'alert' && f.alert.kind === 'during-a');
    const residents = stream.frames.flatMap((f) => (f.type === 'alert' ? [f.alert.residentId] : []));
    expect(residents).toEqual([a.id]);
    await stream.close();
  });

  it('does not mark another team’s alert delivered', async () => {
    const stream = await openStream(url(), carerA.token);
    await stream.waitFor((f) => f.type === 'snapshot');
    await raise(b.id, 'unseen-b');
    await raise(a.id, 'seen-a');
    await stream.waitFor((f) => f.type === 'alert' && f.alert.kind === 'seen-a');
    await t.vaka.alertService.idle();
    const alerts = (await t.api('GET', '/alerts?status=open')).json<Alert[]>();
    expect(alerts.find((x) => x.kind === 'seen-a')?.deliveredAt).not.toBeNull();
    expect(alerts.find((x) => x.kind === 'unseen-b')?.deliveredAt).toBeNull();
    await stream.close();
  });
});

describe('an alert escalation has widened to every carer', () => {
  it('reaches another team’s carer as it widens, and is in their snapshot afterwards', async () => {
    const stream = await openStream(url(), carerA.token);
    await stream.waitFor((f) => f.type === 'snapshot');
    await raise(b.id, 'widened-b');
    const [alert] = (await t.api('GET', '/alerts?status=open')).json<Alert[]>().filter((x) => x.kind === 'widened-b');
    if (alert === undefined) throw new Error('no alert raised');
    await t.vaka.alertService.escalate(Date.parse(alert.detectedAt) + 6 * 60_000);
    const widened = await stream.waitFor((f) => f.type === 'alert' && f.alert.id === alert.id);
    expect(widened.type === 'alert' && widened.alert.audience).toBe('everyone');
    await stream.close();
    const again = await openStream(url(), carerA.token);
    const snapshot = await again.waitFor((f) => f.type === 'snapshot');
    expect(snapshot.type === 'snapshot' && snapshot.alerts.map((x) => x.id)).toContain(alert.id);
    await again.close();
  });
});
