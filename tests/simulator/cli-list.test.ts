import { describe, expect, it } from 'vitest';
import { DeviceInput, ResidentInput } from '../../service/contract.js';
import { runCli } from '../../simulator/cli-main.js';
import { fakeIo } from './cli/fake-io.js';

interface Listed {
  homeId: string;
  name: string;
  rooms: { name: string; kind: string }[];
  devices: { format: string; address: string; kind: string; room: string | null; label: string }[];
}

async function listJson(...args: string[]): Promise<Listed[]> {
  const fake = fakeIo();
  expect(await runCli(['list', ...args, '--json'], fake.io)).toBe(0);
  return JSON.parse(fake.text()) as Listed[];
}

describe('simulate list', () => {
  it('--json gives exactly the bodies of POST /api/v1/residents and POST /api/v1/devices (room by name)', async () => {
    const homes = await listJson('--residents', '6', '--days', '1', '--seed', '2', '--format', 'vaka');
    expect(homes.map((h) => h.homeId)).toEqual(['sim1', 'sim2', 'sim3', 'sim4', 'sim5', 'sim6']);
    for (const home of homes) {
      expect(ResidentInput.safeParse({ name: home.name, rooms: home.rooms }).success).toBe(true);
      const roomIds = new Map(home.rooms.map((room, i) => [room.name, `00000000-0000-4000-8000-00000000000${i}`]));
      for (const device of home.devices) {
        expect(device.room === null || roomIds.has(device.room), device.address).toBe(true);
        const body = {
          format: device.format,
          address: device.address,
          kind: device.kind,
          label: device.label,
          residentId: '00000000-0000-4000-8000-0000000000aa',
          roomId: device.room === null ? null : roomIds.get(device.room),
        };
        const parsed = DeviceInput.safeParse(body);
        expect(parsed.success, `${device.address}: ${parsed.error?.message}`).toBe(true);
      }
    }
  });

  it('registers a worn wearable without a room, as the demo does', async () => {
    const [home] = await listJson('--residents', '1');
    expect(home?.devices.find((d) => d.kind === 'wearable')).toMatchObject({ room: null });
    expect(home?.devices.filter((d) => d.kind !== 'wearable').every((d) => d.room !== null)).toBe(true);
  });

  it('lists the same homes as the run with the same cohort options', async () => {
    const a = await listJson('--residents', '4', '--days', '2', '--seed', '9');
    const b = await listJson('--residents', '4', '--days', '30', '--seed', '9');
    expect(a).toEqual(b);
  });

  it('prints a table with each home’s number, id, resident and devices', async () => {
    const fake = fakeIo();
    expect(await runCli(['list', '--scenario', 'simulator/scenarios/small-week.json'], fake.io)).toBe(0);
    expect(fake.text()).toContain('Home 3 (sim3): Karin Holm, active_outgoing');
    expect(fake.text()).toMatch(/sim1\/person\/wearable\s+wearable\s+\(worn\)/);
  });
});
