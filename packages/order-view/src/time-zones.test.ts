import { describe, expect, it } from 'vitest';
import { at, onDate, scan, trackedShipment } from './__fixtures__/scan';
import { parseOrder } from './order-schema';
import { buildOrderView } from './view/build-order-view';
import { formatTimeline } from './words/describe';

/**
 * One DHL Express parcel from Sydney through New York to Leipzig, with scans on both sides of the 2026
 * clock changes: US (8 March), EU (29 March) and Australia (5 April). Two scans have no offset (a wall time
 * at Leipzig, one of them inside the missing hour of 29 March) and one is a bare date.
 */
const SCANS = [
  scan(
    at('2026-03-08T17:30:00', '+11:00'),
    'PU',
    'Shipment picked up',
    { status: 'in_transit', substatus: 'picked_up' },
    { city: 'SYDNEY', countryCode: 'AU' },
  ), // 06:30Z
  scan(
    at('2026-03-08T18:30:00', '+11:00'),
    'PL',
    'Processed at SYDNEY - AUSTRALIA',
    { status: 'in_transit', substatus: 'arrived_at_facility' },
    { city: 'SYDNEY', countryCode: 'AU' },
  ), // 07:30Z
  scan(
    at('2026-03-28T20:30:00', '-04:00'),
    'AF',
    'Arrived at Sort Facility NEW YORK - USA',
    { status: 'in_transit', substatus: 'arrived_at_facility' },
    { city: 'NEW YORK', countryCode: 'US' },
  ), // 00:30Z on the 29th
  scan(
    at('2026-03-28T21:30:00', '-04:00'),
    'DF',
    'Departed Facility in NEW YORK - USA',
    { status: 'in_transit', substatus: 'departed_facility' },
    { city: 'NEW YORK', countryCode: 'US' },
  ), // 01:30Z
  scan(
    at('2026-03-29T02:30:00'),
    'AF',
    'Arrived at Sort Facility LEIPZIG - GERMANY',
    { status: 'in_transit', substatus: 'arrived_in_destination_country' },
    { city: 'LEIPZIG', countryCode: 'DE' },
  ),
  scan(
    at('2026-03-30T10:00:00'),
    'CR',
    'Customs status updated',
    { status: 'in_transit', substatus: 'customs_processing' },
    { city: 'LEIPZIG', countryCode: 'DE' },
  ),
  scan(
    at('2026-04-04T17:30:00', '+02:00'),
    'PL',
    'Processed at LEIPZIG - GERMANY',
    { status: 'in_transit', substatus: 'arrived_at_facility' },
    { city: 'LEIPZIG', countryCode: 'DE' },
  ), // 15:30Z
  scan(
    at('2026-04-04T18:30:00', '+02:00'),
    'DF',
    'Departed Facility in LEIPZIG - GERMANY',
    { status: 'in_transit', substatus: 'departed_facility' },
    { city: 'LEIPZIG', countryCode: 'DE' },
  ), // 16:30Z
  scan(
    onDate('2026-04-05'),
    'SA',
    'Shipment is scheduled for delivery',
    { status: 'in_transit', substatus: 'delivery_appointment_scheduled' },
    { city: 'BERLIN', countryCode: 'DE' },
  ),
];

const CUSTOMERS = {
  berlin: { timeZone: 'Europe/Berlin', locale: 'de-DE' },
  newYork: { timeZone: 'America/New_York', locale: 'en-US' },
  sydney: { timeZone: 'Australia/Sydney', locale: 'en-AU' },
} as const;

function viewFor(customer: keyof typeof CUSTOMERS, now: string, scanCount = SCANS.length, promisedDeliveryDate: string | null = null) {
  const order = parseOrder({
    id: 'ord_tz',
    number: 'TZ-1',
    placedAt: '2026-03-06T09:00:00+11:00',
    customer: { id: 'cus_tz', name: 'Alex Morgan', email: 'alex@example.com', ...CUSTOMERS[customer] },
    items: [{ id: 'li_1', name: 'Opal pendant', quantity: 1 }],
    promisedDeliveryDate,
    shipments: [
      {
        id: 'ful_tz',
        carrier: 'dhl_express',
        trackingNumber: '4930128855',
        origin: { countryCode: 'AU', region: 'NSW' },
        destination: { countryCode: 'DE', region: 'BE' },
      },
    ],
  });
  const shipment = trackedShipment({ carrier: 'dhl_express', trackingNumber: '4930128855', scans: SCANS.slice(0, scanCount) });
  return buildOrderView(order, [shipment], { now });
}

// ICU versions differ on the space before AM/PM (U+0020 or U+202F): compare it as a plain space.
const plainSpaces = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ');

