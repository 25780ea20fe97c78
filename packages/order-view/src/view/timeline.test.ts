import { describe, expect, it } from 'vitest';
import { at, scan, trackedShipment } from '../__fixtures__/scan';
import { parseOrder } from '../order-schema';
import { buildOrderView } from './build-order-view';

describe('the merged timeline', () => {
  it('keeps the milestones’ natural order when they share a time (newest first: confirmed above placed)', () => {
    const order = parseOrder({
      id: 'ord_tie',
      number: 'TIE-1',
      placedAt: '2026-03-30T09:00:00+02:00',
      customer: { id: 'cus_tie', name: 'Nora Hahn', email: 'nora@example.de', locale: 'de-DE', timeZone: 'Europe/Berlin' },
      items: [{ id: 'li_1', name: 'Becher', quantity: 1 }],
      // Shops that confirm automatically stamp both at the same second; packing and cancelling can coincide too.
      milestones: {
        placed: '2026-03-30T09:00:00+02:00',
        confirmed: '2026-03-30T09:00:00+02:00',
        packed: '2026-03-30T15:00:00+02:00',
        cancelled: '2026-03-30T15:00:00+02:00',
      },
    });
    const view = buildOrderView(order, [], { now: '2026-03-30T16:00:00+02:00' });
    expect(view.timeline.map((entry) => entry.milestone)).toEqual(['cancelled', 'packed', 'confirmed', 'placed']);
  });

  it('orders milestones by time first, whatever their natural order', () => {
    const order = parseOrder({
      id: 'ord_time',
      number: 'TIME-1',
      placedAt: '2026-03-30T09:00:00+02:00',
      customer: { id: 'cus_time', name: 'Nora Hahn', email: 'nora@example.de', locale: 'de-DE', timeZone: 'Europe/Berlin' },
      items: [{ id: 'li_1', name: 'Becher', quantity: 1 }],
      milestones: { confirmed: '2026-03-30T09:05:00+02:00', packed: '2026-03-30T09:01:00+02:00' },
      shipments: [{ id: 'p1', carrier: 'dhl', trackingNumber: '00340434161094000009' }],
    });
    const dhl = trackedShipment({
      carrier: 'dhl',
      trackingNumber: '00340434161094000009',
      scans: [
        scan(at('2026-03-30T09:03:00', '+02:00'), 'pre-transit', 'Die Sendung wurde elektronisch angekündigt.', {
          status: 'info_received',
        }),
      ],
    });
    const view = buildOrderView(order, [dhl], { now: '2026-03-30T16:00:00+02:00' });
    expect(view.timeline.map((entry) => entry.milestone ?? entry.status)).toEqual(['confirmed', 'info_received', 'packed', 'placed']);
  });
});
