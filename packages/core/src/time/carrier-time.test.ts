import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  approximateEpochMs,
  dateOnly,
  instantTime,
  joinCompactDateTime,
  localTime,
  normaliseOffset,
  parseCarrierDateTime,
} from './carrier-time';

describe('parseCarrierDateTime', () => {
  it('keeps an ISO time with offset as an instant, with the wall clock beside it', () => {
    expect(parseCarrierDateTime('2024-04-26T07:50:00-07:00')).toEqual({
      occurredAt: '2024-04-26T07:50:00-07:00',
      localTime: '2024-04-26T07:50:00',
      timeKind: 'instant',
    });
  });

  it('reads GLS-style offsets without a colon', () => {
    expect(parseCarrierDateTime('2023-05-17T10:37:06+0200')?.occurredAt).toBe('2023-05-17T10:37:06+02:00');
  });

  it('keeps UTC instants in Z but does not claim a local wall time', () => {
    expect(parseCarrierDateTime('2024-11-22T18:58:00Z')).toEqual({
      occurredAt: '2024-11-22T18:58:00Z',
      localTime: null,
      timeKind: 'instant',
    });
  });

  it('never stamps a local time without offset with Z', () => {
    const time = parseCarrierDateTime('2023-03-13T09:50:00');
    expect(time).toEqual({ occurredAt: null, localTime: '2023-03-13T09:50:00', timeKind: 'local' });
  });

  it('treats a bogus Z as local time for carriers known to send it', () => {
    expect(parseCarrierDateTime('2023-08-02T07:31:00Z', { treatZuluAsLocal: true })).toEqual({
      occurredAt: null,
      localTime: '2023-08-02T07:31:00',
      timeKind: 'local',
    });
  });

  it('reads a bare date as date-only', () => {
    expect(parseCarrierDateTime('2024-08-15')).toEqual({ occurredAt: null, localTime: '2024-08-15', timeKind: 'date' });
  });

  it.each(['', 'yesterday', '2024-02-30T10:00:00', '2024-13-01', '2024-01-01T25:00:00', '2024-01-01T10:00:00+15:00'])(
    'rejects %j',
    (value) => {
      expect(parseCarrierDateTime(value)).toBeNull();
    },
  );

  it('round-trips any valid instant: the epoch is the same as Date.parse of the source', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: -12 * 60, max: 14 * 60 }),
        (date, offsetMinutes) => {
          const shifted = new Date(date.getTime() + offsetMinutes * 60_000);
          const sign = offsetMinutes < 0 ? '-' : '+';
          const absolute = Math.abs(offsetMinutes);
          const offset = `${sign}${String(Math.floor(absolute / 60)).padStart(2, '0')}:${String(absolute % 60).padStart(2, '0')}`;
          const wall = shifted.toISOString().slice(0, 19);
          const parsed = parseCarrierDateTime(`${wall}${offset}`)!;
          expect(parsed.timeKind).toBe('instant');
          expect(parsed.localTime).toBe(wall);
          expect(Date.parse(parsed.occurredAt!)).toBe(Math.floor(date.getTime() / 1000) * 1000);
        },
      ),
    );
  });
});