describe('the same events for customers in Berlin, New York and Sydney', () => {
  it('shows instants on the customer’s own clock across each clock change, newest first', () => {
    const when = (customer: keyof typeof CUSTOMERS) =>
      formatTimeline(viewFor(customer, '2026-04-06T00:00:00Z')).map((line) =>
        plainSpaces(line.note ? `${line.when} [${line.note}]` : line.when),
      );
    expect(when('berlin')).toEqual([
      'Sonntag, 5. April [nur Datum]',
      'Samstag, 4. April um 18:30 Uhr',
      'Samstag, 4. April um 17:30 Uhr',
      'Montag, 30. März um 10:00 Uhr', // a Leipzig wall time is a Berlin wall time: no "local time" needed
      'Sonntag, 29. März um 2:30 Uhr [Ortszeit am Scan-Ort]', // 02:30 never happened in Berlin that night: kept as DHL wrote it
      'Sonntag, 29. März um 3:30 Uhr', // 01:30Z, summer time
      'Sonntag, 29. März um 1:30 Uhr', // 00:30Z, winter time
      'Sonntag, 8. März um 8:30 Uhr',
      'Sonntag, 8. März um 7:30 Uhr',
      'Donnerstag, 5. März um 23:00 Uhr', // order placed at 09:00 in Sydney
    ]);
    expect(when('newYork')).toEqual([
      'Sunday, April 5 [date only]',
      'Saturday, April 4 at 12:30 PM',
      'Saturday, April 4 at 11:30 AM',
      'Monday, March 30 at 10:00 AM [local time at the scan location]',
      'Sunday, March 29 at 2:30 AM [local time at the scan location]',
      'Saturday, March 28 at 9:30 PM',
      'Saturday, March 28 at 8:30 PM',
      'Sunday, March 8 at 3:30 AM', // 07:30Z: daylight time has begun
      'Sunday, March 8 at 1:30 AM', // 06:30Z: still standard time
      'Thursday, March 5 at 5:00 PM',
    ]);
    expect(when('sydney')).toEqual([
      'Sunday 5 April [date only]',
      'Sunday 5 April at 2:30 am', // 16:30Z, standard time (AEST)…
      'Sunday 5 April at 2:30 am', // …and 15:30Z, daylight time (AEDT): the same wall clock twice, in the right order
      'Monday 30 March at 10:00 am [local time at the scan location]',
      'Sunday 29 March at 2:30 am [local time at the scan location]',
      'Sunday 29 March at 12:30 pm',
      'Sunday 29 March at 11:30 am',
      'Sunday 8 March at 6:30 pm',
      'Sunday 8 March at 5:30 pm',
      'Friday 6 March at 9:00 am',
    ]);
  });

  it('keeps the offset in the data, so equal wall clocks stay distinguishable', () => {
    const sydney = viewFor('sydney', '2026-04-06T00:00:00Z')
      .timeline.slice(1, 3)
      .map((entry) => entry.customerTime);
    expect(sydney).toEqual([
      { date: '2026-04-05', time: '02:30', utcOffset: '+10:00', shownAs: 'customer_time_zone' },
      { date: '2026-04-05', time: '02:30', utcOffset: '+11:00', shownAs: 'customer_time_zone' },
    ]);
    const newYork = viewFor('newYork', '2026-04-06T00:00:00Z').timeline;
    expect(newYork[4]!.customerTime).toEqual({ date: '2026-03-29', time: '02:30', utcOffset: null, shownAs: 'carrier_local_time' });
    expect(newYork[0]!.customerTime).toEqual({ date: '2026-04-05', time: null, utcOffset: null, shownAs: 'date_only' });
  });

  it('judges "late" by the customer’s own calendar day', () => {
    // 22:30 UTC on the promised day: already the next day in Berlin and Sydney, still the day itself in New York.
    const late = (customer: keyof typeof CUSTOMERS) =>
      viewFor(customer, '2026-03-29T22:30:00Z', 4, '2026-03-29').delays.filter((delay) => delay.kind === 'late');
    expect(late('berlin')).toEqual([
      { kind: 'late', reason: 'past_promised_date', parcelId: 'ful_tz', dueDate: '2026-03-29', daysLate: 1 },
    ]);
    expect(late('newYork')).toEqual([]);
    expect(late('sydney')).toEqual([
      { kind: 'late', reason: 'past_promised_date', parcelId: 'ful_tz', dueDate: '2026-03-29', daysLate: 1 },
    ]);
  });

  it('measures the age of the last scan between instants, not wall clocks', () => {
    // 00:30Z → 03:30Z is three hours, although Berlin's clocks went from 01:30 to 05:30.
    for (const customer of ['berlin', 'newYork', 'sydney'] as const) {
      expect(viewFor(customer, '2026-03-29T03:30:00Z', 3).parcels[0]!.lastScan!.age).toEqual({
        hours: 3,
        minimumHours: 3,
        maximumHours: 3,
        exact: true,
      });
    }
  });

  it('bounds the age of a scan without offset by its country’s zones', () => {
    // The Leipzig scan at 02:30 (inside the missing hour) is read as 01:30Z; Germany has one zone.
    expect(viewFor('newYork', '2026-03-29T07:30:00Z', 5).parcels[0]!.lastScan!.age).toEqual({
      hours: 6,
      minimumHours: 6,
      maximumHours: 6,
      exact: true,
    });
  });
});
