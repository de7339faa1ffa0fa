/** Devices the broker has heard from that nobody has registered, each claimable for a resident. */
import { useState } from 'preact/hooks';
import type { Resident, UnclaimedDevice } from '../../../service/contract.js';
import type { Api } from '../api.js';
import { guessKind } from '../device-kind.js';
import { formErrorText } from '../form-error.js';
import type { Loaded } from '../use-load.js';
import { useStrings } from '../use-strings.js';
import { type DeviceChoice, DeviceFields, deviceInput } from './device-fields.js';
import { LoadState } from './load-state.js';
import { TimeAgo } from './time-ago.js';

export interface UnclaimedProps {
  api: Api;
  unclaimed: Loaded<UnclaimedDevice[]>;
  residents: readonly Resident[];
  now: number;
  onClaimed(): void;
}

export function UnclaimedDevices({ api, unclaimed, residents, now, onClaimed }: UnclaimedProps) {
  const o = useStrings().pages.onboarding;
  const [open, setOpen] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  return (
    <section class="card" aria-labelledby="unclaimed-heading">
      <div class="card-head">
        <h3 id="unclaimed-heading">{o.unclaimedHeading}</h3>
        <button type="button" class="button" onClick={unclaimed.reload}>
          ↻ {o.refresh}
        </button>
      </div>
      <p class="hint">{o.unclaimedIntro}</p>
      {done !== null && (
        <p class="form-ok" role="status">
          {done}
        </p>
      )}
      <LoadState loaded={unclaimed}>
        {(list) =>
          list.length === 0 ? (
            <p class="placeholder">{o.unclaimedNone}</p>
          ) : (
            <ul class="unclaimed-list">
              {list.map((device) => {
                const key = `${device.format}:${device.address}`;
                return (
                  <li key={key} class="unclaimed">
                    <div class="unclaimed-facts">
                      <p>
                        <code class="strong">{device.address}</code> <span class="tag">{o.formats[device.format]}</span>
                      </p>
                      <p class="muted">
                        {o.reports}: {device.signals.join(', ')} · {o.messages(device.messageCount)} · {o.lastHeard}{' '}
                        <TimeAgo iso={device.lastSeenAt} now={now} />
                      </p>
                    </div>
                    {open === key ? (
                      <ClaimForm
                        api={api}
                        device={device}
                        residents={residents}
                        onCancel={() => setOpen(null)}
                        onClaimed={(text) => {
                          setOpen(null);
                          setDone(text);
                          onClaimed();
                        }}
                      />
                    ) : (
                      <button
                        type="button"
                        class="button primary"
                        aria-label={o.claimHeading(device.address)}
                        onClick={() => {
                          setDone(null);
                          setOpen(key);
                        }}
                      >
                        {o.claim}
                      </button>
                    )}
                  </li>
                );
              })}
            </ul>
          )
        }
      </LoadState>
    </section>
  );
}

function ClaimForm({
  api,
  device,
  residents,
  onCancel,
  onClaimed,
}: {
  api: Api;
  device: UnclaimedDevice;
  residents: readonly Resident[];
  onCancel(): void;
  onClaimed(text: string): void;
}) {
  const t = useStrings();
  const o = t.pages.onboarding;
  const [choice, setChoice] = useState<DeviceChoice>({
    residentId: '',
    roomId: '',
    kind: guessKind(device.signals),
    label: '',
  });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    const resident = residents.find((r) => r.id === choice.residentId);
    if (resident === undefined) return setError(o.needResident);
    setBusy(true);
    try {
      await api.claimDevice({ format: device.format, address: device.address, ...deviceInput(choice) });
      onClaimed(o.claimed(device.address, resident.name));
    } catch (failure) {
      setError(formErrorText(failure, t.errors));
      setBusy(false);
    }
  };
  return (
    <form class="claim-form" onSubmit={submit} aria-label={o.claimHeading(device.address)}>
      <DeviceFields
        idPrefix={`claim-${device.format}-${device.address.replace(/[^a-z0-9]/gi, '-')}`}
        residents={residents}
        value={choice}
        onChange={setChoice}
      />
      {error !== null && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="button primary" aria-disabled={busy}>
          {o.claimSubmit}
        </button>
        <button type="button" class="button" onClick={onCancel}>
          {o.cancel}
        </button>
      </div>
    </form>
  );
}
