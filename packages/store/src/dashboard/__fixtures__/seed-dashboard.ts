// A store seeded straight through its tables, with the seed kept beside it so that tests can compute the
// dashboard's true figures on their own (plain array code, not SQL).
import { SUBSTATUSES, type Actor, type ShipmentStatus, type Substatus } from '@wismo/core';
import { dashboardDatabase } from '../dashboard-tables';
import type { Store } from '../../store-types';
import type { AtRiskKind, AtRiskQuery } from '../at-risk';

export const SEED_NOW = new Date('2026-12-01T12:00:00.000Z');
const DAY_MS = 86_400_000;

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
  /** Waiting at a pickup point: when it arrived there (null: not known). */
  pickupSince: number | null;
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
  /** The day of the carrier's first ETA, or null when it gave none. */
  firstEtaOn: string | null;
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
        // Arrived 0..8 days ago, or not known (every tenth).
        pickupSince:
          shape.status !== 'available_for_pickup' || Math.floor(i / 8) % 10 === 9
            ? null
            : SEED_NOW.getTime() - (Math.floor(i / 8) % 10) * DAY_MS,
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
        firstEtaOn: j % 4 === 0 ? null : day((j % 90) + ((j % 5) - 2)),
        failedAttempt: j % 6 === 1,
        exception: j % 10 === 3,
      });
    }
  }
  return { trackings, deliveries };
}

