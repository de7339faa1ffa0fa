import type { Vaka } from '../../service/vaka.js';

/** Raises a critical help alert for a resident, as the help-button detector would ([HELP-1]). */
export function raiseHelp(vaka: Vaka, residentId: string, kind = 'help'): Promise<void> {
  return vaka.alertService.apply([
    {
      kind: 'raise',
      alert: {
        residentId,
        roomId: null,
        deviceId: null,
        kind,
        ruleId: 'HELP-1',
        severity: 'critical',
        reason: 'Help requested',
        foldKey: kind,
        at: Date.now(),
      },
    },
  ]);
}
