import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatUtcTimestamp } from './zoned-time';

describe('formatUtcTimestamp', () => {
  it('writes exactly what toISOString writes, for any date', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('0000-01-01T00:00:00.000Z'), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true }),
        (date) => {
          expect(formatUtcTimestamp(date)).toBe(date.toISOString());
        },
      ),
      { numRuns: 5000 },
    );
    expect(formatUtcTimestamp(new Date('2026-01-15T12:00:00Z'))).toBe('2026-01-15T12:00:00.000Z');
    expect(formatUtcTimestamp(new Date('0005-03-04T05:06:07.089Z'))).toBe('0005-03-04T05:06:07.089Z');
  });

  it('leaves the years outside 0000–9999 and invalid dates to toISOString', () => {
    expect(formatUtcTimestamp(new Date('+010000-01-01T00:00:00Z'))).toBe('+010000-01-01T00:00:00.000Z');
    expect(formatUtcTimestamp(new Date('-000001-12-31T23:59:59.999Z'))).toBe('-000001-12-31T23:59:59.999Z');
    expect(() => formatUtcTimestamp(new Date(Number.NaN))).toThrow(RangeError);
  });
});
