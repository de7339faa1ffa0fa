import type { DeadLetterReason, DecodedMessage } from '../contract.js';

/** What a format decoder makes of one message. */
export type DecodeResult =
  | { kind: 'decoded'; message: DecodedMessage }
  /** A topic the format uses for something other than sensor readings (bridge state, commands). */
  | { kind: 'ignored'; why: string }
  | { kind: 'rejected'; reason: DeadLetterReason; detail: string };

export const rejected = (reason: DeadLetterReason, detail: string): DecodeResult => ({
  kind: 'rejected',
  reason,
  detail,
});

/** JSON.parse that reports instead of throwing. */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}
