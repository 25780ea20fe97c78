import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseUspsTrackResponse } from './parse-usps-response';
import { uspsEstimatedDelivery, uspsEventTime } from './usps-time';

/** The one shipment the parse function makes of a detail body with these fields and one event. */
function shipmentOf(fields: Record<string, unknown>, event: Record<string, unknown> = {}) {
  const trackingEvents = [{ eventType: 'Arrived at Post Office', eventCode: '07', ...event }];
  const [outcome] = parseUspsTrackResponse({
    httpStatus: 200,
    body: { trackingNumber: '9400100000000000000000', trackingEvents, ...fields },
    trackingNumbers: ['9400100000000000000000'],
  });
  if (!outcome?.ok) throw new Error(`expected a shipment, got ${outcome?.error.message}`);
  return outcome.shipment;
}

describe('uspsEventTime', () => {
  it('takes the instant from GMTTimestamp + GMTOffset and keeps the local wall clock', () => {
    expect(uspsEventTime({ eventTimestamp: '2024-11-22T13:58:00', GMTTimestamp: '2024-11-22T18:58:40Z', GMTOffset: '-05:00' })).toEqual({
      occurredAt: '2024-11-22T13:58:40-05:00',
      localTime: '2024-11-22T13:58:40',
      timeKind: 'instant',
    });
  });

  it('survives USPS keeping the local date in GMTTimestamp when UTC is already the next day', () => {
    // Real pattern: local 23:28 at -06:00 is 05:28Z on the 22nd, but USPS wrote the 21st.
    expect(uspsEventTime({ eventTimestamp: '2024-11-21T23:28:00', GMTTimestamp: '2024-11-21T05:28:33Z', GMTOffset: '-06:00' })).toEqual({
      occurredAt: '2024-11-21T23:28:00-06:00',
      localTime: '2024-11-21T23:28:00',
      timeKind: 'instant',
    });
  });

  it('reads the spec example offset "-7:00"', () => {
    expect(
      uspsEventTime({ eventTimestamp: '2024-04-04T07:03:00', GMTTimestamp: '2024-04-04T14:03:12.041Z', GMTOffset: '-7:00' })?.occurredAt,
    ).toBe('2024-04-04T07:03:12-07:00');
  });

  it('strips the bogus Z of eventTimestamp and stays local without GMT fields', () => {
    expect(uspsEventTime({ eventTimestamp: '2023-08-02T07:31:00Z' })).toEqual({
      occurredAt: null,
      localTime: '2023-08-02T07:31:00',
      timeKind: 'local',
    });
    expect(uspsEventTime({ eventTimestamp: '2024-11-21T17:01:00', GMTTimestamp: null, GMTOffset: null })?.timeKind).toBe('local');
  });

  it('uses eventTimestamp + GMTOffset when GMTTimestamp is missing', () => {
    expect(uspsEventTime({ eventTimestamp: '2024-11-21T17:01:00', GMTOffset: '-06:00' })?.occurredAt).toBe('2024-11-21T17:01:00-06:00');
  });

  it('derives the offset from eventTimestamp and GMTTimestamp when GMTOffset is missing', () => {
    expect(uspsEventTime({ eventTimestamp: '2024-11-22T13:58:00', GMTTimestamp: '2024-11-22T18:58:40Z' })?.occurredAt).toBe(
      '2024-11-22T13:58:40-05:00',
    );
    // Inconsistent pair (the next-day quirk without an offset): only the local time is trusted.
    expect(uspsEventTime({ eventTimestamp: '2024-11-25T18:31:00', GMTTimestamp: '2024-11-25T00:31:21Z' })).toEqual({
      occurredAt: null,
      localTime: '2024-11-25T18:31:00',
      timeKind: 'local',
    });
  });

  it('uses GMTTimestamp alone as a UTC instant', () => {
    expect(uspsEventTime({ GMTTimestamp: '2024-11-22T18:58:40Z' })).toEqual({
      occurredAt: '2024-11-22T18:58:40Z',
      localTime: null,
      timeKind: 'instant',
    });
  });

  it('returns null for no usable time and date for a bare date', () => {
    expect(uspsEventTime({ eventTimestamp: '7:31 am' })).toBeNull();
    expect(uspsEventTime({})).toBeNull();
    expect(uspsEventTime({ eventTimestamp: '2024-11-22' })).toEqual({ occurredAt: null, localTime: '2024-11-22', timeKind: 'date' });
  });
});

