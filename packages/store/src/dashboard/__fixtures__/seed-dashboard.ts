// A store seeded straight through its tables, with the seed kept beside it so that tests can compute the
// dashboard's true figures on their own (plain array code, not SQL).
import { SUBSTATUSES, type Actor, type ShipmentStatus, type Substatus } from '@wismo/core';
import { storeDatabase } from '../../database/store-database';
import type { Store } from '../../store-types';
import type { AtRiskKind, AtRiskQuery } from '../at-risk';

export const SEED_NOW = new Date('2026-12-01T12:00:00.000Z');

export interface SeededTracking {
  id: string;
  shopId: string;
  carrier: string;
  trackingNumber: string;
  orderId: string | null;
  status: ShipmentStatus;
  substatus: Substatus;
  stalled: boolean;
  late: boolean;
  neverScanned: boolean;
  service: string | null;
  country: string | null;
  createdAt: number;
  stoppedReason: string | null;
}

export interface SeededDelivery {
  shopId: string;
  trackingId: string;
  carrier: string;
  service: string | null;
  originCountry: string;
  destinationCountry: string;
  deliveredOn: string;
  transitDays: number;
  promised: boolean;
  onTime: boolean | null;
  failedAttempt: boolean;
  exception: boolean;
}

export interface DashboardSeed {
  trackings: SeededTracking[];
  deliveries: SeededDelivery[];
}

const CARRIERS = ['dhl', 'fedex', 'ups'] as const;
const SERVICES = ['express', 'standard'] as const;
const COUNTRIES = ['DE', 'NL', 'FR', 'US'] as const;
/** One parcel shape per `i % 8`: six at-risk kinds, one healthy, one finished. */
const SHAPES: ReadonlyArray<{ status: ShipmentStatus; substatuses: readonly Substatus[]; delay?: 'stalled' | 'late' | 'never_scanned' }> = [
  { status: 'in_transit', substatuses: ['in_transit', 'customs_processing'], delay: 'stalled' },
  { status: 'in_transit', substatuses: ['delayed', 'arrived_at_facility'], delay: 'late' },
  { status: 'info_received', substatuses: ['label_created', 'pickup_scheduled'], delay: 'never_scanned' },
  { status: 'exception', substatuses: ['customs_held', 'address_problem', 'damaged', 'customs_duties_unpaid'] },
  { status: 'available_for_pickup', substatuses: ['arrived_at_pickup_point'] },
  { status: 'returning', substatuses: ['returning_to_sender'] },
  { status: 'in_transit', substatuses: ['in_transit'] },
  { status: 'delivered', substatuses: ['delivered'] },
];

function day(offset: number): string {
  return new Date(Date.UTC(2026, 8, 1 + offset)).toISOString().slice(0, 10);
}

export function buildDashboardSeed(options: { trackings?: number; deliveries?: number } = {}): DashboardSeed {
  const trackings: SeededTracking[] = [];
  const shops = ['default', 'other'];
  for (const shopId of shops) {
    const count = shopId === 'default' ? (options.trackings ?? 120) : 16;
    for (let i = 0; i < count; i++) {
      const shape = SHAPES[i % SHAPES.length]!;
      const unscanned = shape.delay === 'never_scanned';
      trackings.push({
        id: `trk_${shopId === 'default' ? 'a' : 'b'}${String(i).padStart(6, '0')}`,
        shopId,
        carrier: CARRIERS[i % CARRIERS.length]!,
        trackingNumber: `${shopId.toUpperCase()}${String(100_000 + i)}`,
        orderId: i % 4 === 3 ? null : `order-${shopId}-${i}`,
        status: shape.status,
        substatus: shape.substatuses[Math.floor(i / SHAPES.length) % shape.substatuses.length]!,
        stalled: shape.delay === 'stalled',
        late: shape.delay === 'late',
        neverScanned: unscanned,
        service: unscanned ? null : SERVICES[Math.floor(i / 3) % SERVICES.length]!,
        country: unscanned ? null : COUNTRIES[i % COUNTRIES.length]!,
        createdAt: SEED_NOW.getTime() - i * 5 * 3_600_000,
        stoppedReason: shape.status === 'delivered' ? 'finished' : i % 40 === 0 ? 'unwatched' : null,
      });
    }
  }
  const deliveries: SeededDelivery[] = [];
  for (const shopId of shops) {
    const count = shopId === 'default' ? (options.deliveries ?? 240) : 20;
    for (let j = 0; j < count; j++) {
      const transitDays = ((j * 7) % 9) + 1 + (j % 3 === 2 ? 2 : 0);
      const promised = j % 5 !== 0;
      deliveries.push({
        shopId,
        trackingId: `trk_${shopId === 'default' ? 'd' : 'e'}${String(j).padStart(6, '0')}`,
        carrier: CARRIERS[j % CARRIERS.length]!,
        service: j % 7 === 0 ? null : SERVICES[Math.floor(j / 3) % SERVICES.length]!,
        originCountry: 'DE',
        destinationCountry: ['DE', 'NL', 'FR'][Math.floor(j / 6) % 3]!,
        deliveredOn: day(j % 90),
        transitDays,
        promised,
        onTime: promised ? transitDays <= 4 : null,
        failedAttempt: j % 6 === 1,
        exception: j % 10 === 3,
      });
    }
  }
  return { trackings, deliveries };
}

