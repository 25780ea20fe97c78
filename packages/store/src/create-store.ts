import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { detectCarrier, logSafely, normaliseTrackingNumber, type Shipment, type TrackingEvent } from '@wismo/core';
import { chunk } from '@wismo/core/internal';
import {
  DEFAULT_DELAY_THRESHOLDS,
  normaliseEmail,
  normaliseOrderNumber,
  orderSchema,
  type DelayThresholds,
  type DelayThresholdSettings,
  type DeliveryHistory,
  type DeliveryHistoryQuery,
  type DeliverySummary,
  type Order,
  type OrderInput,
  type OrderSource,
} from '@wismo/order-view';
import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import { dashboardFactsOf, type DashboardFactsOfBatch } from './dashboard/dashboard-facts';
import type { DashboardDeliveryColumns, DashboardTrackingColumns } from './dashboard/dashboard-tables';
import { createMonthPartitions, migrate } from './database/migrations';
import { openDatabase, withWriteTransaction } from './database/open-database';
import { registerStoreDatabase } from './database/store-database';
import { iso, outboxEventOf, recordOfRow, rowOfRecord, trackedShipmentOf, type TrackingRow } from './database/records';
import { batchInsert, batchInsertWithIds, type BatchInsert } from './database/batch-insert';
import type { Database, DeliveriesTable, EventsTable, OrdersTable, OutboxTable, TransitionsTable } from './database/tables';
import { detectChanges, type DetectedChanges, type PendingOutboxRow, type TrackingRecord } from './ingest/detect-changes';
import { eventFingerprint } from './ingest/fingerprint';
import { ingestPushInTransaction, prunePushReceipts } from './ingest/push-ingest';
import { shipmentJson } from './ingest/shipment-json';
import { DEFAULT_CARRIER_REQUEST_COUNT_RETENTION_MS, pruneCarrierRequestCounts } from './dashboard/carrier-requests';
import { createPushSubscriptionStore } from './subscriptions/push-subscription-store';
import { DEFAULT_REFRESH_POLICY } from './scheduler/refresh-policy';
import { StoreError } from './store-error';
import { decodeCursor, encodeCursor } from './paging-cursor';
import {
  DEFAULT_PUSH_RECEIPT_RETENTION_MS,
  DEFAULT_SHOP_ID,
  type ApiKeyCreated,
  type ApiKeyInfo,
  type ArchiveResult,
  type ClaimedShipment,
  type ClaimOptions,
  type CreateStoreOptions,
  type DefaultStoreUrl,
  type DomainEventPayloads,
  type IngestInput,
  type IngestOptions,
  type IngestResult,
  type ListTrackingsQuery,
  type OutboxEvent,
  type RefreshPolicy,
  type ShopInfo,
  type ShopStore,
  type StatusTransition,
  type Store,
  type StoredTrackingEvent,
  type StoreCounts,
  type TrackedShipment,
  type TrackingPage,
  type WatchOptions,
} from './store-types';

export const defaultStoreUrl: DefaultStoreUrl = (env = process.env) => env.DATABASE_URL || 'sqlite:.wismo/wismo.db';

const ID_ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';
let lastIdTime = 0;
let idCounter = 0;

/** `<prefix>_` + 9 base-36 time digits + a counter + random: sortable by creation, unique across processes. */
export function newId(prefix: string, nowMs = Date.now()): string {
  if (nowMs === lastIdTime) idCounter += 1;
  else {
    lastIdTime = nowMs;
    idCounter = 0;
  }
  const random = randomBytes(8);
  let tail = '';
  for (const byte of random) tail += ID_ALPHABET[byte % 36];
  return `${prefix}_${nowMs.toString(36).padStart(9, '0')}${idCounter.toString(36).padStart(3, '0')}${tail}`;
}

function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

interface ShopSettings {
  timeZone: string;
  delayThresholds: DelayThresholdSettings | undefined;
}

/** Checks every threshold is a positive number of a known name; a typo must not silently keep the default. */
function parseDelayThresholds(settings: DelayThresholdSettings, path: string): DelayThresholdSettings {
  const issues: Array<{ path: string; message: string }> = [];
  const checkLevel = (level: unknown, at: string, allowServices: boolean) => {
    if (typeof level !== 'object' || level === null || Array.isArray(level)) {
      issues.push({ path: at, message: 'Expected an object of thresholds' });
      return;
    }
    for (const [name, value] of Object.entries(level)) {
      if (allowServices && name === 'services') {
        if (typeof value !== 'object' || value === null)
          issues.push({ path: `${at}.services`, message: 'Expected an object by service code' });
        else for (const [service, serviceLevel] of Object.entries(value)) checkLevel(serviceLevel, `${at}.services.${service}`, false);
      } else if (!(name in DEFAULT_DELAY_THRESHOLDS)) {
        issues.push({ path: `${at}.${name}`, message: `Unknown threshold; known: ${Object.keys(DEFAULT_DELAY_THRESHOLDS).join(', ')}` });
      } else if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
        issues.push({ path: `${at}.${name}`, message: 'Expected a positive number' });
      }
    }
  };
  if (typeof settings !== 'object' || settings === null) issues.push({ path, message: 'Expected { default?, carriers? }' });
  else {
    for (const key of Object.keys(settings))
      if (key !== 'default' && key !== 'carriers') issues.push({ path: `${path}.${key}`, message: 'Expected default or carriers' });
    if (settings.default !== undefined) checkLevel(settings.default, `${path}.default`, false);
    for (const [carrier, level] of Object.entries(settings.carriers ?? {})) checkLevel(level, `${path}.carriers.${carrier}`, true);
  }
  if (issues.length > 0)
    throw new StoreError(
      'invalid_input',
      `Invalid delay thresholds: ${issues.length} problem(s), first: ${issues[0]!.path}: ${issues[0]!.message}`,
      {
        issues,
      },
    );
  return settings;
}

/** The shop's thresholds over the store's, level by level (default, each carrier, each service). */
function mergeDelayThresholds(
  base: DelayThresholdSettings | undefined,
  override: DelayThresholdSettings | undefined,
): DelayThresholdSettings | undefined {
  if (!base || !override) return override ?? base;
  const carriers: Record<string, Partial<DelayThresholds> & { services?: Record<string, Partial<DelayThresholds>> }> = {};
  for (const id of new Set([...Object.keys(base.carriers ?? {}), ...Object.keys(override.carriers ?? {})])) {
    const below = base.carriers?.[id];
    const above = override.carriers?.[id];
    const services: Record<string, Partial<DelayThresholds>> = {};
    for (const code of new Set([...Object.keys(below?.services ?? {}), ...Object.keys(above?.services ?? {})]))
      services[code] = { ...below?.services?.[code], ...above?.services?.[code] };
    carriers[id] = { ...below, ...above, services };
  }
  return { default: { ...base.default, ...override.default }, carriers };
}

function parseOrderInput(input: OrderInput | Order): Order {
  const result = orderSchema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
  throw new StoreError('invalid_input', `Invalid order: ${issues.length} problem(s), first: ${issues[0]?.path}: ${issues[0]?.message}`, {
    issues,
  });
}

