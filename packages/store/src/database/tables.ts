import type { Generated } from 'kysely';

/**
 * The schema as Kysely sees it. Instants are epoch milliseconds (PostgreSQL `bigint`, SQLite `integer`);
 * JSON is text on both engines (the common subset: no `jsonb` operators). Every row carries `shop_id`.
 */
export interface ShopsTable {
  id: string;
  name: string | null;
  time_zone: string;
  created_at: number;
}

export interface ApiKeysTable {
  id: string;
  shop_id: string;
  name: string | null;
  /** SHA-256 of the secret part, hex. */
  secret_hash: string;
  created_at: number;
  revoked_at: number | null;
}

export interface CustomersTable {
  shop_id: string;
  id: string;
  email_normalised: string;
  data: string;
  updated_at: number;
}

export interface OrdersTable {
  shop_id: string;
  id: string;
  number_normalised: string;
  customer_id: string;
  email_normalised: string;
  placed_at: number;
  /** The validated `Order` as JSON. */
  data: string;
  /** The order view's stage at the last ingest of one of its parcels. */
  stage: string | null;
  updated_at: number;
}

export interface TrackingsTable {
  id: string;
  shop_id: string;
  /** '' while unknown (so that the unique key works on both engines). */
  carrier: string;
  tracking_number: string;
  order_id: string | null;
  order_shipment_id: string | null;
  status: string;
  substatus: string;
  shipment: string | null;
  /** Fingerprints of the events merged into `shipment`, JSON array (change detection without reading events). */
  fingerprints: string;
  customer: string | null;
  watched_by: string;
  last_checked_at: number | null;
  /** The newest answer's `fetchedAt` (epoch ms): an older answer arriving later is recognised as older. */
  answered_at: number | null;
  next_check_at: number | null;
  lease_owner: string | null;
  stopped_reason: string | null;
  /** Active delay kinds, JSON array. */
  delays: string;
  delay_stalled: number;
  delay_late: number;
  delay_never_scanned: number;
  not_found_count: number;
  error_count: number;
  /** Transitions written so far (the next one is `version + 1`). */
  version: number;
  finished_at: number | null;
  confirmation_done: number;
  created_at: number;
  updated_at: number;
}

export interface EventsTable {
  shop_id: string;
  tracking_id: string;
  fingerprint: string;
  /** The event's time as epoch ms (approximate for local times; the partition key on PostgreSQL). */
  occurred_ms: number;
  recorded_at: number;
  data: string;
}

export interface TransitionsTable {
  shop_id: string;
  tracking_id: string;
  sequence: number;
  from_status: string;
  from_substatus: string;
  to_status: string;
  to_substatus: string;
  occurred_at: string | null;
  detected_at: number;
}

export interface OutboxTable {
  id: Generated<number>;
  shop_id: string;
  tracking_id: string | null;
  order_id: string | null;
  type: string;
  dedupe_key: string;
  payload: string;
  created_at: number;
}

export interface DeliveriesTable {
  shop_id: string;
  tracking_id: string;
  carrier: string;
  service: string | null;
  origin_country: string;
  origin_region: string | null;
  destination_country: string;
  destination_region: string | null;
  shipped_on: string;
  promised_on: string | null;
  delivered_on: string;
  transit_days: number;
  on_time: number | null;
  created_at: number;
}

export interface ArchivedTrackingsTable {
  id: string;
  shop_id: string;
  carrier: string;
  tracking_number: string;
  order_id: string | null;
  status: string;
  substatus: string;
  finished_at: number | null;
  archived_at: number;
  shipment: string | null;
}

export interface MigrationsTable {
  version: number;
  name: string;
  applied_at: number;
}

export interface Database {
  shops: ShopsTable;
  api_keys: ApiKeysTable;
  customers: CustomersTable;
  orders: OrdersTable;
  trackings: TrackingsTable;
  events: EventsTable;
  transitions: TransitionsTable;
  outbox: OutboxTable;
  deliveries: DeliveriesTable;
  archived_trackings: ArchivedTrackingsTable;
  wismo_migrations: MigrationsTable;
}
