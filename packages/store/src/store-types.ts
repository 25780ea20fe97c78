import type {
  CarrierTime,
  EstimatedDelivery,
  Logger,
  PushItemReject,
  PushSubscriber,
  PushUpdate,
  Shipment,
  ShipmentStatus,
  Substatus,
  Tracker,
  TrackingEvent,
} from '@wismo/core';
import type { DelayThresholdSettings, DeliveryHistory, Order, OrderInput, OrderSource } from '@wismo/order-view';
import type { PushSubscriptionRenewalReport } from './scheduler/subscription-renewals';
import type { PushSubscriptionStore } from './subscriptions/push-subscription-store';

/** A carrier id as wismo writes it, lower case: `ups`, `fedex`, `usps`, `dhl`, ... */
export type CarrierId = string;

/** The shop every single-shop install uses without noticing. */
export const DEFAULT_SHOP_ID = 'default';

export type StoreEngine = 'sqlite' | 'postgres';

export interface CreateStoreOptions {
  /**
   * Where the data lives; the engine follows from the scheme:
   * - `sqlite:.wismo/wismo.db` (a file; its directory is created) or `sqlite:/abs/path.db`;
   * - `sqlite::memory:` or `memory:` (SQLite in memory, for tests: gone when closed);
   * - `postgres://…` / `postgresql://…` (add `?schema=name` to use a schema other than `public`).
   */
  url: string;
  /** The clock for `createdAt`, `updatedAt` and "today" in delay rules. Default `() => new Date()`. */
  clock?: () => Date;
  logger?: Logger;
  /** Run pending migrations on open (under a lock). Default true. */
  migrate?: boolean;
  /** PostgreSQL pool size. Default 10. */
  poolSize?: number;
  /** The refresh policy ingest uses to set each shipment's next check (default `DEFAULT_REFRESH_POLICY`). */
  refreshPolicy?: Partial<RefreshPolicy>;
  /** Jitter source, 0 ≤ x < 1 (tests pass a seeded one). Default `Math.random`. */
  random?: () => number;
  /**
   * When silence becomes a delay for ingest's delay detection (order-view's `DelayThresholdSettings`: a
   * default, per carrier, per carrier service), for every shop; a shop's own (`ensureShop`) win over these.
   * Default order-view's `DEFAULT_DELAY_THRESHOLDS`.
   */
  delayThresholds?: DelayThresholdSettings;
}

/** `DATABASE_URL` when set, else the embedded SQLite file `.wismo/wismo.db` (relative to the working directory). */
export type DefaultStoreUrl = (env?: Readonly<Record<string, string | undefined>>) => string;

/** How a shipment is kept up to date: the scheduler polls, the carrier pushes, or both (push moves the poll later). */
export type WatchedBy = 'poll' | 'push' | 'both';

/** Why a shipment is no longer checked. `null` while it is active. */
export type StoppedReason = 'unwatched' | 'finished' | 'not_found' | 'archived' | 'duplicate' | (string & {});

