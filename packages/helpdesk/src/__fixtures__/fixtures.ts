import {
  CARRIER_ADAPTER_SPECIFICATION_VERSION,
  CarrierUnavailableError,
  NotFoundError,
  buildShipment,
  createEvent,
  createLocation,
  createTracker,
  instantTime,
  type CarrierAdapter,
  type Shipment,
  type TrackOutcome,
  type Tracker,
} from '@wismo/core';
import { createInMemoryOrderSource, type OrderInput, type OrderSource } from '@wismo/order-view';
import { createOrderViewService, type OrderViewService } from '../service/order-view-service';

/** Tuesday 31 March 2026, 10:00 in Berlin. */
export const NOW = new Date('2026-03-31T08:00:00Z');

export const ANNA = 'anna.schmidt@example.de';
export const BEN = 'ben.miller@example.com';
export const DHL_NUMBER = '00340434161094015902';
export const DHL_OLD_NUMBER = '00340434161094015919';
export const UPS_NUMBER = '1Z999AA10123456784';

function at(wall: string, offset: string) {
  const time = instantTime(wall, offset);
  if (!time) throw new Error(`bad time ${wall}`);
  return time;
}

export function orders(): OrderInput[] {
  return [
    {
      id: 'ord_1003',
      number: '1003',
      placedAt: '2026-03-27T09:12:00+01:00',
      customer: {
        id: 'cus_301',
        name: 'Anna Schmidt',
        email: ANNA,
        phone: '+49 170 5550123',
        locale: 'de-DE',
        timeZone: 'Europe/Berlin',
        accountUrl: 'https://shop.example.de/konto/cus_301',
      },
      shippingAddress: { city: 'Leipzig', region: 'SN', postalCode: '04109', countryCode: 'DE' },
      items: [{ id: 'li_1', sku: 'TR-42', name: 'Trailrunner GTX, Gr. 42', quantity: 1 }],
      promisedDeliveryDate: '2026-04-02',
      shipments: [
        {
          id: 'ful_1003_1',
          carrier: 'dhl',
          trackingNumber: DHL_NUMBER,
          items: [{ itemId: 'li_1', quantity: 1 }],
          origin: { countryCode: 'DE', region: 'NW' },
        },
      ],
    },
    {
      id: 'ord_0950',
      number: '0950',
      placedAt: '2026-03-02T18:40:00+01:00',
      customer: { id: 'cus_301', name: 'Anna Schmidt', email: ANNA, phone: null, locale: 'de-DE', timeZone: 'Europe/Berlin' },
      shippingAddress: { city: 'Leipzig', region: 'SN', postalCode: '04109', countryCode: 'DE' },
      items: [{ id: 'li_9', name: 'Merino socks', quantity: 2 }],
      shipments: [{ id: 'ful_0950_1', carrier: 'dhl', trackingNumber: DHL_OLD_NUMBER, items: [{ itemId: 'li_9', quantity: 2 }] }],
    },
    {
      id: 'ord_2001',
      number: 'US-2001',
      placedAt: '2026-03-28T15:00:00-04:00',
      customer: { id: 'cus_900', name: 'Ben Miller', email: BEN, phone: null, locale: 'en-US', timeZone: 'America/New_York' },
      shippingAddress: { city: 'Boston', region: 'MA', postalCode: '02108', countryCode: 'US' },
      // Shop data with markup in it: every renderer must escape it.
      items: [{ id: 'li_1', name: 'Mug <b>"Best" & brightest</b>', quantity: 1 }],
      shipments: [{ id: 'pkg_1', carrier: 'ups', trackingNumber: UPS_NUMBER, items: [{ itemId: 'li_1', quantity: 1 }] }],
    },
  ];
}

