/**
 * A van Kasteren house as a ReplayDataset, with its bundled mapping
 * (mappings/vankasteren-house<X>.json). The data are never copied into the repository: they are
 * read from a folder, by default ../shared/data/vankasteren next to the repository.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ReplayDataset, SensorInterval, WallSpan } from './dataset.js';
import { ReplayInputError } from './errors.js';
import { assertAllMapped, parseMapping, type ReplayMapping } from './mapping.js';
import houseA from './mappings/vankasteren-houseA.json' with { type: 'json' };
import houseB from './mappings/vankasteren-houseB.json' with { type: 'json' };
import houseC from './mappings/vankasteren-houseC.json' with { type: 'json' };
import houseD from './mappings/vankasteren-houseD.json' with { type: 'json' };
import houseE from './mappings/vankasteren-houseE.json' with { type: 'json' };
import { readVanKasterenHouse, type TimedRow, type VanKasterenHouse } from './vankasteren.js';
import { toWall } from './wall-clock.js';

export const VAN_KASTEREN_HOUSES = ['A', 'B', 'C', 'D', 'E'] as const;
export type VanKasterenHouseId = (typeof VAN_KASTEREN_HOUSES)[number];

const BUNDLED: Record<VanKasterenHouseId, unknown> = { A: houseA, B: houseB, C: houseC, D: houseD, E: houseE };

/** The bundled mapping of a house, validated. */
export function vanKasterenMapping(house: VanKasterenHouseId): ReplayMapping {
  return parseMapping(BUNDLED[house], `mappings/vankasteren-house${house}.json`);
}

/**
 * `../shared/data/vankasteren` relative to the repository root (the nearest folder up from this
 * file with a package.json), so it resolves the same from the sources and from dist/.
 */
export function defaultVanKasterenDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('no package.json above simulator/replay: pass the data folder explicitly');
    dir = parent;
  }
  return resolve(dir, '..', 'shared', 'data', 'vankasteren');
}

/**
 * The house's rows as a dataset. Every sensor id in the data and in the names file must be
 * mapped (UnmappedSensorError otherwise); the mapping must be for this house.
 */
export function vanKasterenDataset(house: VanKasterenHouse, mapping: ReplayMapping): ReplayDataset {
  const source = `vankasteren/house${house.house}`;
  if (mapping.dataset !== source) {
    throw new ReplayInputError(house.files.sensors, undefined, `the mapping is for ${mapping.dataset}, not ${source}`);
  }
  assertAllMapped(mapping, [
    ...house.sensors.map((row) => ({ id: row.id, file: house.files.sensors, line: row.line })),
    ...[...house.sensorNames].map(([id, { line }]) => ({ id, file: house.files.sensorNames, line })),
  ]);
  const wall = (row: TimedRow) =>
    mapping.clock === 'local' ? row.startS * 1000 : toWall(row.startS * 1000, mapping.timeZone);
  const intervals: SensorInterval[] = house.sensors.map((row) => ({
    sensor: row.id,
    start: wall(row),
    durationMs: row.durationS * 1000,
  }));
  const awayIds = new Set(mapping.awayActivities);
  const away: WallSpan[] = house.activities
    .filter((row) => awayIds.has(row.id))
    .map((row) => ({ start: wall(row), end: wall(row) + row.durationS * 1000 }));
  return { source, intervals, away };
}

export interface LoadOptions {
  /** Folder with the `houseX.*` files; default defaultVanKasterenDir(). */
  dataDir?: string;
  /** A mapping to use instead of the bundled one. */
  mapping?: ReplayMapping;
}

/** Reads a house and its mapping: what createReplay needs. */
export function loadVanKasteren(
  house: VanKasterenHouseId,
  options: LoadOptions = {},
): { dataset: ReplayDataset; mapping: ReplayMapping } {
  const mapping = options.mapping ?? vanKasterenMapping(house);
  const dir = options.dataDir ?? defaultVanKasterenDir();
  return { dataset: vanKasterenDataset(readVanKasterenHouse(dir, house), mapping), mapping };
}