export interface TrackedShipment {
  /** Stable id (`trk_…`), sortable by creation. */
  id: string;
  shopId: string;
  /** Null until the first answer when the number was watched without a carrier and detection left it open. */
  carrier: CarrierId | null;
  trackingNumber: string;
  /** The shop's order id, when the number belongs to an order. */
  orderId: string | null;
  /** The order's own id for this parcel (`Order.shipments[].id`). */
  orderShipmentId: string | null;
  status: ShipmentStatus;
  substatus: Substatus;
  /** The last normalised answer with every event seen so far merged in (newest first). Null before the first answer. */
  shipment: Shipment | null;
  watchedBy: WatchedBy;
  /** UTC instant (ISO, `Z`) of the last carrier answer (success or error). */
  lastCheckedAt: string | null;
  /** UTC instant when the scheduler will look again; null once stopped. */
  nextCheckAt: string | null;
  stoppedReason: StoppedReason | null;
  /** Active delays from the order view's rules, as of the last check. */
  delays: DelayKind[];
  /** Consecutive `not_found` answers (drives the back-off). */
  notFoundCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface WatchCustomer {
  email?: string;
  name?: string;
  locale?: string;
  timeZone?: string;
}

export interface WatchOptions {
  /** Wins over detection. Without it, wismo's detection picks a carrier when only one matches. */
  carrier?: CarrierId;
  orderId?: string;
  customer?: WatchCustomer;
  watchedBy?: WatchedBy;
}

/** Delay kinds a tracking can be listed by (`exception` = status exception). */
export type DelayFilter = 'stalled' | 'late' | 'never_scanned' | 'exception';
/** Delay kinds the order view's rules produce and the store keeps per tracking. */
export type DelayKind = 'stalled' | 'late' | 'never_scanned' | 'carrier_exception' | 'carrier_delay';

export interface ListTrackingsQuery {
  status?: ShipmentStatus;
  carrier?: CarrierId;
  delay?: DelayFilter;
  /** The parcels of one order (for building its view from the store). */
  orderId?: string;
  /** Include stopped (finished, unwatched) trackings. Default true. */
  includeStopped?: boolean;
  /** Opaque; from the previous page's `nextCursor`. */
  cursor?: string;
  /** 1..500, default 50. */
  limit?: number;
}

export interface TrackingPage {
  items: TrackedShipment[];
  nextCursor: string | null;
}

export interface StoreCounts {
  byStatus: Partial<Record<ShipmentStatus, number>>;
  byDelay: Record<DelayFilter, number>;
  active: number;
  stopped: number;
  /** The next checks the scheduler will make, soonest first (at most 10). */
  nextDue: Array<{ id: string; carrier: CarrierId | null; trackingNumber: string; nextCheckAt: string }>;
}

export interface ApiKeyCreated {
  id: string;
  /** The secret, shown once: only its hash is stored. Format `wsk_<id>_<secret>`. */
  key: string;
  shopId: string;
  name: string | null;
  createdAt: string;
}

export interface ApiKeyInfo {
  id: string;
  shopId: string;
  name: string | null;
  createdAt: string;
  revokedAt: string | null;
}

export interface ShopInfo {
  id: string;
  name: string | null;
  /** IANA zone for "today" when a tracking has no customer zone. */
  timeZone: string;
  /** The shop's own delay thresholds (over the store's), null when it uses the store's. */
  delayThresholds: DelayThresholdSettings | null;
  createdAt: string;
}

/** Everything one shop sees goes through its scoped handle: no query crosses shops. */
export interface ShopStore {
  readonly shopId: string;
  /** Creates the shop if missing (updates name/time zone when given). The default shop exists after migration. */
  /**
   * `delayThresholds`: the shop's own, used by this store's ingest from its next call (another process's store
   * reads them once per shop: restart a running worker); null goes back to the store's.
   */
  ensureShop(input?: { name?: string; timeZone?: string; delayThresholds?: DelayThresholdSettings | null }): Promise<ShopInfo>;
  getShop(): Promise<ShopInfo | null>;

  /** Idempotent on (shop, carrier, number): watching again returns the same tracking (re-activated if it was unwatched). */
  watch(trackingNumber: string, options?: WatchOptions): Promise<TrackedShipment>;
  /**
   * Watches many numbers (an import): as `watch` for each, in transactions of 500. Returns the trackings in
   * input order (a number given twice appears twice, with the same id).
   */
  watchMany(items: ReadonlyArray<{ trackingNumber: string } & WatchOptions>): Promise<TrackedShipment[]>;
  /** Stops checking; the history stays. False when the id is unknown in this shop. */
  unwatch(trackingId: string, reason?: string): Promise<boolean>;
  getTracking(trackingId: string): Promise<TrackedShipment | null>;
  /** `carrier` null: the tracking of a number watched without a carrier that no answer has settled yet. */
  findTracking(carrier: CarrierId | null, trackingNumber: string): Promise<TrackedShipment | null>;
  /** Keyset paging in id order (creation order). */
  listTrackings(query?: ListTrackingsQuery): Promise<TrackingPage>;
  /** Every stored event of a tracking, newest first (the events table, not the snapshot). */
  listEvents(trackingId: string): Promise<StoredTrackingEvent[]>;
  /** Every status transition of a tracking, oldest first. */
  listTransitions(trackingId: string): Promise<StatusTransition[]>;

  /**
   * Validates (order-view's schema) and stores an order with its customer and items; its tracking numbers are
   * watched. A tracking number that changed on an order-shipment emits `tracking_number_changed`.
   */
  upsertOrder(order: OrderInput | Order): Promise<Order>;
  /** The store as an `OrderSource` for the server and the helpdesk panels. */
  readonly orders: OrderSource;
  /** Lane summaries of this shop's finished deliveries, loaded now; `summarise` then answers synchronously. */
  deliveryHistory(): Promise<DeliveryHistory>;
  counts(): Promise<StoreCounts>;

