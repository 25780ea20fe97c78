import { describe, expect, it } from 'vitest';
import { impliedOffset } from './implied-offset';

describe('impliedOffset', () => {
  it('is the offset that turns the instant into the wall clock, to the minute', () => {
    expect(impliedOffset('2024-11-22T13:58:00', Date.parse('2024-11-22T18:58:40Z'))).toBe('-05:00');
    expect(impliedOffset('2024-11-23T00:28:00', Date.parse('2024-11-22T18:58:00Z'))).toBe('+05:30');
    expect(impliedOffset('2024-11-22T18:58:59', Date.parse('2024-11-22T18:58:01Z'))).toBe('+00:00');
  });

  it('is null for a difference that is not whole quarter hours, or beyond −12:00 and +14:00', () => {
    expect(impliedOffset('2024-11-22T13:51:00', Date.parse('2024-11-22T18:58:00Z'))).toBeNull();
    expect(impliedOffset('2024-11-22T05:00:00', Date.parse('2024-11-22T18:00:00Z'))).toBeNull();
    expect(impliedOffset('2024-11-23T09:00:00', Date.parse('2024-11-22T18:00:00Z'))).toBeNull();
    expect(impliedOffset('2024-11-22T06:00:00', Date.parse('2024-11-22T18:00:00Z'))).toBe('-12:00');
    expect(impliedOffset('2024-11-23T08:00:00', Date.parse('2024-11-22T18:00:00Z'))).toBe('+14:00');
  });
});