export async function createStore(options: CreateStoreOptions): Promise<Store> {
  const opened = openDatabase(options.url, { poolSize: options.poolSize });
  const { db, engine } = opened;
  const clock = options.clock ?? (() => new Date());
  const storePolicy: RefreshPolicy = { ...DEFAULT_REFRESH_POLICY, ...options.refreshPolicy };
  const random = options.random ?? Math.random;
  try {
    if (options.migrate !== false) await migrate(db, engine, opened.schema);
  } catch (error) {
    await db.destroy().catch(() => undefined);
    throw new StoreError('migration_failed', `Migrating the store (${opened.description}) failed: ${(error as Error).message}`, {
      cause: error,
    });
  }
  logSafely(options.logger, 'debug', `store opened: ${opened.description}`);
  let closed = false;
  const storeThresholds =
    options.delayThresholds === undefined ? undefined : parseDelayThresholds(options.delayThresholds, 'delayThresholds');
  const shopSettingsCache = new Map<string, ShopSettings>();
  // Ingest's batched writes, their SQL written once (see batchInsert); as many rows per statement as before.
  const insertEvents = batchInsert<Insertable<EventsTable>>(
    engine,
    'events',
    ['shop_id', 'tracking_id', 'fingerprint', 'occurred_ms', 'recorded_at', 'data'],
    { tail: 'on conflict do nothing', rowsPerStatement: 400 },
  );
  const insertTransitions = batchInsert<Insertable<TransitionsTable>>(engine, 'transitions', TRANSITION_COLUMNS, {
    rowsPerStatement: 400,
  });
  const insertOutbox = batchInsertWithIds<Insertable<OutboxTable>>(
    engine,
    'outbox',
    ['shop_id', 'tracking_id', 'order_id', 'type', 'dedupe_key', 'payload', 'created_at'],
    { idColumn: 'id', keyColumn: 'dedupe_key', rowsPerStatement: 400 },
  );
  // A delivery already recorded keeps its row; its dashboard flags are set again (as the first write sets them).
  const insertDeliveries = batchInsert<DeliveryInsertRow>(engine, 'deliveries', [...DELIVERY_COLUMNS, ...DELIVERY_DASHBOARD_COLUMNS], {
    tail: `on conflict ("tracking_id") do update set ${DELIVERY_DASHBOARD_COLUMNS.map((column) => `"${column}" = "excluded"."${column}"`).join(', ')}`,
    rowsPerStatement: 200,
  });
  // One statement per 300 trackings: an upsert on the primary key whose rows all exist, so each is an update found
  // through the key (one statement instead of one per row; a round trip each on PostgreSQL). Only a learned carrier
  // rewrites the carrier column (and with it the carrier indexes); the dashboard's columns are set, in the same
  // write of the row, only for the parcels whose dashboard facts changed (the first ETA only while none is stored).
  const updateTrackings = new Map<string, BatchInsert<TrackingUpsertRow>>();
  for (const withCarrier of [false, true])
    for (const withDashboard of [false, true]) {
      const updated = [...INGEST_UPDATED_COLUMNS, ...(withCarrier ? (['carrier'] as const) : [])];
      const assignments = [
        updatedColumnsSql(updated),
        ...(withDashboard
          ? [
              `"service" = "excluded"."service", "destination_country" = "excluded"."destination_country", "pickup_since" = "excluded"."pickup_since"`,
              `"first_eta_on" = coalesce("trackings"."first_eta_on", "excluded"."first_eta_on")`,
            ]
          : []),
      ];
      updateTrackings.set(
        `${withCarrier}:${withDashboard}`,
        batchInsert<TrackingUpsertRow>(engine, 'trackings', [...TRACKING_COLUMNS, ...(withDashboard ? TRACKING_DASHBOARD_COLUMNS : [])], {
          tail: `on conflict ("id") do update set ${assignments.join(', ')}`,
          rowsPerStatement: 300,
        }),
      );
    }

  // The stored JSON of what ingest loaded (a shipment, its fingerprints), by the parsed value: written back as it
  // was when ingest keeps the value, instead of serialised again.
  const loadedJson = new WeakMap<object, string>();

  function ensureOpen(): void {
    if (closed) throw new StoreError('closed', 'The store is closed');
  }

  /** The shop's time zone and delay thresholds (its own over the store's), read once per store. */
  async function shopSettings(executor: Kysely<Database>, shopId: string): Promise<ShopSettings> {
    const cached = shopSettingsCache.get(shopId);
    if (cached) return cached;
    const row = await executor.selectFrom('shops').select(['time_zone', 'delay_thresholds']).where('id', '=', shopId).executeTakeFirst();
    const own = row?.delay_thresholds ? (JSON.parse(row.delay_thresholds) as DelayThresholdSettings) : undefined;
    const settings = { timeZone: row?.time_zone ?? 'UTC', delayThresholds: mergeDelayThresholds(storeThresholds, own) };
    shopSettingsCache.set(shopId, settings);
    return settings;
  }

  /** Locks the rows on PostgreSQL so two ingests of one tracking serialise; SQLite's write lock already does. */
  async function loadTrackings(
    executor: Kysely<Database>,
    ids: readonly string[],
  ): Promise<{ records: Map<string, TrackingRecord>; firstEtaOn: Map<string, string | null> }> {
    const records = new Map<string, TrackingRecord>();
    // The dashboard's first carrier ETA is not part of the record; the delivery flags compare with it.
    const firstEtaOn = new Map<string, string | null>();
    // Sorted, so that two transactions lock shared rows in the same order (no deadlock on PostgreSQL).
    for (const part of chunk([...new Set(ids)].sort(), 500)) {
      let query = executor.selectFrom('trackings').selectAll().where('id', 'in', part);
      if (engine === 'postgres') query = query.forUpdate();
      for (const row of (await query.execute()) as Array<TrackingRow & Partial<DashboardTrackingColumns>>) {
        const record = recordOfRow(row);
        records.set(row.id, record);
        if (record.shipment && row.shipment !== null) loadedJson.set(record.shipment, row.shipment);
        loadedJson.set(record.fingerprints, row.fingerprints);
        firstEtaOn.set(row.id, row.first_eta_on ?? null);
      }
    }
    return { records, firstEtaOn };
  }

  async function writeChanges(
    executor: Kysely<Database>,
    changes: readonly DetectedChanges[],
    dashboard: DashboardFactsOfBatch,
    nowMs: number,
  ): Promise<Map<string, OutboxEvent>> {
    // Each new event is written twice (its row and the parcel's snapshot): serialised once.
    const eventTexts = new Map<TrackingEvent, string>();
    const eventJson = (event: TrackingEvent) => {
      let text = eventTexts.get(event);
      if (text === undefined) eventTexts.set(event, (text = JSON.stringify(event)));
      return text;
    };
    // An `event_added` row names its event by fingerprint: the event itself is in the events table (written in
    // this transaction), and reading the outbox joins it back in. Copying it would write every new event once more.
    const payloadJson = (row: PendingOutboxRow) =>
      row.type === 'event_added'
        ? `{"fingerprint":${JSON.stringify((row.payload as DomainEventPayloads['event_added']).fingerprint)}}`
        : JSON.stringify(row.payload);
    const eventRows = changes.flatMap((change) =>
      change.newEvents.map((event) => ({
        shop_id: change.record.shopId,
        tracking_id: change.record.id,
        fingerprint: event.fingerprint,
        occurred_ms: event.occurredMs,
        recorded_at: nowMs,
        data: eventJson(event.event),
      })),
    );
    await insertEvents(executor, eventRows);
    const transitionRows = changes.flatMap((change) =>
      change.transition
        ? [
            {
              shop_id: change.record.shopId,
              tracking_id: change.record.id,
              sequence: change.transition.sequence,
              from_status: change.transition.from.status,
              from_substatus: change.transition.from.substatus,
              to_status: change.transition.to.status,
              to_substatus: change.transition.to.substatus,
              occurred_at: change.transition.occurredAt ? JSON.stringify(change.transition.occurredAt) : null,
              detected_at: nowMs,
            },
          ]
        : [],
    );
    await insertTransitions(executor, transitionRows);
    // Each row with its pending payload (already parsed), by key: a key twice in the batch keeps the last.
    const outboxRows: Array<Selectable<OutboxTable>> = [];
    const pendingByKey = new Map<string, { row: Selectable<OutboxTable>; payload: unknown }>();
    for (const change of changes)
      for (const pending of change.outbox) {
        const row = {
          id: 0, // not inserted: the database numbers the row
          shop_id: change.record.shopId,
          tracking_id: change.record.id,
          order_id: pending.orderId,
          type: pending.type,
          dedupe_key: pending.dedupeKey,
          payload: payloadJson(pending),
          created_at: nowMs,
        };
        outboxRows.push(row);
        pendingByKey.set(pending.dedupeKey, { row, payload: pending.payload });
      }
    const written = new Map<string, OutboxEvent>();
    const createdAt = iso(nowMs)!;
    for (const { id, key } of await insertOutbox(executor, outboxRows)) {
      const { row, payload } = pendingByKey.get(key)!;
      row.id = id;
      written.set(key, outboxEventOf(row, payload, createdAt));
    }
    // One row per parcel: the first delivery found in the batch, with the flags of the last (a statement may not
    // update one row twice on PostgreSQL).
    const deliveryRows = new Map<string, DeliveryInsertRow>();
    for (const change of changes) {
      if (!change.delivery || deliveryRows.has(change.record.id)) continue;
      deliveryRows.set(change.record.id, {
        shop_id: change.record.shopId,
        tracking_id: change.record.id,
        carrier: change.delivery.carrier,
        service: change.delivery.service,
        origin_country: change.delivery.originCountry,
        origin_region: change.delivery.originRegion,
        destination_country: change.delivery.destinationCountry,
        destination_region: change.delivery.destinationRegion,
        shipped_on: change.delivery.shippedOn,
        promised_on: change.delivery.promisedOn,
        delivered_on: change.delivery.deliveredOn,
        transit_days: change.delivery.transitDays,
        on_time: change.delivery.onTime === null ? null : change.delivery.onTime ? 1 : 0,
        created_at: nowMs,
        ...dashboard.deliveries.get(change.record.id)!,
      });
    }
    await insertDeliveries(executor, [...deliveryRows.values()]);
    for (const change of changes) {
      if (change.carrierLearned) {
        // The first answer named the carrier of a number watched without one; if that number is already watched
        // under that carrier, this row stays carrier-less and stops as a duplicate.
        const twin = await executor
          .selectFrom('trackings')
          .select('id')
          .where('shop_id', '=', change.record.shopId)
          .where('carrier', '=', change.record.carrier ?? '')
          .where('tracking_number', '=', change.record.trackingNumber)
          .where('id', '!=', change.record.id)
          .executeTakeFirst();
        if (twin) change.record = { ...change.record, carrier: null, stoppedReason: `duplicate:${twin.id}`, nextCheckAt: null };
      }
      if (change.orderStage !== null && change.record.orderId) {
        await executor
          .updateTable('orders')
          .set({ stage: change.orderStage })
          .where('shop_id', '=', change.record.shopId)
          .where('id', '=', change.record.orderId)
          .execute();
      }
    }
    // One statement per 300 trackings, not one per tracking, in one of four forms (see updateTrackings).
    const learnedIds = new Set(changes.filter((change) => change.carrierLearned).map((change) => change.record.id));
    const latestRecords = new Map(changes.map((change) => [change.record.id, change.record]));
    const groups = new Map<string, TrackingUpsertRow[]>();
    for (const record of latestRecords.values()) {
      const facts = dashboard.trackings.get(record.id);
      const key = `${learnedIds.has(record.id)}:${facts !== undefined}`;
      let group = groups.get(key);
      if (!group) groups.set(key, (group = []));
      const row: TrackingUpsertRow = rowOfRecord({ ...record, shipment: null, fingerprints: [] });
      // Kept unchanged: the text as loaded. Changed: the events' texts made above are reused.
      row.shipment = record.shipment ? (loadedJson.get(record.shipment) ?? shipmentJson(record.shipment, eventJson)) : null;
      row.fingerprints = loadedJson.get(record.fingerprints) ?? JSON.stringify(record.fingerprints);
      group.push(facts ? { ...row, ...facts } : row);
    }
    for (const [key, rows] of groups) await updateTrackings.get(key)!(executor, rows);
    return written;
  }

  async function ingestInTransaction(
    executor: Kysely<Database>,
    inputs: readonly IngestInput[],
    ingestOptions: IngestOptions = {},
  ): Promise<IngestResult[]> {
    const nowMs = clock().getTime();
    const policy = ingestOptions.policy ? { ...storePolicy, ...ingestOptions.policy } : storePolicy;
    const { records, firstEtaOn } = await loadTrackings(
      executor,
      inputs.map((input) => input.trackingId),
    );
    const missing = inputs.filter((input) => !records.has(input.trackingId)).map((input) => input.trackingId);
    if (missing.length > 0) throw new StoreError('not_found', `Unknown tracking id(s): ${[...new Set(missing)].slice(0, 5).join(', ')}`);
    // Orders (and their other parcels) for the order stage and the order view's delay rules.
    const orderKeys = new Set<string>();
    for (const record of records.values()) if (record.orderId) orderKeys.add(`${record.shopId}\u0000${record.orderId}`);
    const orders = new Map<string, Selectable<OrdersTable>>();
    const siblings = new Map<string, TrackingRecord[]>();
    for (const key of orderKeys) {
      const [shopId, orderId] = key.split('\u0000') as [string, string];
      const order = await executor
        .selectFrom('orders')
        .selectAll()
        .where('shop_id', '=', shopId)
        .where('id', '=', orderId)
        .executeTakeFirst();
      if (order) orders.set(key, order);
      const rows = await executor
        .selectFrom('trackings')
        .selectAll()
        .where('shop_id', '=', shopId)
        .where('order_id', '=', orderId)
        .execute();
      siblings.set(key, rows.map(recordOfRow));
    }
    const changes: DetectedChanges[] = [];
    const latest = new Map<string, DetectedChanges>();
    const results: Array<{ change: DetectedChanges }> = [];
    for (const input of inputs) {
      const stored = latest.get(input.trackingId)?.record ?? records.get(input.trackingId)!;
      const key = stored.orderId ? `${stored.shopId}\u0000${stored.orderId}` : null;
      const orderRow = key ? orders.get(key) : undefined;
      const order = orderRow ? (JSON.parse(orderRow.data) as Order) : null;
      const siblingShipments: Shipment[] = [];
      if (key) {
        for (const sibling of siblings.get(key) ?? []) {
          if (sibling.id === stored.id) continue;
          const current = latest.get(sibling.id)?.record ?? sibling;
          if (current.shipment) siblingShipments.push(current.shipment);
        }
      }
      const settings = await shopSettings(executor, stored.shopId);
      const change = detectChanges(stored, input, {
        nowMs,
        policy,
        random,
        order,
        storedOrderStage: orderRow?.stage ?? null,
        siblingShipments,
        shopTimeZone: settings.timeZone,
        delayThresholds: settings.delayThresholds,
      });
      if (orderRow && change.orderStage !== null) orderRow.stage = change.orderStage;
      changes.push(change);
      latest.set(input.trackingId, change);
      results.push({ change });
    }
    // A tracking ingested twice in one batch is updated twice, in order: the last state wins.
    const written = await writeChanges(executor, changes, dashboardFactsOf(changes, records, firstEtaOn, nowMs), nowMs);
    return results.map(({ change }) => ({
      trackingId: change.record.id,
      changed: change.changed,
      events: change.outbox.map((row) => written.get(row.dedupeKey)).filter((event): event is OutboxEvent => event !== undefined),
      nextCheckAt: iso(change.record.nextCheckAt),
      stoppedReason: change.record.stoppedReason,
    }));
  }

  function shopStore(shopId: string): ShopStore {
    const orders: OrderSource = {
      async getOrderById(id) {
        ensureOpen();
        const row = await db
          .selectFrom('orders')
          .select('data')
          .where('shop_id', '=', shopId)
          .where('id', '=', id.trim())
          .executeTakeFirst();
        return row ? (JSON.parse(row.data) as Order) : null;
      },
      async getOrderByNumber(number) {
        ensureOpen();
        const row = await db
          .selectFrom('orders')
          .select('data')
          .where('shop_id', '=', shopId)
          .where('number_normalised', '=', normaliseOrderNumber(number))
          .executeTakeFirst();
        return row ? (JSON.parse(row.data) as Order) : null;
      },
      async findOrdersByCustomerEmail(email) {
        ensureOpen();
        const rows = await db
          .selectFrom('orders')
          .select('data')
          .where('shop_id', '=', shopId)
          .where('email_normalised', '=', normaliseEmail(email))
          .orderBy('placed_at', 'desc')
          .execute();
        return rows.map((row) => JSON.parse(row.data) as Order);
      },
    };

    async function getRecord(executor: Kysely<Database>, trackingId: string): Promise<TrackingRecord | null> {
      const row = await executor
        .selectFrom('trackings')
        .selectAll()
        .where('shop_id', '=', shopId)
        .where('id', '=', trackingId)
        .executeTakeFirst();
      return row ? recordOfRow(row) : null;
    }

    function newTrackingRow(trackingNumber: string, watchOptions: WatchOptions & { orderShipmentId?: string }, nowMs: number): TrackingRow {
      const number = normaliseTrackingNumber(trackingNumber);
      if (!/^[A-Z0-9]{4,64}$/.test(number))
        throw new StoreError('invalid_input', `Not a tracking number: ${JSON.stringify(trackingNumber.slice(0, 80))}`);
      const carrier = watchOptions.carrier?.trim().toLowerCase() || detectedCarrier(number);
      return rowOfRecord({
        id: newId('trk', nowMs),
        shopId,
        carrier,
        trackingNumber: number,
        orderId: watchOptions.orderId ?? null,
        orderShipmentId: watchOptions.orderShipmentId ?? null,
        status: 'pending',
        substatus: 'awaiting_carrier_data',
        shipment: null,
        fingerprints: [],
        customer: watchOptions.customer ?? null,
        watchedBy: watchOptions.watchedBy ?? 'poll',
        lastCheckedAt: null,
        answeredAt: null,
        nextCheckAt: nowMs,
        leaseOwner: null,
        stoppedReason: null,
        delays: [],
        notFoundCount: 0,
        errorCount: 0,
        version: 0,
        finishedAt: null,
        confirmationDone: false,
        createdAt: nowMs,
        updatedAt: nowMs,
      });
    }

    /**
     * A number whose carrier detection leaves open is watched without one until an answer settles it; watching
     * it again after that finds the settled tracking instead of starting a second, carrier-less one.
     */
    async function withSettledCarrier(executor: Kysely<Database>, row: TrackingRow): Promise<TrackingRow> {
      if (row.carrier !== '') return row;
      const candidates = [...new Set(detectCarrier(row.tracking_number).map((candidate) => candidate.carrier))];
      if (candidates.length === 0) return row;
      const pending = await executor
        .selectFrom('trackings')
        .select('id')
        .where('shop_id', '=', shopId)
        .where('carrier', '=', '')
        .where('tracking_number', '=', row.tracking_number)
        .executeTakeFirst();
      if (pending) return row;
      const settled = await executor
        .selectFrom('trackings')
        .select('carrier')
        .where('shop_id', '=', shopId)
        .where('carrier', 'in', candidates)
        .where('tracking_number', '=', row.tracking_number)
        .orderBy('id')
        .executeTakeFirst();
      return settled ? { ...row, carrier: settled.carrier } : row;
    }

    async function watchIn(
      executor: Kysely<Database>,
      trackingNumber: string,
      watchOptions: WatchOptions & { orderShipmentId?: string },
      nowMs: number,
    ): Promise<TrackingRecord> {
      const row = await withSettledCarrier(executor, newTrackingRow(trackingNumber, watchOptions, nowMs));
      const number = row.tracking_number;
      await executor
        .insertInto('trackings')
        .values(row)
        .onConflict((conflict) => conflict.columns(['shop_id', 'carrier', 'tracking_number']).doNothing())
        .execute();
      const existing = await executor
        .selectFrom('trackings')
        .selectAll()
        .where('shop_id', '=', shopId)
        .where('carrier', '=', row.carrier)
        .where('tracking_number', '=', number)
        .executeTakeFirstOrThrow();
      if (existing.id === row.id) return recordOfRow(existing);
      // Watching again: re-activate an unwatched number and fill in what was missing.
      const updates: Partial<TrackingRow> = {};
      if (existing.stopped_reason !== null && existing.stopped_reason !== 'finished') {
        updates.stopped_reason = null;
        updates.next_check_at = nowMs;
      }
      if (watchOptions.orderId && existing.order_id !== watchOptions.orderId) updates.order_id = watchOptions.orderId;
      if (watchOptions.orderShipmentId && existing.order_shipment_id !== watchOptions.orderShipmentId)
        updates.order_shipment_id = watchOptions.orderShipmentId;
      if (watchOptions.customer) updates.customer = JSON.stringify(watchOptions.customer);
      if (watchOptions.watchedBy && watchOptions.watchedBy !== existing.watched_by) updates.watched_by = watchOptions.watchedBy;
      if (Object.keys(updates).length === 0) return recordOfRow(existing);
      const updated = await executor
        .updateTable('trackings')
        .set({ ...updates, updated_at: nowMs })
        .where('id', '=', existing.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      return recordOfRow(updated);
    }

    return {
      shopId,
      orders,
      async ensureShop(input = {}) {
        ensureOpen();
        const nowMs = clock().getTime();
        const timeZone = input.timeZone ?? 'UTC';
        const thresholds =
          input.delayThresholds === undefined || input.delayThresholds === null
            ? input.delayThresholds
            : JSON.stringify(parseDelayThresholds(input.delayThresholds, 'delayThresholds'));
        await db
          .insertInto('shops')
          .values({ id: shopId, name: input.name ?? null, time_zone: timeZone, created_at: nowMs, delay_thresholds: thresholds ?? null })
          .onConflict((conflict) => conflict.column('id').doNothing())
          .execute();
        const updates: { name?: string; time_zone?: string; delay_thresholds?: string | null } = {};
        if (input.name !== undefined) updates.name = input.name;
        if (input.timeZone !== undefined) updates.time_zone = input.timeZone;
        if (thresholds !== undefined) updates.delay_thresholds = thresholds;
        if (Object.keys(updates).length > 0) await db.updateTable('shops').set(updates).where('id', '=', shopId).execute();
        shopSettingsCache.delete(shopId);
        return (await this.getShop())!;
      },
      async getShop(): Promise<ShopInfo | null> {
        ensureOpen();
        const row = await db.selectFrom('shops').selectAll().where('id', '=', shopId).executeTakeFirst();
        return row
          ? {
              id: row.id,
              name: row.name,
              timeZone: row.time_zone,
              delayThresholds: row.delay_thresholds ? (JSON.parse(row.delay_thresholds) as DelayThresholdSettings) : null,
              createdAt: iso(Number(row.created_at))!,
            }
          : null;
      },
      async watch(trackingNumber, watchOptions = {}) {
        ensureOpen();
        await ensureShopRow(shopId);
        const record = await withWriteTransaction(db, engine, (trx) => watchIn(trx, trackingNumber, watchOptions, clock().getTime()));
        return trackedShipmentOf(record);
      },
      async watchMany(items) {
        ensureOpen();
        await ensureShopRow(shopId);
        const results: TrackedShipment[] = [];
        for (const part of chunk(items, 500)) {
          const records = await withWriteTransaction(db, engine, async (trx) => {
            const nowMs = clock().getTime();
            const rows: TrackingRow[] = [];
            for (const item of part) rows.push(await withSettledCarrier(trx, newTrackingRow(item.trackingNumber, item, nowMs)));
            const fresh = [...new Map(rows.map((row) => [`${row.carrier}\u0000${row.tracking_number}`, row])).values()];
            await trx
              .insertInto('trackings')
              .values(fresh)
              .onConflict((conflict) => conflict.columns(['shop_id', 'carrier', 'tracking_number']).doNothing())
              .execute();
            // Per carrier, so that the unique (shop, carrier, number) index serves the lookup.
            const stored: TrackingRow[] = [];
            for (const carrier of new Set(rows.map((row) => row.carrier))) {
              const numbers = [...new Set(rows.filter((row) => row.carrier === carrier).map((row) => row.tracking_number))];
              stored.push(
                ...(await trx
                  .selectFrom('trackings')
                  .selectAll()
                  .where('shop_id', '=', shopId)
                  .where('carrier', '=', carrier)
                  .where('tracking_number', 'in', numbers)
                  .execute()),
              );
            }
            const byKey = new Map(stored.map((row) => [`${row.carrier}\u0000${row.tracking_number}`, row]));
            const freshIds = new Set(fresh.map((row) => row.id));
            const out: TrackingRecord[] = [];
            for (const [index, row] of rows.entries()) {
              const existing = byKey.get(`${row.carrier}\u0000${row.tracking_number}`)!;
              // Rows that existed before and need re-activation or new details go through `watch`'s path.
              out.push(
                !freshIds.has(existing.id) ? await watchIn(trx, part[index]!.trackingNumber, part[index]!, nowMs) : recordOfRow(existing),
              );
            }
            return out;
          });
          results.push(...records.map(trackedShipmentOf));
        }
        return results;
      },
      async unwatch(trackingId, reason = 'unwatched') {
        ensureOpen();
        const result = await db
          .updateTable('trackings')
          .set({ stopped_reason: reason, next_check_at: null, lease_owner: null, updated_at: clock().getTime() })
          .where('shop_id', '=', shopId)
          .where('id', '=', trackingId)
          .executeTakeFirst();
        return Number(result.numUpdatedRows) > 0;
      },
      async getTracking(trackingId) {
        ensureOpen();
        const record = await getRecord(db, trackingId);
        return record ? trackedShipmentOf(record) : null;
      },
      async findTracking(carrier, trackingNumber) {
        ensureOpen();
        const row = await db
          .selectFrom('trackings')
          .selectAll()
          .where('shop_id', '=', shopId)
          .where('carrier', '=', carrier?.toLowerCase() ?? '')
          .where('tracking_number', '=', normaliseTrackingNumber(trackingNumber))
          .executeTakeFirst();
        return row ? trackedShipmentOf(recordOfRow(row)) : null;
      },
      async listTrackings(query: ListTrackingsQuery = {}): Promise<TrackingPage> {
        ensureOpen();
        const limit = Math.min(500, Math.max(1, Math.floor(query.limit ?? 50)));
        let select = db.selectFrom('trackings').selectAll().where('shop_id', '=', shopId);
        if (query.status) select = select.where('status', '=', query.status);
        if (query.carrier) select = select.where('carrier', '=', query.carrier.toLowerCase());
        if (query.orderId) select = select.where('order_id', '=', query.orderId);
        if (query.delay === 'stalled') select = select.where('delay_stalled', '=', 1);
        else if (query.delay === 'late') select = select.where('delay_late', '=', 1);
        else if (query.delay === 'never_scanned') select = select.where('delay_never_scanned', '=', 1);
        else if (query.delay === 'exception') select = select.where('status', '=', 'exception');
        else if (query.delay !== undefined)
          throw new StoreError(
            'invalid_input',
            `Unknown delay filter "${String(query.delay)}": use stalled, late, never_scanned or exception`,
          );
        if (query.includeStopped === false) select = select.where('next_check_at', 'is not', null);
        if (query.cursor) select = select.where('id', '>', decodeCursor(query.cursor));
        const rows = await select
          .orderBy('id')
          .limit(limit + 1)
          .execute();
        const items = rows.slice(0, limit).map((row) => trackedShipmentOf(recordOfRow(row)));
        return { items, nextCursor: rows.length > limit ? encodeCursor(items[items.length - 1]!.id) : null };
      },
      async listEvents(trackingId): Promise<StoredTrackingEvent[]> {
        ensureOpen();
        const rows = await db
          .selectFrom('events')
          .selectAll()
          .where('shop_id', '=', shopId)
          .where('tracking_id', '=', trackingId)
          .orderBy('occurred_ms', 'desc')
          .orderBy('recorded_at', 'desc')
          .execute();
        return rows.map((row) => ({
          ...(JSON.parse(row.data) as StoredTrackingEvent),
          fingerprint: row.fingerprint,
          recordedAt: iso(Number(row.recorded_at))!,
        }));
      },
      async listTransitions(trackingId): Promise<StatusTransition[]> {
        ensureOpen();
        const rows = await db
          .selectFrom('transitions')
          .selectAll()
          .where('shop_id', '=', shopId)
          .where('tracking_id', '=', trackingId)
          .orderBy('sequence')
          .execute();
        return rows.map((row) => ({
          sequence: Number(row.sequence),
          from: { status: row.from_status, substatus: row.from_substatus } as StatusTransition['from'],
          to: { status: row.to_status, substatus: row.to_substatus } as StatusTransition['to'],
          occurredAt: row.occurred_at ? (JSON.parse(row.occurred_at) as StatusTransition['occurredAt']) : null,
          detectedAt: iso(Number(row.detected_at))!,
        }));
      },
      async upsertOrder(input) {
        ensureOpen();
        const order = parseOrderInput(input);
        await ensureShopRow(shopId);
        const nowMs = clock().getTime();
        await withWriteTransaction(db, engine, async (trx) => {
          const email = normaliseEmail(order.customer.email);
          await trx
            .insertInto('customers')
            .values({
              shop_id: shopId,
              id: order.customer.id,
              email_normalised: email,
              data: JSON.stringify(order.customer),
              updated_at: nowMs,
            })
            .onConflict((conflict) =>
              conflict
                .columns(['shop_id', 'id'])
                .doUpdateSet({ email_normalised: email, data: JSON.stringify(order.customer), updated_at: nowMs }),
            )
            .execute();
          const previous = await trx
            .selectFrom('orders')
            .select('data')
            .where('shop_id', '=', shopId)
            .where('id', '=', order.id)
            .executeTakeFirst();
          const orderRow = {
            number_normalised: normaliseOrderNumber(order.number),
            customer_id: order.customer.id,
            email_normalised: email,
            placed_at: Date.parse(order.placedAt),
            data: JSON.stringify(order),
            updated_at: nowMs,
          };
          await trx
            .insertInto('orders')
            .values({ shop_id: shopId, id: order.id, stage: null, ...orderRow })
            .onConflict((conflict) => conflict.columns(['shop_id', 'id']).doUpdateSet(orderRow))
            .execute();
          const before = previous ? (JSON.parse(previous.data) as Order) : null;
          for (const orderShipment of order.shipments) {
            if (!orderShipment.trackingNumber) continue;
            const record = await watchIn(
              trx,
              orderShipment.trackingNumber,
              {
                carrier: orderShipment.carrier,
                orderId: order.id,
                orderShipmentId: orderShipment.id,
                customer: {
                  email: order.customer.email,
                  name: order.customer.name,
                  locale: order.customer.locale,
                  timeZone: order.customer.timeZone,
                },
              },
              nowMs,
            );
            const old = before?.shipments.find((candidate) => candidate.id === orderShipment.id);
            const oldNumber = old?.trackingNumber ? normaliseTrackingNumber(old.trackingNumber) : null;
            if (old && oldNumber !== record.trackingNumber) {
              // The shop relabelled the parcel: the old number stops, the change is announced once.
              if (oldNumber) {
                await trx
                  .updateTable('trackings')
                  .set({ stopped_reason: 'replaced', next_check_at: null, updated_at: nowMs })
                  .where('shop_id', '=', shopId)
                  .where('carrier', '=', old.carrier)
                  .where('tracking_number', '=', oldNumber)
                  .execute();
              }
              await trx
                .insertInto('outbox')
                .values({
                  shop_id: shopId,
                  tracking_id: record.id,
                  order_id: order.id,
                  type: 'tracking_number_changed',
                  dedupe_key: `${record.id}:tracking_number_changed:order:${oldNumber ?? 'none'}>${record.trackingNumber}`,
                  payload: JSON.stringify({ carrier: record.carrier, from: oldNumber, to: record.trackingNumber, cause: 'order_updated' }),
                  created_at: nowMs,
                })
                .onConflict((conflict) => conflict.column('dedupe_key').doNothing())
                .execute();
            }
          }
        });
        return order;
      },
      async deliveryHistory(): Promise<DeliveryHistory> {
        ensureOpen();
        const rows = await db
          .selectFrom('deliveries')
          .select(['carrier', 'service', 'origin_country', 'origin_region', 'destination_country', 'destination_region', 'transit_days'])
          .select((builder) => [
            builder.fn.countAll<number>().as('deliveries'),
            builder.fn.count<number>('promised_on').as('promised'),
            builder.fn.sum<number>(sql`case when on_time = 1 then 1 else 0 end`).as('on_time'),
          ])
          .where('shop_id', '=', shopId)
          .groupBy(['carrier', 'service', 'origin_country', 'origin_region', 'destination_country', 'destination_region', 'transit_days'])
          .execute();
        return laneSummaries(
          rows.map((row) => ({
            lane: [row.carrier, row.service, row.origin_country, row.origin_region, row.destination_country, row.destination_region].map(
              normaliseLaneValue,
            ),
            transitDays: Number(row.transit_days),
            deliveries: Number(row.deliveries),
            promised: Number(row.promised),
            onTime: Number(row.on_time ?? 0),
          })),
        );
      },
      async counts(): Promise<StoreCounts> {
        ensureOpen();
        const statusRows = await db
          .selectFrom('trackings')
          .select('status')
          .select((builder) => builder.fn.countAll<number>().as('count'))
          .where('shop_id', '=', shopId)
          .groupBy('status')
          .execute();
        const totals = await db
          .selectFrom('trackings')
          .select((builder) => [
            builder.fn.sum<number>('delay_stalled').as('stalled'),
            builder.fn.sum<number>('delay_late').as('late'),
            builder.fn.sum<number>('delay_never_scanned').as('never_scanned'),
            builder.fn.sum<number>(sql`case when status = 'exception' then 1 else 0 end`).as('exception'),
            builder.fn.count<number>('next_check_at').as('active'),
            builder.fn.countAll<number>().as('total'),
          ])
          .where('shop_id', '=', shopId)
          .executeTakeFirstOrThrow();
        const due = await db
          .selectFrom('trackings')
          .select(['id', 'carrier', 'tracking_number', 'next_check_at'])
          .where('shop_id', '=', shopId)
          .where('next_check_at', 'is not', null)
          .orderBy('next_check_at')
          .limit(10)
          .execute();
        return {
          byStatus: Object.fromEntries(statusRows.map((row) => [row.status, Number(row.count)])),
          byDelay: {
            stalled: Number(totals.stalled ?? 0),
            late: Number(totals.late ?? 0),
            never_scanned: Number(totals.never_scanned ?? 0),
            exception: Number(totals.exception ?? 0),
          },
          active: Number(totals.active),
          stopped: Number(totals.total) - Number(totals.active),
          nextDue: due.map((row) => ({
            id: row.id,
            carrier: row.carrier === '' ? null : row.carrier,
            trackingNumber: row.tracking_number,
            nextCheckAt: iso(Number(row.next_check_at))!,
          })),
        };
      },
      async createApiKey(input = {}): Promise<ApiKeyCreated> {
        ensureOpen();
        await ensureShopRow(shopId);
        const id = newId('key').slice(4, 20);
        const secret = randomBytes(24).toString('base64url');
        const createdAt = clock().getTime();
        await db
          .insertInto('api_keys')
          .values({
            id,
            shop_id: shopId,
            name: input.name ?? null,
            secret_hash: hashSecret(secret),
            created_at: createdAt,
            revoked_at: null,
          })
          .execute();
        return { id, key: `wsk_${id}_${secret}`, shopId, name: input.name ?? null, createdAt: iso(createdAt)! };
      },
      async listApiKeys(): Promise<ApiKeyInfo[]> {
        ensureOpen();
        const rows = await db
          .selectFrom('api_keys')
          .select(['id', 'shop_id', 'name', 'created_at', 'revoked_at'])
          .where('shop_id', '=', shopId)
          .orderBy('id')
          .execute();
        return rows.map((row) => ({
          id: row.id,
          shopId: row.shop_id,
          name: row.name,
          createdAt: iso(Number(row.created_at))!,
          revokedAt: iso(row.revoked_at === null ? null : Number(row.revoked_at)),
        }));
      },
      async revokeApiKey(keyId) {
        ensureOpen();
        const result = await db
          .updateTable('api_keys')
          .set({ revoked_at: clock().getTime() })
          .where('shop_id', '=', shopId)
          .where('id', '=', keyId)
          .where('revoked_at', 'is', null)
          .executeTakeFirst();
        return Number(result.numUpdatedRows) > 0;
      },
      async readOutbox(readOptions = {}) {
        ensureOpen();
        return readOutboxRows(shopId, readOptions);
      },
    };
  }

  async function ensureShopRow(shopId: string): Promise<void> {
    if (shopSettingsCache.has(shopId)) return;
    await db
      .insertInto('shops')
      .values({ id: shopId, name: null, time_zone: 'UTC', created_at: clock().getTime() })
      .onConflict((conflict) => conflict.column('id').doNothing())
      .execute();
    await shopSettings(db, shopId);
  }

  async function readOutboxRows(shopId: string | null, readOptions: { after?: string; limit?: number }): Promise<OutboxEvent[]> {
    let query = db.selectFrom('outbox').selectAll();
    if (shopId !== null) query = query.where('shop_id', '=', shopId);
    if (readOptions.after !== undefined) {
      if (!/^\d+$/.test(readOptions.after)) throw new StoreError('invalid_input', 'Outbox "after" must be an outbox id');
      query = query.where('id', '>', Number(readOptions.after));
    }
    const rows = await query
      .orderBy('id')
      .limit(Math.min(10_000, Math.max(1, readOptions.limit ?? 100)))
      .execute();
    const events = rows.map((row) => outboxEventOf(row));
    await withAddedEvents(events);
    return events;
  }

  /**
   * Puts each `event_added` payload's event back from the events table (rows written before the payload named
   * its event by fingerprint carry the event themselves); an archived parcel's events are in its archived snapshot.
   */
  async function withAddedEvents(events: OutboxEvent[]): Promise<void> {
    // By tracking, by fingerprint: the payloads still without their event.
    const wanted = new Map<string, Map<string, DomainEventPayloads['event_added']>>();
    for (const event of events) {
      const payload = event.payload as DomainEventPayloads['event_added'];
      if (event.type !== 'event_added' || payload.event !== undefined || !event.trackingId) continue;
      let byFingerprint = wanted.get(event.trackingId);
      if (!byFingerprint) wanted.set(event.trackingId, (byFingerprint = new Map()));
      byFingerprint.set(payload.fingerprint, payload);
    }
    const fill = (trackingId: string, fingerprint: string, event: () => TrackingEvent) => {
      const byFingerprint = wanted.get(trackingId);
      const payload = byFingerprint?.get(fingerprint);
      if (!payload) return;
      payload.event = event();
      byFingerprint!.delete(fingerprint);
    };
    for (const part of chunk([...wanted.keys()], 500)) {
      const rows = await db.selectFrom('events').select(['tracking_id', 'fingerprint', 'data']).where('tracking_id', 'in', part).execute();
      for (const row of rows) fill(row.tracking_id, row.fingerprint, () => JSON.parse(row.data) as TrackingEvent);
    }
    const archivedIds = [...wanted].filter(([, left]) => left.size > 0).map(([trackingId]) => trackingId);
    for (const part of chunk(archivedIds, 500)) {
      const rows = await db
        .selectFrom('archived_trackings')
        .select(['id', 'carrier', 'tracking_number', 'shipment'])
        .where('id', 'in', part)
        .execute();
      for (const row of rows)
        for (const event of row.shipment ? (JSON.parse(row.shipment) as Shipment).events : [])
          fill(row.id, eventFingerprint(row.carrier, row.tracking_number, event), () => event);
    }
  }

  const shops = new Map<string, ShopStore>();

  const store: Store = {
    engine,
    async schemaVersion() {
      ensureOpen();
      const row = await db
        .selectFrom('wismo_migrations')
        .select((builder) => builder.fn.max('version').as('version'))
        .executeTakeFirst();
      return Number(row?.version ?? 0);
    },
    shop(shopId = DEFAULT_SHOP_ID) {
      if (!/^[A-Za-z0-9_.-]{1,64}$/.test(shopId))
        throw new StoreError('invalid_input', 'A shop id is 1-64 letters, digits, dot, dash or underscore');
      let handle = shops.get(shopId);
      if (!handle) {
        handle = shopStore(shopId);
        shops.set(shopId, handle);
      }
      return handle;
    },
    async verifyApiKey(key) {
      ensureOpen();
      const match = /^wsk_([0-9a-z]{16})_([A-Za-z0-9_-]{32})$/.exec(key);
      if (!match) return null;
      const [, id, secret] = match as unknown as [string, string, string];
      const row = await db.selectFrom('api_keys').select(['shop_id', 'secret_hash', 'revoked_at']).where('id', '=', id).executeTakeFirst();
      if (!row || row.revoked_at !== null) return null;
      const expected = Buffer.from(row.secret_hash, 'hex');
      const actual = Buffer.from(hashSecret(secret), 'hex');
      return expected.length === actual.length && timingSafeEqual(expected, actual) ? { shopId: row.shop_id, keyId: id } : null;
    },
    async claimDue(claim: ClaimOptions): Promise<ClaimedShipment[]> {
      ensureOpen();
      const nowMs = claim.now.getTime();
      const leaseUntil = nowMs + (claim.leaseMs ?? storePolicy.leaseMs);
      const limit = Math.max(0, Math.floor(claim.limit));
      if (limit === 0) return [];
      const carrierFilter = claim.carrier === undefined ? sql`` : sql`and carrier = ${claim.carrier ?? ''}`;
      // PostgreSQL: SKIP LOCKED lets several workers claim side by side without waiting or overlapping.
      // SQLite: the immediate write transaction makes the claim exclusive.
      const lock = engine === 'postgres' ? sql`for update skip locked` : sql``;
      const claimed = await withWriteTransaction(db, engine, async (trx) => {
        const result = await sql<{ id: string; shop_id: string; carrier: string; tracking_number: string }>`
          update trackings set next_check_at = ${leaseUntil}, lease_owner = ${claim.workerId}
          where id in (
            select id from trackings
            where next_check_at is not null and next_check_at <= ${nowMs} ${carrierFilter}
            order by next_check_at
            limit ${limit}
            ${lock}
          )
          returning id, shop_id, carrier, tracking_number`.execute(trx);
        return result.rows;
      });
      return claimed.map((row) => ({
        id: row.id,
        shopId: row.shop_id,
        carrier: row.carrier === '' ? null : row.carrier,
        trackingNumber: row.tracking_number,
        leaseUntil: iso(leaseUntil)!,
      }));
    },
    async dueCarriers(now) {
      ensureOpen();
      const rows = await db
        .selectFrom('trackings')
        .select('carrier')
        .select((builder) => builder.fn.countAll<number>().as('due'))
        .where('next_check_at', 'is not', null)
        .where('next_check_at', '<=', now.getTime())
        .groupBy('carrier')
        .execute();
      return rows.map((row) => ({ carrier: row.carrier === '' ? null : row.carrier, due: Number(row.due) }));
    },
    async ingest(input, ingestOptions) {
      ensureOpen();
      const [result] = await withWriteTransaction(db, engine, (trx) => ingestInTransaction(trx, [input], ingestOptions));
      return result!;
    },
    async ingestMany(inputs, ingestOptions) {
      ensureOpen();
      if (inputs.length === 0) return [];
      return withWriteTransaction(db, engine, (trx) => ingestInTransaction(trx, inputs, ingestOptions));
    },
    async ingestPush(input, pushOptions = {}) {
      ensureOpen();
      return withWriteTransaction(db, engine, (trx) => ingestPushInTransaction(trx, input, pushOptions, { newId, ingestInTransaction }));
    },
    async readOutbox(readOptions = {}) {
      ensureOpen();
      return readOutboxRows(null, readOptions);
    },
    async ensurePartitions(partitionOptions = {}) {
      ensureOpen();
      if (engine !== 'postgres') return [];
      return withWriteTransaction(db, engine, async (trx) => {
        await sql`select pg_advisory_xact_lock(hashtext('wismo_partitions:' || current_schema()))`.execute(trx);
        return createMonthPartitions(trx, partitionOptions.now ?? clock(), partitionOptions.monthsAhead ?? 3);
      });
    },
    async archive({ olderThan, pushReceiptsOlderThan, carrierRequestCountsOlderThan }): Promise<ArchiveResult> {
      ensureOpen();
      const cutoff = olderThan.getTime();
      const result: ArchiveResult = {
        archivedTrackings: 0,
        deletedEvents: 0,
        deletedTransitions: 0,
        deletedOutbox: 0,
        deletedPushReceipts: 0,
        deletedCarrierRequestCounts: 0,
      };
      const archivedAt = clock().getTime();
      for (;;) {
        // Finished (and no longer checked) before the cut-off; in batches so one transaction stays small.
        const done = await withWriteTransaction(db, engine, async (trx) => {
          const rows = await trx
            .selectFrom('trackings')
            .select(['id', 'shop_id', 'carrier', 'tracking_number', 'order_id', 'status', 'substatus', 'finished_at', 'shipment'])
            .where('next_check_at', 'is', null)
            .where((builder) =>
              builder.or([
                builder('finished_at', '<', cutoff),
                builder.and([builder('finished_at', 'is', null), builder('updated_at', '<', cutoff)]),
              ]),
            )
            .limit(500)
            .execute();
          if (rows.length === 0) return true;
          const ids = rows.map((row) => row.id);
          await trx
            .insertInto('archived_trackings')
            .values(
              rows.map((row) => ({
                ...row,
                finished_at: row.finished_at === null ? null : Number(row.finished_at),
                archived_at: archivedAt,
              })),
            )
            .onConflict((conflict) => conflict.column('id').doNothing())
            .execute();
          const events = await trx.deleteFrom('events').where('tracking_id', 'in', ids).executeTakeFirst();
          const transitions = await trx.deleteFrom('transitions').where('tracking_id', 'in', ids).executeTakeFirst();
          await trx.deleteFrom('trackings').where('id', 'in', ids).execute();
          result.archivedTrackings += rows.length;
          result.deletedEvents += Number(events.numDeletedRows);
          result.deletedTransitions += Number(transitions.numDeletedRows);
          return rows.length < 500;
        });
        if (done) break;
      }
      const outbox = await db.deleteFrom('outbox').where('created_at', '<', cutoff).executeTakeFirst();
      result.deletedOutbox = Number(outbox.numDeletedRows);
      const receiptCutoff = pushReceiptsOlderThan?.getTime() ?? clock().getTime() - DEFAULT_PUSH_RECEIPT_RETENTION_MS;
      result.deletedPushReceipts = await prunePushReceipts(db, receiptCutoff);
      const countsCutoff = carrierRequestCountsOlderThan?.getTime() ?? clock().getTime() - DEFAULT_CARRIER_REQUEST_COUNT_RETENTION_MS;
      result.deletedCarrierRequestCounts = await pruneCarrierRequestCounts(db, countsCutoff);
      return result;
    },
    pushSubscriptions: createPushSubscriptionStore(db, engine, newId),
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
    },
  };
  registerStoreDatabase(store, db, engine);
  return store;
}

