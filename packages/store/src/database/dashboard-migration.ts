import { sql, type Kysely } from 'kysely';
import type { Migration } from './migrations';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the schema builder is untyped by design
type AnyDb = Kysely<any>;

/**
 * The rows the at-risk list can show: watched, and flagged by a delay rule or in a status someone must look at.
 * Written as literal SQL, because SQLite only uses a partial index when the query's WHERE repeats the index's WHERE
 * term for term (a bound parameter does not match a literal). Migration 7 replaced these indexes: the queries repeat
 * its `AT_RISK_LIST_PREDICATE` now, and this one stays as migration 4 ran.
 */
const AT_RISK_PREDICATE =
  "stopped_reason is null and (delay_stalled = 1 or delay_late = 1 or delay_never_scanned = 1 or status in ('exception', 'available_for_pickup', 'returning'))";

const DELIVERY_FIGURE_COLUMNS_PREFIX = ['shop_id', 'delivered_on'] as const;
/** The columns carrier performance aggregates (`carrier-performance.ts` reads these only). */
export const DELIVERY_FIGURE_COLUMNS = [
  'carrier',
  'service',
  'origin_country',
  'destination_country',
  'transit_days',
  'on_time',
  'on_time_first_eta',
  'failed_attempt',
  'had_exception',
] as const;

/** A JSON field of the stored shipment, for the backfill (neither engine indexes JSON text). */
function shipmentField(engine: string, path: readonly string[]) {
  return engine === 'postgres'
    ? sql`(shipment::jsonb #>> ${sql.lit(`{${path.join(',')}}`)})`
    : sql`json_extract(shipment, ${sql.lit(`$.${path.join('.')}`)})`;
}

/**
 * Version 4: what the operations dashboard filters and aggregates by, as plain indexed columns, so that each
 * page of a store of 1,000,000 parcels reads only its own rows (`pnpm bench dashboard`).
 *
 * - trackings: service code, destination country, the carrier's first ETA (day as written), and when the
 *   parcel reached its pickup point (for the collection deadline); partial indexes over the at-risk rows only.
 * - deliveries: the first ETA and whether the delivery met it, a failed attempt and an exception on the way
 *   (read once at delivery instead of from the transitions on every page); an index by delivery day that
 *   covers every figure of carrier performance.
 * - notifications: by shop and creation time (the "what the updates did" window).
 * - order_lookups: each time an order was looked at on the tracking page or in a helpdesk panel (a panel
 *   look-up is a customer contact), for "what the updates did".
 *
 * Rows written before it are backfilled from what the store has: the current carrier ETA stands in for the
 * first one, the time the row last changed for the pickup arrival.
 */
export const DASHBOARD_COLUMNS_MIGRATION: Migration = {
  version: 4,
  name: 'dashboard columns and indexes: at-risk filters, first ETA, pickup arrival, delivery flags; order look-ups',
  async up(typedDb, engine) {
    const db = typedDb as AnyDb;
    const instant = engine === 'postgres' ? 'bigint' : 'integer';
    for (const [column, type] of [
      ['service', 'text'],
      ['destination_country', 'text'],
      ['first_eta_on', 'text'],
      ['pickup_since', instant],
    ] as const)
      await db.schema.alterTable('trackings').addColumn(column, type).execute();
    for (const [column, type] of [
      ['first_eta_on', 'text'],
      ['on_time_first_eta', 'integer'],
      ['failed_attempt', 'integer'],
      ['had_exception', 'integer'],
    ] as const)
      await db.schema.alterTable('deliveries').addColumn(column, type).execute();

    const etaLast = sql`coalesce(${shipmentField(engine, ['estimatedDelivery', 'to'])}, ${shipmentField(engine, ['estimatedDelivery', 'from'])})`;
    await sql`update trackings set
        service = ${shipmentField(engine, ['service', 'code'])},
        destination_country = ${shipmentField(engine, ['destination', 'countryCode'])},
        first_eta_on = case when ${shipmentField(engine, ['estimatedDelivery', 'source'])} = 'carrier' then substr(${etaLast}, 1, 10) end,
        pickup_since = case when status = 'available_for_pickup' then updated_at end
      where shipment is not null`.execute(db);
    const reached = (status: string) =>
      sql`case when exists (select 1 from transitions t where t.tracking_id = deliveries.tracking_id and t.shop_id = deliveries.shop_id and t.to_status = ${sql.lit(status)}) then 1 else 0 end`;
    await sql`update deliveries set
        failed_attempt = ${reached('attempt_failed')},
        had_exception = ${reached('exception')},
        first_eta_on = (select t.first_eta_on from trackings t where t.id = deliveries.tracking_id)`.execute(db);
    await sql`update deliveries set on_time_first_eta = case when delivered_on <= first_eta_on then 1 else 0 end where first_eta_on is not null`.execute(
      db,
    );

    const atRisk = sql.raw(AT_RISK_PREDICATE);
    await sql`create index trackings_at_risk on trackings (shop_id, id) where ${atRisk}`.execute(db);
    await sql`create index trackings_at_risk_by_carrier on trackings (shop_id, carrier, id) where ${atRisk}`.execute(db);
    await sql`create index trackings_at_risk_by_service on trackings (shop_id, service, id) where ${atRisk}`.execute(db);
    await sql`create index trackings_at_risk_by_country on trackings (shop_id, destination_country, id) where ${atRisk}`.execute(db);
    // The counts above the list read only this index (every column they use is in it, stopped_reason too); migration 7
    // (dashboard-index-migration.ts) drops it: its covering list indexes serve the counts as well.
    await sql`create index trackings_at_risk_counts on trackings (shop_id, status, delay_stalled, delay_late, delay_never_scanned, carrier, pickup_since, stopped_reason) where ${atRisk}`.execute(
      db,
    );
    // Covering: carrier performance reads a window of days from this index alone (no row look-ups).
    await db.schema
      .createIndex('deliveries_by_day')
      .on('deliveries')
      .columns([...DELIVERY_FIGURE_COLUMNS_PREFIX, ...DELIVERY_FIGURE_COLUMNS])
      .execute();
    await db.schema.createIndex('notifications_by_created').on('notifications').columns(['shop_id', 'created_at']).execute();
    await db.schema
      .createTable('order_lookups')
      .addColumn('shop_id', 'text', (column) => column.notNull())
      .addColumn('order_id', 'text', (column) => column.notNull())
      .addColumn('source', 'text', (column) => column.notNull())
      .addColumn('looked_up_at', instant, (column) => column.notNull())
      .execute();
    await db.schema.createIndex('order_lookups_by_time').on('order_lookups').columns(['shop_id', 'looked_up_at']).execute();
  },
};
