import { describe, expect, it } from 'vitest';
import { LoginThrottle } from '../../../service/auth/login-throttle.js';

const setup = (maxKeys?: number) => {
  let now = 1_000_000;
  const throttle = new LoginThrottle(
    { maxPerUser: 3, maxPerAddress: 5, windowMs: 60_000, ...(maxKeys ? { maxKeys } : {}) },
    () => now,
  );
  return { throttle, advance: (ms: number) => (now += ms) };
};

describe('login throttle', () => {
  it('allows failures up to the limit per username and address, then says how long to wait', () => {
    const { throttle, advance } = setup();
    for (let i = 0; i < 3; i++) {
      expect(throttle.retryAfter('eva', '10.0.0.1')).toBe(0);
      throttle.fail('eva', '10.0.0.1');
      advance(1000);
    }
    expect(throttle.retryAfter('eva', '10.0.0.1')).toBe(57_000);
    // The same username from elsewhere is not locked out by someone else's guesses.
    expect(throttle.retryAfter('eva', '10.0.0.2')).toBe(0);
    advance(57_000);
    expect(throttle.retryAfter('eva', '10.0.0.1')).toBe(0);
  });

  it('limits one address trying many usernames', () => {
    const { throttle } = setup();
    for (let i = 0; i < 5; i++) throttle.fail(`user${i}`, '10.0.0.9');
    expect(throttle.retryAfter('someone-new', '10.0.0.9')).toBeGreaterThan(0);
  });

  it('forgets a username’s failures after a successful sign-in', () => {
    const { throttle } = setup();
    throttle.fail('eva', '10.0.0.1');
    throttle.fail('eva', '10.0.0.1');
    throttle.succeed('eva', '10.0.0.1');
    throttle.fail('eva', '10.0.0.1');
    expect(throttle.retryAfter('eva', '10.0.0.1')).toBe(0);
  });

  it('keeps memory bounded by dropping the oldest keys', () => {
    const { throttle } = setup(10);
    for (let i = 0; i < 1000; i++) throttle.fail(`u${i}`, `10.0.${i >> 8}.${i & 255}`);
    // The first keys are gone: two more failures of u0 are 2 in its count, not 3.
    throttle.fail('u0', '10.0.0.0');
    throttle.fail('u0', '10.0.0.0');
    expect(throttle.retryAfter('u0', '10.0.0.0')).toBe(0);
    // The newest are kept.
    throttle.fail('u999', '10.0.3.231');
    throttle.fail('u999', '10.0.3.231');
    expect(throttle.retryAfter('u999', '10.0.3.231')).toBeGreaterThan(0);
  });
});
