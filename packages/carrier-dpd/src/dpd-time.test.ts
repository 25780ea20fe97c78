import { describe, expect, it } from 'vitest';
import { numericDateTime } from '@wismo/core/internal';
import { dpdTokenExpiryEpochMs } from './dpd-time';

/** How the parse reads `statusInfo.date` (DPD's `messageLanguage=en_US` form). */
const statusInfoTime = (value: string | undefined) => numericDateTime(value, 'MM/DD/YYYY');

describe("statusInfo.date, read by core's numericDateTime as MM/DD/YYYY", () => {
  it('reads the 12-hour US form as local wall time, never stamped with an offset', () => {
    // research/carriers.md §5: "8/19/2021 5:11:26 PM" is 17:11:26 (karrio's %H parse made it 05:11 and appended Z).
    expect(statusInfoTime('8/19/2021 5:11:26 PM')).toEqual({ occurredAt: null, localTime: '2021-08-19T17:11:26', timeKind: 'local' });
    expect(statusInfoTime('8/18/2021 4:09:55 AM')).toEqual({ occurredAt: null, localTime: '2021-08-18T04:09:55', timeKind: 'local' });
  });

  it('reads 12 AM as midnight and 12 PM as noon', () => {
    expect(statusInfoTime('11/4/2025 12:00:00 AM')?.localTime).toBe('2025-11-04T00:00:00');
    expect(statusInfoTime('11/4/2025 12:30:00 PM')?.localTime).toBe('2025-11-04T12:30:00');
  });

  it('accepts a missing seconds field and lower-case markers', () => {
    expect(statusInfoTime('1/2/2026 9:05 pm')?.localTime).toBe('2026-01-02T21:05:00');
  });

  it('gives null for impossible or other forms', () => {
    expect(statusInfoTime('2/30/2026 9:05:00 AM')).toBeNull();
    expect(statusInfoTime('8/19/2021 13:11:26 PM')).toBeNull();
    expect(statusInfoTime('8/19/2021 0:11:26 AM')).toBeNull();
    expect(statusInfoTime('19.08.2021 17:11')).toBeNull();
    expect(statusInfoTime('')).toBeNull();
    expect(statusInfoTime(undefined)).toBeNull();
  });
});

describe('dpdTokenExpiryEpochMs', () => {
  it('reads authTokenExpires as Brussels wall time', () => {
    // Summer: UTC+2; winter: UTC+1.
    expect(dpdTokenExpiryEpochMs('2020-05-08T13:02:56.06')).toBe(Date.parse('2020-05-08T11:02:56Z'));
    expect(dpdTokenExpiryEpochMs('2026-01-16T13:00:00')).toBe(Date.parse('2026-01-16T12:00:00Z'));
  });

  it('gives null when it cannot be read', () => {
    expect(dpdTokenExpiryEpochMs('tomorrow')).toBeNull();
    expect(dpdTokenExpiryEpochMs(undefined)).toBeNull();
  });
});
