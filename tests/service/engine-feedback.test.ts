/**
 * Staff outcomes reach the engine: resolving an alert as a false alarm through the alert
 * service widens that resident's threshold for that rule (the wiring service/vaka.ts uses).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AlertService } from '../../service/alerts/alert-service.js';
import { AlertsStore } from '../../service/store/alerts-store.js';
import { StreamHub } from '../../service/stream/hub.js';
import { openTestDb, type TestDb } from '../helpers/test-db.js';
import { newEngine, silentLog } from './model/synthetic-home.js';

describe('outcome feedback from the alert service to the engine', () => {
  let t: TestDb;
  let residentId: string;
  beforeAll(async () => {
    t = await openTestDb();
    const [row] = await t.db.query<{ id: string }>(`INSERT INTO residents (name) VALUES ('Astrid') RETURNING id`);
    residentId = row?.id ?? '';
  });
  afterAll(async () => {
    await t.drop();
  });

  it('[FALL-3] a false alarm resolved by staff widens that resident’s FALL-3 factor', async () => {
    const engine = newEngine();
    engine.onEvent({
      deviceId: 'm-bathroom',
      residentId,
      roomId: 'room-bath',
      sensorKind: 'motion',
      type: 'motion',
      value: true,
      eventTime: 1_000,
      receivedAt: 1_000,
    });
    const service = new AlertService(new AlertsStore(t.db), new StreamHub(), Date.now, silentLog, {
      onResolved: (alert) => engine.feedback(alert.residentId, alert.ruleId, alert.outcome),
    });
    await service.apply([
      {
        kind: 'raise',
        alert: {
          residentId,
          roomId: null,
          deviceId: null,
          kind: 'suspected_fall',
          ruleId: 'FALL-3',
          severity: 'critical',
          reason: 'Possible fall',
          foldKey: 'suspected_fall',
          at: 2_000,
        },
      },
    ]);
    const [open] = await t.db.query<{ id: string }>(`SELECT id FROM alerts WHERE resident_id = $1`, [residentId]);
    await service.resolve(open?.id ?? '', 'Karin', 'false_alarm', null);
    expect(engine.resident(residentId)?.model.factor('FALL-3')).toBeCloseTo(1.2);
  });
});
