/** Reconnect delays: 1 s, 2 s, 4 s … doubling up to 30 s, then 30 s for as long as it takes. */
export const FIRST_RETRY_MS = 1_000; // ms
export const MAX_RETRY_MS = 30_000; // ms
/**
 * Each delay is shortened by up to this fraction at random, so that when the service
 * restarts, every tablet in the municipality does not reconnect in the same millisecond.
 */
export const JITTER = 0.2;

/**
 * The delay before reconnect attempt `attempt` (0 for the first retry after a loss).
 * `random` is injected (a number in [0, 1)) so tests are deterministic.
 */
export function retryDelay(attempt: number, random: () => number = Math.random): number {
  const exponent = Math.min(Math.max(attempt, 0), 16); // 2^16 s is far past the cap already
  const base = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** exponent);
  return Math.round(base * (1 - JITTER * random()));
}
