/**
 * The CLI's two kinds of failure, by exit code: a bad command line (2) and a file or broker
 * that cannot be used (1). Both are shown as one line; the tester fixes the input and retries.
 */

import { PlanError } from './incident-planner.js';
import { NoIncidentDeviceError } from './incidents.js';
import { BrokerError } from './mqtt-publisher.js';
import { IncidentPlacementError, ReplayInputError, UnmappedSensorError } from './replay/index.js';
import { ScenarioError } from './scenario.js';

/** A bad option or command: reported as one line naming the flag, exit code 2. */
export class UsageError extends Error {
  readonly code = 'VAKA_SIM_USAGE';
}

/** A file that cannot be read or written, or says something impossible: exit code 1. */
export class InputError extends Error {
  readonly code = 'VAKA_SIM_INPUT';
}

export const EXIT_OK = 0;
export const EXIT_INPUT = 1;
export const EXIT_USAGE = 2;

/** Errors the tester causes with a file or a broker (exit 1), as opposed to bugs. */
export function isInputProblem(error: unknown): error is Error {
  return (
    error instanceof InputError ||
    error instanceof BrokerError ||
    error instanceof ScenarioError ||
    error instanceof PlanError ||
    error instanceof NoIncidentDeviceError ||
    error instanceof ReplayInputError ||
    error instanceof UnmappedSensorError ||
    error instanceof IncidentPlacementError
  );
}

/** Multi-line messages (zod's pretty errors) as one line. */
export function oneLine(message: string): string {
  return message
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('; ')
    .replace(/✖ /g, '')
    .replace(/;\s*→ at ([^;]+)/g, ' (at $1)');
}