describe('parseCarrierDateTime over every field', () => {
  const twoDigits = fc.integer({ min: 0, max: 99 }).map((value) => String(value).padStart(2, '0'));
  // `Date` as the reference calendar; setUTCFullYear, unlike Date.UTC, keeps the years 0–99.
  const utcEpoch = (year: number, month: number, day: number, hour: number, minute: number, second: number) => {
    const date = new Date(0);
    date.setUTCFullYear(year, month - 1, day);
    date.setUTCHours(hour, minute, second, 0);
    return date.getTime();
  };
  const daysInMonth = (year: number, month: number) => {
    const date = new Date(0);
    date.setUTCFullYear(year, month, 0);
    return date.getUTCDate();
  };

  it('reads every real time of the years 0000–9999 at its instant, and nothing with a field out of range', () => {
    fc.assert(
      fc.property(
        fc.record({
          year: fc.integer({ min: 0, max: 9999 }),
          month: fc.oneof(
            fc.integer({ min: 1, max: 12 }).map((value) => String(value).padStart(2, '0')),
            twoDigits,
          ),
          day: fc.oneof(
            fc.integer({ min: 1, max: 31 }).map((value) => String(value).padStart(2, '0')),
            twoDigits,
          ),
          hour: fc.oneof(
            fc.integer({ min: 0, max: 23 }).map((value) => String(value).padStart(2, '0')),
            twoDigits,
          ),
          minute: twoDigits,
          second: fc.option(twoDigits),
          separator: fc.constantFrom('T', ' '),
          fraction: fc.constantFrom('', '.5', '.123456789'),
          zone: fc.oneof(
            fc.constantFrom('', 'Z', 'z'),
            fc.record({ sign: fc.constantFrom('+', '-'), hours: fc.integer({ min: 0, max: 16 }), minutes: fc.constantFrom(0, 30, 45, 60) }),
          ),
          form: fc.constantFrom('colon', 'compact', 'hours'),
        }),
        ({ year, month, day, hour, minute, second, separator, fraction, zone, form }) => {
          const yyyy = String(year).padStart(4, '0');
          let written = '';
          let offsetMinutes = 0;
          let offset: string | null = null;
          if (typeof zone === 'string') {
            written = zone;
            offset = zone === '' ? null : 'Z';
          } else {
            const hh = String(zone.hours).padStart(2, '0');
            const mm = form === 'hours' ? '00' : String(zone.minutes).padStart(2, '0');
            written = form === 'colon' ? `${zone.sign}${hh}:${mm}` : form === 'compact' ? `${zone.sign}${hh}${mm}` : `${zone.sign}${hh}`;
            offset = `${zone.sign}${hh}:${mm}`;
            offsetMinutes = (zone.sign === '-' ? -1 : 1) * (zone.hours * 60 + Number(mm));
          }
          const text = `${yyyy}-${month}-${day}${separator}${hour}:${minute}${second === null ? '' : `:${second}${fraction}`}${written}`;
          const valid =
            Number(month) >= 1 &&
            Number(month) <= 12 &&
            Number(day) >= 1 &&
            Number(day) <= daysInMonth(year, Number(month)) &&
            Number(hour) <= 23 &&
            Number(minute) <= 59 &&
            Number(second ?? '0') <= 59 &&
            (offset === null || offset === 'Z' || (Number(offset.slice(1, 3)) <= 14 && Number(offset.slice(4)) <= 59));
          const parsed = parseCarrierDateTime(text);
          if (!valid) {
            expect(parsed).toBeNull();
            return;
          }
          const wall = `${yyyy}-${month}-${day}T${hour}:${minute}:${second ?? '00'}`;
          if (offset === null) {
            expect(parsed).toEqual({ occurredAt: null, localTime: wall, timeKind: 'local' });
            return;
          }
          expect(parsed).toEqual({ occurredAt: `${wall}${offset}`, localTime: offset === 'Z' ? null : wall, timeKind: 'instant' });
          // Every instant it writes is one Date.parse reads, at the right moment.
          const epoch = utcEpoch(year, Number(month), Number(day), Number(hour), Number(minute), Number(second ?? '0'));
          expect(Date.parse(parsed!.occurredAt!)).toBe(epoch - offsetMinutes * 60_000);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('reads bare dates and keeps canonical text as it is', () => {
    expect(parseCarrierDateTime(' 0000-02-29 ')).toEqual({ occurredAt: null, localTime: '0000-02-29', timeKind: 'date' });
    expect(parseCarrierDateTime('1900-02-29')).toBeNull();
    expect(parseCarrierDateTime('2024-01-01Z')).toBeNull();
    expect(localTime('2024-11-22 13:58:07.5')).toEqual({ occurredAt: null, localTime: '2024-11-22T13:58:07', timeKind: 'local' });
    expect(localTime('2024-11-22T13:58:07+01:00')).toBeNull();
    expect(instantTime('2024-11-22T13:58', '+0530')?.occurredAt).toBe('2024-11-22T13:58:00+05:30');
  });
});

describe('time builders', () => {
  it('joins UPS compact dates and both time forms', () => {
    expect(joinCompactDateTime('20230315', '74700')).toBe('2023-03-15T07:47:00');
    expect(joinCompactDateTime('20230315', '09:41:00')).toBe('2023-03-15T09:41:00');
    expect(joinCompactDateTime('20230315', '1041')).toBe('2023-03-15T10:41:00');
    expect(joinCompactDateTime('20230315')).toBe('2023-03-15');
    expect(joinCompactDateTime('2023031', '1041')).toBeNull();
  });

  it('joins only real dates and times, including the years 0000-0099', () => {
    expect(joinCompactDateTime('20230230')).toBeNull();
    expect(joinCompactDateTime('20240229', '235959')).toBe('2024-02-29T23:59:59');
    // Year 0 is a leap year; Date.UTC would read it as 1900, which is not.
    expect(joinCompactDateTime('00000229')).toBe('0000-02-29');
    expect(joinCompactDateTime('19000229')).toBeNull();
    expect(joinCompactDateTime('20230315', '240000')).toBeNull();
    expect(joinCompactDateTime('20230315', '12:60:00')).toBeNull();
    expect(joinCompactDateTime('20230315', 'string')).toBeNull();
  });

  it('normalises offsets', () => {
    expect(normaliseOffset('-05:00')).toBe('-05:00');
    expect(normaliseOffset('+0530')).toBe('+05:30');
    expect(normaliseOffset('+02')).toBe('+02:00');
    expect(normaliseOffset('Z')).toBe('Z');
    expect(normaliseOffset('-7:00')).toBe('-07:00');
    expect(normaliseOffset('-700')).toBe('-07:00');
    expect(normaliseOffset('-7')).toBe('-07:00');
    expect(normaliseOffset('+530')).toBe('+05:30');
    expect(normaliseOffset('+1530')).toBeNull();
    expect(normaliseOffset('-7:0')).toBeNull();
    expect(normaliseOffset('EST')).toBeNull();
  });

  it('builds instants, local times and dates', () => {
    expect(instantTime('2024-11-22T13:58:00', '-05:00')?.occurredAt).toBe('2024-11-22T13:58:00-05:00');
    expect(instantTime('2024-11-22', '-05:00')).toBeNull();
    expect(localTime('2024-11-22T13:58')).toEqual({ occurredAt: null, localTime: '2024-11-22T13:58:00', timeKind: 'local' });
    expect(dateOnly('2024-11-22T13:58:00')).toEqual({ occurredAt: null, localTime: '2024-11-22', timeKind: 'date' });
  });

  it('orders instants by their true epoch and local times by wall clock', () => {
    const earlierInstant = parseCarrierDateTime('2024-01-01T10:00:00+02:00')!; // 08:00Z
    const laterInstant = parseCarrierDateTime('2024-01-01T09:00:00+00:00')!; // 09:00Z
    expect(approximateEpochMs(earlierInstant)).toBeLessThan(approximateEpochMs(laterInstant));
    expect(approximateEpochMs(localTime('2024-01-01T09:00:00')!)).toBe(Date.parse('2024-01-01T09:00:00Z'));
  });
});