/** Every column of a tracking row as `rowOfRecord` writes it (the insert half of the upsert needs them all). */
const TRACKING_COLUMNS = [
  'id',
  'shop_id',
  'carrier',
  'tracking_number',
  'order_id',
  'order_shipment_id',
  'status',
  'substatus',
  'shipment',
  'fingerprints',
  'customer',
  'watched_by',
  'last_checked_at',
  'answered_at',
  'next_check_at',
  'lease_owner',
  'stopped_reason',
  'delays',
  'delay_stalled',
  'delay_late',
  'delay_never_scanned',
  'not_found_count',
  'error_count',
  'version',
  'finished_at',
  'confirmation_done',
  'created_at',
  'updated_at',
] as const satisfies ReadonlyArray<keyof TrackingRow>;

/** What ingest leaves alone: the identity, the creation time, and what only `watch` changes (order, customer, how it is watched). */
const COLUMNS_INGEST_KEEPS: ReadonlySet<keyof TrackingRow> = new Set([
  'id',
  'shop_id',
  'carrier',
  'tracking_number',
  'order_id',
  'order_shipment_id',
  'customer',
  'watched_by',
  'created_at',
]);

/** The columns ingest rewrites: SQLite rewrites an index only when the update sets one of its columns. */
const INGEST_UPDATED_COLUMNS = TRACKING_COLUMNS.filter((column) => !COLUMNS_INGEST_KEEPS.has(column));