  createApiKey(input?: { name?: string }): Promise<ApiKeyCreated>;
  listApiKeys(): Promise<ApiKeyInfo[]>;
  revokeApiKey(keyId: string): Promise<boolean>;
  /** Only this shop's outbox. */
  readOutbox(options?: { after?: string; limit?: number }): Promise<OutboxEvent[]>;
}

export interface StoredTrackingEvent extends TrackingEvent {
  fingerprint: string;
  /** UTC instant when wismo first saw the event. */
  recordedAt: string;
}

export interface StatusTransition {
  /** 1, 2, 3… per tracking: a transition is never written twice. */
  sequence: number;
  from: { status: ShipmentStatus; substatus: Substatus };
  to: { status: ShipmentStatus; substatus: Substatus };
  /** When the carrier says it happened (the event that moved it). */
  occurredAt: CarrierTime | null;
  /** UTC instant when wismo noticed. */
  detectedAt: string;
}

export type DomainEventType =
  | 'status_changed'
  | 'event_added'
  | 'eta_changed'
  | 'delay_detected'
  | 'delivered'
  | 'exception'
  | 'tracking_number_changed'
  | 'order_stage_changed';

/** What each domain event carries. */
export interface DomainEventPayloads {
  status_changed: {
    from: { status: ShipmentStatus; substatus: Substatus };
    to: { status: ShipmentStatus; substatus: Substatus };
    occurredAt: CarrierTime | null;
    sequence: number;
  };
  event_added: { fingerprint: string; event: TrackingEvent };
  eta_changed: { from: EstimatedDelivery | null; to: EstimatedDelivery | null };
  delay_detected: { kind: DelayKind; reason: string; detail: Record<string, unknown> };
  delivered: { deliveredAt: CarrierTime | null; signedBy: string | null; substatus: Substatus };
  exception: { substatus: Substatus; description: string | null; occurredAt: CarrierTime | null };
  tracking_number_changed: { carrier: CarrierId | null; from: string | null; to: string; cause: 'order_updated' | 'carrier_leg' };
  order_stage_changed: { from: string | null; to: string };
}

export interface OutboxEvent<T extends DomainEventType = DomainEventType> {
  /** Increasing (as a decimal string): read on with `after`. */
  id: string;
  shopId: string;
  trackingId: string | null;
  orderId: string | null;
  type: T;
  payload: DomainEventPayloads[T];
  /** The unique key that makes re-ingest harmless (`<trackingId>:<type>:<what>`). */
  dedupeKey: string;
  createdAt: string;
}

export interface ClaimedShipment {
  id: string;
  shopId: string;
  carrier: CarrierId | null;
  trackingNumber: string;
  /** When the lease ends: if the worker dies, the shipment becomes due again then. */
  leaseUntil: string;
}

export interface ClaimOptions {
  /** Only this carrier (`null`: trackings whose carrier is still unknown). Omitted: any carrier. */
  carrier?: CarrierId | null;
  limit: number;
  now: Date;
  workerId: string;
  /** Default 5 minutes. */
  leaseMs?: number;
}

/** A tracker answer for one tracking. Exactly one of `shipment` / `error`. */
export interface IngestInput {
  trackingId: string;
  shipment?: Shipment;
  /** `code` is a `WismoError` code (`not_found` drives the back-off). */
  error?: { code: string; message: string; retryable?: boolean };
  /** UTC instant the answer was received. */
  checkedAt: Date;
}

export interface IngestOptions {
  /** Overrides the store's refresh policy for this call (the scheduler passes its own). */
  policy?: Partial<RefreshPolicy>;
}

export interface IngestResult {
  trackingId: string;
  /** True when anything the store keeps about the parcel changed (not only timestamps). */
  changed: boolean;
  /** The outbox rows written by this ingest (empty on a repeat). */
  events: OutboxEvent[];
  nextCheckAt: string | null;
  stoppedReason: StoppedReason | null;
}

/** A verified push, parsed. */
export interface PushIngestInput {
  /** The receiver's `source` (`ups`, `fedex`, `aftership`, …). */
  source: string;
  /** The sender's delivery id when it gives one, else the SHA-256 of the body (`pushBodyDigest`). */
  dedupeKey: string;
  /** The raw body as received, kept for audits and re-parsing. */
  body: string;
  receivedAt: Date;
  updates: readonly PushUpdate[];
  rejects: readonly PushItemReject[];
}

export interface PushIngestOptions extends IngestOptions {
  /** After a partial push, the next poll is at most this far ahead. Default 10 minutes. */
  partialFollowUpMs?: number;
}

export interface PushIngestResult {
  receiptId: string;
  /** The same delivery was stored before: nothing was applied again. */
  duplicate: boolean;
  /** Updates that reached watched trackings. */
  applied: Array<{ carrier: CarrierId; trackingNumber: string; trackingIds: string[]; complete: boolean }>;
  /** Updates for numbers nobody watches (kept in the receipt only). */
  unmatched: Array<{ carrier: CarrierId; trackingNumber: string }>;
  /** One per tracking updated, as `ingest` reports it. */
  results: IngestResult[];
}

export interface ArchiveResult {
  /** Tracked shipments moved to `archived_trackings` (their events and transitions deleted). */
  archivedTrackings: number;
  deletedEvents: number;
  deletedTransitions: number;
  /** Outbox rows older than the cut-off deleted. */
  deletedOutbox: number;
  /** Push receipts older than their retention deleted (`pushReceiptsOlderThan`). */
  deletedPushReceipts: number;
  /** Hourly carrier request counts older than their retention deleted (`carrierRequestCountsOlderThan`). */
  deletedCarrierRequestCounts: number;
}

/** How long `archive` keeps push receipts by default: long enough for any sender's retries and for an audit. */
export const DEFAULT_PUSH_RECEIPT_RETENTION_MS = 30 * 24 * 3_600_000;

export interface Store {
  readonly engine: StoreEngine;
  /** The schema version after migration (the number of migrations applied). */
  schemaVersion(): Promise<number>;
  /** A shop's scoped handle (default `DEFAULT_SHOP_ID`). */
  shop(shopId?: string): ShopStore;
  /** Which shop and key an API key belongs to; null when unknown, malformed or revoked. Constant-time compare. */
  verifyApiKey(key: string): Promise<{ shopId: string; keyId: string } | null>;

