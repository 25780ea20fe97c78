import { describe, expect, it } from 'vitest';
import { DATE_ETA, orderView, outboxEvent, type ParcelSpec } from './__fixtures__/order-views';
import { etaDates, instantOf, milestonesFromEvent } from './milestones-from-event';

const LABEL: ParcelSpec['scans'][number] = [
  '2026-03-30T18:00:00+02:00',
  'info_received',
  'label_created',
  'Die Sendung wurde elektronisch angekündigt.',
];
const PICKED_UP: ParcelSpec['scans'][number] = ['2026-03-31T09:00:00+02:00', 'in_transit', 'picked_up', 'Die Sendung wurde abgeholt.'];
const tracking = { orderShipmentId: 'p1', trackingNumber: '00340434161094015902' };

function view(scans: ParcelSpec['scans'], extra: Partial<ParcelSpec> = {}) {
  return orderView({ now: '2026-03-31T12:00:00Z', parcels: [{ id: 'p1', trackingNumber: tracking.trackingNumber, scans, ...extra }] });
}

const moved = (from: string, to: string, substatusTo: string, occurredAt = '2026-03-31T09:00:00+02:00') =>
  outboxEvent(
    'status_changed',
    {
      from: { status: from as never, substatus: 'label_created' },
      to: { status: to as never, substatus: substatusTo as never },
      occurredAt: { occurredAt, localTime: null, timeKind: 'instant' },
      sequence: 1,
    },
    '2026-03-31T10:00:00Z',
    tracking.trackingNumber,
  );

