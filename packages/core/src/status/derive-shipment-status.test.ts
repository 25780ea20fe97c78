import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { approximateEpochMs, parseCarrierDateTime, type CarrierTime } from '../time/carrier-time';
import { buildShipment, createEvent, createLocation, type StatusTableEntry } from './build-shipment';
import { dedupeEvents, sortEventsNewestFirst } from './derive-shipment-status';
import type { TrackingEvent } from './shipment';

function event(time: string, mapped: StatusTableEntry | undefined, code = 'X', description = code): TrackingEvent {
  return createEvent({ time: parseCarrierDateTime(time), code, description, mapped });
}

function shipmentOf(events: TrackingEvent[]) {
  return buildShipment({ carrier: 'test', trackingNumber: 'T1', events, fetchedAt: new Date('2024-01-10T00:00:00Z') });
}

describe('status rule', () => {
  it('orders events newest first and takes the latest status', () => {
    const shipment = shipmentOf([
      event('2024-01-01T08:00:00+01:00', { status: 'info_received', substatus: 'label_created' }, 'LC'),
      event('2024-01-02T08:00:00+01:00', { status: 'in_transit', substatus: 'picked_up' }, 'PU'),
      event('2024-01-03T08:00:00+01:00', { status: 'out_for_delivery' }, 'OD'),
    ]);
    expect(shipment.events.map((item) => item.raw.code)).toEqual(['OD', 'PU', 'LC']);
    expect(shipment.status).toBe('out_for_delivery');
    expect(shipment.statusSince?.occurredAt).toBe('2024-01-03T08:00:00+01:00');
  });

  it('never moves a delivered parcel back to in transit because of a stale scan', () => {
    const shipment = shipmentOf([
      event('2024-01-03T10:00:00Z', { status: 'delivered' }, 'DL'),
      // Arrives later in the list with a later time: a delayed upload of an old hub scan.
      event('2024-01-03T11:00:00Z', { status: 'in_transit', substatus: 'arrived_at_facility' }, 'AR'),
    ]);
    expect(shipment.status).toBe('delivered');
    expect(shipment.deliveredAt?.occurredAt).toBe('2024-01-03T10:00:00Z');
    expect(shipment.events).toHaveLength(2);
  });

  it('ignores a label-created scan that arrives after the parcel moved (DHL sends these)', () => {
    const shipment = shipmentOf([
      event('2023-03-13T09:50:00', { status: 'in_transit' }, 'transit'),
      event('2023-03-13T10:10:00', { status: 'info_received' }, 'pre-transit'),
    ]);
    expect(shipment.status).toBe('in_transit');
  });

  it('allows explicit transitions after delivery: returning, then returned', () => {
    const delivered = event('2024-01-03T10:00:00Z', { status: 'delivered' }, 'DL');
    const returning = event('2024-01-05T10:00:00Z', { status: 'returning', substatus: 'return_requested' }, 'RS');
    expect(shipmentOf([delivered, returning]).status).toBe('returning');
    const backAtSender = event('2024-01-08T10:00:00Z', { status: 'delivered' }, 'DL2');
    const shipment = shipmentOf([delivered, returning, backAtSender]);
    // A "delivered" scan while returning is the delivery back to the sender.
    expect(shipment.status).toBe('returned');
    expect(shipment.substatus).toBe('returned_to_sender');
    expect(shipment.direction).toBe('return');
    expect(shipment.deliveredAt?.occurredAt).toBe('2024-01-08T10:00:00Z');
  });

  it('allows an exception after delivery (damage claim) and keeps returned final', () => {
    const delivered = event('2024-01-03T10:00:00Z', { status: 'delivered' }, 'DL');
    expect(shipmentOf([delivered, event('2024-01-04T10:00:00Z', { status: 'exception', substatus: 'damaged' }, 'DM')]).substatus).toBe(
      'damaged',
    );
    const returned = event('2024-01-06T10:00:00Z', { status: 'returned' }, 'RT');
    const afterReturn = shipmentOf([returned, event('2024-01-07T10:00:00Z', { status: 'in_transit' }, 'IT')]);
    expect(afterReturn.status).toBe('returned');
    expect(afterReturn.deliveredAt?.occurredAt).toBe('2024-01-06T10:00:00Z');
  });

  it('recovers from an exception when the parcel moves again', () => {
    const shipment = shipmentOf([
      event('2024-01-02T10:00:00Z', { status: 'exception', substatus: 'address_problem' }, 'EX'),
      event('2024-01-03T10:00:00Z', { status: 'out_for_delivery' }, 'OD'),
    ]);
    expect(shipment.status).toBe('out_for_delivery');
  });

  it('lets a scanned parcel override a voided label, but not a repeated label event', () => {
    const voided = event('2024-01-02T10:00:00Z', { status: 'cancelled' }, 'MV');
    expect(shipmentOf([voided, event('2024-01-03T10:00:00Z', { status: 'info_received' }, 'MP')]).status).toBe('cancelled');
    expect(shipmentOf([voided, event('2024-01-03T10:00:00Z', { status: 'in_transit' }, 'OR')]).status).toBe('in_transit');
  });

  it('keeps unmapped events without letting them move the status', () => {
    const shipment = shipmentOf([
      event('2024-01-02T10:00:00Z', { status: 'in_transit' }, 'IT'),
      event('2024-01-03T10:00:00Z', undefined, 'ZZ9', 'Something new'),
    ]);
    expect(shipment.status).toBe('in_transit');
    expect(shipment.events[0]).toMatchObject({
      status: 'unknown',
      substatus: 'unknown',
      unmapped: true,
      raw: { code: 'ZZ9', text: 'Something new' },
    });
  });

  it('is unknown when only unmapped events exist, and pending with none', () => {
    expect(shipmentOf([event('2024-01-03T10:00:00Z', undefined, 'ZZ9')]).status).toBe('unknown');
    expect(shipmentOf([]).status).toBe('pending');
  });

  it('keeps the moment a status was entered across repeated scans of the same status', () => {
    const shipment = shipmentOf([
      event('2024-01-02T10:00:00Z', { status: 'in_transit', substatus: 'arrived_at_facility' }, 'AR'),
      event('2024-01-02T18:00:00Z', { status: 'in_transit', substatus: 'departed_facility' }, 'DP'),
    ]);
    expect(shipment.statusSince?.occurredAt).toBe('2024-01-02T10:00:00Z');
    expect(shipment.substatus).toBe('departed_facility');
  });

  it('removes exact duplicates and keeps events with the same time but different codes', () => {
    const shipment = shipmentOf([
      event('2024-01-02T10:00:00Z', { status: 'in_transit' }, 'AR'),
      event('2024-01-02T10:00:00Z', { status: 'in_transit' }, 'AR'),
      event('2024-01-02T10:00:00Z', { status: 'in_transit' }, 'DP'),
    ]);
    expect(shipment.events.map((item) => item.raw.code)).toEqual(['AR', 'DP']);
  });

  it('keeps the carrier order for events with equal times', () => {
    const events = [
      event('2024-01-02T10:00:00Z', { status: 'out_for_delivery' }, 'OD'),
      event('2024-01-02T10:00:00Z', { status: 'in_transit' }, 'AR'),
    ];
    const newestFirst = buildShipment({ carrier: 't', trackingNumber: 'n', events, eventsNewestFirst: true });
    expect(newestFirst.events.map((item) => item.raw.code)).toEqual(['OD', 'AR']);
    const oldestFirst = buildShipment({ carrier: 't', trackingNumber: 'n', events, eventsNewestFirst: false });
    expect(oldestFirst.events.map((item) => item.raw.code)).toEqual(['AR', 'OD']);
  });

  it('rejects a table entry whose substatus belongs to another status', () => {
    // The type forbids it; an entry built at run time (from data) is still refused.
    // @ts-expect-error picked_up belongs to in_transit
    expect(() => createEvent({ time: null, code: 'X', description: 'x', mapped: { status: 'delivered', substatus: 'picked_up' } })).toThrow(
      /does not belong/,
    );
  });

  it('falls back to the carrier status when no event maps, and drops the ETA once delivered', () => {
    const shipment = buildShipment({
      carrier: 't',
      trackingNumber: 'n',
      events: [],
      carrierStatus: { status: 'delivered' },
      estimatedDelivery: { from: '2024-01-05', to: '2024-01-05', timeKind: 'date', source: 'carrier', confidence: null },
    });
    expect(shipment.status).toBe('delivered');
    expect(shipment.estimatedDelivery).toBeNull();
  });
});