const TRANSITION_COLUMNS = [
  'shop_id',
  'tracking_id',
  'sequence',
  'from_status',
  'from_substatus',
  'to_status',
  'to_substatus',
  'occurred_at',
  'detected_at',
] as const satisfies ReadonlyArray<keyof TransitionsTable>;

const DELIVERY_COLUMNS = [
  'shop_id',
  'tracking_id',
  'carrier',
  'service',
  'origin_country',
  'origin_region',
  'destination_country',
  'destination_region',
  'shipped_on',
  'promised_on',
  'delivered_on',
  'transit_days',
  'on_time',
  'created_at',
] as const satisfies ReadonlyArray<keyof DeliveriesTable>;

/** The dashboard's columns of a tracking (migration 4), written by ingest with the row when they change. */
const TRACKING_DASHBOARD_COLUMNS = ['service', 'destination_country', 'first_eta_on', 'pickup_since'] as const satisfies ReadonlyArray<
  keyof DashboardTrackingColumns
>;

/** The dashboard's flags of a delivery (migration 4), written with the delivery row. */
const DELIVERY_DASHBOARD_COLUMNS = [
  'first_eta_on',
  'on_time_first_eta',
  'failed_attempt',
  'had_exception',
] as const satisfies ReadonlyArray<keyof DashboardDeliveryColumns>;

