import {
  buildShipment,
  createEvent,
  instantTime,
  type EstimatedDelivery,
  type ShipmentStatus,
  type StatusTableEntry,
  type Substatus,
} from '@wismo/core';
import { buildOrderView, parseOrder, type CarrierDirectory, type OrderView } from '@wismo/order-view';
import type { OutboxEvent, DomainEventType, DomainEventPayloads } from '@wismo/store';

/** Carrier directory for the tests: DHL's public customer-service number and page (checked November 2026). */
export const TEST_CARRIERS: CarrierDirectory = {
  dhl: {
    name: 'DHL',
    contact: { default: { phone: '+49 228 4333112', url: 'https://www.dhl.de/de/privatkunden/kundenservice.html' } },
    trackingUrl: (number) => `https://www.dhl.de/de/privatkunden/pakete-empfangen/verfolgen.html?piececode=${number}`,
    pickupHoldDays: 7,
  },
};

export interface ParcelSpec {
  id: string;
  trackingNumber: string;
  /** Scans oldest first: [ISO time with offset, status, substatus, text]. */
  scans: Array<[string, ShipmentStatus, Substatus, string]>;
  estimatedDelivery?: EstimatedDelivery | null;
  direction?: 'outbound' | 'return';
}

export interface ViewSpec {
  locale?: string;
  timeZone?: string;
  phone?: string | null;
  parcels: ParcelSpec[];
  now: string;
}

/** An order of a German customer with DHL parcels, built through the order view's own builder. */
export function orderView(spec: ViewSpec): OrderView {
  const items = spec.parcels.map((parcel, index) => ({ id: `item-${index + 1}`, name: `Item ${index + 1}`, quantity: 1 }));
  const order = {
    id: 'ord_1042',
    number: '1042',
    placedAt: '2026-03-27T09:15:00Z',
    customer: {
      id: 'cus_7',
      name: 'Anna Schmidt',
      givenName: 'Anna',
      email: 'Anna.Schmidt@example.de',
      phone: spec.phone === undefined ? '+49 170 5550123' : spec.phone,
      locale: spec.locale ?? 'de-DE',
      timeZone: spec.timeZone ?? 'Europe/Berlin',
    },
    shippingAddress: { city: 'Köln', region: 'NW', postalCode: '50667', countryCode: 'DE' },
    items,
    shipments: spec.parcels.map((parcel, index) => ({
      id: parcel.id,
      carrier: 'dhl',
      trackingNumber: parcel.trackingNumber,
      direction: parcel.direction ?? 'outbound',
      items: [{ itemId: `item-${index + 1}`, quantity: 1 }],
    })),
  };
  const shipments = spec.parcels.map((parcel) =>
    buildShipment({
      carrier: 'dhl',
      trackingNumber: parcel.trackingNumber,
      direction: parcel.direction ?? 'outbound',
      estimatedDelivery: parcel.estimatedDelivery ?? null,
      fetchedAt: new Date(spec.now),
      eventsNewestFirst: false,
      events: parcel.scans.map(([time, status, substatus, text]) =>
        createEvent({
          time: instantTime(time.slice(0, 19), time.slice(19))!,
          code: substatus,
          codes: { statusCode: substatus },
          description: text,
          location: null,
          // The fixtures pair each substatus with its own status; core checks that at run time.
          mapped: { status, substatus } as StatusTableEntry,
        }),
      ),
    }),
  );
  return buildOrderView(parseOrder(order), shipments, { now: spec.now, carriers: TEST_CARRIERS });
}

let nextId = 1;

/** An outbox row as the store writes it. */
export function outboxEvent<T extends DomainEventType>(
  type: T,
  payload: DomainEventPayloads[T],
  createdAt: string,
  trackingNumber?: string,
): OutboxEvent<T> {
  const id = String(nextId++);
  return {
    id,
    shopId: 'default',
    trackingId: trackingNumber ? `trk_${trackingNumber}` : null,
    orderId: 'ord_1042',
    type,
    payload,
    dedupeKey: `${trackingNumber ?? 'order'}:${type}:${id}`,
    createdAt,
  };
}

export const DATE_ETA = (from: string, to = from): EstimatedDelivery => ({
  from,
  to,
  timeKind: 'date',
  source: 'carrier',
  confidence: null,
});
