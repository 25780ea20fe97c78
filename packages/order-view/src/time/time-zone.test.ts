import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { epochOfWallClock, formatUtcOffset, isValidTimeZone, offsetMinutesAt, wallClockInZone } from './time-zone';

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
    expect(wallClockInZone(at('2026-03-29T22:30:00Z'), 'Europe/Berlin')).toEqual({
      date: '2026-03-30',
      time: '00:30:00',
      offsetMinutes: 120,
    });
    expect(wallClockInZone(at('2026-03-08T06:59:59Z'), 'America/New_York')).toEqual({
      date: '2026-03-08',
      time: '01:59:59',
      offsetMinutes: -300,
    });
    expect(new Date(epochOfWallClock(Date.parse('2026-03-08T00:00:00Z'), 'America/New_York')).toISOString()).toBe(
      '2026-03-08T05:00:00.000Z',
    );
  });

  it('maps every instant’s wall clock back to the earliest instant showing it', () => {
    const zones = [
      'Europe/Berlin',
      'America/New_York',
      'Australia/Sydney',
      'Australia/Lord_Howe',
      'America/St_Johns',
      'Asia/Kathmandu',
      'Pacific/Chatham',
    ];
    // Instants near the 2026 clock changes, where gaps and overlaps are, and anywhere else.
    const transitions: [string, string][] = [
      ['Europe/Berlin', '2026-03-29T01:00:00Z'],
      ['Europe/Berlin', '2026-10-25T01:00:00Z'],
      ['America/New_York', '2026-03-08T07:00:00Z'],
      ['America/New_York', '2026-11-01T06:00:00Z'],
      ['Australia/Sydney', '2026-04-04T16:00:00Z'],
      ['Australia/Lord_Howe', '2026-04-04T15:00:00Z'],
      ['America/St_Johns', '2026-11-01T04:30:00Z'],
      ['Pacific/Chatham', '2026-04-04T14:00:00Z'],
    ];
    const nearTransition = fc
      .tuple(fc.constantFrom(...transitions), fc.integer({ min: -3 * 3_600_000, max: 3 * 3_600_000 }))
      .map(([[zone, at], shift]) => [Date.parse(at) + shift, zone] as const);
    const anywhere = fc.tuple(
      fc.integer({ min: Date.parse('2020-01-01T00:00:00Z'), max: Date.parse('2030-12-31T00:00:00Z') }),
      fc.constantFrom(...zones),
    );
    fc.assert(
      fc.property(fc.oneof(nearTransition, anywhere), ([epoch, zone]) => {
        const instant = Math.floor(epoch / 1000) * 1000;
        const wall = wallClockInZone(instant, zone);
        const back = epochOfWallClock(Date.parse(`${wall.date}T${wall.time}Z`), zone);
        expect(back).toBeLessThanOrEqual(instant);
        expect(wallClockInZone(back, zone)).toMatchObject({ date: wall.date, time: wall.time });
      }),
      { numRuns: 2_000 },
    );
  });

  it('writes offsets as ±HH:MM', () => {
    expect([formatUtcOffset(120), formatUtcOffset(-240), formatUtcOffset(345), formatUtcOffset(0), formatUtcOffset(-570)]).toEqual([
      '+02:00',
      '-04:00',
      '+05:45',
      '+00:00',
      '-09:30',
    ]);
  });

  it('rejects unknown zones', () => {
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
  });
});
