import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addBusinessDays,
  addCalendarDays,
  businessDaysBetween,
  calendarDaysBetween,
  dateAsWritten,
  isBusinessDay,
  isCalendarDate,
  weekdayOf,
} from './calendar-date';

describe('calendar dates', () => {
  it('knows weekdays without touching the process time zone', () => {
    expect(weekdayOf('2026-03-29')).toBe(0); // Sunday of the EU clock change
    expect(weekdayOf('2026-03-31')).toBe(2);
    expect(isBusinessDay('2026-03-28')).toBe(false);
    expect(isBusinessDay('2026-03-30')).toBe(true);
  });

  it('validates dates strictly', () => {
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-3-1')).toBe(false);
  });

  it('adds and counts business days across weekends', () => {
    expect(addBusinessDays('2026-03-27', 1)).toBe('2026-03-30'); // Friday + 1 = Monday
    expect(addBusinessDays('2026-03-28', 0)).toBe('2026-03-28');
    expect(addBusinessDays('2026-03-28', 1)).toBe('2026-03-30'); // from a Saturday
    expect(businessDaysBetween('2026-03-25', '2026-03-31')).toBe(4); // Thu, Fri, Mon, Tue
    expect(businessDaysBetween('2026-03-31', '2026-03-25')).toBe(0);
  });

  it('counts back what it added, for any business day and any span (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3650 }), fc.integer({ min: 0, max: 60 }), (offset, days) => {
        let start = addCalendarDays('2024-01-01', offset);
        while (!isBusinessDay(start)) start = addCalendarDays(start, 1);
        expect(businessDaysBetween(start, addBusinessDays(start, days))).toBe(days);
      }),
    );
  });

  it('counts business days after the start up to and including the end, from any day to any day (property)', () => {
    // The plain definition, one day at a time.
    const oracle = (from: string, to: string) => {
      let count = 0;
      for (let day = addCalendarDays(from, 1); day <= to; day = addCalendarDays(day, 1)) if (isBusinessDay(day)) count += 1;
      return count;
    };
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3650 }), fc.integer({ min: -10, max: 40 }), (offset, span) => {
        const from = addCalendarDays('2024-01-01', offset);
        const to = addCalendarDays(from, span);
        expect(businessDaysBetween(from, to)).toBe(oracle(from, to));
        expect(calendarDaysBetween(from, to)).toBe(span);
      }),
    );
    expect(businessDaysBetween('2026-03-28', '2026-03-30')).toBe(1); // Saturday → Monday
    expect(businessDaysBetween('2026-03-27', '2026-03-28')).toBe(0); // Friday → Saturday
  });

  it('does not depend on the time zone of the process', () => {
    const original = process.env.TZ;
    try {
      for (const zone of ['Pacific/Kiritimati', 'America/Adak', 'Asia/Kathmandu']) {
        process.env.TZ = zone;
        expect([
          weekdayOf('2026-03-29'),
          addCalendarDays('2026-03-28', 1),
          addBusinessDays('2026-03-27', 1),
          businessDaysBetween('2026-03-25', '2026-03-31'),
        ]).toEqual([0, '2026-03-29', '2026-03-30', 4]);
      }
    } finally {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    }
  });

  it('reads the date as the string writes it, whatever the offset', () => {
    expect(dateAsWritten('2026-03-02T23:30:00-05:00')).toBe('2026-03-02');
    expect(dateAsWritten('2026-03-02')).toBe('2026-03-02');
    expect(dateAsWritten('yesterday')).toBeNull();
  });
});
