/**
 * `simulate list`: the homes as an operator registers them in Vaka — a resident with rooms,
 * then each device by format, address, kind and room.
 */
import type { PayloadFormat } from '../gateway/contract.js';
import type { Device, Home, Topics } from './contract.js';

/** A worn wearable goes where its wearer goes: it is registered without a room (as the demo does). */
function roomOf(device: Device): string | null {
  return device.kind === 'wearable' ? null : device.room;
}

/**
 * Each home as JSON: `name` and `rooms` are the body of POST /api/v1/residents; each device,
 * with the resident's id and its room's id (found by `room`, the room's name) added, is the
 * body of POST /api/v1/devices. docs/simulator.md has a shell loop that does it.
 */
export function listJson(homes: readonly Home[], format: PayloadFormat): string {
  const residents = homes.map((home) => ({
    homeId: home.id,
    name: home.resident,
    rooms: home.rooms.map((room) => ({ name: room.name, kind: room.kind })),
    devices: home.devices.map((device) => ({
      format,
      address: device.address,
      kind: device.kind,
      room: roomOf(device),
      label: device.kind === 'wearable' ? 'wearable' : `${device.room} ${device.kind.replace('_', ' ')}`,
    })),
  }));
  return JSON.stringify(residents, null, 2);
}

export function listTable(homes: readonly Home[], format: PayloadFormat, topics: Topics): string {
  const topic =
    format === 'vaka'
      ? `${topics.prefix}/sensor/<address>`
      : `${topics.baseTopic}/<address> (Zigbee2MQTT friendly name)`;
  const lines = [`Format ${format}: devices publish to ${topic}.`];
  const width = Math.max(...homes.flatMap((home) => home.devices.map((device) => device.address.length)), 7);
  homes.forEach((home, index) => {
    lines.push('');
    lines.push(
      `Home ${index + 1} (${home.id}): ${home.resident}${home.profile === undefined ? '' : `, ${home.profile}`}` +
        `  (rooms: ${home.rooms.map((r) => `${r.name} [${r.kind}]`).join(', ')})`,
    );
    lines.push(`  ${'address'.padEnd(width)}  ${'kind'.padEnd(13)}  room`);
    for (const device of home.devices) {
      lines.push(`  ${device.address.padEnd(width)}  ${device.kind.padEnd(13)}  ${roomOf(device) ?? '(worn)'}`);
    }
  });
  return lines.join('\n');
}