  /** Scheduler side (cross-shop by design): claim due shipments, oldest due first, under a lease. */
  claimDue(options: ClaimOptions): Promise<ClaimedShipment[]>;
  /** Carriers with shipments due at `now`, with how many (for the scheduler's per-carrier rounds). */
  dueCarriers(now: Date): Promise<Array<{ carrier: CarrierId | null; due: number }>>;
  /** One answer: change detection, events, transitions, outbox and next check in one transaction. */
  ingest(input: IngestInput, options?: IngestOptions): Promise<IngestResult>;
  /** Many answers in one transaction (each applied as `ingest` would, in order); results in input order. */
  ingestMany(inputs: readonly IngestInput[], options?: IngestOptions): Promise<IngestResult[]>;
  /**
   * One verified carrier or aggregator push (`PushReceiver.parse`'s result), in one transaction: the raw body is kept
   * in `push_receipts` and a repeat of the same delivery is recognised; each update reaches every watched tracking of
   * its carrier and number, in any shop. Complete updates are ingested like a poll answer; partial ones are merged and
   * bring the next poll forward. Trackings that receive pushes become `watchedBy: 'push'` (slow polling stays on).
   */
  ingestPush(input: PushIngestInput, options?: PushIngestOptions): Promise<PushIngestResult>;
  /** Across shops, for the notification dispatcher and the demo. */
  readOutbox(options?: { after?: string; limit?: number }): Promise<OutboxEvent[]>;

