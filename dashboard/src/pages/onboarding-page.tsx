/** For operators: add residents with their rooms, claim what the broker has heard, add devices by address. */
import type { Api } from '../api.js';
import { AddDeviceForm } from '../components/add-device-form.js';
import { NewResidentForm } from '../components/new-resident-form.js';
import { UnclaimedDevices } from '../components/unclaimed-devices.js';
import { useLoad } from '../use-load.js';
import type { ResidentsView } from '../use-residents.js';
import { useStrings } from '../use-strings.js';

/** A sensor being paired shows up within this long, in milliseconds. */
export const UNCLAIMED_POLL_MS = 10_000;

export function OnboardingPage({ api, residents, now }: { api: Api; residents: ResidentsView; now: number }) {
  const o = useStrings().pages.onboarding;
  const unclaimed = useLoad(() => api.unclaimedDevices(), 'unclaimed', UNCLAIMED_POLL_MS);
  const list = residents.residents ?? [];
  return (
    <main class="page" id="main" tabIndex={-1}>
      <div class="page-head">
        <h2>{o.heading}</h2>
        <p class="page-summary">{o.intro}</p>
      </div>
      <div class="onboarding-layout">
        <NewResidentForm api={api} onCreated={residents.refresh} />
        <div class="stack">
          <UnclaimedDevices api={api} unclaimed={unclaimed} residents={list} now={now} onClaimed={unclaimed.reload} />
          <AddDeviceForm api={api} residents={list} onAdded={unclaimed.reload} />
        </div>
      </div>
    </main>
  );
}
