/** What detectors ask for, for tests that need an alert without playing sensor events. */
import type { AlertAction } from '../../service/detectors/detector.js';
import type { AlertCandidate } from '../../service/store/alerts-store.js';

/** A help-button alert [HELP-1] for the resident, detected now unless `at` says otherwise. */
export function helpCandidate(residentId: string, overrides: Partial<AlertCandidate> = {}): AlertCandidate {
  return {
    residentId,
    roomId: null,
    deviceId: null,
    kind: 'help',
    ruleId: 'HELP-1',
    severity: 'critical',
    reason: 'Help button pressed',
    foldKey: 'help',
    at: Date.now(),
    ...overrides,
  };
}

/** The detector action that raises it. */
export function helpRequest(residentId: string, overrides: Partial<AlertCandidate> = {}): AlertAction {
  return { kind: 'raise', alert: helpCandidate(residentId, overrides) };
}
