import {
  buildShipment,
  createEvent,
  createLocation,
  instantTime,
  type Shipment,
  type ShipmentStatus,
  type StatusTableEntry,
  type Substatus,
} from '@wismo/core';
import type { ShopStore, Store } from '@wismo/store';

// The store's own test engines: a real SQLite file, and a schema of its own on PostgreSQL when DATABASE_URL is set.
export { testEngines, type TestDatabase } from '../../../../store/src/__fixtures__/test-stores';

export interface Scan {
  /** Minutes after the journey's start. */
  at: number;
  code: string;
  status: ShipmentStatus;
  substatus?: Substatus;
  description: string;
  city: string;
}

/** Label, pick-up, out for delivery, delivered (minutes after the start). */
export function journey(minutes: { pickedUp?: number; outForDelivery?: number; delivered?: number } = {}): Scan[] {
  return [
    { at: 0, code: 'PRE', status: 'info_received', substatus: 'label_created', description: 'Label created', city: 'Bielefeld' },
    { at: minutes.pickedUp ?? 60, code: 'PU', status: 'in_transit', substatus: 'picked_up', description: 'Picked up', city: 'Bielefeld' },
    { at: minutes.outForDelivery ?? 24 * 60, code: 'OFD', status: 'out_for_delivery', description: 'Out for delivery', city: 'München' },
    { at: minutes.delivered ?? 27 * 60, code: 'DLV', status: 'delivered', description: 'Delivered', city: 'München' },
  ];
}

/** The carrier's answer after `scansSoFar` scans of `scans`, starting at `startMs` (instants written with their offset). */
export function answerAfter(trackingNumber: string, scans: readonly Scan[], scansSoFar: number, startMs: number): Shipment {
  const done = scans.slice(0, scansSoFar);
  const events = done.map((scan) => {
    const at = startMs + scan.at * 60_000;
    return createEvent({
      time: instantTime(new Date(at + 3_600_000).toISOString().slice(0, 19), '+01:00'),
      code: scan.code,
      description: scan.description,
      location: createLocation({ city: scan.city, countryCode: 'DE' }),
      mapped: { status: scan.status, substatus: scan.substatus } as StatusTableEntry,
    });
  });
  const last = done.at(-1);
  return buildShipment({
    carrier: 'dhl',
    trackingNumber,
    events,
    eventsNewestFirst: false,
    service: { code: 'V01PAK', name: 'DHL Paket' },
    origin: createLocation({ city: 'Bielefeld', countryCode: 'DE' }),
    destination: createLocation({ city: 'München', countryCode: 'DE', region: 'BY' }),
    estimatedDelivery: null,
    fetchedAt: new Date(startMs + (last?.at ?? 0) * 60_000 + 60_000),
  });
}

export function dhlNumber(index: number): string {
  return `00340434161094${String(600_000 + index)}`;
}

export interface SeedOrder {
  id: string;
  number: string;
  email: string;
  phone?: string | null;
  locale?: string;
  timeZone?: string;
  trackingNumbers: string[];
}

/** Stores an order (which watches its parcels) and returns the tracking ids in the order's parcel order. */
export async function seedOrder(shop: ShopStore, order: SeedOrder, placedAt: string): Promise<string[]> {
  await shop.upsertOrder({
    id: order.id,
    number: order.number,
    placedAt,
    customer: {
      id: `cus-${order.id}`,
      email: order.email,
      name: 'Anna Schmidt',
      phone: order.phone ?? null,
      locale: order.locale ?? 'de-DE',
      timeZone: order.timeZone ?? 'Europe/Berlin',
    },
    shippingAddress: { city: 'München', region: 'BY', postalCode: '80331', countryCode: 'DE' },
    items: [{ id: 'li-1', name: 'Tasse', quantity: order.trackingNumbers.length }],
    shipments: order.trackingNumbers.map((trackingNumber, index) => ({
      id: `${order.id}-p${index + 1}`,
      carrier: 'dhl',
      trackingNumber,
      items: [{ itemId: 'li-1', quantity: 1 }],
    })),
  });
  const ids: string[] = [];
  for (const number of order.trackingNumbers) ids.push((await shop.findTracking('dhl', number))!.id);
  return ids;
}

/** Ingests scans up to `scansSoFar` for each tracking, with the store's clock set just after the last scan. */
export async function ingestUpTo(
  store: Store,
  setNow: (ms: number) => void,
  trackings: ReadonlyArray<{ id: string; number: string }>,
  scans: readonly Scan[],
  scansSoFar: number,
  startMs: number,
): Promise<void> {
  const at = startMs + scans[scansSoFar - 1]!.at * 60_000 + 60_000;
  setNow(at);
  await store.ingestMany(
    trackings.map((tracking) => ({
      trackingId: tracking.id,
      shipment: answerAfter(tracking.number, scans, scansSoFar, startMs),
      checkedAt: new Date(at),
    })),
  );
}
