import { describe, expect, it } from 'vitest';
import { millisecondsUntilUtcMidnight } from './utc-midnight';

describe('millisecondsUntilUtcMidnight', () => {
  it('counts to the next 00:00 UTC, a whole day at midnight itself', () => {
    expect(millisecondsUntilUtcMidnight(Date.parse('2026-03-29T18:30:00Z'))).toBe(5.5 * 3_600_000);
    expect(millisecondsUntilUtcMidnight(Date.parse('2026-12-31T23:59:59.999Z'))).toBe(1);
    expect(millisecondsUntilUtcMidnight(Date.parse('2026-01-01T00:00:00Z'))).toBe(24 * 3_600_000);
  });
});