/** What the carriers know, version 1 (in transit) and version 2 (out for delivery), per tracking number. */
export function carrierShipments(version: 1 | 2, fetchedAt: Date): Record<string, Shipment> {
  const dhlScans = [
    createEvent({
      time: at('2026-03-30T16:05:00', '+02:00'),
      code: 'pre-transit',
      description: 'Die Sendung wurde elektronisch angekündigt.',
      mapped: { status: 'info_received', substatus: 'label_created' },
    }),
    createEvent({
      time: at('2026-03-30T19:30:00', '+02:00'),
      code: 'transit',
      description: 'Die Sendung wurde abgeholt.',
      location: createLocation({ city: 'Bielefeld', countryCode: 'DE' }),
      mapped: { status: 'in_transit', substatus: 'picked_up' },
    }),
    createEvent({
      time: at('2026-03-31T06:40:00', '+02:00'),
      code: 'transit',
      description: 'Die Sendung wurde im Ziel-Paketzentrum bearbeitet.',
      location: createLocation({ city: 'Leipzig', countryCode: 'DE' }),
      mapped: { status: 'in_transit', substatus: 'arrived_at_facility' },
    }),
  ];
  if (version === 2) {
    dhlScans.push(
      createEvent({
        time: at('2026-03-31T09:10:00', '+02:00'),
        code: 'transit',
        description: 'Die Sendung wurde in das Zustellfahrzeug geladen.',
        location: createLocation({ city: 'Leipzig', countryCode: 'DE' }),
        mapped: { status: 'out_for_delivery' },
      }),
    );
  }
  return {
    [DHL_NUMBER]: buildShipment({ carrier: 'dhl', trackingNumber: DHL_NUMBER, events: dhlScans, eventsNewestFirst: false, fetchedAt }),
    [DHL_OLD_NUMBER]: buildShipment({
      carrier: 'dhl',
      trackingNumber: DHL_OLD_NUMBER,
      eventsNewestFirst: false,
      fetchedAt,
      events: [
        createEvent({
          time: at('2026-03-03T17:00:00', '+01:00'),
          code: 'transit',
          description: 'Die Sendung wurde abgeholt.',
          location: createLocation({ city: 'Bielefeld', countryCode: 'DE' }),
          mapped: { status: 'in_transit', substatus: 'picked_up' },
        }),
        createEvent({
          time: at('2026-03-04T11:20:00', '+01:00'),
          code: 'delivered',
          description: 'Die Sendung wurde erfolgreich zugestellt.',
          location: createLocation({ city: 'Leipzig', countryCode: 'DE' }),
          mapped: { status: 'delivered', substatus: 'delivered' },
        }),
      ],
    }),
    [UPS_NUMBER]: buildShipment({
      carrier: 'ups',
      trackingNumber: UPS_NUMBER,
      eventsNewestFirst: false,
      fetchedAt,
      estimatedDelivery: { from: '2026-04-01', to: '2026-04-01', timeKind: 'date', source: 'carrier', confidence: null },
      events: [
        createEvent({
          time: at('2026-03-30T20:15:00', '-04:00'),
          code: 'I',
          description: 'Departed from Facility <script>alert(1)</script>',
          location: createLocation({ city: 'Hartford', region: 'CT', countryCode: 'US' }),
          mapped: { status: 'in_transit' },
        }),
      ],
    }),
  };
}

export type CarrierMode = 'fast' | 'hang' | 'error';

/** A carrier adapter whose answers the test controls: fast, held until `release()`, or failing. */
export interface ScriptedCarrier extends CarrierAdapter {
  mode: CarrierMode;
  version: 1 | 2;
  calls: number;
  /** Answers every held request (with the then current version). */
  release(): void;
}

export function scriptedCarrier(id: 'dhl' | 'ups', clock: () => Date): ScriptedCarrier {
  const held: Array<() => void> = [];
  const answer = (numbers: readonly string[], version: 1 | 2): TrackOutcome[] =>
    numbers.map((trackingNumber) => {
      const shipment = carrierShipments(version, clock())[trackingNumber];
      return shipment && shipment.carrier === id
        ? { trackingNumber, ok: true as const, shipment }
        : {
            trackingNumber,
            ok: false as const,
            error: new NotFoundError(`${trackingNumber} not found`, { carrierId: id, trackingNumber }),
          };
    });
  const carrier: ScriptedCarrier = {
    specificationVersion: CARRIER_ADAPTER_SPECIFICATION_VERSION,
    id,
    name: id === 'dhl' ? 'DHL Paket' : 'UPS',
    contact: {
      default:
        id === 'dhl'
          ? { phone: '+49 228 4333112', url: 'https://www.dhl.de/de/privatkunden/kundenservice.html' }
          : { phone: '1-800-742-5877', url: 'javascript:alert(1)' },
    },
    capabilities: {
      maxNumbersPerRequest: 10,
      rateLimit: { requests: 100, intervalMs: 1000 },
      webhooks: false,
      proofOfDelivery: false,
      estimatedDelivery: true,
    },
    trackingUrl: (number) =>
      id === 'dhl'
        ? `https://www.dhl.de/de/privatkunden/pakete-empfangen/verfolgen.html?piececode=${number}`
        : `https://www.ups.com/track?tracknum=${number}`,
    mode: 'fast',
    version: 1,
    calls: 0,
    release() {
      for (const resolve of held.splice(0)) resolve();
    },
    async track(numbers) {
      carrier.calls += 1;
      if (carrier.mode === 'error')
        return numbers.map((trackingNumber) => ({
          trackingNumber,
          ok: false as const,
          error: new CarrierUnavailableError('down', { carrierId: id, trackingNumber }),
        }));
      if (carrier.mode === 'hang') await new Promise<void>((resolve) => held.push(resolve));
      return answer(numbers, carrier.version);
    },
  };
  return carrier;
}

export interface World {
  clock: { now: Date };
  dhl: ScriptedCarrier;
  ups: ScriptedCarrier;
  tracker: Tracker;
  orders: OrderSource;
  service: OrderViewService;
}

/** Orders, two scripted carriers, a tracker without cache (every request reaches the carrier) and the service. */
export function world(options: { timeBudgetMs?: number } = {}): World {
  const clock = { now: NOW };
  const now = () => clock.now;
  const dhl = scriptedCarrier('dhl', now);
  const ups = scriptedCarrier('ups', now);
  const tracker = createTracker({ carriers: [dhl, ups], cache: false });
  const orderSource = createInMemoryOrderSource(orders());
  const service = createOrderViewService({
    orders: orderSource,
    tracker,
    carriers: [dhl, ups],
    now,
    timeBudgetMs: options.timeBudgetMs ?? 300,
  });
  return { clock, dhl, ups, tracker, orders: orderSource, service };
}
