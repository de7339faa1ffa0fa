import { describe, expect, it } from 'vitest';
import type { AlertAction } from '../../../service/detectors/detector.js';
import { ReplayGuard } from '../../../service/journal/replay-guard.js';

const T0 = 1_764_000_000_000;

function raise(at: number, foldKey = 'help'): AlertAction {
  return {
    kind: 'raise',
    alert: {
      residentId: 'r1',
      roomId: null,
      deviceId: 'sos-1',
      kind: 'help',
      ruleId: 'HELP-1',
      severity: 'critical',
      reason: 'Help requested',
      foldKey,
      at,
    },
  };
}

const clear = (at: number, foldKey = 'battery:d1'): AlertAction => ({ kind: 'clear', residentId: 'r1', foldKey, at });

/** A guard over an alert sink that records what reached it, with stored alerts' last-seen times by fold key. */
function guarded(stored: Record<string, number>) {
  const applied: AlertAction[] = [];
  const guard = new ReplayGuard(
    {
      apply: async (actions) => {
        applied.push(...actions);
        // What the alert service stores moves the stored time on, as a raise does in the database.
        for (const a of actions) if (a.kind === 'raise') stored[a.alert.foldKey] = a.alert.at;
      },
    },
    async (_residentId, foldKey) => stored[foldKey],
  );
  return { guard, applied };
}

describe('replay guard', () => {
  it('drops a replayed help press whose alert is already stored, even resolved, so nobody is paged twice', async () => {
    const { guard, applied } = guarded({ help: T0 + 100 });
    guard.begin();
    void guard.apply([raise(T0 + 100)]);
    void guard.apply([raise(T0 + 50)]);
    expect(await guard.finish()).toEqual({ passed: 0, dropped: 2 });
    expect(applied).toEqual([]);
  });

  it('passes a press the database never saw (the kill came before its alert was stored)', async () => {
    const { guard, applied } = guarded({ help: T0 + 100 });
    guard.begin();
    void guard.apply([raise(T0 + 100)]);
    void guard.apply([raise(T0 + 200)]);
    void guard.apply([raise(T0 + 200)]); // the same press twice in the replay: stored by the first
    expect(await guard.finish()).toEqual({ passed: 1, dropped: 2 });
    expect(applied).toEqual([raise(T0 + 200)]);
  });

  it('drops a replayed clear when the condition came back after it, and passes one that is still due', async () => {
    const { guard, applied } = guarded({ 'battery:d1': T0 + 300 });
    guard.begin();
    void guard.apply([clear(T0 + 200)]);
    void guard.apply([clear(T0 + 300)]);
    await guard.finish();
    expect(applied).toEqual([clear(T0 + 300)]);
  });

  it('lets everything straight through outside a replay', async () => {
    const { guard, applied } = guarded({ help: T0 + 100 });
    await guard.apply([raise(T0 + 50)]);
    expect(applied).toEqual([raise(T0 + 50)]);
  });

  it('passes an action it cannot check (the database did not answer): paging twice beats not paging', async () => {
    const applied: AlertAction[] = [];
    const guard = new ReplayGuard({ apply: async (a) => void applied.push(...a) }, async () => {
      throw new Error('connection refused');
    });
    guard.begin();
    await guard.apply([raise(T0)]);
    expect(applied).toHaveLength(1);
  });
});
