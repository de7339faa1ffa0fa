import { describe, expect, it } from 'vitest';
import { defaultUntil } from '../../dashboard/src/components/resident-context.js';

describe('the away/hospital/visitor form', () => {
  it('suggests tomorrow at 18:00 local time as the end', () => {
    // Tests run with TZ=Europe/Stockholm (vitest.config.ts).
    expect(defaultUntil(Date.parse('2026-11-25T22:30:00Z'))).toBe('2026-11-26T18:00');
    expect(defaultUntil(Date.parse('2026-12-31T10:00:00Z'))).toBe('2027-01-01T18:00');
  });
});
