/**
 * A few real SisFall windows for tests (Sucerquia, López, Vargas-Bonilla, Sensors 17(1):198,
 * 2017), read from the shared data (tests/helpers/shared-data.ts); tests that need them are
 * skipped where it is absent, except under CI=true, where they fail. Trials are from held-out people (TEST_SUBJECTS), whom the committed
 * model never saw.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readTrial } from '../../../../service/model/fall/sisfall.js';
import type { Sample } from '../../../../service/model/fall/windows.js';
import { testEnv } from '../../../helpers/env.js';
import { missingData, SISFALL_DIR } from '../../../helpers/shared-data.js';

export { SISFALL_DIR };
/** Run the SisFall tests: the data are here, or CI=true (where their absence must fail). */
export const hasSisfall = existsSync(join(SISFALL_DIR, 'SA04')) || testEnv.ci;

export function trialSamples(code: string, subject: string, trial = 1): Sample[] {
  const file = `${code}_${subject}_R${String(trial).padStart(2, '0')}.csv`;
  const path = join(SISFALL_DIR, subject, file);
  if (!existsSync(path)) throw new Error(missingData('the SisFall trials', SISFALL_DIR));
  return readTrial({ code, subject, trial, isFall: code.startsWith('F'), path }).samples;
}

/** The 4 s a streaming wearable sends with the trial's largest impact 1 s after its start. */
export function impactWindow(samples: readonly Sample[], leadS = 1, lengthS = 4): Sample[] {
  let impact = 0;
  samples.forEach(([x, y, z], i) => {
    const [a = 0, b = 0, c = 0] = samples[impact] ?? [];
    if (x * x + y * y + z * z > a * a + b * b + c * c) impact = i;
  });
  const from = Math.max(0, Math.min(samples.length - lengthS * 50, impact - leadS * 50));
  return samples.slice(from, from + lengthS * 50);
}
