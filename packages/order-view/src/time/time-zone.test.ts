import { describe, expect, it } from 'vitest';
import { epochOfWallClock, isValidTimeZone, offsetMinutesAt, startOfDateInZone, wallClockInZone } from './time-zone';

const at = (iso: string) => Date.parse(iso);

describe('time zones', () => {
  it('follows the 2026 clock changes in Berlin, New York and Sydney', () => {
    expect(offsetMinutesAt('Europe/Berlin', at('2026-03-29T00:59:00Z'))).toBe(60);
    expect(offsetMinutesAt('Europe/Berlin', at('2026-03-29T01:00:00Z'))).toBe(120);
    expect(offsetMinutesAt('America/New_York', at('2026-03-08T06:59:00Z'))).toBe(-300);
    expect(offsetMinutesAt('America/New_York', at('2026-03-08T07:00:00Z'))).toBe(-240);
    expect(offsetMinutesAt('Australia/Sydney', at('2026-04-04T15:59:00Z'))).toBe(660);
    expect(offsetMinutesAt('Australia/Sydney', at('2026-04-04T16:00:00Z'))).toBe(600);
  });

  it('handles half-hour and quarter-hour zones', () => {
    expect(offsetMinutesAt('Asia/Kathmandu', at('2026-03-29T12:00:00Z'))).toBe(345);
    expect(offsetMinutesAt('Australia/Lord_Howe', at('2026-01-10T12:00:00Z'))).toBe(660);
    expect(offsetMinutesAt('Australia/Lord_Howe', at('2026-06-10T12:00:00Z'))).toBe(630);
  });

  it('turns a wall clock into the instant, choosing documented answers in gaps and overlaps', () => {
    const wall = (value: string) => Date.parse(`${value}Z`);
    expect(new Date(epochOfWallClock(wall('2026-03-29T01:30:00'), 'Europe/Berlin')).toISOString()).toBe('2026-03-29T00:30:00.000Z');
    // 02:30 does not exist in Berlin that night: it is read with the winter offset (03:30 summer time).
    expect(new Date(epochOfWallClock(wall('2026-03-29T02:30:00'), 'Europe/Berlin')).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    // 02:30 happens twice in Sydney on 5 April: the earlier one (daylight time) is returned.
    expect(new Date(epochOfWallClock(wall('2026-04-05T02:30:00'), 'Australia/Sydney')).toISOString()).toBe('2026-04-04T15:30:00.000Z');
  });

  it('gives wall clocks and day starts in a zone', () => {
    expect(wallClockInZone(at('2026-03-29T22:30:00Z'), 'Europe/Berlin')).toEqual({ date: '2026-03-30', time: '00:30:00', offsetMinutes: 120 });
    expect(new Date(startOfDateInZone('2026-03-08', 'America/New_York')).toISOString()).toBe('2026-03-08T05:00:00.000Z');
  });

  it('rejects unknown zones', () => {
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
  });
});