  /** Maintenance: creates the coming months' event/transition partitions (PostgreSQL; a no-op on SQLite). */
  ensurePartitions(options?: { monthsAhead?: number; now?: Date }): Promise<string[]>;
  /**
   * Maintenance: archives parcels finished (delivered, returned, cancelled, stopped) before `olderThan`, deletes older
   * outbox rows, and prunes push receipts received before `pushReceiptsOlderThan` (default: the store clock minus
   * `DEFAULT_PUSH_RECEIPT_RETENTION_MS`, 30 days; a sender's retry after that is applied again, harmlessly), and the
   * hourly carrier request counts of hours before `carrierRequestCountsOlderThan` (default: the store clock minus
   * `DEFAULT_CARRIER_REQUEST_COUNT_RETENTION_MS`, 35 days).
   */
  archive(options: { olderThan: Date; pushReceiptsOlderThan?: Date; carrierRequestCountsOlderThan?: Date }): Promise<ArchiveResult>;
  /** Carrier push subscriptions (UPS Track Alert, USPS) and their renewals. */
  readonly pushSubscriptions: PushSubscriptionStore;
  close(): Promise<void>;
}

/** Intervals of the refresh policy (milliseconds). Documented as a table in the README. */
export interface RefreshPolicy {
  /** No carrier data yet (pending) or label only (info_received). */
  beforeFirstScanMs: number;
  /** In transit with no expected delivery day (or past it). */
  inTransitMs: number;
  /** In transit with a future delivery day: sleep until that day's morning, but never longer than this. */
  etaWaitCapMs: number;
  /** Local hour (customer's zone) when a delivery day's frequent checks start. */
  deliveryDayStartHour: number;
  /** The carrier's (or the shop's promised) delivery day is today in the destination's zone. */
  dueTodayMs: number;
  outForDeliveryMs: number;
  /** Exceptions, failed attempts, held at a pickup point, returning: something may happen any time. */
  needsAttentionMs: number;
  /** First back-off step after `not_found`; doubles each time up to `notFoundMaxMs`. */
  notFoundInitialMs: number;
  notFoundMaxMs: number;
  /** Stop (reason `not_found`) when the number was never found for this long after it was watched. */
  notFoundGiveUpAfterMs: number;
  /** Other errors (rate limited, carrier down): retry after this (doubling, capped at `inTransitMs`). */
  errorRetryMs: number;
  /** After delivered/returned/cancelled: one late confirmation check this long afterwards, then stop. */
  confirmationCheckAfterMs: number;
  /** Intervals are multiplied by this for trackings watched by `push` only (polling is the safety net). */
  pushedIntervalFactor: number;
  /** ± this fraction of the interval, so that checks do not bunch. */
  jitterRatio: number;
  /** Lease of a claim: a worker that dies releases its claims after this. */
  leaseMs: number;
}

export interface RoundReport {
  /** When the round started (the scheduler's clock). */
  startedAt: string;
  claimed: number;
  checked: number;
  changed: number;
  errors: number;
  /** Per carrier: claimed numbers and upstream requests made by the tracker during the round. */
  byCarrier: Record<string, { claimed: number; errors: number }>;
  /** Every outbox row written in the round (exact, however many `events` keeps). */
  eventCount: number;
  /** Every outbox row written in the round, by type (exact). */
  eventCounts: Partial<Record<DomainEventType, number>>;
  /**
   * The first outbox rows of the round, at most `SchedulerOptions.reportedEvents` (default 1,000), so that a
   * large round does not hold them all in memory; use `onEvents` to see every one, and `eventCount` to count.
   */
  events: OutboxEvent[];
  /** What the round's push-subscription upkeep did, when it ran (`SchedulerOptions.pushSubscribers`). */
  pushSubscriptions?: PushSubscriptionRenewalReport;
}

export interface SchedulerOptions {
  store: Store;
  tracker: Tracker;
  clock?: () => Date;
  /** Overrides of the store's refresh policy, used for the lease and for every ingest of this scheduler. */
  policy?: Partial<RefreshPolicy>;
  /** Claims per carrier per round. Default 500. */
  batchSize?: number;
  /** Default `<hostname>:<pid>:<random>`. */
  workerId?: string;
  logger?: Logger;
  /** Pause between rounds when nothing was due, for `run`. Default 5 s. */
  idleDelayMs?: number;
  /** Most outbox rows a `RoundReport` keeps in `events`. Default 1,000. */
  reportedEvents?: number;
  /** Called with each batch's outbox rows as soon as they are committed (all of them, unlike `RoundReport.events`). */
  onEvents?: (events: OutboxEvent[]) => void;
  /**
   * Carrier accounts that subscribe by number (UPS Track Alert, USPS): parcels watched with push are subscribed and
   * their subscriptions renewed before they expire (see `renewPushSubscriptions`), at most every `renewEveryMs`.
   */
  pushSubscribers?: readonly PushSubscriber[];
  /** Default 1 minute. */
  renewEveryMs?: number;
  /**
   * Flushed after each batch is ingested: the counter whose observers the tracker's adapters were given
   * (`createCarrierRequestCounter`), so that carrier requests reach the health page per batch.
   */
  requestCounter?: { flush(store: Store): Promise<unknown> };
}

export interface Scheduler {
  readonly workerId: string;
  /** Claims everything due now (per carrier, in batches), tracks it, ingests the answers. */
  runOnce(): Promise<RoundReport>;
  /** Rounds until the signal aborts; resolves after the round in progress has been ingested. */
  run(signal: AbortSignal, onRound?: (report: RoundReport) => void): Promise<void>;
}
