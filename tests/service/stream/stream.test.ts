import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertCandidate } from '../../../service/store/alerts-store.js';
import { openStream } from '../../helpers/stream-client.js';
import { startTestVaka, type TestVaka } from '../../helpers/test-vaka.js';

let t: TestVaka;
let residentId: string;
beforeAll(async () => {
  t = await startTestVaka();
  residentId = (await t.vaka.residents.create({ name: 'Bertil', rooms: [] })).id;
});
afterAll(() => t.stop());

const url = (query = '') => `ws://127.0.0.1:${t.vaka.httpPort}/api/v1/stream${query}`;
const raise = (foldKey: string) => {
  const alert: AlertCandidate = {
    residentId,
    roomId: null,
    deviceId: null,
    kind: foldKey,
    ruleId: 'HELP-1',
    severity: 'critical',
    reason: 'Help requested',
    foldKey,
    at: Date.now(),
  };
  return t.vaka.alertService.apply([{ kind: 'raise', alert }]);
};

describe('WebSocket stream', () => {
  it('sends a snapshot of open alerts first, then each change with an increasing sequence number', async () => {
    await raise('before');
    const stream = await openStream(url(), t.admin.token);
    const snapshot = await stream.waitFor((f) => f.type === 'snapshot');
    expect(snapshot.type === 'snapshot' && snapshot.alerts.map((a) => a.kind)).toContain('before');
    await raise('during');
    const frame = await stream.waitFor((f) => f.type === 'alert' && f.alert.kind === 'during');
    expect(frame.type === 'alert' && frame.change).toBe('opened');
    expect(frame.type === 'alert' && snapshot.type === 'snapshot' && frame.seq > snapshot.seq).toBe(true);
    await stream.close();
  });

  it('records delivery when an alert first reaches a dashboard', async () => {
    const stream = await openStream(url(), t.admin.token);
    await stream.waitFor((f) => f.type === 'snapshot');
    await raise('delivered');
    const frame = await stream.waitFor((f) => f.type === 'alert' && f.alert.kind === 'delivered');
    const id = frame.type === 'alert' ? frame.alert.id : '';
    await t.vaka.alertService.idle();
    const stored = await t.api('GET', `/alerts/${id}`);
    expect(stored.json().deliveredAt).not.toBeNull();
    await stream.close();
  });

  it('gives a client that reconnects with its last sequence number exactly what it missed', async () => {
    const first = await openStream(url(), t.admin.token);
    const snap = await first.waitFor((f) => f.type === 'snapshot');
    const lastSeq = snap.type === 'snapshot' ? snap.seq : -1;
    await first.close();
    await raise('missed-1');
    await raise('missed-2');
    await raise('missed-1');
    const again = await openStream(url(`?since=${lastSeq}`), t.admin.token);
    await again.waitFor((f) => f.type === 'alert' && f.change === 'repeated');
    const replay = again.frames.filter((f) => f.type === 'alert');
    expect(again.frames.some((f) => f.type === 'snapshot')).toBe(false);
    expect(replay.map((f) => f.type === 'alert' && [f.alert.kind, f.change])).toEqual([
      ['missed-1', 'opened'],
      ['missed-2', 'opened'],
      ['missed-1', 'repeated'],
    ]);
    const seqs = replay.map((f) => (f.type === 'alert' ? f.seq : 0));
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(seqs[0]).toBe(lastSeq + 1);
    await again.close();
  });

  it('sends a snapshot instead when the client is ahead of the server (a reset database)', async () => {
    const stream = await openStream(url('?since=999999999'), t.admin.token);
    expect((await stream.waitFor((f) => f.type === 'snapshot')).type).toBe('snapshot');
    await stream.close();
  });

  it('refuses a malformed since with close code 4400', async () => {
    const stream = await openStream(url('?since=yesterday'), t.admin.token);
    expect((await stream.closed).code).toBe(4400);
  });
});
