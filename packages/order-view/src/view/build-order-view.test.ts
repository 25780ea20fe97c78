import { CARRIER_ADAPTER_SPECIFICATION_VERSION, type CarrierAdapter } from '@wismo/core';
import { describe, expect, it } from 'vitest';
import { TEST_CARRIERS } from '../__fixtures__/carriers';
import { createTestDeliveryHistory } from '../__fixtures__/history';
import { at, scan, trackedShipment } from '../__fixtures__/scan';
import {
  DHL_ECOMMERCE_NUMBER,
  supportScenarios,
  USPS_LAST_MILE_NUMBER,
  USPS_MAILBOX_NUMBER,
  type Scenario,
} from '../__fixtures__/scenarios';
import { parseOrder, type OrderInput } from '../order-schema';
import { orderViewSchema } from '../order-view-schema';
import { buildOrderView } from './build-order-view';

const history = createTestDeliveryHistory();

function scenario(name: string): Scenario {
  const found = supportScenarios().find((candidate) => candidate.name.startsWith(name));
  if (!found) throw new Error(`No scenario ${name}`);
  return found;
}

const BASE_ORDER: OrderInput = {
  id: 'ord_t',
  number: 'T-1',
  placedAt: '2026-03-25T10:00:00+01:00',
  customer: { id: 'cus_t', name: 'Ines Krüger', email: 'ines@example.de', locale: 'de-AT', timeZone: 'Europe/Vienna' },
  items: [
    { id: 'li_1', name: 'Wanderstöcke', quantity: 1 },
    { id: 'li_2', name: 'Stirnlampe', quantity: 2 },
  ],
};

describe('buildOrderView: matching shipments to parcels', () => {
  it('matches by carrier and tracking number, ignoring spaces and case, and reports what did not match', () => {
    const order = parseOrder({
      ...BASE_ORDER,
      shipments: [{ id: 'p1', carrier: 'DHL', trackingNumber: '0034 0434 1610 9401 2650', items: [{ itemId: 'li_1', quantity: 1 }] }],
    });
    const dhl = trackedShipment({
      carrier: 'dhl',
      trackingNumber: '00340434161094012650',
      scans: [scan(at('2026-03-25T16:20:00'), 'pre-transit', 'Die Sendung wurde elektronisch angekündigt.', { status: 'info_received' })],
    });
    const sameNumberOtherCarrier = trackedShipment({ carrier: 'ups', trackingNumber: '00340434161094012650', scans: [] });
    const view = buildOrderView(order, [dhl, sameNumberOtherCarrier], { now: '2026-03-25T18:00:00+01:00' });
    expect(view.parcels[0]).toMatchObject({
      tracking: 'tracked',
      status: 'info_received',
      trackedShipments: [{ carrier: 'dhl', trackingNumber: '00340434161094012650' }],
    });
    expect(view.unmatchedShipments).toEqual([{ carrier: 'ups', trackingNumber: '00340434161094012650' }]);
  });

  it('shows a parcel without a tracking result, and one without a label, instead of failing', () => {
    const order = parseOrder({
      ...BASE_ORDER,
      milestones: { packed: '2026-03-25T14:00:00+01:00' },
      shipments: [
        {
          id: 'p1',
          carrier: 'dhl',
          trackingNumber: '00340434161094099999',
          items: [{ itemId: 'li_1', quantity: 1 }],
          shippedAt: '2026-03-25T15:00:00+01:00',
        },
        { id: 'p2', carrier: 'dhl', items: [{ itemId: 'li_2', quantity: 2 }] },
      ],
    });
    const view = buildOrderView(order, [], { now: '2026-03-25T18:00:00+01:00', carriers: TEST_CARRIERS });
    expect(view.parcels.map((parcel) => [parcel.tracking, parcel.status, parcel.nextAction.id])).toEqual([
      ['no_tracking_result', 'pending', 'wait_for_carrier_pickup'],
      ['no_tracking_number', 'pending', 'wait_for_dispatch'],
    ]);
    expect(view.stage).toBe('partially_shipped');
    expect(view.unshippedItems).toEqual([{ itemId: 'li_2', name: 'Stirnlampe', quantity: 2 }]);
    expect(view.parcels[0]!.trackingUrl).toBe(
      'https://www.dhl.de/de/privatkunden/pakete-empfangen/verfolgen.html?piececode=00340434161094099999',
    );
  });

  it('flags a labelled parcel the carrier has never heard of as never scanned, from the shop’s shipped date', () => {
    const order = parseOrder({
      ...BASE_ORDER,
      shipments: [{ id: 'p1', carrier: 'dhl', trackingNumber: '00340434161094099999', shippedAt: '2026-03-25T15:00:00+01:00' }],
    });
    const view = buildOrderView(order, [], { now: '2026-03-31T10:00:00+02:00' });
    expect(view.delays).toEqual([
      {
        kind: 'never_scanned',
        reason: 'label_not_picked_up',
        parcelId: 'p1',
        labelCreatedOn: '2026-03-25',
        businessDaysWaiting: 4,
        thresholdBusinessDays: 2,
      },
    ]);
  });
});

