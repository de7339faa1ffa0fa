/**
 * The CLI as a function: argv and an io in, an exit code out (0 done, 1 a file or the broker
 * could not be used, 2 a bad command line). cli.ts runs it on the process; tests run it
 * in-process with their own io.
 */
import { randomInt } from 'node:crypto';
import { EXIT_INPUT, EXIT_OK, EXIT_USAGE, isInputProblem, oneLine, UsageError } from './cli-errors.js';
import { generate } from './cli-generate.js';
import { inject } from './cli-inject.js';
import type { CliIo } from './cli-io.js';
import { listJson, listTable } from './cli-list.js';
import { type CliCommand, COMMANDS, type CohortChoice, parseCli } from './cli-options.js';
import { playOnBroker } from './cli-play.js';
import { homesOf, loadReplay, playableOf } from './cli-sources.js';
import { summarize } from './cli-summary.js';
import { usage } from './cli-usage.js';
import type { Topics } from './contract.js';

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    await dispatch(parseCli(argv, io.env, io.now()), io);
    return EXIT_OK;
  } catch (error) {
    if (error instanceof UsageError) {
      const command = argv.find((arg) => (COMMANDS as readonly string[]).includes(arg));
      io.err(`simulate: ${error.message} (see ${command === undefined ? '' : `${command} `}--help)`);
      return EXIT_USAGE;
    }
    if (isInputProblem(error)) {
      io.err(`simulate: ${oneLine(error.message)}`);
      return EXIT_INPUT;
    }
    throw error;
  }
}

async function dispatch(command: CliCommand, io: CliIo): Promise<void> {
  switch (command.command) {
    case 'usage':
      io.out(usage(command.topic));
      return;
    case 'run':
      if (command.list) {
        list(command.cohort, command.topics, command.json, io);
        return;
      }
      await playOnBroker(
        {
          playable: playableOf(command.cohort, io.now(), () => randomInt(2 ** 31)),
          topics: command.topics,
          broker: command.broker,
          play: command.play,
        },
        io,
      );
      return;
    case 'replay': {
      const { replay, description } = loadReplay(command);
      if (command.list) {
        io.out(
          command.json
            ? listJson(replay.homes, command.format)
            : listTable(replay.homes, command.format, command.topics),
        );
        if (!command.json) for (const note of replay.notes) io.out(`note: ${note}`);
        return;
      }
      await playOnBroker(
        {
          playable: { source: replay, format: command.format, seed: command.seed, description },
          topics: command.topics,
          broker: command.broker,
          play: command.play,
        },
        io,
      );
      return;
    }
    case 'generate':
      generate(command, io);
      return;
    case 'list':
      list(command.cohort, command.topics, command.json, io);
      return;
    case 'summary':
      summarize(command, io);
      return;
    case 'inject':
      await inject(command, io);
      return;
  }
}

function list(cohort: CohortChoice, topics: Topics, json: boolean, io: CliIo): void {
  const { homes, format } = homesOf(cohort);
  io.out(json ? listJson(homes, format) : listTable(homes, format, topics));
}
