import { pino } from 'pino';

/** A logger for tests: silent unless TEST_LOG=debug etc. */
export const testLogger = pino({ level: process.env.TEST_LOG ?? 'silent' });
