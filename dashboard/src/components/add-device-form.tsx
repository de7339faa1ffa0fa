/** Registers a device by its address, for one that has not yet sent anything (or was set up elsewhere). */
import { useState } from 'preact/hooks';
import { type MqttLogin, PayloadFormat, type Resident } from '../../../service/contract.js';
import type { Api } from '../api.js';
import { useStrings } from '../use-strings.js';
import { useSubmit } from '../use-submit.js';
import { type DeviceChoice, DeviceFields, deviceInput } from './device-fields.js';
import { FormMessageLine } from './form-message.js';

const EMPTY: DeviceChoice = { residentId: '', roomId: '', kind: 'motion', label: '' };

export function AddDeviceForm({
  api,
  residents,
  onAdded,
}: {
  api: Api;
  residents: readonly Resident[];
  onAdded(): void;
}) {
  const o = useStrings().pages.onboarding;
  const [format, setFormat] = useState<PayloadFormat>('z2m');
  const [address, setAddress] = useState('');
  const [choice, setChoice] = useState<DeviceChoice>(EMPTY);
  const [login, setLogin] = useState<MqttLogin | null>(null);
  const submit = useSubmit();

  const onSubmit = (event: Event) => {
    event.preventDefault();
    const resident = residents.find((r) => r.id === choice.residentId);
    if (resident === undefined) return submit.fail(o.needResident);
    setLogin(null);
    void submit.run(async () => {
      const device = await api.addDevice({ format, address: address.trim(), ...deviceInput(choice) });
      setLogin(device.mqtt ?? null);
      setAddress('');
      setChoice({ ...EMPTY, residentId: choice.residentId });
      onAdded();
      return o.deviceAdded(device.address, resident.name);
    });
  };

  return (
    <section class="card" aria-labelledby="add-device-heading">
      <h3 id="add-device-heading">{o.deviceHeading}</h3>
      <form onSubmit={onSubmit}>
        <div class="field-grid">
          <div class="field">
            <label for="device-format">{o.format}</label>
            <select
              id="device-format"
              value={format}
              onChange={(e) => setFormat(PayloadFormat.parse(e.currentTarget.value))}
            >
              {PayloadFormat.options.map((f) => (
                <option key={f} value={f}>
                  {o.formats[f]}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="device-address">{o.address}</label>
            <input
              id="device-address"
              type="text"
              required
              maxLength={200}
              autocomplete="off"
              aria-describedby="device-address-hint"
              value={address}
              onInput={(e) => setAddress(e.currentTarget.value)}
            />
            <span id="device-address-hint" class="hint">
              {o.addressHint}
            </span>
          </div>
        </div>
        <DeviceFields idPrefix="device" residents={residents} value={choice} onChange={setChoice} />
        <div class="actions">
          <button type="submit" class="button primary" aria-disabled={submit.busy}>
            {o.addDevice}
          </button>
        </div>
        <FormMessageLine message={submit.message} />
      </form>
      {login !== null && (
        <div class="card" role="status" aria-labelledby="mqtt-login-heading">
          <h4 id="mqtt-login-heading">{o.mqttLoginHeading}</h4>
          <p class="hint">{o.mqttLoginHint}</p>
          <dl class="login-facts">
            <dt>{o.mqttUser}</dt>
            <dd>
              <code>{login.username}</code>
            </dd>
            <dt>{o.mqttPassword}</dt>
            <dd>
              <code>{login.password}</code>
            </dd>
            <dt>{o.mqttTopic}</dt>
            <dd>
              <code>{login.topic}</code>
            </dd>
          </dl>
        </div>
      )}
    </section>
  );
}
