/**
 * Building blocks of an alert's structured explanation (service/contract.ts AlertExplanation),
 * used by the detectors where they build an alert: the same figures their English `reason`
 * states, as whole minutes, local clock minutes and day counts, for the dashboard to put into
 * words in the staff's language.
 */
import type { AlertExplanation } from '../contract.js';
import type { DeviceInfo } from '../registry.js';

type Params<K extends AlertExplanation['key']> = Extract<AlertExplanation, { key: K }>['params'];
export type DeviceRef = Params<'help.pressed'>['device'];
export type Place = Params<'inactivity'>['place'];
export type PartOfDay = Params<'inactivity'>['partOfDay'];

/** Whole minutes of a duration (what "48 min" in the reason says). */
export function wholeMinutes(ms: number): number {
  return Math.max(0, Math.floor(ms / 60_000));
}

/** A local clock time as the minute of the day, 0–1439. */
export function clockMinute(minuteOfDay: number): number {
  return ((Math.round(minuteOfDay) % 1440) + 1440) % 1440;
}

/** The device the way staff know it; null when the registry does not know it. */
export function deviceRef(device: DeviceInfo | undefined): DeviceRef {
  if (device === undefined) return null;
  return { kind: device.kind, room: device.roomName, label: device.label };
}

/** Where the person was last: the room's name and what kind of room it is. */
export function place(room: string | null, group: Place['group']): Place {
  return { room, group };
}

/** How far outside the norm: a multiple of the usual longest (one decimal below 10) and the minutes past it. */
export function outside(observedMs: number, normMs: number): { timesUsual: number; overMin: number } {
  const ratio = normMs > 0 ? observedMs / normMs : 0;
  return {
    timesUsual: ratio >= 10 ? Math.round(ratio) : Math.round(ratio * 10) / 10,
    overMin: wholeMinutes(observedMs - normMs),
  };
}

/** The same split of the day as the English reasons (model/explain.ts partOfDay). */
export function partOfDayOf(hour: number): PartOfDay {
  if (hour < 6 || hour >= 22) return 'night';
  if (hour < 12) return 'morning';
  if (hour < 18) return 'afternoon';
  return 'evening';
}

/** "5–15 min": the usual range of a stay, rounded as the reason rounds it (at least 1 min). */
export function usualRange(lowMs: number, highMs: number): { usualMin: number; usualMax: number } {
  const usualMin = Math.max(1, Math.round(lowMs / 60_000));
  return { usualMin, usualMax: Math.max(usualMin, Math.round(highMs / 60_000)) };
}