/** Writes the seed into the store's tables (both shops). */
export async function seedDashboardStore(store: Store, seed: DashboardSeed): Promise<void> {
  const { db } = dashboardDatabase(store);
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
    service: tracking.service,
    destination_country: tracking.country,
    first_eta_on: null,
    pickup_since: tracking.pickupSince,
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
    first_eta_on: delivery.firstEtaOn,
    on_time_first_eta: delivery.firstEtaOn === null ? null : delivery.deliveredOn <= delivery.firstEtaOn ? 1 : 0,
    failed_attempt: delivery.failedAttempt ? 1 : 0,
    had_exception: delivery.exception ? 1 : 0,
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
  // Near the collection deadline: the seed's carriers keep a parcel 7 days; listed from 2 days before.
  if (
    tracking.status === 'available_for_pickup' &&
    (tracking.pickupSince === null || SEED_NOW.getTime() - tracking.pickupSince >= 5 * DAY_MS)
  )
    kinds.push('pickup_deadline');
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

// ---------------------------------------------------------------- what the updates did
export interface SeededNotification {
  id: string;
  orderId: string;
  milestone: string;
  channel: string;
  status: 'queued' | 'sent' | 'failed' | 'dropped';
  providerStatus: string | null;
  createdAt: number;
  sentAt: number | null;
}

export interface SeededLookup {
  orderId: string;
  source: 'tracking_page' | 'helpdesk_panel';
  at: number;
}

export interface UpdatesSeed {
  orders: Array<{ id: string; placedAt: number }>;
  notifications: SeededNotification[];
  lookups: SeededLookup[];
  optOuts: Array<{ customerId: string; channel: string; source: string; createdAt: number }>;
  skips: Array<{ id: string; orderId: string; reason: string; createdAt: number }>;
}

const HOUR_MS = 3_600_000;

/** Sixty orders of the default shop over sixty days, their messages, look-ups, opt-outs and skips. */
export function buildUpdatesSeed(): UpdatesSeed {
  const seed: UpdatesSeed = { orders: [], notifications: [], lookups: [], optOuts: [], skips: [] };
  const now = SEED_NOW.getTime();
  for (let k = 0; k < 60; k++) {
    const orderId = `upd-order-${k}`;
    const placedAt = now - k * DAY_MS - 5 * HOUR_MS;
    seed.orders.push({ id: orderId, placedAt });
    const createdAt = now - k * DAY_MS - HOUR_MS;
    const status = k % 7 === 0 ? 'queued' : (['sent', 'sent', 'sent', 'failed', 'dropped'] as const)[k % 5]!;
    const channel = k % 2 === 0 ? 'email' : 'sms';
    seed.notifications.push({
      id: `ntf_${k}`,
      orderId,
      milestone: ['shipped', 'out_for_delivery', 'delivered'][k % 3]!,
      channel,
      status,
      providerStatus: status === 'sent' && channel === 'sms' && k % 4 === 1 ? 'delivered' : null,
      createdAt,
      sentAt: status === 'sent' ? createdAt + 60_000 : null,
    });
    // Customers who contacted support: some before the update (k % 8 === 0), some after (k % 8 === 4).
    if (k % 8 === 0) seed.lookups.push({ orderId, source: 'helpdesk_panel', at: createdAt - HOUR_MS });
    if (k % 8 === 4) seed.lookups.push({ orderId, source: 'helpdesk_panel', at: createdAt + 30 * 60_000 });
    if (k % 3 === 0) for (const offset of [2, 3]) seed.lookups.push({ orderId, source: 'tracking_page', at: createdAt + offset * HOUR_MS });
    if (k % 6 === 5) seed.skips.push({ id: `skp_${k}`, orderId, reason: k % 12 === 5 ? 'quiet_hours' : 'opted_out', createdAt });
  }
  // A contact about an order that never got an update.
  seed.lookups.push({ orderId: 'upd-order-none', source: 'helpdesk_panel', at: now - DAY_MS });
  for (let j = 0; j < 5; j++)
    seed.optOuts.push({
      customerId: `cus_${j}`,
      channel: j % 2 === 0 ? 'email' : 'sms',
      source: j % 2 === 0 ? 'unsubscribe_link' : 'provider',
      createdAt: now - j * 10 * DAY_MS - HOUR_MS,
    });
  return seed;
}

/** Writes the updates seed into the default shop's tables. */
export async function seedUpdateEffects(store: Store, seed: UpdatesSeed): Promise<void> {
  const { db } = dashboardDatabase(store);
  await db
    .insertInto('orders')
    .values(
      seed.orders.map((order) => ({
        shop_id: 'default',
        id: order.id,
        number_normalised: order.id,
        customer_id: `cus_${order.id}`,
        email_normalised: `${order.id}@example.com`,
        placed_at: order.placedAt,
        data: '{}',
        stage: null,
        updated_at: order.placedAt,
      })),
    )
    .execute();
  await db
    .insertInto('notifications')
    .values(
      seed.notifications.map((notification) => ({
        id: notification.id,
        shop_id: 'default',
        dedupe_key: `${notification.orderId}:${notification.milestone}:${notification.channel}`,
        order_id: notification.orderId,
        milestone: notification.milestone,
        channel: notification.channel,
        address: `${notification.orderId}@example.com`,
        customer_id: `cus_${notification.orderId}`,
        status: notification.status,
        send_after: notification.createdAt,
        lease_until: null,
        lease_owner: null,
        attempts: notification.status === 'queued' ? 0 : 1,
        last_error: notification.status === 'failed' ? 'mailbox unavailable' : null,
        provider_id: null,
        provider_status: notification.providerStatus,
        message: '{}',
        created_at: notification.createdAt,
        updated_at: notification.sentAt ?? notification.createdAt,
        sent_at: notification.sentAt,
      })),
    )
    .execute();
  await db
    .insertInto('order_lookups')
    .values(
      seed.lookups.map((lookup) => ({ shop_id: 'default', order_id: lookup.orderId, source: lookup.source, looked_up_at: lookup.at })),
    )
    .execute();
  await db
    .insertInto('notification_opt_outs')
    .values(
      seed.optOuts.map((optOut) => ({
        shop_id: 'default',
        customer_id: optOut.customerId,
        channel: optOut.channel,
        address: `${optOut.customerId}@example.com`,
        source: optOut.source,
        created_at: optOut.createdAt,
      })),
    )
    .execute();
  await db
    .insertInto('notification_skips')
    .values(
      seed.skips.map((skip) => ({
        id: skip.id,
        shop_id: 'default',
        order_id: skip.orderId,
        parcel_id: null,
        milestone: 'shipped',
        channel: 'email',
        reason: skip.reason,
        detail: null,
        created_at: skip.createdAt,
      })),
    )
    .execute();
}
