import { describe, expect, it } from 'vitest';
import { numericDateTime } from './numeric-date-time';

describe('numericDateTime', () => {
  it('reads day-first dates with a 24-hour clock as local wall time', () => {
    expect(numericDateTime('18.03.2016 10:02', 'DD.MM.YYYY')).toEqual({
      occurredAt: null,
      localTime: '2016-03-18T10:02:00',
      timeKind: 'local',
    });
    expect(numericDateTime('08-11-2022 00:10:11.081', 'DD-MM-YYYY')?.localTime).toBe('2022-11-08T00:10:11');
  });

  it('reads month-first dates with a 12-hour clock', () => {
    expect(numericDateTime('8/19/2021 5:11:26 PM', 'MM/DD/YYYY')?.localTime).toBe('2021-08-19T17:11:26');
    expect(numericDateTime('11/4/2025 12:00:00 AM', 'MM/DD/YYYY')?.localTime).toBe('2025-11-04T00:00:00');
    expect(numericDateTime('1/2/2026 9:05 pm', 'MM/DD/YYYY')?.localTime).toBe('2026-01-02T21:05:00');
    expect(numericDateTime('11/07/2022 10:00:00', 'MM/DD/YYYY')?.localTime).toBe('2022-11-07T10:00:00');
  });

  it('keeps a date without a time a date', () => {
    expect(numericDateTime(' 18.03.2016 ', 'DD.MM.YYYY')).toEqual({ occurredAt: null, localTime: '2016-03-18', timeKind: 'date' });
  });

  it('refuses dates that do not exist, times that are not times, another separator and other forms', () => {
    for (const value of [
      '31.02.2022 10:00:00',
      '18.03.2016 24:00',
      '18-03-2016',
      '18/03/2016',
      '2016-03-18',
      '18.03.16',
      '',
      null,
      undefined,
    ])
      expect(numericDateTime(value, 'DD.MM.YYYY')).toBeNull();
    for (const value of ['2/30/2026 9:05:00 AM', '8/19/2021 13:11:26 PM', '8/19/2021 0:11:26 AM', '19.08.2021 17:11'])
      expect(numericDateTime(value, 'MM/DD/YYYY')).toBeNull();
  });
});