describe('createLocation', () => {
  it('normalises the country and builds a raw line when the carrier gave none', () => {
    expect(createLocation({ city: ' Atlanta ', region: 'GA', postalCode: '30301', countryCode: 'usa' })).toEqual({
      city: 'Atlanta',
      region: 'GA',
      postalCode: '30301',
      countryCode: 'US',
      raw: 'Atlanta, GA, 30301, US',
    });
    expect(createLocation({ city: '', countryCode: null })).toBeNull();
  });
});

describe('event order and repeats', () => {
  // The definitions, written the plain way: a key per event, then a stable sort; an identity string per event.
  function sortedByKey(events: readonly TrackingEvent[], newestFirst: boolean): TrackingEvent[] {
    return events
      .map((item, index) => ({ item, key: approximateEpochMs(item), order: newestFirst ? -index : index }))
      .sort((a, b) => b.key - a.key || b.order - a.order)
      .map(({ item }) => item);
  }
  function withoutRepeatsByIdentity(events: readonly TrackingEvent[]): TrackingEvent[] {
    const seen = new Set<string>();
    return events.filter((item) => {
      const place = item.location
        ? [item.location.raw, item.location.city, item.location.postalCode, item.location.countryCode].join('|')
        : '';
      const identity = [item.occurredAt ?? item.localTime, item.raw.code, item.description, place].join('\u0000');
      if (seen.has(identity)) return false;
      seen.add(identity);
      return true;
    });
  }

  // Few distinct values, so that ties, repeats, offsets changing mid-list and days past the 28th all happen.
  const wellFormed = fc
    .tuple(
      fc.constantFrom('2024-01-31', '2024-02-28', '2024-02-29', '2024-03-01', '2023-12-31'),
      fc.constantFrom('T00:00:00', 'T09:30:00', 'T23:59:59', ''),
      fc.constantFrom('', 'Z', '+01:00', '+02:00', '-05:00', '+0100'),
    )
    .map(([date, time, zone]) => parseCarrierDateTime(`${date}${time}${time ? zone : ''}`));
  // Times a carrier could build by hand, which Date.parse rolls over or cannot read.
  const handBuilt = fc.constantFrom<CarrierTime | null>(
    null,
    { occurredAt: '2024-02-30T10:00:00+01:00', localTime: '2024-02-30T10:00:00', timeKind: 'instant' },
    { occurredAt: 'not a time', localTime: null, timeKind: 'instant' },
    { occurredAt: null, localTime: '2024-13-01T00:00:00', timeKind: 'local' },
    { occurredAt: null, localTime: null, timeKind: 'date' },
  );
  const events = fc.array(
    fc.record({
      time: fc.oneof({ arbitrary: wellFormed, weight: 3 }, { arbitrary: handBuilt, weight: 1 }),
      code: fc.constantFrom('A', 'B', null),
      description: fc.constantFrom('x', ' x ', ''),
      city: fc.constantFrom('Hamburg', null),
    }),
    { maxLength: 12 },
  );
  const toEvents = (inputs: Array<{ time: CarrierTime | null; code: string | null; description: string; city: string | null }>) =>
    inputs.map((input) =>
      createEvent({ time: input.time, code: input.code, description: input.description, location: createLocation({ city: input.city }) }),
    );

  it('orders newest first exactly as by each time once, carrier order breaking ties, whether or not the list came in order', () => {
    fc.assert(
      fc.property(events, fc.boolean(), fc.constantFrom('as sent', 'in order', 'reversed'), (inputs, newestFirst, arrangement) => {
        let list = toEvents(inputs);
        if (arrangement !== 'as sent') list = sortedByKey(list, true);
        if (arrangement === 'reversed') list.reverse();
        expect(sortEventsNewestFirst(list, newestFirst)).toEqual(sortedByKey(list, newestFirst));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads hand-built times as Date.parse does, even when their text looks in order', () => {
    const at = (time: CarrierTime, code: string) => createEvent({ time, code, description: code });
    // Date.parse rolls 30 February over to 1 March, so this one is the newer.
    const rolledOver = at({ occurredAt: '2024-02-30T10:00:00+01:00', localTime: '2024-02-30T10:00:00', timeKind: 'instant' }, 'R');
    const valid = at(parseCarrierDateTime('2024-03-01T09:30:00+01:00')!, 'V');
    expect(sortEventsNewestFirst([valid, rolledOver]).map((item) => item.raw.code)).toEqual(['R', 'V']);
    // Unreadable: ordered as the oldest.
    const unreadable = at({ occurredAt: 'not a time', localTime: null, timeKind: 'instant' }, 'U');
    const date = at(parseCarrierDateTime('2024-01-31')!, 'D');
    expect(sortEventsNewestFirst([unreadable, date]).map((item) => item.raw.code)).toEqual(['D', 'U']);
    // The same instant at two offsets ties, and a later instant at a smaller-looking offset is newer.
    const paris = at(parseCarrierDateTime('2024-03-31T03:30:00+02:00')!, 'P');
    const london = at(parseCarrierDateTime('2024-03-31T01:30:00Z')!, 'L');
    const newYork = at(parseCarrierDateTime('2024-03-30T22:00:00-05:00')!, 'N');
    expect(sortEventsNewestFirst([newYork, paris, london]).map((item) => item.raw.code)).toEqual(['N', 'P', 'L']);
    const helsinki = at(parseCarrierDateTime('2024-01-01T10:00:00+02:00')!, 'H');
    const dublin = at(parseCarrierDateTime('2024-01-01T09:30:00+00:00')!, 'D');
    expect(sortEventsNewestFirst([helsinki, dublin]).map((item) => item.raw.code)).toEqual(['D', 'H']);
  });

  it('compares each time with its neighbour as instants where the offset changes, there and back', () => {
    const at = (text: string, code: string) => createEvent({ time: parseCarrierDateTime(text), code, description: code });
    // 11:00Z, 10:30Z, 09:00Z, then 10:00Z: the last is newer than the one before it, though not than the one before that.
    const listed = [
      at('2024-01-01T12:00:00+01:00', 'A'),
      at('2024-01-01T12:30:00+02:00', 'B'),
      at('2024-01-01T11:00:00+02:00', 'C'),
      at('2024-01-01T11:00:00+01:00', 'D'),
    ];
    expect(sortEventsNewestFirst(listed).map((item) => item.raw.code)).toEqual(['A', 'B', 'D', 'C']);
  });

  it('drops exactly the events an earlier one repeats (same time, code, text and place)', () => {
    fc.assert(
      fc.property(events, (inputs) => {
        const list = toEvents(inputs);
        const kept = dedupeEvents(list);
        expect(kept).toEqual(withoutRepeatsByIdentity(list));
        // The very objects, in their order.
        expect(kept.every((item, index) => index === 0 || list.indexOf(item) > list.indexOf(kept[index - 1]!))).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
