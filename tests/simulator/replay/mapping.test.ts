import { describe, expect, it } from 'vitest';
import { addressProblem } from '../../../simulator/index.js';
import {
  addressOf,
  parseMapping,
  ReplayInputError,
  VAN_KASTEREN_HOUSES,
  vanKasterenMapping,
} from '../../../simulator/replay/index.js';
import { houseTMapping } from './helpers.js';

/** The fixture as plain JSON that a test may spoil. */
interface Editable {
  timeZone: string;
  sensors: Record<string, Record<string, unknown>>;
}
const valid = (): Editable => JSON.parse(JSON.stringify(houseTMapping()));
const sensor = (m: Editable, id: string) => m.sensors[id] ?? {};

function problem(change: (mapping: Editable) => void): string {
  const mapping = valid();
  change(mapping);
  try {
    parseMapping(mapping, 'test.json');
  } catch (error) {
    expect(error).toBeInstanceOf(ReplayInputError);
    return (error as Error).message;
  }
  throw new Error('the mapping was accepted');
}

describe('the mapping file schema', () => {
  it('accepts the fixture and fills defaults (motion clears after 90 s)', () => {
    const mapping = parseMapping(valid(), 'test.json');
    const pir = mapping.sensors['3'];
    expect(pir?.signal === 'motion' && pir.clearAfterS).toBe(90);
  });

  it('refuses a room that is not listed', () => {
    expect(problem((m) => (sensor(m, '2').room = 'Pantry'))).toMatch(
      /room "Pantry" is not in rooms[\s\S]*at sensors.2.room/,
    );
  });

  it('refuses a kind that does not fit the signal', () => {
    expect(problem((m) => (sensor(m, '4').kind = 'door'))).toMatch(
      /the occupancy signal fits bed, chair, presence[\s\S]*at sensors.4.kind/,
    );
  });

  it('refuses a power signal without watts, and a misspelt field', () => {
    expect(problem((m) => (sensor(m, '2').signal = 'power'))).toMatch(/sensors\.2\.watts/);
    expect(problem((m) => (sensor(m, '2').singal = 'contact'))).toMatch(/singal/);
  });

  it('refuses a device name used twice, and two front doors', () => {
    expect(problem((m) => (sensor(m, '5').device = 'kitchen-fridge'))).toMatch(
      /device "kitchen-fridge" is also sensor 2/,
    );
    expect(problem((m) => (sensor(m, '2').role = 'front_door'))).toMatch(/more than one front_door/);
  });

  it('refuses an unknown time zone and a device name that is not a slug', () => {
    expect(problem((m) => (m.timeZone = 'Europe/Atlantis'))).toMatch(
      /not an IANA time zone Intl knows[\s\S]*at timeZone/,
    );
    expect(problem((m) => (sensor(m, '2').device = 'Kitchen Fridge'))).toMatch(/lower-case words joined by "-"/);
  });
});

describe.each(VAN_KASTEREN_HOUSES)('the bundled mapping of house %s', (house) => {
  const mapping = vanKasterenMapping(house);

  it('is valid and names one front door', () => {
    expect(mapping.dataset).toBe(`vankasteren/house${house}`);
    expect(Object.values(mapping.sensors).filter((s) => s.role === 'front_door')).toHaveLength(1);
  });

  it('gives every device an address the gateway accepts, in both formats', () => {
    for (const sensor of Object.values(mapping.sensors)) {
      expect(addressProblem('vaka', addressOf(mapping, sensor, 'vaka'))).toBeUndefined();
      expect(addressProblem('z2m', addressOf(mapping, sensor, 'z2m'))).toBeUndefined();
    }
  });
});
