import { describe, expect, it } from 'vitest';
import type { DecodedMessage, DeviceBinding } from '../../gateway/contract.js';
import { peakMagnitude, readingsOf, toEvents } from '../../gateway/readings.js';

const msg = (signals: DecodedMessage['signals'], eventTime?: number): DecodedMessage => ({
  format: 'z2m',
  address: 'x',
  signals,
  ...(eventTime === undefined ? {} : { eventTime }),
});

describe('readings: what a message means depends on what the device is', () => {
  it('occupancy is motion on a PIR, occupancy on a bed or chair, presence on a presence sensor', () => {
    expect(readingsOf(msg({ occupancy: true }), 'motion')).toEqual([{ type: 'motion', value: true }]);
    expect(readingsOf(msg({ occupancy: true }), 'bed')).toEqual([{ type: 'occupancy', value: true }]);
    expect(readingsOf(msg({ occupancy: false }), 'chair')).toEqual([{ type: 'occupancy', value: false }]);
    expect(readingsOf(msg({ occupancy: true }), 'presence')).toEqual([{ type: 'presence', value: true }]);
  });

  it('a button action is a help press only on a help button or wearable', () => {
    expect(readingsOf(msg({ action: 'single' }), 'help_button')).toEqual([{ type: 'help', value: true }]);
    expect(readingsOf(msg({ action: 'double' }), 'wearable')).toEqual([{ type: 'help', value: true }]);
    expect(readingsOf(msg({ action: 'single' }), 'other')).toEqual([{ type: 'heartbeat', value: null }]);
  });

  it('the release after a hold is not a second press', () => {
    expect(readingsOf(msg({ action: 'release' }), 'help_button')).toEqual([{ type: 'heartbeat', value: null }]);
  });

  it('an explicit help signal counts whatever the device is registered as', () => {
    expect(readingsOf(msg({ help: true }), 'other')).toEqual([{ type: 'help', value: true }]);
  });

  it('a message with only battery becomes a battery reading, with nothing a heartbeat', () => {
    expect(readingsOf(msg({ battery: 40, linkquality: 100 }), 'motion')).toEqual([{ type: 'battery', value: 40 }]);
    expect(readingsOf(msg({ linkquality: 100 }), 'motion')).toEqual([{ type: 'heartbeat', value: null }]);
  });

  it('a fall detector reporting no fall produces no fall reading', () => {
    expect(readingsOf(msg({ fall: false, presence: true }), 'fall_detector')).toEqual([
      { type: 'presence', value: true },
    ]);
  });

  it('events carry the binding, battery and link quality, and receive time when the format has no time', () => {
    const binding: DeviceBinding = { deviceId: 'd', residentId: 'r', roomId: 'room', kind: 'motion' };
    const [event] = toEvents(msg({ occupancy: true, battery: 55, linkquality: 80 }), binding, 1000);
    expect(event).toEqual({
      deviceId: 'd',
      residentId: 'r',
      roomId: 'room',
      sensorKind: 'motion',
      type: 'motion',
      value: true,
      eventTime: 1000,
      receivedAt: 1000,
      battery: 55,
      linkquality: 80,
    });
    expect(toEvents(msg({ occupancy: true }, 500), binding, 1000)[0]?.eventTime).toBe(500);
  });

  it('an accelerometer window reads as its peak magnitude in g', () => {
    expect(
      peakMagnitude([
        [0, 0, 1],
        [3, 4, 0],
        [0.5, 0.5, 0.5],
      ]),
    ).toBe(5);
  });
});
