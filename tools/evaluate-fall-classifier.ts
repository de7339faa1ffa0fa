/**
 * Measures the committed wearable fall classifier on the held-out SisFall people: per-trial
 * sensitivity and specificity (a fall trial is detected when any window raises, an activity
 * trial is a false alarm when any does), the codes where it fails, and inference time.
 *
 *   npx tsx tools/evaluate-fall-classifier.ts [--data DIR] [--json FILE] [--window S --hop S]
 *
 * Data: SisFall (Sucerquia, López, Vargas-Bonilla, Sensors 17(1):198, 2017), read from
 * --data (default ../shared/data/sisfall-50hz, relative to the working directory).
 * `evaluateFallClassifier(dataDir)` is exported for the main evaluator.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { committedFallClassifier } from '../service/model/fall/classifier.js';
import { evaluateFallClassifier, type FallEvaluation } from '../service/model/fall/evaluate.js';
import { DEFAULT_SISFALL_DIR } from '../service/model/fall/sisfall.js';

export { evaluateFallClassifier, type FallEvaluation };

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      data: { type: 'string', default: DEFAULT_SISFALL_DIR },
      json: { type: 'string' },
      window: { type: 'string' },
      hop: { type: 'string' },
    },
  });
  const own = committedFallClassifier().model.window;
  const window = {
    lengthS: values.window === undefined ? own.lengthS : Number(values.window),
    hopS: values.hop === undefined ? own.hopS : Number(values.hop),
  };
  const evaluation = evaluateFallClassifier(values.data, { window });
  console.log(evaluation.text);
  if (values.json !== undefined) writeFileSync(values.json, `${JSON.stringify(evaluation, null, 2)}\n`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  await main();
}