describe('GMTOffset and delivery-window clocks, through parseUspsTrackResponse', () => {
  it.each([
    ['-05:00', '-05:00'],
    ['-5:00', '-05:00'],
    ['+0530', '+05:30'],
    ['-7', '-07:00'],
    ['EST', null],
    ['+15:00', null],
  ])('offset %s → %s', (input, expected) => {
    const [event] = shipmentOf({}, { eventTimestamp: '2024-11-22T13:58:00', GMTOffset: input }).events;
    expect(event?.occurredAt).toBe(expected === null ? null : `2024-11-22T13:58:00${expected}`);
    expect(event?.localTime).toBe('2024-11-22T13:58:00');
  });

  it.each([
    ['10:05', '10:05:00'],
    ['10:05:30', '10:05:30'],
    ['10:05am', '10:05:00'],
    ['2:05 PM', '14:05:00'],
    ['12:30 am', '00:30:00'],
    ['9pm', '21:00:00'],
    ['25:00', null],
    ['13:00 pm', null],
    ['soon', null],
  ])('clock %s → %s', (input, expected) => {
    const { estimatedDelivery } = shipmentOf({ predictedDeliveryDate: '2024-12-03', predictedDeliveryWindowStartTime: input });
    // An unreadable start leaves the predicted date alone.
    expect(estimatedDelivery).toMatchObject(
      expected === null ? { from: '2024-12-03', timeKind: 'date' } : { from: `2024-12-03T${expected}`, timeKind: 'local' },
    );
  });
});

describe('uspsEstimatedDelivery', () => {
  it('prefers the predicted window', () => {
    expect(
      uspsEstimatedDelivery({
        expectedDeliveryTimeStamp: '2024-12-03T21:00:00',
        predictedDeliveryDate: '2024-12-03',
        predictedDeliveryWindowStartTime: '10:05am',
        predictedDeliveryWindowEndTime: '2:05pm',
      }),
    ).toEqual({ from: '2024-12-03T10:05:00', to: '2024-12-03T14:05:00', timeKind: 'local', source: 'carrier', confidence: null });
  });

  it('reads expectedDeliveryTimeStamp as "by" that local time, and midnight as a date', () => {
    expect(uspsEstimatedDelivery({ expectedDeliveryTimeStamp: '2024-12-03T21:00:00' })).toMatchObject({
      from: null,
      to: '2024-12-03T21:00:00',
      timeKind: 'local',
    });
    expect(uspsEstimatedDelivery({ expectedDeliveryTimeStamp: '2024-11-29T00:00:00' })).toMatchObject({
      from: '2024-11-29',
      to: '2024-11-29',
      timeKind: 'date',
    });
    // A trailing Z is as bogus here as on eventTimestamp.
    expect(uspsEstimatedDelivery({ expectedDeliveryTimeStamp: '2026-06-20T17:00:00Z' })).toMatchObject({
      to: '2026-06-20T17:00:00',
      timeKind: 'local',
    });
  });

  it('falls back to the predicted date, then the guaranteed time', () => {
    expect(uspsEstimatedDelivery({ predictedDeliveryDate: '2024-12-04' })).toMatchObject({
      from: '2024-12-04',
      to: '2024-12-04',
      timeKind: 'date',
    });
    expect(uspsEstimatedDelivery({ guaranteedDeliveryTimeStamp: '2024-06-12T18:00:00' })).toMatchObject({
      from: null,
      to: '2024-06-12T18:00:00',
      timeKind: 'local',
      source: 'carrier',
    });
    expect(uspsEstimatedDelivery({})).toBeNull();
    expect(uspsEstimatedDelivery({ expectedDeliveryTimeStamp: 'next week' })).toBeNull();
  });
});

