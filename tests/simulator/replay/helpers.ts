/** Fixtures for the replay tests: a made-up three-day house "T" and a small event log. */
import { fileURLToPath } from 'node:url';
import {
  type ReplayDataset,
  type ReplayMapping,
  readMapping,
  readVanKasterenHouse,
  vanKasterenDataset,
} from '../../../simulator/replay/index.js';

export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
export const HOUSE_DIR = `${FIXTURES}vankasteren`;
export const HOUR = 3_600_000;
export const MIN = 60_000;

/** House T's mapping, freshly read (tests may change their copy). */
export function houseTMapping(): ReplayMapping {
  return readMapping(`${FIXTURES}mapping-houseT.json`);
}

export function houseT(): { dataset: ReplayDataset; mapping: ReplayMapping } {
  const mapping = houseTMapping();
  return { dataset: vanKasterenDataset(readVanKasterenHouse(HOUSE_DIR, 'T'), mapping), mapping };
}

/** Local `YYYY-MM-DD HH:MM:SS` in a zone, to state expectations as a person reads them. */
export function local(at: number, timeZone = 'Europe/Stockholm'): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).format(at);
}