/** Writes the seed into the store's tables (both shops). */
export async function seedDashboardStore(store: Store, seed: DashboardSeed): Promise<void> {
  const { db } = storeDatabase(store);
  for (const shopId of ['other'])
    await db.insertInto('shops').values({ id: shopId, name: null, time_zone: 'UTC', created_at: 0, delay_thresholds: null }).execute();
  const trackingRows = seed.trackings.map((tracking) => ({
    id: tracking.id,
    shop_id: tracking.shopId,
    carrier: tracking.carrier,
    tracking_number: tracking.trackingNumber,
    order_id: tracking.orderId,
    order_shipment_id: null,
    status: tracking.status,
    substatus: tracking.substatus,
    shipment:
      tracking.service === null && tracking.country === null
        ? null
        : JSON.stringify({ service: { code: tracking.service, name: null }, destination: { countryCode: tracking.country } }),
    fingerprints: '[]',
    customer: null,
    watched_by: 'poll',
    last_checked_at: SEED_NOW.getTime() - 3_600_000,
    answered_at: null,
    next_check_at: tracking.stoppedReason ? null : SEED_NOW.getTime() + 3_600_000,
    lease_owner: null,
    stopped_reason: tracking.stoppedReason,
    delays: JSON.stringify([
      ...(tracking.stalled ? ['stalled'] : []),
      ...(tracking.late ? ['late'] : []),
      ...(tracking.neverScanned ? ['never_scanned'] : []),
    ]),
    delay_stalled: tracking.stalled ? 1 : 0,
    delay_late: tracking.late ? 1 : 0,
    delay_never_scanned: tracking.neverScanned ? 1 : 0,
    not_found_count: 0,
    error_count: 0,
    version: 0,
    finished_at: null,
    confirmation_done: 0,
    created_at: tracking.createdAt,
    updated_at: tracking.createdAt,
  }));
  for (let start = 0; start < trackingRows.length; start += 100)
    await db
      .insertInto('trackings')
      .values(trackingRows.slice(start, start + 100))
      .execute();
  const deliveryRows = seed.deliveries.map((delivery) => ({
    shop_id: delivery.shopId,
    tracking_id: delivery.trackingId,
    carrier: delivery.carrier,
    service: delivery.service,
    origin_country: delivery.originCountry,
    origin_region: null,
    destination_country: delivery.destinationCountry,
    destination_region: null,
    shipped_on: delivery.deliveredOn,
    promised_on: delivery.promised ? delivery.deliveredOn : null,
    delivered_on: delivery.deliveredOn,
    transit_days: delivery.transitDays,
    on_time: delivery.onTime === null ? null : delivery.onTime ? 1 : 0,
    created_at: SEED_NOW.getTime(),
  }));
  for (let start = 0; start < deliveryRows.length; start += 100)
    await db
      .insertInto('deliveries')
      .values(deliveryRows.slice(start, start + 100))
      .execute();
  const transitionRows = seed.deliveries.flatMap((delivery) => {
    const steps: Array<[ShipmentStatus, Substatus]> = [['in_transit', 'picked_up']];
    if (delivery.exception) steps.push(['exception', 'damaged'], ['in_transit', 'in_transit']);
    if (delivery.failedAttempt) steps.push(['attempt_failed', 'attempt_failed_recipient_absent']);
    steps.push(['delivered', 'delivered']);
    let from: [ShipmentStatus, Substatus] = ['pending', 'awaiting_carrier_data'];
    return steps.map((to, index) => {
      const row = {
        shop_id: delivery.shopId,
        tracking_id: delivery.trackingId,
        sequence: index + 1,
        from_status: from[0],
        from_substatus: from[1],
        to_status: to[0],
        to_substatus: to[1],
        occurred_at: null,
        detected_at: SEED_NOW.getTime() - (10 - index) * 3_600_000,
      };
      from = to;
      return row;
    });
  });
  for (let start = 0; start < transitionRows.length; start += 100)
    await db
      .insertInto('transitions')
      .values(transitionRows.slice(start, start + 100))
      .execute();
}

/** The at-risk reasons of a seeded parcel, from the seed itself (not from the store's columns). */
export function seededKinds(tracking: SeededTracking): AtRiskKind[] {
  const kinds: AtRiskKind[] = [];
  if (tracking.stalled) kinds.push('stalled');
  if (tracking.late) kinds.push('late');
  if (tracking.neverScanned) kinds.push('never_scanned');
  if (tracking.status === 'exception') kinds.push('exception');
  if (tracking.status === 'available_for_pickup') kinds.push('pickup_deadline');
  if (tracking.status === 'returning') kinds.push('returning');
  return kinds;
}

/** The seeded parcels an at-risk query should list, in id order, filtered in plain code. */
export function expectedAtRisk(
  seed: DashboardSeed,
  query: Omit<AtRiskQuery, 'cursor' | 'limit' | 'now'>,
  shopId = 'default',
  now: Date = SEED_NOW,
): SeededTracking[] {
  return seed.trackings
    .filter((tracking) => tracking.shopId === shopId && tracking.stoppedReason === null)
    .filter((tracking) => (query.kind ? seededKinds(tracking).includes(query.kind) : seededKinds(tracking).length > 0))
    .filter((tracking) => !query.carrier || tracking.carrier === query.carrier)
    .filter((tracking) => !query.service || tracking.service === query.service)
    .filter((tracking) => !query.country || tracking.country === query.country)
    .filter((tracking) => !query.actor || (SUBSTATUSES[tracking.substatus].actor as Actor) === query.actor)
    .filter((tracking) => query.minAgeHours === undefined || now.getTime() - tracking.createdAt >= query.minAgeHours * 3_600_000)
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}
