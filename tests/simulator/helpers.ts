/** Shared fixtures for the simulator tests. */
import type { PayloadFormat } from '../../gateway/contract.js';
import type { ScheduledReading, SimMessage } from '../../simulator/index.js';
import { renderReading } from '../../simulator/index.js';

/** Monday 3 March 2025, 06:00 in Stockholm (CET, UTC+1). */
export const MONDAY_6AM = Date.parse('2025-03-03T06:00:00+01:00');
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export function render(format: PayloadFormat, readings: readonly ScheduledReading[]): SimMessage[] {
  return readings.map((r) => renderReading(format, r.device, r.reading, r.at));
}

/** A publish that records what it is given. */
export function recordingPublish() {
  const messages: SimMessage[] = [];
  return {
    messages,
    publish: async (topic: string, payload: string) => {
      messages.push({ topic, payload });
    },
  };
}

const hourFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Stockholm',
  hourCycle: 'h23',
  hour: '2-digit',
  minute: '2-digit',
});
const dateFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Stockholm' });

/** Hours since local midnight in Stockholm (the simulator's default zone), e.g. 7.5 for 07:30. */
export function localHour(at: number): number {
  const [h, m] = hourFormat.format(at).split(':').map(Number);
  return (h ?? 0) + (m ?? 0) / 60;
}

/** The Stockholm calendar date of a moment, YYYY-MM-DD. */
export function localDay(at: number): string {
  return dateFormat.format(at);
}

/** Readings grouped by home id, each in time order. */
export function byHome(readings: Iterable<ScheduledReading>): Map<string, ScheduledReading[]> {
  const homes = new Map<string, ScheduledReading[]>();
  for (const r of readings) {
    const list = homes.get(r.homeId) ?? [];
    list.push(r);
    homes.set(r.homeId, list);
  }
  return homes;
}

/** A PIR saw someone move. */
export const isDetection = (r: ScheduledReading) => r.reading.kind === 'motion' && r.reading.detected;

/** Something only a person at home does: movement, a door, the bed or chair, an appliance, a button. */
export const isActivity = (r: ScheduledReading) =>
  isDetection(r) || ['door', 'bed', 'chair', 'power', 'help'].includes(r.reading.kind);

export const between = (from: number, to: number) => (r: ScheduledReading) => r.at >= from && r.at < to;
