/** Resident, room, kind and label: the fields shared by adding and claiming a device. */
import { type Resident, SensorKind } from '../../../service/contract.js';
import { useStrings } from '../use-strings.js';

export interface DeviceChoice {
  residentId: string;
  roomId: string;
  kind: SensorKind;
  label: string;
}

export function DeviceFields({
  idPrefix,
  residents,
  value,
  onChange,
}: {
  idPrefix: string;
  residents: readonly Resident[];
  value: DeviceChoice;
  onChange(next: DeviceChoice): void;
}) {
  const p = useStrings().pages;
  const o = p.onboarding;
  const rooms = residents.find((r) => r.id === value.residentId)?.rooms ?? [];
  const id = (name: string) => `${idPrefix}-${name}`;
  return (
    <div class="field-grid">
      <div class="field">
        <label for={id('resident')}>{o.resident}</label>
        <select
          id={id('resident')}
          required
          value={value.residentId}
          onChange={(e) => onChange({ ...value, residentId: e.currentTarget.value, roomId: '' })}
        >
          <option value="">{o.chooseResident}</option>
          {residents.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for={id('room')}>{o.room}</label>
        <select
          id={id('room')}
          value={value.roomId}
          onChange={(e) => onChange({ ...value, roomId: e.currentTarget.value })}
        >
          <option value="">{o.anyRoom}</option>
          {rooms.map((room) => (
            <option key={room.id} value={room.id}>
              {room.name}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for={id('kind')}>{o.kind}</label>
        <select
          id={id('kind')}
          value={value.kind}
          onChange={(e) => onChange({ ...value, kind: SensorKind.parse(e.currentTarget.value) })}
        >
          {SensorKind.options.map((kind) => (
            <option key={kind} value={kind}>
              {p.sensors.kind[kind]}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for={id('label')}>{o.label}</label>
        <input
          id={id('label')}
          type="text"
          maxLength={100}
          value={value.label}
          onInput={(e) => onChange({ ...value, label: e.currentTarget.value })}
        />
      </div>
    </div>
  );
}

/** The device fields as the API wants them. */
export function deviceInput(choice: DeviceChoice) {
  return {
    residentId: choice.residentId,
    roomId: choice.roomId === '' ? null : choice.roomId,
    kind: choice.kind,
    label: choice.label.trim() === '' ? null : choice.label.trim(),
  };
}