describe('buildOrderView: a parcel handed over to another carrier', () => {
  const handoff = scenario('DHL eCommerce hands over');
  const view = buildOrderView(handoff.order, handoff.shipments, { now: handoff.now, carriers: TEST_CARRIERS, history });
  const parcel = view.parcels[0]!;

  it('follows the last-mile carrier once it has the parcel: status, contact, tracking link', () => {
    expect(parcel).toMatchObject({
      carrier: 'usps',
      carrierName: 'USPS',
      trackingNumber: USPS_LAST_MILE_NUMBER,
      status: 'out_for_delivery',
    });
    expect(parcel.contact).toEqual({ phone: '1-800-275-8777', url: 'https://www.usps.com/help/contact-us.htm' });
    expect(parcel.trackingUrl).toBe(`https://tools.usps.com/go/TrackConfirmAction?tLabels=${USPS_LAST_MILE_NUMBER}`);
  });

  it('lists both legs, marks the current one, and merges both carriers’ scans in one timeline', () => {
    expect(parcel.legs.map((leg) => [leg.carrier, leg.trackingNumber, leg.role, leg.status, leg.current])).toEqual([
      ['dhl_ecommerce', DHL_ECOMMERCE_NUMBER, 'first_mile', 'in_transit', false],
      ['usps', USPS_LAST_MILE_NUMBER, 'last_mile', 'out_for_delivery', true],
    ]);
    const scans = view.timeline.filter((entry) => entry.kind === 'scan');
    expect(scans.map((entry) => `${entry.carrier}: ${entry.description}`)).toEqual([
      'usps: Out for Delivery',
      'usps: Arrived at Post Office',
      'usps: Accepted at USPS Regional Destination Facility',
      'dhl_ecommerce: Tendered to Delivery Service Provider',
      'dhl_ecommerce: Departed DHL eCommerce Distribution Center',
      'dhl_ecommerce: Processed at DHL eCommerce Distribution Center',
      'dhl_ecommerce: Picked up by DHL eCommerce',
      'dhl_ecommerce: Shipment information received',
    ]);
    expect(view.unmatchedShipments).toEqual([]);
  });

  it('expects delivery today once the parcel is on the van, and says the estimate is a prediction', () => {
    expect(parcel.eta).toEqual({
      from: '2026-03-31',
      to: '2026-03-31',
      timeKind: 'date',
      source: 'predicted',
      confidence: 0.9,
      basis: { kind: 'out_for_delivery_today' },
    });
  });
});

describe('buildOrderView: ETA and carrier performance', () => {
  it('predicts from the lane’s history, never before today, and reports the lane’s performance', () => {
    const stalled = scenario('stalled');
    const parcel = buildOrderView(stalled.order, stalled.shipments, { now: stalled.now, carriers: TEST_CARRIERS, history }).parcels[0]!;
    expect(parcel.etaSource).toBe('predicted');
    expect(parcel.eta!.from! >= '2026-03-31').toBe(true);
    expect(parcel.eta!.basis).toMatchObject({
      kind: 'delivery_history',
      level: 'service_and_countries',
      startDate: '2026-03-25',
      businessDaysElapsed: 4,
    });
    expect(parcel.performance).toMatchObject({
      carrier: 'dhl',
      service: 'V01PAK',
      level: 'service_and_regions',
      lane: { originRegion: 'NW', destinationRegion: 'BY' },
    });
    expect(parcel.performance!.sampleSize).toBeGreaterThanOrEqual(20);
    expect(parcel.performance!.onTimeRate).toBeGreaterThan(0.7);
  });

  it('prefers the carrier’s own estimate and says so', () => {
    const late = scenario('late');
    const parcel = buildOrderView(late.order, late.shipments, { now: late.now, history }).parcels[0]!;
    expect(parcel.eta).toEqual({
      from: '2026-04-01',
      to: '2026-04-01',
      timeKind: 'date',
      source: 'carrier',
      confidence: null,
      basis: null,
    });
  });

  it('gives no estimate without history, and none for a parcel waiting for someone else', () => {
    const stalled = scenario('stalled');
    expect(buildOrderView(stalled.order, stalled.shipments, { now: stalled.now }).parcels[0]).toMatchObject({
      eta: null,
      etaSource: 'none',
      performance: null,
    });
    const pickup = scenario('waiting at a DHL Packstation');
    expect(buildOrderView(pickup.order, pickup.shipments, { now: pickup.now, history }).parcels[0]!.etaSource).toBe('none');
  });
});

