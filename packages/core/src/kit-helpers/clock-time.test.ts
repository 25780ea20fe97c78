import { describe, expect, it } from 'vitest';
import { clockTime } from './clock-time';

describe('clockTime', () => {
  it('reads 24-hour and 12-hour clocks', () => {
    expect(clockTime('10:05')).toBe('10:05:00');
    expect(clockTime(' 10:05:30 ')).toBe('10:05:30');
    expect(clockTime('2:05 PM')).toBe('14:05:00');
    expect(clockTime('9pm')).toBe('21:00:00');
    expect(clockTime('9 p.m.')).toBe('21:00:00');
    expect(clockTime('12 AM')).toBe('00:00:00');
    expect(clockTime('12:30pm')).toBe('12:30:00');
  });

  it('refuses what is not a time of day', () => {
    for (const value of ['9', '24:00', '10:60', '13pm', '0am', 'noon', '', null, undefined]) expect(clockTime(value)).toBeNull();
  });
});
