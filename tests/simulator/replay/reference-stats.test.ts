import { describe, expect, it } from 'vitest';
import { type OnEvent, referenceStats } from '../../../simulator/replay/index.js';

const at = (text: string) => Date.parse(`${text}Z`);
const event = (text: string, roomKind: string, sensorKind = 'door', mat = false): OnEvent => ({
  wall: at(text),
  roomKind,
  sensorKind,
  mat,
});

/** Four days: the first and last are partial and left out; 4 and 5 March are measured. */
const events: OnEvent[] = [
  event('2025-03-03T20:00:00', 'kitchen'),
  // 4 March: a mat twitching at night, a night toilet trip, bedroom door at 06:40, kitchen at 07:00.
  event('2025-03-04T02:00:00', 'bedroom', 'bed', true),
  event('2025-03-04T03:00:00', 'bathroom'),
  event('2025-03-04T03:05:00', 'bathroom', 'other'),
  event('2025-03-04T06:40:00', 'bedroom'),
  event('2025-03-04T07:00:00', 'kitchen'),
  event('2025-03-04T07:30:00', 'bathroom'),
  // 5 March: first activity at 08:00; two bathroom visits 20 min apart.
  event('2025-03-05T08:00:00', 'hall'),
  event('2025-03-05T09:00:00', 'bathroom'),
  event('2025-03-05T09:20:00', 'bathroom'),
  event('2025-03-06T07:00:00', 'kitchen'),
];

describe('reference statistics of a home', () => {
  const stats = referenceStats(events);

  it('measures whole days only', () => {
    expect(stats.days).toBe(2);
    expect(stats.eventsPerDay).toBe(4.5);
  });

  it('counts events per day by room kind and sensor kind', () => {
    expect(stats.byRoomKind).toEqual({ bedroom: 1, bathroom: 2.5, kitchen: 0.5, hall: 0.5 });
    expect(stats.bySensorKind).toEqual({ bed: 0.5, door: 3.5, other: 0.5 });
  });

  it('takes the median first activity at or after 05:00 outside the bedroom and not from a mat', () => {
    expect(stats.firstMorningActivity).toBe('07:30');
    expect(stats.mornings).toBe(2);
  });

  it('counts night events (00–06), all and outside the bedroom, per night', () => {
    expect(stats.nightEventsPerNight).toBe(1.5);
    expect(stats.nightEventsOutsideBedroom).toBe(1);
  });

  it('counts bathroom visits as runs of bathroom events less than 10 min apart', () => {
    expect(stats.bathroomVisitsPerDay).toBe(2);
  });
});