type TrackingUpsertRow = TrackingRow & Partial<DashboardTrackingColumns>;
type DeliveryInsertRow = Insertable<DeliveriesTable> & Pick<DashboardDeliveryColumns, keyof DashboardDeliveryColumns>;

function updatedColumnsSql(columns: ReadonlyArray<keyof TrackingRow>): string {
  return columns.map((column) => `"${column}" = "excluded"."${column}"`).join(', ');
}

function detectedCarrier(trackingNumber: string): string | null {
  const carriers = new Set(detectCarrier(trackingNumber).map((candidate) => candidate.carrier));
  return carriers.size === 1 ? [...carriers][0]! : null;
}

function normaliseLaneValue(value: string | null): string | null {
  return value === null || value.trim() === '' ? null : value.trim().toUpperCase();
}

interface LaneGroup {
  /** carrier, service, origin country, origin region, destination country, destination region (upper case). */
  lane: Array<string | null>;
  transitDays: number;
  deliveries: number;
  promised: number;
  onTime: number;
}

const QUERY_FIELDS = ['carrier', 'service', 'originCountry', 'originRegion', 'destinationCountry', 'destinationRegion'] as const;

/** `DeliveryHistory` over grouped rows (one per lane and transit time): compact, answers synchronously. */
function laneSummaries(groups: readonly LaneGroup[]): DeliveryHistory {
  const cache = new Map<string, DeliverySummary>();
  return {
    summarise(query: DeliveryHistoryQuery): DeliverySummary {
      const wanted = QUERY_FIELDS.map((field) => normaliseLaneValue(query[field] ?? null));
      const key = wanted.join('|');
      const cached = cache.get(key);
      if (cached) return cached;
      const counts: number[] = [];
      let sampleSize = 0;
      let promisedCount = 0;
      let onTimeCount = 0;
      for (const group of groups) {
        if (!wanted.every((value, index) => value === null || group.lane[index] === value)) continue;
        sampleSize += group.deliveries;
        while (counts.length <= group.transitDays) counts.push(0);
        counts[group.transitDays]! += group.deliveries;
        promisedCount += group.promised;
        onTimeCount += group.onTime;
      }
      const summary: DeliverySummary = { sampleSize, transitDayCounts: counts, promisedCount, onTimeCount };
      cache.set(key, summary);
      return summary;
    },
  };
}
