/**
 * The homes' everyday life from a start time, with no end and no planned incidents: what
 * `npm run demo` and `npm run simulate` play. Its truth is the run itself (the runner adds the
 * incidents triggered on demand).
 */
import type { PayloadFormat } from '../gateway/contract.js';
import type { Home } from './contract.js';
import { profileOf } from './homes.js';
import type { ReadingSource } from './source.js';
import { simulationTimeline } from './timeline.js';
import { runRecord } from './truth.js';

export function liveSource(
  homes: readonly Home[],
  options: { seed: number; start: number; format: PayloadFormat },
): ReadingSource {
  const { seed, start, format } = options;
  return {
    homes,
    start,
    end: undefined,
    readings: () => simulationTimeline(homes, { seed, start, accel: format === 'vaka' }),
    truth: () => [
      runRecord({
        source: 'simulator',
        seed,
        start,
        end: start,
        format,
        homes: homes.map((home) => ({ home, profile: home.profile ?? profileOf(home).name })),
      }),
    ],
  };
}
