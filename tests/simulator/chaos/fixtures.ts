/**
 * A synthetic message stream for the chaos tests, independent of how the simulator generates
 * days: fixed homes, and readings of every kind the demo devices send, rendered by payloads.ts.
 */
import type { PayloadFormat } from '../../../gateway/contract.js';
import type { ChaosInput } from '../../../simulator/chaos/index.js';
import type { Device, Home, Reading } from '../../../simulator/contract.js';
import { renderReading } from '../../../simulator/payloads.js';
import { createRng } from '../../../simulator/random.js';

export const START = Date.parse('2025-03-03T06:00:00+01:00');

export function fixtureHomes(format: PayloadFormat, count: number): Home[] {
  const rooms = [
    {
      name: 'Bedroom',
      kind: 'bedroom' as const,
      devices: [
        ['motion', 'motion'],
        ['bed', 'bed'],
      ],
    },
    {
      name: 'Bathroom',
      kind: 'bathroom' as const,
      devices: [
        ['motion', 'motion'],
        ['fall_detector', 'fall_detector'],
      ],
    },
    {
      name: 'Kitchen',
      kind: 'kitchen' as const,
      devices: [
        ['motion', 'motion'],
        ['power_plug', 'kettle'],
      ],
    },
    {
      name: 'Hall',
      kind: 'hall' as const,
      devices: [
        ['motion', 'motion'],
        ['door', 'front_door'],
      ],
    },
    { name: 'Living room', kind: 'living_room' as const, devices: [['help_button', 'help_button']] },
  ];
  return Array.from({ length: count }, (_, i) => {
    const id = `fx${i + 1}`;
    const devices: Device[] = rooms.flatMap((room) =>
      room.devices.map(([kind, name]) => ({
        address: format === 'vaka' ? `${id}-${room.kind}-${name}` : `${id}/${room.kind}/${name}`,
        kind: kind as Device['kind'],
        room: room.name,
      })),
    );
    return {
      id,
      resident: `Resident ${i + 1}`,
      timeZone: 'Europe/Stockholm',
      rooms: rooms.map(({ name, kind }) => ({ name, kind })),
      devices,
    };
  });
}

function readingFor(device: Device, roll: number, n: number): Reading {
  const linkquality = 100 + (n % 100);
  if (roll < 0.1) return { kind: 'heartbeat', linkquality };
  if (roll < 0.15) return { kind: 'battery', battery: 80, linkquality };
  switch (device.kind) {
    case 'motion':
      return { kind: 'motion', detected: roll < 0.6, battery: 90, linkquality };
    case 'door':
      return { kind: 'door', open: roll < 0.6, battery: 90, linkquality };
    case 'bed':
      return { kind: 'bed', occupied: roll < 0.6, battery: 90, linkquality };
    case 'power_plug':
      return { kind: 'power', watts: roll < 0.6 ? 1800 : 0, linkquality };
    case 'help_button':
      return roll < 0.2 ? { kind: 'help', battery: 90, linkquality } : { kind: 'heartbeat', linkquality };
    case 'fall_detector':
      return roll < 0.2 ? { kind: 'fall', linkquality } : { kind: 'heartbeat', linkquality };
    default:
      return { kind: 'heartbeat', linkquality };
  }
}

/** `count` messages, 20 simulated seconds apart, from random devices of the homes. */
export function fixtureMessages(format: PayloadFormat, count: number, homes = 3, seed = 4): ChaosInput[] {
  const rng = createRng(seed);
  const all = fixtureHomes(format, homes).flatMap((h) => h.devices);
  return Array.from({ length: count }, (_, n) => {
    const device = all[rng.int(0, all.length - 1)] as Device;
    const at = START + n * 20_000;
    return { ...renderReading(format, device, readingFor(device, rng.next(), n), at), at };
  });
}
