import { describe, expect, it } from 'vitest';
import { TEST_CARRIERS } from '../__fixtures__/carriers';
import { at, scan, trackedShipment } from '../__fixtures__/scan';
import { parseOrder, type OrderInput } from '../order-schema';
import { buildOrderView } from '../view/build-order-view';
import { describeNextAction, statusLine } from './describe';

const ORDER: OrderInput = {
  id: 'ord_d',
  number: 'D-1',
  placedAt: '2026-03-26T09:00:00+01:00',
  customer: { id: 'cus_d', name: 'Lena Vogel', email: 'lena@example.de', locale: 'en-GB', timeZone: 'Europe/London' },
  shippingAddress: { city: 'London', region: null, postalCode: 'N1 9GU', countryCode: 'GB' },
  items: [
    { id: 'li_1', name: 'Rain jacket', quantity: 1 },
    { id: 'li_2', name: 'Wool hat', quantity: 1 },
  ],
  promisedDeliveryDate: '2026-03-30',
};

describe('statusLine', () => {
  it('calls a parcel of a cancelled order that never left "cancelled before shipping", with or without a label', () => {
    const order = parseOrder({
      ...ORDER,
      milestones: { confirmed: '2026-03-26T09:01:00+01:00', packed: '2026-03-27T10:00:00+01:00', cancelled: '2026-03-27T12:00:00+01:00' },
      shipments: [
        { id: 'no_label', carrier: 'ups', items: [{ itemId: 'li_1', quantity: 1 }] },
        { id: 'labelled', carrier: 'ups', trackingNumber: '1Z000000000000011', items: [{ itemId: 'li_2', quantity: 1 }] },
      ],
    });
    const labelOnly = trackedShipment({
      carrier: 'ups',
      trackingNumber: '1Z000000000000011',
      scans: [
        scan(at('2026-03-27T10:05:00', '+00:00'), 'MP', 'Shipper created a label, UPS has not received the package yet.', {
          status: 'info_received',
          substatus: 'label_created',
        }),
      ],
    });
    const view = buildOrderView(order, [labelOnly], { now: '2026-03-28T09:00:00+00:00', carriers: TEST_CARRIERS });
    expect(view.stage).toBe('cancelled');
    expect(statusLine(view, 'no_label', 'en')).toBe('UPS · Cancelled before shipping');
    expect(statusLine(view, 'labelled', 'en')).toBe('UPS 1Z000000000000011 · Cancelled before shipping · last scan 22 hours ago');
    expect(statusLine(view, 'no_label', 'de')).toBe('UPS · Vor dem Versand storniert');
  });

  it('still says "being packed" for a parcel without a label in an order that goes ahead', () => {
    const order = parseOrder({ ...ORDER, shipments: [{ id: 'no_label', carrier: 'ups', items: [{ itemId: 'li_1', quantity: 1 }] }] });
    const view = buildOrderView(order, [], { now: '2026-03-28T09:00:00+00:00', carriers: TEST_CARRIERS });
    expect(statusLine(view, 'no_label', 'en')).toBe('UPS · Being packed, no label yet');
  });
});

describe('describeNextAction', () => {
  it('asks the warehouse about the whole order when nothing has shipped, and about the remaining items otherwise', () => {
    const nothingShipped = buildOrderView(parseOrder({ ...ORDER, milestones: { confirmed: '2026-03-26T09:01:00+01:00' } }), [], {
      now: '2026-03-31T09:00:00+01:00',
    });
    expect(nothingShipped.nextAction.id).toBe('check_fulfilment_with_warehouse');
    expect(describeNextAction(nothingShipped)).toBe('Ask the warehouse when the order will ship (promised for Monday 30 March).');
    expect(describeNextAction(nothingShipped, 'de')).toBe(
      'Beim Lager nachfragen, wann die Bestellung versandt wird (zugesagt für Montag, 30. März).',
    );

    const order = parseOrder({
      ...ORDER,
      shipments: [{ id: 'p1', carrier: 'ups', trackingNumber: '1Z000000000000012', items: [{ itemId: 'li_1', quantity: 1 }] }],
    });
    const moving = trackedShipment({
      carrier: 'ups',
      trackingNumber: '1Z000000000000012',
      scans: [
        scan(
          at('2026-03-30T18:40:00', '+01:00'),
          'OR',
          'Pickup Scan',
          { status: 'in_transit', substatus: 'picked_up' },
          { city: 'Leeds', countryCode: 'GB' },
        ),
      ],
    });
    const partlyShipped = buildOrderView(order, [moving], { now: '2026-03-31T09:00:00+01:00', carriers: TEST_CARRIERS });
    expect(describeNextAction(partlyShipped)).toBe('Ask the warehouse when the remaining items will ship (promised for Monday 30 March).');
  });
});
