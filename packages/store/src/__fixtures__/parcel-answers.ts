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

/** One scan of a test journey: hours after the label, the code the carrier sent and where. */
export interface TestScan {
  afterHours: number;
  code: string;
  status: ShipmentStatus;
  substatus?: Substatus;
  description: string;
  city: string;
}

export const LABEL_AT = Date.parse('2026-03-16T08:00:00Z');
const HOUR = 3_600_000;

/** A domestic DHL-style journey over three days (instants with a +01:00 offset, as DHL Paket sends them). */
export const TEST_JOURNEY: readonly TestScan[] = [
  { afterHours: 0, code: 'PRE', status: 'info_received', substatus: 'label_created', description: 'Label created', city: 'Bielefeld' },
  { afterHours: 6, code: 'PU', status: 'in_transit', substatus: 'picked_up', description: 'Picked up', city: 'Bielefeld' },
  { afterHours: 12, code: 'AF', status: 'in_transit', substatus: 'arrived_at_facility', description: 'Arrived at hub', city: 'Kassel' },
  { afterHours: 20, code: 'DF', status: 'in_transit', substatus: 'departed_facility', description: 'Departed hub', city: 'Kassel' },
  { afterHours: 44, code: 'OFD', status: 'out_for_delivery', description: 'Out for delivery', city: 'München' },
  { afterHours: 50, code: 'DLV', status: 'delivered', description: 'Delivered', city: 'München' },
];

function isoWithOffset(epochMs: number): string {
  // Wall time in +01:00, written with its offset: an honest instant.
  return new Date(epochMs + HOUR).toISOString().slice(0, 19);
}

/**
 * The carrier's answer when `scansSoFar` scans have happened, fetched at `fetchedAt` (default: one minute after
 * the last scan). `eta` is the carrier's estimated delivery day, if any.
 */
export function answerAfter(
  trackingNumber: string,
  scansSoFar: number,
  options: { fetchedAt?: number; eta?: string | null; journey?: readonly TestScan[]; carrier?: string } = {},
): Shipment {
  const journey = options.journey ?? TEST_JOURNEY;
  const scans = journey.slice(0, scansSoFar);
  const last = scans[scans.length - 1];
  const events = scans.map((scan) =>
    createEvent({
      time: instantTime(isoWithOffset(LABEL_AT + scan.afterHours * HOUR), '+01:00'),
      code: scan.code,
      description: scan.description,
      location: createLocation({ city: scan.city, countryCode: 'DE' }),
      mapped: { status: scan.status, substatus: scan.substatus } as StatusTableEntry,
    }),
  );
  return buildShipment({
    carrier: options.carrier ?? 'dhl',
    trackingNumber,
    events,
    eventsNewestFirst: false,
    service: { code: 'V01PAK', name: 'DHL Paket' },
    origin: createLocation({ city: 'Bielefeld', countryCode: 'DE' }),
    destination: createLocation({ city: 'München', countryCode: 'DE', region: 'BY' }),
    estimatedDelivery: options.eta ? { from: options.eta, to: options.eta, timeKind: 'date', source: 'carrier', confidence: null } : null,
    fetchedAt: new Date(options.fetchedAt ?? (last ? LABEL_AT + last.afterHours * HOUR + 60_000 : LABEL_AT)),
  });
}

/** The moment just after scan `index` (0-based) of the journey. */
export function momentAfterScan(index: number, journey: readonly TestScan[] = TEST_JOURNEY): Date {
  return new Date(LABEL_AT + journey[index]!.afterHours * HOUR + 60_000);
}
