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
  /** JSON `DelayThresholdSettings`, null for the store's (migration 3). */
  delay_thresholds: string | null;
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

/** The notification dispatcher's read position in the outbox, per shop (migration 2). */
export interface NotificationCursorsTable {
  shop_id: string;
  /** The last outbox id turned into messages (decimal string; `0` before the first). */
  last_outbox_id: string;
  updated_at: number;
}

export interface NotificationSettingsTable {
  shop_id: string;
  /** Partial `NotificationSettings` as JSON (defaults filled on read). */
  data: string;
  updated_at: number;
}

/** One planned message: queued → sending (leased) → sent | failed | dropped. */
export interface NotificationsTable {
  id: string;
  shop_id: string;
  /** order:parcel:milestone:channel:recipient, unique. */
  dedupe_key: string;
  order_id: string;
  milestone: string;
  channel: string;
  address: string;
  customer_id: string;
  status: string;
  send_after: number;
  lease_until: number | null;
  lease_owner: string | null;
  attempts: number;
  last_error: string | null;
  /** Message-ID, Twilio sid. */
  provider_id: string | null;
  provider_status: string | null;
  /** The `PlannedMessage` as JSON. */
  message: string;
  created_at: number;
  updated_at: number;
  sent_at: number | null;
}

/** A milestone the policy decided not to send, with why (nothing is dropped silently). */
export interface NotificationSkipsTable {
  id: string;
  shop_id: string;
  order_id: string;
  parcel_id: string | null;
  milestone: string;
  channel: string;
  reason: string;
  detail: string | null;
  created_at: number;
}

export interface NotificationOptOutsTable {
  shop_id: string;
  customer_id: string;
  channel: string;
  address: string;
  /** `unsubscribe_link`, `api`, `provider` (a STOP reply). */
  source: string;
  created_at: number;
}

export interface WebhookEndpointsTable {
  id: string;
  shop_id: string;
  url: string;
  /** `whsec_…`. */
  secret: string;
  /** Still signed with during a rotation, until `previous_secret_until`. */
  previous_secret: string | null;
  previous_secret_until: number | null;
  /** JSON array of event types; null for every type. */
  event_types: string | null;
  disabled_at: number | null;
  disabled_reason: string | null;
  created_at: number;
  updated_at: number;
}

export interface WebhookDeliveriesTable {
  id: string;
  shop_id: string;
  endpoint_id: string;
  /** The `webhook-id` header: stable across attempts and replays. */
  message_id: string;
  event_type: string;
  payload: string;
  /** pending → delivering (leased) → delivered | failed. */
  status: string;
  attempts: number;
  next_attempt_at: number | null;
  lease_until: number | null;
  last_status_code: number | null;
  last_error: string | null;
  /** JSON array of `{ at, status, durationMs, error }`. */
  attempt_log: string;
  created_at: number;
  updated_at: number;
  delivered_at: number | null;
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
  notification_cursors: NotificationCursorsTable;
  notification_settings: NotificationSettingsTable;
  notifications: NotificationsTable;
  notification_skips: NotificationSkipsTable;
  notification_opt_outs: NotificationOptOutsTable;
  webhook_endpoints: WebhookEndpointsTable;
  webhook_deliveries: WebhookDeliveriesTable;
}