describe('buildOrderView: delays and who must act', () => {
  it('takes stall thresholds per carrier and per service', () => {
    const stalled = scenario('stalled');
    const kinds = (thresholds: Parameters<typeof buildOrderView>[2]['thresholds']) =>
      buildOrderView(stalled.order, stalled.shipments, { now: stalled.now, thresholds }).delays.map((delay) => delay.kind);
    expect(kinds(undefined)).toEqual(['stalled', 'late']);
    expect(kinds({ carriers: { dhl: { stalledInTransitHours: 120 } } })).toEqual(['late']);
    expect(kinds({ carriers: { dhl: { stalledInTransitHours: 120, services: { V01PAK: { stalledInTransitHours: 96 } } } } })).toEqual([
      'stalled',
      'late',
    ]);
    expect(kinds({ default: { stalledInTransitHours: 200 } })).toEqual(['late']);
  });

  it('asks the customer to look around first when "not received" is fresh, and traces after 48 hours', () => {
    const notReceived = scenario('delivered into the mailbox');
    const fresh = buildOrderView(notReceived.order, notReceived.shipments, {
      now: '2026-03-27T20:00:00-07:00',
      notReceivedReported: ['ful_58302_1'],
    });
    expect(fresh.nextAction).toMatchObject({
      id: 'check_delivery_place_with_customer',
      actor: 'recipient',
      parameters: { date: '2026-03-29' },
    });
    const old = buildOrderView(notReceived.order, notReceived.shipments, {
      now: notReceived.now,
      notReceivedReported: [USPS_MAILBOX_NUMBER],
    });
    expect(old.nextAction).toMatchObject({ id: 'open_carrier_trace', actor: 'carrier' });
    // A flag on a parcel the carrier has not delivered means nothing yet.
    const stalled = scenario('stalled');
    expect(
      buildOrderView(stalled.order, stalled.shipments, { now: stalled.now, notReceivedReported: ['ful_1051_1'] }).delays.map(
        (delay) => delay.kind,
      ),
    ).not.toContain('not_received_reported');
  });

  it('names actors from the order’s side on returns: the customer sends, the shop refunds', () => {
    const order = parseOrder({
      ...BASE_ORDER,
      shipments: [
        { id: 'out', carrier: 'dhl', trackingNumber: '00340434161094000001', items: [{ itemId: 'li_1', quantity: 1 }] },
        {
          id: 'ret',
          carrier: 'dhl',
          trackingNumber: '00340434161094000002',
          direction: 'return',
          items: [{ itemId: 'li_1', quantity: 1 }],
        },
      ],
    });
    const delivered = trackedShipment({
      carrier: 'dhl',
      trackingNumber: '00340434161094000001',
      scans: [scan(at('2026-03-26T12:00:00'), 'delivered', 'Die Sendung wurde erfolgreich zugestellt.', { status: 'delivered' })],
    });
    const labelOnly = trackedShipment({
      carrier: 'dhl',
      trackingNumber: '00340434161094000002',
      direction: 'return',
      scans: [
        scan(at('2026-03-27T09:00:00'), 'pre-transit', 'Die Retourenmarke wurde erstellt.', {
          status: 'info_received',
          substatus: 'label_created',
        }),
      ],
    });
    const waiting = buildOrderView(order, [delivered, labelOnly], { now: '2026-03-30T10:00:00+02:00' });
    expect(waiting.stage).toBe('return_in_progress');
    expect(waiting.nextAction).toMatchObject({ id: 'remind_customer_to_send_return', actor: 'recipient', parcelId: 'ret' });

    const back = trackedShipment({
      carrier: 'dhl',
      trackingNumber: '00340434161094000002',
      direction: 'return',
      scans: [
        scan(at('2026-03-27T09:00:00'), 'pre-transit', 'Die Retourenmarke wurde erstellt.', { status: 'info_received' }),
        scan(at('2026-03-30T08:10:00'), 'delivered', 'Die Sendung wurde zugestellt.', { status: 'delivered' }),
      ],
    });
    const returned = buildOrderView(order, [delivered, back], { now: '2026-03-30T10:00:00+02:00' });
    expect(returned.stage).toBe('returned');
    expect(returned.nextAction).toMatchObject({ id: 'process_return_refund', actor: 'shipper', parameters: { date: '2026-03-30' } });
  });

  it('chases the warehouse when nothing has left by the promised date', () => {
    const order = parseOrder({ ...BASE_ORDER, promisedDeliveryDate: '2026-03-27', milestones: { confirmed: '2026-03-25T10:01:00+01:00' } });
    const view = buildOrderView(order, [], { now: '2026-03-31T10:00:00+02:00' });
    expect(view.stage).toBe('confirmed');
    expect(view.delays).toEqual([{ kind: 'late', reason: 'past_promised_date', parcelId: null, dueDate: '2026-03-27', daysLate: 4 }]);
    expect(view.nextAction).toMatchObject({
      id: 'check_fulfilment_with_warehouse',
      actor: 'shipper',
      parcelId: null,
      parameters: { date: '2026-03-27' },
    });
  });
});

