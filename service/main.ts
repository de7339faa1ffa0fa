/**
 * `npm start`: parse the configuration once, start Vaka, stop gracefully on SIGTERM/SIGINT.
 * Start-up failures a user can fix (a port in use, an unreachable broker or database, a bad
 * variable) are one line on stderr, not a stack trace.
 */
import { pino } from 'pino';
import { BrokerUnreachableError } from '../gateway/gateway.js';
import { ConfigError, loadConfig } from './config.js';
import { DatabaseUnreachableError } from './db/db.js';
import { JournalUnavailableError } from './journal/journal.js';
import { JournalLockedError } from './journal/lock.js';
import { PortInUseError } from './listen.js';
import { startVaka, type Vaka } from './vaka.js';

/**
 * Never in the process log: credentials and tokens (headers, bodies), whoever logs them.
 * Residents' names and health details are simply not logged (ids only).
 */
export const LOG_REDACTIONS = {
  paths: [
    'req.headers.authorization',
    'req.headers.cookie',
    'req.headers["sec-websocket-protocol"]',
    '*.password',
    '*.currentPassword',
    '*.newPassword',
    '*.token',
    '*.passwordHash',
    // PostgreSQL's error detail can quote a failing row ("Failing row contains (…)"): names.
    'err.detail',
  ],
  censor: '[redacted]',
};

const EXPLAINED = [
  ConfigError,
  PortInUseError,
  BrokerUnreachableError,
  DatabaseUnreachableError,
  JournalLockedError,
  JournalUnavailableError,
];

export interface MainOptions {
  /** Runs first when a signal asks Vaka to stop (the demo stops its simulated sensors here). */
  beforeStop?: () => Promise<void>;
}

export async function main(
  env: Record<string, string | undefined> = process.env,
  options: MainOptions = {},
): Promise<Vaka | undefined> {
  try {
    const config = loadConfig(env);
    const logger = pino({ level: config.logLevel, base: { service: 'vaka' }, redact: LOG_REDACTIONS });
    const vaka = await startVaka(config, logger);
    logger.info(
      { http: `http://localhost:${vaka.httpPort}/`, api: '/api/v1', stream: '/api/v1/stream' },
      'Vaka is running',
    );
    if (vaka.firstAdmin?.oneTimePassword !== undefined) {
      // Shown once, on the terminal only (not through the logger, so not into log files), and
      // changed at first sign-in. Set VAKA_ADMIN_USER / VAKA_ADMIN_PASSWORD to choose it instead.
      process.stdout.write(
        `\nFirst start: sign in at http://localhost:${vaka.httpPort}/ as "${vaka.firstAdmin.username}" ` +
          `with the one-time password\n\n    ${vaka.firstAdmin.oneTimePassword}\n\n` +
          'You will be asked to choose a new password. This password is not shown again.\n\n',
      );
    }
    let stopping = false;
    const shutdown = (signal: string) => {
      if (stopping) return;
      stopping = true;
      logger.info({ signal }, 'stopping: finishing in-flight work');
      const before = options.beforeStop?.() ?? Promise.resolve();
      before
        .catch((error: unknown) => logger.error({ err: error }, 'before-stop work failed'))
        .then(() => vaka.stop())
        .then(
          () => process.exit(0),
          (error: unknown) => {
            logger.error({ err: error }, 'stop failed');
            process.exit(1);
          },
        );
    };
    process.once('SIGTERM', () => shutdown('SIGTERM'));
    process.once('SIGINT', () => shutdown('SIGINT'));
    return vaka;
  } catch (error) {
    if (EXPLAINED.some((kind) => error instanceof kind)) {
      process.stderr.write(`vaka: ${(error as Error).message}\n`);
      process.exitCode = 1;
      return undefined;
    }
    throw error;
  }
}

const entry = process.argv[1] ?? '';
if (entry.endsWith('/service/main.js') || entry.endsWith('/service/main.ts')) {
  await main();
}
