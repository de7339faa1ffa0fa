import { describe, expect, it } from 'vitest';
import { fallFromDevice } from '../../../service/detectors/fall-device.js';
import { helpButton } from '../../../service/detectors/help-button.js';
import { bathroomDevice, contextWith, event } from './fixtures.js';

describe('[FALL-1] fall reported by a device', () => {
  const ctx = contextWith(bathroomDevice({ kind: 'fall_detector' }));

  it('raises a critical fall alert at the event time, naming the device and room', () => {
    const [action] =
      fallFromDevice().onEvent?.(event({ type: 'fall', value: true, sensorKind: 'fall_detector' }), ctx) ?? [];
    expect(action).toEqual({
      kind: 'raise',
      alert: expect.objectContaining({
        ruleId: 'FALL-1',
        kind: 'fall',
        severity: 'critical',
        foldKey: 'fall',
        at: 1_000_000,
        reason: 'Fall reported by the bathroom fall detector',
      }),
    });
  });

  it('ignores everything that is not a reported fall', () => {
    expect(fallFromDevice().onEvent?.(event({ type: 'motion' }), ctx)).toEqual([]);
  });
});

describe('[HELP-1] help button', () => {
  it('raises a critical help alert on a press', () => {
    const ctx = contextWith(bathroomDevice({ kind: 'help_button', roomName: 'Hall' }));
    const [action] = helpButton().onEvent?.(event({ type: 'help', value: true }), ctx) ?? [];
    expect(action?.kind === 'raise' && action.alert).toMatchObject({
      ruleId: 'HELP-1',
      severity: 'critical',
      foldKey: 'help',
      reason: 'Help requested: the hall help button was pressed',
    });
  });
});