describe('buildOrderView: carriers and customers', () => {
  it('gives the carrier contact for the customer’s country, else the carrier’s default', () => {
    const customs = scenario('customs documents needed');
    expect(buildOrderView(customs.order, customs.shipments, { now: customs.now, carriers: TEST_CARRIERS }).parcels[0]!.contact).toEqual({
      phone: '+49 228 28609898',
      url: 'https://www.dhl.com/de-de/home/kundenservice.html',
    });
    const toFrance = parseOrder({
      ...customs.order,
      shippingAddress: { city: 'Lyon', region: null, postalCode: '69002', countryCode: 'FR' },
    });
    expect(buildOrderView(toFrance, customs.shipments, { now: customs.now, carriers: TEST_CARRIERS }).parcels[0]!.contact).toEqual({
      phone: null,
      url: 'https://www.dhl.com/global-en/home/customer-service.html',
    });
  });

  it('accepts carrier adapters instead of a directory', () => {
    const adapter: CarrierAdapter = {
      specificationVersion: CARRIER_ADAPTER_SPECIFICATION_VERSION,
      id: 'dhl',
      name: 'DHL Paket',
      contact: { default: { phone: '+49 228 4333112', url: null }, byCountry: { AT: { phone: '+43 1 2345678', url: null } } },
      capabilities: {
        maxNumbersPerRequest: 10,
        rateLimit: { requests: 1, intervalMs: 1000 },
        webhooks: false,
        proofOfDelivery: false,
        estimatedDelivery: true,
      },
      trackingUrl: (number) => `https://example.test/dhl/${number}`,
      track: async () => [],
    };
    const order = parseOrder({ ...BASE_ORDER, shipments: [{ id: 'p1', carrier: 'dhl', trackingNumber: '00340434161094099999' }] });
    // de-AT without an address: the country comes from the locale.
    const parcel = buildOrderView(order, [], { now: '2026-03-25T18:00:00+01:00', carriers: [adapter] }).parcels[0]!;
    expect(parcel).toMatchObject({
      carrierName: 'DHL Paket',
      contact: { phone: '+43 1 2345678', url: null },
      trackingUrl: 'https://example.test/dhl/00340434161094099999',
    });
  });

  it('negotiates the customer language and derives a greeting name', () => {
    const order = parseOrder(BASE_ORDER);
    const view = buildOrderView(order, [], { now: '2026-03-25T18:00:00+01:00' });
    expect(view.customer).toMatchObject({ language: 'de', givenName: 'Ines', countryCode: 'AT', timeZone: 'Europe/Vienna' });
  });
});

describe('buildOrderView: purity', () => {
  it('is deterministic given "now", leaves its input untouched and produces a valid view', () => {
    for (const item of supportScenarios()) {
      const before = structuredClone({ order: item.order, shipments: item.shipments });
      const first = buildOrderView(item.order, item.shipments, {
        now: item.now,
        carriers: TEST_CARRIERS,
        history,
        notReceivedReported: item.notReceivedReported,
      });
      const second = buildOrderView(item.order, item.shipments, {
        now: new Date(item.now),
        carriers: TEST_CARRIERS,
        history,
        notReceivedReported: item.notReceivedReported,
      });
      expect(second).toEqual(first);
      expect({ order: item.order, shipments: item.shipments }).toEqual(before);
      expect(orderViewSchema.safeParse(first).success).toBe(true);
    }
  });

  it('rejects an invalid "now"', () => {
    expect(() => buildOrderView(parseOrder(BASE_ORDER), [], { now: 'soon' })).toThrow(RangeError);
  });
});

describe('buildOrderView: times of scans without an offset', () => {
  it('ages a carrier local time by the zone of the region the carrier names', () => {
    // UPS wrote 04:02 in Chicago, IL (CDT, 09:02Z); the view is for 10:00 in Chicago (15:00Z): almost six hours.
    const late = scenario('late: past the promised date');
    const parcel = buildOrderView(late.order, late.shipments, { now: late.now, history }).parcels[0]!;
    expect(parcel.lastScan!.age).toEqual({ hours: 5, minimumHours: 5, maximumHours: 5, exact: true });
    // The Chicago customer's own clock shows 04:02 then: no "local time" caveat needed.
    expect(parcel.lastScan!.customerTime).toEqual({
      date: '2026-03-31',
      time: '04:02',
      utcOffset: '-05:00',
      shownAs: 'customer_time_zone',
    });
  });
});
