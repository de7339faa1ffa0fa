import { describe, expect, it } from 'vitest';
import { applyActivity, lastRoomName } from '../../dashboard/src/residents-state.js';
import { resident } from './fixtures.js';

const KITCHEN = '20000000-0000-4000-8000-000000000002';
const BATHROOM = '20000000-0000-4000-8000-000000000001';

describe('activity frames', () => {
  it('move the resident’s last activity and room forward', () => {
    const r = resident({ lastActivityAt: '2026-11-20T02:50:00.000Z', lastRoomId: KITCHEN });
    const [after] = applyActivity([r], {
      type: 'activity',
      residentId: r.id,
      roomId: BATHROOM,
      at: '2026-11-20T03:00:00.000Z',
    });
    expect(after?.lastActivityAt).toBe('2026-11-20T03:00:00.000Z');
    expect(after && lastRoomName(after)).toBe('Bathroom');
  });

  it('are ignored when older than what is shown (they are not sequenced)', () => {
    const list = [resident({ lastActivityAt: '2026-11-20T03:00:00.000Z' })];
    const frame = {
      type: 'activity' as const,
      residentId: list[0]?.id ?? '',
      roomId: null,
      at: '2026-11-20T02:00:00.000Z',
    };
    expect(applyActivity(list, frame)).toBe(list);
  });

  it('are ignored for residents not in the list', () => {
    const list = [resident()];
    const frame = {
      type: 'activity' as const,
      residentId: '10000000-0000-4000-8000-0000000000ff',
      roomId: null,
      at: '2026-11-20T03:00:00.000Z',
    };
    expect(applyActivity(list, frame)).toBe(list);
  });
});

describe('lastRoomName', () => {
  it('is null when the room is unknown', () => {
    expect(lastRoomName(resident({ lastRoomId: null }))).toBeNull();
    expect(lastRoomName(resident({ lastRoomId: '20000000-0000-4000-8000-0000000000ff' }))).toBeNull();
  });
});
