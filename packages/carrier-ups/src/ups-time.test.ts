import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { upsActivityTime, upsDeliveredTime, upsEstimatedDelivery } from './ups-time';

describe('upsActivityTime', () => {
  it('builds the instant from the GMT fields, shown at the scan offset, and keeps date+time as local', () => {
    // Real answer: 03:41 local at -06:00 is 09:41:00 GMT.
    expect(upsActivityTime({ date: '20251211', time: '034100', gmtDate: '20251211', gmtTime: '09:41:00', gmtOffset: '-06:00' })).toEqual({
      occurredAt: '2025-12-11T03:41:00-06:00',
      localTime: '2025-12-11T03:41:00',
      timeKind: 'instant',
    });
  });

  it('reads the compact GMT time with its leading zero dropped ("74700" is 07:47:00)', () => {
    expect(upsActivityTime({ date: '20210210', time: '024700', gmtDate: '20210210', gmtTime: '74700', gmtOffset: '-05:00' })).toEqual({
      occurredAt: '2021-02-10T02:47:00-05:00',
      localTime: '2021-02-10T02:47:00',
      timeKind: 'instant',
    });
  });

  it('handles a GMT date that is the day after the local date', () => {
    expect(
      upsActivityTime({ date: '20251209', time: '195900', gmtDate: '20251210', gmtTime: '00:59:00', gmtOffset: '-05:00' })?.occurredAt,
    ).toBe('2025-12-09T19:59:00-05:00');
  });

  it('keeps UTC with Z when GMT fields come without an offset (it is UTC), and still keeps the local wall clock', () => {
    expect(upsActivityTime({ date: '20250101', time: '090000', gmtDate: '20250101', gmtTime: '140000' })).toEqual({
      occurredAt: '2025-01-01T14:00:00Z',
      localTime: '2025-01-01T09:00:00',
      timeKind: 'instant',
    });
    expect(upsActivityTime({ gmtDate: '20250101', gmtTime: '140000' })).toEqual({
      occurredAt: '2025-01-01T14:00:00Z',
      localTime: null,
      timeKind: 'instant',
    });
  });

  it('uses the offset alone with date+time when the GMT time is missing or unreadable', () => {
    const expected = { occurredAt: '2022-01-26T16:30:00-05:00', localTime: '2022-01-26T16:30:00', timeKind: 'instant' };
    expect(upsActivityTime({ date: '20220126', time: '163000', gmtOffset: '-05:00' })).toEqual(expected);
    expect(upsActivityTime({ date: '20220126', time: '163000', gmtDate: '20220126', gmtTime: 'soon', gmtOffset: '-05:00' })).toEqual(
      expected,
    );
  });

  it('never stamps a time without offset: local, or a bare date', () => {
    expect(upsActivityTime({ date: '20220126', time: '163000' })).toEqual({
      occurredAt: null,
      localTime: '2022-01-26T16:30:00',
      timeKind: 'local',
    });
    expect(upsActivityTime({ date: '20220126' })).toEqual({ occurredAt: null, localTime: '2022-01-26', timeKind: 'date' });
    expect(upsActivityTime({ date: '20220126', time: 'string' })).toBeNull();
    expect(upsActivityTime({ date: 'string', time: '163000' })).toBeNull();
    expect(upsActivityTime({})).toBeNull();
  });

  it('gives the same instant whichever GMT time form is used, for any moment and offset', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: -12 * 4, max: 14 * 4 }),
        (date, quarterHours) => {
          const utc = new Date(Math.floor(date.getTime() / 1000) * 1000);
          const offsetMinutes = quarterHours * 15;
          const local = new Date(utc.getTime() + offsetMinutes * 60_000).toISOString();
          const absolute = Math.abs(offsetMinutes);
          const offset = `${offsetMinutes < 0 ? '-' : '+'}${String(Math.floor(absolute / 60)).padStart(2, '0')}:${String(absolute % 60).padStart(2, '0')}`;
          const iso = utc.toISOString();
          const base = {
            date: local.slice(0, 10).replace(/-/g, ''),
            time: local.slice(11, 19).replace(/:/g, ''),
            gmtDate: iso.slice(0, 10).replace(/-/g, ''),
            gmtOffset: offset,
          };
          const colon = upsActivityTime({ ...base, gmtTime: iso.slice(11, 19) })!;
          const compact = upsActivityTime({ ...base, gmtTime: String(Number(iso.slice(11, 19).replace(/:/g, ''))).padStart(5, '0') })!;
          expect(colon.timeKind).toBe('instant');
          expect(Date.parse(colon.occurredAt!)).toBe(utc.getTime());
          expect(colon.localTime).toBe(local.slice(0, 19));
          expect(colon.occurredAt).toBe(`${local.slice(0, 19)}${offset}`);
          expect(compact).toEqual(colon);
        },
      ),
    );
  });
});

