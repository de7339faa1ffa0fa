import { describe, expect, it } from 'vitest';
import {
  addressProblem,
  buildHome,
  demoHomes,
  Equipment,
  LAYOUTS,
  type LayoutName,
  placesOf,
} from '../../simulator/index.js';

describe('demo homes', () => {
  it('gives each of N homes its own resident and its own device addresses', () => {
    const homes = demoHomes(15, 'z2m');
    expect(new Set(homes.map((h) => h.resident)).size).toBe(15);
    expect(homes.slice(0, 3).map((h) => h.resident)).toEqual(['Astrid Lindqvist', 'Bertil Nyström', 'Karin Holm']);
    const addresses = homes.flatMap((h) => h.devices.map((d) => d.address));
    expect(new Set(addresses).size).toBe(addresses.length);
  });

  it('furnishes a bedroom, bathroom, kitchen, living room and hall, with a motion sensor in each', () => {
    const [home] = demoHomes(1, 'vaka');
    expect(home?.rooms.map((r) => r.kind)).toEqual(['bedroom', 'bathroom', 'kitchen', 'living_room', 'hall']);
    for (const room of home?.rooms ?? []) {
      expect(home?.devices.filter((d) => d.kind === 'motion' && d.room === room.name)).toHaveLength(1);
    }
  });

  it('adds a front-door contact in the hall, a bed sensor, a kettle plug, a help button and a bathroom fall detector', () => {
    const [home] = demoHomes(1, 'vaka');
    const where = (kind: string) => home?.devices.find((d) => d.kind === kind)?.room;
    expect(where('door')).toBe('Hall');
    expect(where('bed')).toBe('Bedroom');
    expect(where('power_plug')).toBe('Kitchen');
    expect(where('help_button')).toBeDefined();
    expect(where('fall_detector')).toBe('Bathroom');
  });

  it('names devices as Vaka device ids or Zigbee2MQTT friendly names that each format accepts', () => {
    const vaka = demoHomes(3, 'vaka').flatMap((h) => h.devices);
    const z2m = demoHomes(3, 'z2m').flatMap((h) => h.devices);
    expect(vaka.map((d) => d.address)).toContain('demo1-kitchen-motion');
    expect(z2m.map((d) => d.address)).toContain('demo1/kitchen/motion');
    expect(vaka.filter((d) => addressProblem('vaka', d.address) !== undefined)).toEqual([]);
    expect(z2m.filter((d) => addressProblem('z2m', d.address) !== undefined)).toEqual([]);
  });

  it('gives the same addresses for the same home number whatever the number of residents', () => {
    expect(demoHomes(1, 'z2m')[0]).toEqual(demoHomes(5, 'z2m')[0]);
  });

  it('tells devices of one kind apart by role: three door contacts and two plugs', () => {
    const [home] = demoHomes(1, 'z2m');
    const roles = (kind: string) => home?.devices.filter((d) => d.kind === kind).map((d) => d.role);
    expect(roles('door')).toEqual(['front_door', 'bathroom_door', 'fridge']);
    expect(roles('power_plug')).toEqual(['kettle', 'tv']);
    expect(home?.devices.find((d) => d.role === 'fridge')).toMatchObject({
      address: 'demo1/kitchen/fridge',
      room: 'Kitchen',
    });
    expect(home?.devices.find((d) => d.kind === 'wearable')?.address).toBe('demo1/person/wearable');
  });
});

describe('layouts and equipment', () => {
  const none = Equipment.parse(Object.fromEntries(Object.keys(Equipment.shape).map((item) => [item, false])));

  it('every layout has a motion sensor per room, and a place for the bed, chair, kitchen, bathroom and front door', () => {
    for (const layout of Object.keys(LAYOUTS) as LayoutName[]) {
      const home = buildHome({
        id: 'h1',
        resident: 'Test',
        timeZone: 'Europe/Stockholm',
        layout,
        equipment: { ...none, motion: true },
        profile: 'early_riser',
        format: 'vaka',
      });
      expect(home.devices.map((d) => d.room)).toEqual(home.rooms.map((r) => r.name));
      const places = placesOf(home);
      const rooms = new Set(home.rooms.map((r) => r.name));
      for (const place of [places.bed, places.chair, places.kitchen, places.bathroom, places.entry]) {
        expect(rooms.has(place), `${layout} ${place}`).toBe(true);
      }
    }
  });

  it('leaves out the devices a home is not equipped with', () => {
    const home = buildHome({
      id: 'h2',
      resident: 'Test',
      timeZone: 'Europe/Stockholm',
      layout: 'studio',
      equipment: { ...none, wearable: true, bed: true },
      profile: 'frail_seated',
      format: 'z2m',
    });
    expect(home.devices.map((d) => d.kind)).toEqual(['bed', 'wearable']);
    expect(home.devices[0]?.room).toBe('Room');
  });
});
