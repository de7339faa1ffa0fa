/**
 * `npm run simulate -- [command] [options]`: the tester's simulator. Plays cohorts and replays
 * onto MQTT, writes them to files, lists homes to register, injects incidents into a running
 * simulation. `npm run simulate -- --help`; docs/simulator.md.
 */

import { processIo } from './cli-io.js';
import { runCli } from './cli-main.js';

runCli(process.argv.slice(2), processIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`simulate: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
