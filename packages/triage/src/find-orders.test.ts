import { createInMemoryOrderSource, type Order, type OrderInput } from '@wismo/order-view';
import { describe, expect, it } from 'vitest';
import { findOrdersForTicket, type OrderSourceWithTracking } from './find-orders';
import { findTicketReferences } from './find-references';

const customer = (email: string) => ({ id: email, name: 'Anna Schmidt', email, locale: 'de-DE', timeZone: 'Europe/Berlin' });

function order(number: string, email: string, placedAt: string, trackingNumber: string | null): OrderInput {
  return {
    id: `ord_${number}`,
    number,
    placedAt,
    customer: customer(email),
    items: [{ id: 'li_1', name: 'Trailrunner', quantity: 1 }],
    shipments: trackingNumber ? [{ id: `ful_${number}`, carrier: 'ups', trackingNumber, items: [{ itemId: 'li_1', quantity: 1 }] }] : [],
  };
}

const ANNA = 'anna@example.de';
const source = createInMemoryOrderSource([
  order('1003', ANNA, '2026-03-27T09:00:00+01:00', '1Z999AA10123456784'),
  order('0950', ANNA, '2026-03-02T18:00:00+01:00', null),
  order('2001', 'ben@example.com', '2026-03-28T15:00:00-04:00', '1Z5R89390357567127'),
]);

describe('findTicketReferences', () => {
  it('finds order numbers after order words in five languages, lists included', () => {
    expect(findTicketReferences('Where are orders 1201 and 1202?').orderNumbers).toEqual(['1201', '1202']);
    expect(findTicketReferences('Bestellungen 1003 und 0950').orderNumbers).toEqual(['1003', '0950']);
    expect(findTicketReferences('commande n° 2045').orderNumbers).toEqual(['2045']);
    expect(findTicketReferences('bestelling 3381 en 3399').orderNumbers).toEqual(['3381', '3399']);
    expect(findTicketReferences('el pedido 5012 y el 5031').orderNumbers).toEqual(['5012', '5031']);
    expect(findTicketReferences('Re: #1042').orderNumbers).toEqual(['1042']);
  });

  it('ignores numbers that are no order numbers: sizes, days, postcodes, prices', () => {
    expect(findTicketReferences('I ordered size 44, waited 12 days, postcode 04109, paid 129 euros.').orderNumbers).toEqual([]);
  });

  it('finds tracking numbers through carrier detection, dashes removed, each once', () => {
    const references = findTicketReferences('UPS 1Z999AA1-0123456784 (1Z999AA10123456784) and DHL 00340434161094015902');
    expect(references.trackingNumbers.map((item) => [item.trackingNumber, item.carrier, item.confidence])).toEqual([
      ['1Z999AA10123456784', 'ups', 'checksum'],
      ['00340434161094015902', 'dhl', 'checksum'],
    ]);
    expect(references.orderNumbers).toEqual([]);
  });

  it('does not take a phone number for a tracking number', () => {
    expect(findTicketReferences('Call me on 0612345678 or 1234567890.').trackingNumbers).toEqual([]);
  });
});

describe('findOrdersForTicket', () => {
  it('finds a named order of the requester', async () => {
    const result = await findOrdersForTicket(source, { body: 'Where is order #0950?', requesterEmail: 'Anna@Example.de' });
    expect(result.orders.map((found) => [found.order.number, found.matchedBy])).toEqual([['0950', ['order_number']]]);
    expect(result.requesterOrderCount).toBe(2);
  });

  it('finds the order of a tracking number among the requester’s orders', async () => {
    const result = await findOrdersForTicket(source, { body: 'My UPS parcel 1Z999AA10123456784 is stuck', requesterEmail: ANNA });
    expect(result.orders.map((found) => [found.order.number, found.matchedBy])).toEqual([['1003', ['tracking_number']]]);
  });

  it('falls back to the requester’s newest order when the text names none', async () => {
    const result = await findOrdersForTicket(source, { body: 'Where is my parcel?', requesterEmail: ANNA });
    expect(result.orders.map((found) => [found.order.number, found.matchedBy])).toEqual([['1003', ['email']]]);
  });

  it('never returns another customer’s order to a requester, and says so', async () => {
    const result = await findOrdersForTicket(source, { body: 'What about order 2001?', requesterEmail: ANNA });
    expect(result.otherCustomersOrders).toEqual(['2001']);
    expect(result.orders.map((found) => found.order.number)).toEqual(['1003']);
  });

  it('reports numbers that lead nowhere', async () => {
    const result = await findOrdersForTicket(source, { body: 'Order 9999, parcel 1Z5R89390357567127', requesterEmail: ANNA });
    expect(result.unmatched).toEqual({ orderNumbers: ['9999'], trackingNumbers: ['1Z5R89390357567127'] });
  });

  it('uses the source’s own tracking lookup when it has one (no email needed)', async () => {
    const withTracking: OrderSourceWithTracking = {
      ...source,
      getOrderById: (id) => source.getOrderById(id),
      getOrderByNumber: (number) => source.getOrderByNumber(number),
      findOrdersByCustomerEmail: (email) => source.findOrdersByCustomerEmail(email),
      findOrderByTrackingNumber: async (trackingNumber): Promise<Order | null> =>
        trackingNumber === '1Z5R89390357567127' ? source.getOrderByNumber('2001') : null,
    };
    const result = await findOrdersForTicket(withTracking, { body: 'Tracking 1Z5R89390357567127 says nothing' });
    expect(result.orders.map((found) => [found.order.number, found.matchedBy])).toEqual([['2001', ['tracking_number']]]);
  });

  it('merges an order found twice', async () => {
    const result = await findOrdersForTicket(source, { subject: 'Order 1003', body: 'UPS 1Z999AA10123456784', requesterEmail: ANNA });
    expect(result.orders.map((found) => [found.order.number, found.matchedBy])).toEqual([['1003', ['order_number', 'tracking_number']]]);
  });
});