describe('milestonesFromEvent', () => {
  it('makes "shipped" of the first carrier scan, not of the label', () => {
    const label = milestonesFromEvent({ event: moved('pending', 'info_received', 'label_created'), view: view([LABEL]), tracking });
    expect(label).toEqual([]);
    const [shipped] = milestonesFromEvent({
      event: moved('info_received', 'in_transit', 'picked_up'),
      view: view([LABEL, PICKED_UP]),
      tracking,
    });
    expect(shipped).toMatchObject({ milestone: 'shipped', orderId: 'ord_1042', parcelId: 'p1', occurredAt: '2026-03-31T07:00:00.000Z' });
    expect(shipped?.facts).toMatchObject({ orderNumber: '1042', carrierName: 'DHL', trackingNumber: tracking.trackingNumber });
  });

  it('counts the parcels of a split order that have reached the milestone', () => {
    const split = orderView({
      now: '2026-03-31T12:00:00Z',
      parcels: [
        { id: 'p1', trackingNumber: 'T1', scans: [LABEL, PICKED_UP] },
        { id: 'p2', trackingNumber: 'T2', scans: [LABEL] },
        { id: 'p3', trackingNumber: 'T3', scans: [LABEL, PICKED_UP] },
      ],
    });
    const [shipped] = milestonesFromEvent({
      event: moved('info_received', 'in_transit', 'picked_up'),
      view: split,
      tracking: { orderShipmentId: 'p3', trackingNumber: 'T3' },
    });
    expect(shipped?.facts.parcelCount).toEqual({ covered: 1, delivered: 0, total: 3, reached: 2 });
  });

  it('does not call a later in-transit scan "shipped" again', () => {
    expect(
      milestonesFromEvent({ event: moved('in_transit', 'in_transit', 'arrived_at_facility'), view: view([LABEL, PICKED_UP]), tracking }),
    ).toEqual([]);
  });

  it('makes "in transit" of the first expected date, and "expected date changed" only for a day later or earlier', () => {
    const eta = (from: ReturnType<typeof DATE_ETA> | null, to: ReturnType<typeof DATE_ETA>) =>
      milestonesFromEvent({
        event: outboxEvent('eta_changed', { from, to }, '2026-03-31T10:00:00Z', tracking.trackingNumber),
        view: view([LABEL, PICKED_UP]),
        tracking,
      });
    expect(eta(null, DATE_ETA('2026-04-02'))[0]).toMatchObject({
      milestone: 'in_transit',
      facts: { expectedDate: { from: '2026-04-02', to: '2026-04-02' } },
    });
    expect(eta(DATE_ETA('2026-04-02'), DATE_ETA('2026-04-03'))[0]).toMatchObject({
      milestone: 'expected_date_changed',
      facts: { expectedDate: { from: '2026-04-03', to: '2026-04-03' }, previousExpectedDate: { from: '2026-04-02', to: '2026-04-02' } },
    });
    expect(eta(DATE_ETA('2026-04-02'), DATE_ETA('2026-04-01'))[0]?.milestone).toBe('expected_date_changed');
    // A window that narrows within the same days is not news.
    expect(eta(DATE_ETA('2026-04-02', '2026-04-03'), DATE_ETA('2026-04-02', '2026-04-02'))).toEqual([]);
  });

  it('maps delivery, failed attempts, pickup and out for delivery', () => {
    const v = view([LABEL, PICKED_UP]);
    expect(
      milestonesFromEvent({ event: moved('in_transit', 'out_for_delivery', 'out_for_delivery'), view: v, tracking })[0]?.milestone,
    ).toBe('out_for_delivery');
    expect(
      milestonesFromEvent({ event: moved('out_for_delivery', 'attempt_failed', 'attempt_failed'), view: v, tracking })[0]?.milestone,
    ).toBe('delivery_attempt_failed');
    expect(
      milestonesFromEvent({ event: moved('attempt_failed', 'available_for_pickup', 'arrived_at_pickup_point'), view: v, tracking })[0],
    ).toMatchObject({
      milestone: 'ready_for_pickup',
      facts: { actor: 'customer' },
    });
    const delivered = outboxEvent(
      'delivered',
      {
        deliveredAt: { occurredAt: '2026-04-01T11:20:00+02:00', localTime: null, timeKind: 'instant' },
        signedBy: 'Nachbar',
        substatus: 'delivered_to_neighbour',
      },
      '2026-04-01T09:30:00Z',
      tracking.trackingNumber,
    );
    expect(milestonesFromEvent({ event: delivered, view: v, tracking })[0]).toMatchObject({
      milestone: 'delivered',
      occurredAt: '2026-04-01T09:20:00.000Z',
      facts: { signedBy: 'Nachbar' },
    });
  });

  it('tells where and until when a parcel waits for pickup, with the carrier to contact', () => {
    const waiting = view([
      LABEL,
      PICKED_UP,
      [
        '2026-03-31T11:00:00+02:00',
        'available_for_pickup',
        'arrived_at_pickup_point',
        'Die Sendung liegt in der Packstation zur Abholung bereit.',
      ],
    ]);
    const [ready] = milestonesFromEvent({
      event: moved('in_transit', 'available_for_pickup', 'arrived_at_pickup_point'),
      view: waiting,
      tracking,
    });
    // DHL keeps parcels 7 days (the carrier directory's pickupHoldDays).
    expect(ready?.facts).toMatchObject({
      deadline: '2026-04-07',
      actor: 'customer',
      carrierContact: { phone: '+49 228 4333112', url: 'https://www.dhl.de/de/privatkunden/kundenservice.html' },
    });
  });

  it('turns a delivered return parcel into "return received"', () => {
    const v = orderView({
      now: '2026-04-10T12:00:00Z',
      parcels: [{ id: 'r1', trackingNumber: 'RET1', scans: [PICKED_UP], direction: 'return' }],
    });
    const event = outboxEvent('delivered', { deliveredAt: null, signedBy: null, substatus: 'delivered' }, '2026-04-10T10:00:00Z', 'RET1');
    expect(milestonesFromEvent({ event, view: v, tracking: { orderShipmentId: 'r1', trackingNumber: 'RET1' } })[0]?.milestone).toBe(
      'return_received',
    );
  });

  it('names the exception and who must act', () => {
    const event = outboxEvent(
      'exception',
      { substatus: 'customs_duties_unpaid', description: null, occurredAt: null },
      '2026-03-31T10:00:00Z',
      tracking.trackingNumber,
    );
    const [exception] = milestonesFromEvent({ event, view: view([LABEL, PICKED_UP]), tracking });
    expect(exception).toMatchObject({ milestone: 'exception', occurredAt: '2026-03-31T10:00:00Z', facts: { reason: 'customs' } });
  });

  it('takes delays from the store’s delay events, but leaves never-scanned labels to the shop', () => {
    const delay = (kind: 'stalled' | 'never_scanned') =>
      milestonesFromEvent({
        event: outboxEvent('delay_detected', { kind, reason: 'x', detail: {} }, '2026-03-31T10:00:00Z', tracking.trackingNumber),
        view: view([LABEL, PICKED_UP]),
        tracking,
      });
    expect(delay('stalled')[0]).toMatchObject({ milestone: 'delayed', facts: { reason: 'stalled' } });
    expect(delay('never_scanned')).toEqual([]);
  });

  it('tells about a changed tracking number, not about the first one', () => {
    const change = (from: string | null) =>
      milestonesFromEvent({
        event: outboxEvent(
          'tracking_number_changed',
          { carrier: 'dhl', from, to: tracking.trackingNumber, cause: 'carrier_leg' },
          '2026-03-31T10:00:00Z',
        ),
        view: view([LABEL, PICKED_UP]),
      });
    expect(change('OLD123')[0]).toMatchObject({
      milestone: 'tracking_number_changed',
      parcelId: 'p1',
      facts: { previousTrackingNumber: 'OLD123' },
    });
    expect(change(null)).toEqual([]);
  });

  it('confirms the order from the order stage', () => {
    const event = outboxEvent('order_stage_changed', { from: 'placed', to: 'confirmed' }, '2026-03-27T09:16:00Z');
    expect(milestonesFromEvent({ event, view: view([]) })[0]).toMatchObject({ milestone: 'order_confirmed', parcelId: null });
  });
});

describe('time helpers', () => {
  it('reads a wall time without offset in the customer’s zone, across DST', () => {
    expect(instantOf({ occurredAt: null, localTime: '2026-03-29T10:00:00', timeKind: 'local' }, 'Europe/Berlin')).toBe(
      '2026-03-29T08:00:00.000Z',
    );
    expect(instantOf({ occurredAt: null, localTime: '2026-03-28T10:00:00', timeKind: 'local' }, 'Europe/Berlin')).toBe(
      '2026-03-28T09:00:00.000Z',
    );
  });

  it('gives an instant ETA as the customer’s calendar day', () => {
    const eta = { from: '2026-04-02T23:30:00Z', to: '2026-04-02T23:30:00Z', timeKind: 'instant' as const };
    expect(etaDates(eta, 'Europe/Berlin')).toEqual({ from: '2026-04-03', to: '2026-04-03' });
    expect(etaDates(eta, 'America/New_York')).toEqual({ from: '2026-04-02', to: '2026-04-02' });
  });
});
