/** What detectors ask for, for tests that need an alert without playing sensor events. */
import type { Resident } from '../../service/contract.js';
import type { AlertAction } from '../../service/detectors/detector.js';
import type { AlertCandidate } from '../../service/store/alerts-store.js';
import type { Vaka } from '../../service/vaka.js';

/** A help-button alert [HELP-1] for the resident, detected now unless `at` says otherwise. */
export function helpCandidate(residentId: string, overrides: Partial<AlertCandidate> = {}): AlertCandidate {
  return {
    residentId,
    roomId: null,
    deviceId: null,
    kind: 'help',
    ruleId: 'HELP-1',
    severity: 'critical',
    reason: 'Help requested',
    foldKey: 'help',
    at: Date.now(),
    ...overrides,
  };
}

/** The detector action that raises it. */
export function helpRequest(residentId: string, overrides: Partial<AlertCandidate> = {}): AlertAction {
  return { kind: 'raise', alert: helpCandidate(residentId, overrides) };
}

/** Raises a critical help alert for a resident in a running Vaka, as the help-button detector would. */
export function raiseHelp(vaka: Vaka, residentId: string, kind = 'help'): Promise<void> {
  return vaka.alertService.apply([helpRequest(residentId, { kind, foldKey: kind })]);
}

/** Registers a Zigbee2MQTT help button in the resident's first room; resolves with its address. */
export async function addHelpButton(vaka: Vaka, resident: Resident, slug: string): Promise<string> {
  const address = `${slug}/${resident.id.slice(0, 8)}/sos`;
  await vaka.registry.register({
    format: 'z2m',
    address,
    residentId: resident.id,
    roomId: resident.rooms[0]?.id ?? null,
    kind: 'help_button',
    label: null,
  });
  return address;
}