describe('upsActivityTime at the edges of the calendar', () => {
  it('takes the GMT fields over a date+time that disagrees with them (the instant is what GMT says)', () => {
    const time = upsActivityTime({ date: '20250101', time: '100000', gmtDate: '20250101', gmtTime: '16:00:00', gmtOffset: '-05:00' });
    expect(time).toEqual({ occurredAt: '2025-01-01T11:00:00-05:00', localTime: '2025-01-01T10:00:00', timeKind: 'instant' });
  });

  it('reads the years 0000–0099 as themselves, not as 1900–1999', () => {
    for (const year of ['0000', '0001', '0050', '0099']) {
      const time = upsActivityTime({
        date: `${year}0301`,
        time: '120000',
        gmtDate: `${year}0301`,
        gmtTime: '17:00:00',
        gmtOffset: '-05:00',
      });
      expect(time, year).toEqual({ occurredAt: `${year}-03-01T12:00:00-05:00`, localTime: `${year}-03-01T12:00:00`, timeKind: 'instant' });
      expect(new Date(Date.parse(time!.occurredAt!)).getUTCFullYear(), year).toBe(Number(year));
    }
    // Year 0 is a leap year (divisible by 400); 1900 is not: 29 February 0000 exists.
    expect(
      upsActivityTime({ date: '00000229', time: '235959', gmtDate: '00000301', gmtTime: '04:59:59', gmtOffset: '-05:00' })?.occurredAt,
    ).toBe('0000-02-29T23:59:59-05:00');
    // A GMT time that disagrees with the local one is shown at the offset, still in the right century.
    expect(
      upsActivityTime({ date: '00500301', time: '000000', gmtDate: '00500301', gmtTime: '17:00:00', gmtOffset: '-05:00' })?.occurredAt,
    ).toBe('0050-03-01T12:00:00-05:00');
  });

  it('keeps the seconds and four-digit years at 9999 with an offset', () => {
    expect(upsActivityTime({ date: '99991231', time: '235959', gmtDate: '99991231', gmtTime: '18:59:59', gmtOffset: '+05:00' })).toEqual({
      occurredAt: '9999-12-31T23:59:59+05:00',
      localTime: '9999-12-31T23:59:59',
      timeKind: 'instant',
    });
    // Shown at +05:00 this GMT moment would be in the year 10000: ISO 8601 has no such year without
    // expansion, so the instant stays in UTC (Z), seconds included, and the local wall clock as UPS sent it.
    expect(upsActivityTime({ date: '99991231', time: '235959', gmtDate: '99991231', gmtTime: '23:30:59', gmtOffset: '+05:00' })).toEqual({
      occurredAt: '9999-12-31T23:30:59Z',
      localTime: '9999-12-31T23:59:59',
      timeKind: 'instant',
    });
    expect(upsActivityTime({ gmtDate: '99991231', gmtTime: '23:30:59', gmtOffset: '+05:00' })).toEqual({
      occurredAt: '9999-12-31T23:30:59Z',
      localTime: null,
      timeKind: 'instant',
    });
  });

  it('never returns an instant without an offset, and never a year outside 0000–9999, for any input', () => {
    const digits = (length: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: length, maxLength: length });
    const date = fc.oneof(digits(8), fc.constantFrom('00000229', '99991231', '20240229', '20230229', '2025-03-14', 'string', ''));
    const time = fc.oneof(digits(6), digits(5), fc.constantFrom('09:41:00', '23:59:59', '24:00:00', '12:30', 'string', ''));
    const offset = fc.constantFrom('-05:00', '+01:00', '+05:45', '+14:00', '+15:00', 'Z', '-0500', '+02', 'string', '');
    const optional = <Value>(arbitrary: fc.Arbitrary<Value>) => fc.option(arbitrary, { nil: undefined });
    fc.assert(
      fc.property(
        fc.record({
          date: optional(date),
          time: optional(time),
          gmtDate: optional(date),
          gmtTime: optional(time),
          gmtOffset: optional(offset),
        }),
        (activity) => {
          const result = upsActivityTime(activity);
          if (!result) return;
          if (result.timeKind === 'instant') expect(result.occurredAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/);
          else expect(result.occurredAt).toBeNull();
          if (result.localTime) expect(result.localTime).toMatch(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2})?$/);
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('upsEstimatedDelivery', () => {
  it('prefers the rescheduled date over the scheduled one; a date without window is date-only', () => {
    expect(
      upsEstimatedDelivery({
        deliveryDate: [
          { type: 'SDD', date: '20251215' },
          { type: 'RDD', date: '20251216' },
        ],
        deliveryTime: { type: 'EOD' },
      }),
    ).toEqual({
      from: '2025-12-16',
      to: '2025-12-16',
      timeKind: 'date',
      source: 'carrier',
      confidence: null,
    });
    expect(upsEstimatedDelivery({ deliveryDate: [{ type: 'SDD', date: '20251215' }], deliveryTime: undefined })?.from).toBe('2025-12-15');
  });

  it.each(['EDW', 'CDW', 'IDW'])('reads a %s window as local times', (type) => {
    expect(
      upsEstimatedDelivery({
        deliveryDate: [{ type: 'SDD', date: '20250314' }],
        deliveryTime: { type, startTime: '133000', endTime: '173000' },
      }),
    ).toEqual({
      from: '2025-03-14T13:30:00',
      to: '2025-03-14T17:30:00',
      timeKind: 'local',
      source: 'carrier',
      confidence: null,
    });
  });

  it('reads a commit time (CMT) as "by endTime"', () => {
    expect(
      upsEstimatedDelivery({ deliveryDate: [{ type: 'SDD', date: '20250314' }], deliveryTime: { type: 'CMT', endTime: '103000' } }),
    ).toMatchObject({
      from: null,
      to: '2025-03-14T10:30:00',
      timeKind: 'local',
    });
  });

  it('gives no estimate without a usable SDD/RDD (only DEL, placeholders, nothing)', () => {
    expect(
      upsEstimatedDelivery({ deliveryDate: [{ type: 'DEL', date: '20250314' }], deliveryTime: { type: 'DEL', endTime: '163000' } }),
    ).toBeNull();
    expect(upsEstimatedDelivery({ deliveryDate: [{ type: 'string', date: 'string' }], deliveryTime: { type: 'string' } })).toBeNull();
    expect(upsEstimatedDelivery({ deliveryDate: [{ type: 'SDD', date: '2025-03-14' }], deliveryTime: undefined })).toMatchObject({
      from: '2025-03-14',
    });
    expect(upsEstimatedDelivery({ deliveryDate: undefined, deliveryTime: undefined })).toBeNull();
  });
});

describe('upsDeliveredTime', () => {
  it('joins DEL date and DEL time as local time, or gives the date alone', () => {
    expect(
      upsDeliveredTime({ deliveryDate: [{ type: 'DEL', date: '20220126' }], deliveryTime: { type: 'DEL', endTime: '163000' } }),
    ).toEqual({
      occurredAt: null,
      localTime: '2022-01-26T16:30:00',
      timeKind: 'local',
    });
    expect(upsDeliveredTime({ deliveryDate: [{ type: 'DEL', date: '20220126' }], deliveryTime: { type: 'EOD' } })).toEqual({
      occurredAt: null,
      localTime: '2022-01-26',
      timeKind: 'date',
    });
    expect(upsDeliveredTime({ deliveryDate: [{ type: 'SDD', date: '20220126' }], deliveryTime: undefined })).toBeNull();
  });
});