describe('uspsEventTime on generated spellings', () => {
  const twoDigits = (max: number) => fc.integer({ min: 0, max }).map((value) => String(value).padStart(2, '0'));
  const stamp = fc
    .tuple(
      fc.integer({ min: 1999, max: 2031 }),
      fc.integer({ min: 1, max: 13 }),
      fc.integer({ min: 0, max: 31 }),
      twoDigits(24),
      twoDigits(60),
      twoDigits(60),
    )
    .map(
      ([year, month, day, hour, minute, second]) =>
        `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T${hour}:${minute}:${second}`,
    );
  const offset = fc.oneof(
    fc
      .tuple(fc.constantFrom('+', '-'), twoDigits(15), fc.constantFrom('00', '30', '45', '60'))
      .map(([sign, hours, minutes]) => `${sign}${hours}:${minutes}`),
    fc.constantFrom('-7:00', '-0500', 'EST', '', 'Z'),
  );

  it('is honest on every spelling: an instant has a valid offset, a local time none', () => {
    fc.assert(
      fc.property(
        fc.option(
          fc.tuple(stamp, fc.constantFrom('', 'Z', '-05:00')).map(([value, suffix]) => `${value}${suffix}`),
          { nil: undefined },
        ),
        fc.option(
          fc.tuple(stamp, fc.constantFrom('Z', '.041Z', '')).map(([value, suffix]) => `${value}${suffix}`),
          { nil: undefined },
        ),
        fc.option(offset, { nil: undefined }),
        (eventTimestamp, GMTTimestamp, GMTOffset) => {
          const time = uspsEventTime({ eventTimestamp, GMTTimestamp, GMTOffset });
          if (time?.timeKind === 'instant') {
            expect(time.occurredAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/);
            expect(Number.isNaN(Date.parse(time.occurredAt!))).toBe(false);
          } else if (time) {
            expect(time.occurredAt).toBeNull();
            expect(time.localTime ?? '').not.toMatch(/Z|[+-]\d{2}:\d{2}$/);
          }
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('reads consistent triples (and the next-day quirk) as the true instant at the local offset', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: -12 * 4, max: 14 * 4 }),
        fc.boolean(),
        (instant, quarters, nextDayQuirk) => {
          const shiftMinutes = quarters * 15;
          const absolute = Math.abs(shiftMinutes);
          const GMTOffset = `${shiftMinutes < 0 ? '-' : '+'}${String(Math.floor(absolute / 60)).padStart(2, '0')}:${String(absolute % 60).padStart(2, '0')}`;
          const eventTimestamp = `${new Date(instant.getTime() + shiftMinutes * 60_000).toISOString().slice(0, 17)}00`;
          const utc = instant.toISOString().slice(0, 19);
          // USPS's quirk: the UTC time of day with the local date.
          const GMTTimestamp = `${nextDayQuirk ? eventTimestamp.slice(0, 10) + utc.slice(10) : utc}Z`;
          const time = uspsEventTime({ eventTimestamp, GMTTimestamp, GMTOffset });
          expect(time?.timeKind).toBe('instant');
          expect(time?.occurredAt?.endsWith(GMTOffset)).toBe(true);
          expect(time?.localTime?.slice(0, 16)).toBe(eventTimestamp.slice(0, 16));
          // The true instant, to the second when GMTTimestamp agrees, else to the minute of eventTimestamp.
          const read = Date.parse(time!.occurredAt!);
          expect(read).toBeLessThanOrEqual(Math.floor(instant.getTime() / 1000) * 1000);
          expect(read).toBeGreaterThanOrEqual(Math.floor(instant.getTime() / 60_000) * 60_000);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
