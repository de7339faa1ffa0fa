/** Alerts and residents for the dashboard tests: valid by the service contract, with overrides. */
import type { Alert, Resident } from '../../service/contract.js';

let counter = 0;

/** A valid v4 UUID that differs per call (the contract checks UUID format). */
export function uuid(): string {
  counter += 1;
  return `00000000-0000-4000-8000-${counter.toString(16).padStart(12, '0')}`;
}

export function alert(overrides: Partial<Alert> = {}): Alert {
  return {
    id: uuid(),
    residentId: '10000000-0000-4000-8000-000000000001',
    residentName: 'Astrid Lind',
    roomId: '20000000-0000-4000-8000-000000000001',
    roomName: 'Bathroom',
    deviceId: null,
    kind: 'fall',
    ruleId: 'FALL-1',
    severity: 'critical',
    status: 'open',
    reason: 'Fall reported by the wearable',
    explanation: null,
    occurrences: 1,
    detectedAt: '2026-11-20T03:00:00.000Z',
    lastSeenAt: '2026-11-20T03:00:00.000Z',
    deliveredAt: null,
    acknowledgedAt: null,
    acknowledgedBy: null,
    resolvedAt: null,
    resolvedBy: null,
    outcome: null,
    note: null,
    escalationLevel: 0,
    escalatedAt: null,
    audience: 'team',
    notes: [],
    ...overrides,
  };
}

export function acknowledged(a: Alert, by = 'Maria', at = '2026-11-20T03:02:00.000Z'): Alert {
  return { ...a, status: 'acknowledged', acknowledgedBy: by, acknowledgedAt: at };
}

export function resolved(a: Alert, by = 'Maria', at = '2026-11-20T03:20:00.000Z'): Alert {
  return { ...a, status: 'resolved', resolvedBy: by, resolvedAt: at, outcome: 'confirmed' };
}

export function resident(overrides: Partial<Resident> = {}): Resident {
  return {
    id: '10000000-0000-4000-8000-000000000001',
    name: 'Astrid Lind',
    rooms: [
      { id: '20000000-0000-4000-8000-000000000001', name: 'Bathroom', kind: 'bathroom' },
      { id: '20000000-0000-4000-8000-000000000002', name: 'Kitchen', kind: 'kitchen' },
    ],
    createdAt: '2026-11-01T08:00:00.000Z',
    lastActivityAt: '2026-11-20T02:50:00.000Z',
    lastRoomId: '20000000-0000-4000-8000-000000000002',
    openAlerts: 0,
    teamId: null,
    context: null,
    ...overrides,
  };
}
