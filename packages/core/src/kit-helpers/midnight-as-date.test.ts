import { describe, expect, it } from 'vitest';
import { parseMidnightAsDate } from './midnight-as-date';

const date = (localTime: string) => ({ occurredAt: null, localTime, timeKind: 'date' });

describe('parseMidnightAsDate', () => {
  it('reads midnight without an offset as that day, in any precision', () => {
    expect(parseMidnightAsDate('2024-08-15T00:00:00')).toEqual(date('2024-08-15'));
    expect(parseMidnightAsDate(' 2024-08-15T00:00 ')).toEqual(date('2024-08-15'));
    expect(parseMidnightAsDate('2024-08-15T00:00:00.000')).toEqual(date('2024-08-15'));
  });

  it('keeps midnight with an offset an instant, unless told it is a date', () => {
    expect(parseMidnightAsDate('2024-04-24T00:00:00-06:00')).toEqual({
      occurredAt: '2024-04-24T00:00:00-06:00',
      localTime: '2024-04-24T00:00:00',
      timeKind: 'instant',
    });
    expect(parseMidnightAsDate('2024-04-24T00:00:00-06:00', { evenWithOffset: true })).toEqual(date('2024-04-24'));
    expect(parseMidnightAsDate('2024-04-24T00:00:00Z', { evenWithOffset: true })).toEqual(date('2024-04-24'));
  });

  it('reads any other time as parseCarrierDateTime does, and nothing as null', () => {
    expect(parseMidnightAsDate('2024-08-15T13:05:00')).toEqual({ occurredAt: null, localTime: '2024-08-15T13:05:00', timeKind: 'local' });
    expect(parseMidnightAsDate('2024-04-24T16:05:00-07:00', { evenWithOffset: true })?.timeKind).toBe('instant');
    expect(parseMidnightAsDate('2024-08-15T00:00:01')?.timeKind).toBe('local');
    expect(parseMidnightAsDate(undefined)).toBeNull();
    expect(parseMidnightAsDate('  ')).toBeNull();
    expect(parseMidnightAsDate('2024-13-40T00:00:00')).toBeNull();
  });
});
