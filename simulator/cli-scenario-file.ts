/**
 * A scenario file: `.json` as JSON, `.yaml`/`.yml` (or anything else) as YAML 1.2, checked by
 * parseScenario. Problems are InputErrors (exit 1) in one line naming the file.
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { PayloadFormat } from '../gateway/contract.js';
import { InputError, oneLine } from './cli-errors.js';
import { parseScenario, type Scenario, ScenarioError } from './scenario.js';

/** What a scenario file may have replaced from the command line. */
export interface ScenarioOverrides {
  seed?: number | undefined;
  format?: PayloadFormat | undefined;
}

/**
 * Reads a scenario file: `.json` as JSON, `.yaml`/`.yml` as YAML (1.2, so `14:05` stays a
 * string), anything else as YAML (JSON is YAML too). Problems are one line naming the file.
 */
export function readScenarioFile(path: string, overrides: ScenarioOverrides = {}): Scenario {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new InputError(`--scenario: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let data: unknown;
  try {
    data = extname(path).toLowerCase() === '.json' ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    const kind = extname(path).toLowerCase() === '.json' ? 'JSON' : 'YAML';
    throw new InputError(`${path}: not valid ${kind}: ${oneLine((error as Error).message)}`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new InputError(`${path}: a scenario is a mapping with seed, start, days and residents`);
  }
  const withOverrides = {
    ...data,
    ...(overrides.seed === undefined ? {} : { seed: overrides.seed }),
    ...(overrides.format === undefined ? {} : { format: overrides.format }),
  };
  try {
    return parseScenario(withOverrides);
  } catch (error) {
    if (error instanceof ScenarioError) throw new InputError(`${path}: ${oneLine(error.message)}`);
    throw error;
  }
}
