/**
 * The simulator's control topic: `<prefix>/sim/control`, where anyone on the broker can ask a
 * running simulation to inject an incident, e.g. from a shell:
 *
 *   mosquitto_pub -h 127.0.0.1 -q 1 -t vaka-sim/sim/control -m '{"incident":"fall","home":"1"}'
 *
 * `home` is a home id (`demo2`) or its 1-based number (`"2"` or `2`), as `simulate --list` shows.
 * Never publish it retained: a retained fall would strike again each time a simulation starts.
 */
import { z } from 'zod';
import { type Home, IncidentKind } from '../contract.js';

/** Kept apart from the sensor prefix (`vaka`), so the gateway never sees control messages. */
export const DEFAULT_CONTROL_PREFIX = 'vaka-sim';
/** Longer payloads are refused unread, in bytes: a control message is a few dozen. */
export const MAX_CONTROL_BYTES = 1024;

export function controlTopic(prefix = DEFAULT_CONTROL_PREFIX): string {
  return `${prefix}/sim/control`;
}

export const ControlMessage = z.strictObject({
  incident: IncidentKind,
  /** A home id, or the home's 1-based number (as text or a number). */
  home: z.union([z.string().trim().min(1), z.number().int().positive()]),
});
export type ControlMessage = z.infer<typeof ControlMessage>;

export type ControlParse =
  | { ok: true; kind: IncidentKind; homeIndex: number; message: ControlMessage }
  | { ok: false; reason: string };

/**
 * A control payload as an incident for home `homeIndex` (0-based), or the reason it is refused.
 * A home id wins over a number: a home whose id is `"3"` is that home, not the third.
 */
export function parseControl(payload: string | Uint8Array, homes: readonly Home[]): ControlParse {
  const bytes = typeof payload === 'string' ? Buffer.byteLength(payload) : payload.byteLength;
  if (bytes > MAX_CONTROL_BYTES) return { ok: false, reason: `${bytes} bytes, limit ${MAX_CONTROL_BYTES}` };
  const text = typeof payload === 'string' ? payload : Buffer.from(payload).toString('utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: `not JSON: ${(error as Error).message}` };
  }
  const parsed = ControlMessage.safeParse(json);
  if (!parsed.success) return { ok: false, reason: z.prettifyError(parsed.error).replaceAll('\n', ' ') };
  const homeIndex = resolveHome(parsed.data.home, homes);
  if (typeof homeIndex === 'string') return { ok: false, reason: homeIndex };
  return { ok: true, kind: parsed.data.incident, homeIndex, message: parsed.data };
}

/** The 0-based index of the home, or why there is none. */
export function resolveHome(home: string | number, homes: readonly Home[]): number | string {
  if (typeof home === 'string') {
    const byId = homes.findIndex((h) => h.id === home);
    if (byId >= 0) return byId;
    if (!/^\d+$/.test(home)) return `no home with id "${home.slice(0, 64)}"`;
  }
  const number = Number(home);
  if (number >= 1 && number <= homes.length) return number - 1;
  return `no home ${number}: there are ${homes.length} (numbered from 1)`;
}
