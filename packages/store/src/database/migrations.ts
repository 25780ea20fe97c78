import { sql, type Kysely } from 'kysely';
import type { StoreEngine } from '../store-types';
import { DASHBOARD_COLUMNS_MIGRATION } from './dashboard-migration';
import { DASHBOARD_INDEX_MIGRATION } from './dashboard-index-migration';
import { NOTIFICATION_TABLES_MIGRATION } from './notification-migration';
import { PUSH_RECEIPTS_MIGRATION } from './push-migration';
import { REQUEST_COUNTS_MIGRATION, REQUEST_MINUTES_MIGRATION } from './request-count-migration';
import { PUSH_SUBSCRIPTIONS_MIGRATION } from './push-subscription-migration';
import { withWriteTransaction } from './open-database';
import type { Database } from './tables';

export interface Migration {
  version: number;
  name: string;
  up(db: Kysely<Database>, engine: StoreEngine): Promise<void>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the schema builder is untyped by design
type AnyDb = Kysely<any>;

const MONTH_PARTITIONED_TABLES = ['events', 'transitions'] as const;
/** The column each table is partitioned by (an epoch in milliseconds). */
const PARTITION_KEYS: Record<(typeof MONTH_PARTITIONED_TABLES)[number], string> = { events: 'occurred_ms', transitions: 'detected_at' };

/** First day of the month (UTC) `offset` months from `date`. */
function monthStart(date: Date, offset: number): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + offset, 1));
}

function partitionName(table: string, start: Date): string {
  return `${table}_${start.getUTCFullYear()}_${String(start.getUTCMonth() + 1).padStart(2, '0')}`;
}

/**
 * PostgreSQL: creates the monthly partitions from last month to `monthsAhead` months ahead (idempotent).
 * Rows outside them land in the `_default` partition, so nothing is ever rejected. When the default partition
 * already holds rows of a month being created (the partition came late), they move into the new partition:
 * PostgreSQL refuses to create a partition whose rows sit in the default one. Run inside a transaction, so the
 * move is all or nothing.
 */
export async function createMonthPartitions(db: Kysely<Database>, now: Date, monthsAhead: number): Promise<string[]> {
  const created: string[] = [];
  for (const table of MONTH_PARTITIONED_TABLES) {
    for (let offset = -1; offset <= monthsAhead; offset++) {
      const start = monthStart(now, offset);
      const end = monthStart(now, offset + 1);
      const name = partitionName(table, start);
      const exists = await sql<{
        found: number;
      }>`select 1 as found from pg_class c join pg_namespace n on n.oid = c.relnamespace where c.relname = ${name} and n.nspname = current_schema()`.execute(
        db,
      );
      if (exists.rows.length > 0) continue;
      const from = sql.lit(start.getTime());
      const to = sql.lit(end.getTime());
      const key = sql.id(PARTITION_KEYS[table]);
      const defaultPartition = sql.id(`${table}_default`);
      const stranded = await sql<{
        found: number;
      }>`select 1 as found from ${defaultPartition} where ${key} >= ${from} and ${key} < ${to} limit 1`.execute(db);
      if (stranded.rows.length === 0) {
        await sql`create table if not exists ${sql.id(name)} partition of ${sql.id(table)} for values from (${from}) to (${to})`.execute(
          db,
        );
      } else {
        // Build the partition beside the table, move the month's rows out of the default partition, then attach
        // it; the check constraint lets the attach skip re-scanning the rows it already holds.
        await sql`create table ${sql.id(name)} (like ${sql.id(table)} including all)`.execute(db);
        await sql`alter table ${sql.id(name)} add constraint ${sql.id(`${name}_range`)} check (${key} >= ${from} and ${key} < ${to})`.execute(
          db,
        );
        await sql`with moved as (delete from ${defaultPartition} where ${key} >= ${from} and ${key} < ${to} returning *) insert into ${sql.id(name)} select * from moved`.execute(
          db,
        );
        await sql`alter table ${sql.id(table)} attach partition ${sql.id(name)} for values from (${from}) to (${to})`.execute(db);
        await sql`alter table ${sql.id(name)} drop constraint ${sql.id(`${name}_range`)}`.execute(db);
      }
      created.push(name);
    }
  }
  return created;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'shops, trackings, events, transitions, orders, outbox, deliveries',
    async up(typedDb, engine) {
      const db = typedDb as AnyDb;
      const instant = engine === 'postgres' ? 'bigint' : 'integer';
      await db.schema
        .createTable('shops')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('name', 'text')
        .addColumn('time_zone', 'text', (column) => column.notNull())
        .addColumn('created_at', instant, (column) => column.notNull())
        .execute();
      await db.schema
        .createTable('api_keys')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('shop_id', 'text', (column) => column.notNull().references('shops.id'))
        .addColumn('name', 'text')
        .addColumn('secret_hash', 'text', (column) => column.notNull())
        .addColumn('created_at', instant, (column) => column.notNull())
        .addColumn('revoked_at', instant)
        .execute();
      await db.schema.createIndex('api_keys_by_shop').on('api_keys').columns(['shop_id', 'id']).execute();

      await db.schema
        .createTable('customers')
        .addColumn('shop_id', 'text', (column) => column.notNull())
        .addColumn('id', 'text', (column) => column.notNull())
        .addColumn('email_normalised', 'text', (column) => column.notNull())
        .addColumn('data', 'text', (column) => column.notNull())
        .addColumn('updated_at', instant, (column) => column.notNull())
        .addPrimaryKeyConstraint('customers_pk', ['shop_id', 'id'])
        .execute();
      await db.schema.createIndex('customers_by_email').on('customers').columns(['shop_id', 'email_normalised']).execute();

      await db.schema
        .createTable('orders')
        .addColumn('shop_id', 'text', (column) => column.notNull())
        .addColumn('id', 'text', (column) => column.notNull())
        .addColumn('number_normalised', 'text', (column) => column.notNull())
        .addColumn('customer_id', 'text', (column) => column.notNull())
        .addColumn('email_normalised', 'text', (column) => column.notNull())
        .addColumn('placed_at', instant, (column) => column.notNull())
        .addColumn('data', 'text', (column) => column.notNull())
        .addColumn('stage', 'text')
        .addColumn('updated_at', instant, (column) => column.notNull())
        .addPrimaryKeyConstraint('orders_pk', ['shop_id', 'id'])
        .execute();
      await db.schema.createIndex('orders_by_number').on('orders').columns(['shop_id', 'number_normalised']).execute();
      await db.schema.createIndex('orders_by_email').on('orders').columns(['shop_id', 'email_normalised', 'placed_at']).execute();

      await db.schema
        .createTable('trackings')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('shop_id', 'text', (column) => column.notNull())
        .addColumn('carrier', 'text', (column) => column.notNull())
        .addColumn('tracking_number', 'text', (column) => column.notNull())
        .addColumn('order_id', 'text')
        .addColumn('order_shipment_id', 'text')
        .addColumn('status', 'text', (column) => column.notNull())
        .addColumn('substatus', 'text', (column) => column.notNull())
        .addColumn('shipment', 'text')
        .addColumn('fingerprints', 'text', (column) => column.notNull())
        .addColumn('customer', 'text')
        .addColumn('watched_by', 'text', (column) => column.notNull())
        .addColumn('last_checked_at', instant)
        .addColumn('answered_at', instant)
        .addColumn('next_check_at', instant)
        .addColumn('lease_owner', 'text')
        .addColumn('stopped_reason', 'text')
        .addColumn('delays', 'text', (column) => column.notNull())
        .addColumn('delay_stalled', 'integer', (column) => column.notNull())
        .addColumn('delay_late', 'integer', (column) => column.notNull())
        .addColumn('delay_never_scanned', 'integer', (column) => column.notNull())
        .addColumn('not_found_count', 'integer', (column) => column.notNull())
        .addColumn('error_count', 'integer', (column) => column.notNull())
        .addColumn('version', 'integer', (column) => column.notNull())
        .addColumn('finished_at', instant)
        .addColumn('confirmation_done', 'integer', (column) => column.notNull())
        .addColumn('created_at', instant, (column) => column.notNull())
        .addColumn('updated_at', instant, (column) => column.notNull())
        .addUniqueConstraint('trackings_shop_carrier_number', ['shop_id', 'carrier', 'tracking_number'])
        .execute();
      // The claim: due rows per carrier, soonest first; stopped rows (next_check_at null) are not in the index.
      await db.schema
        .createIndex('trackings_due')
        .on('trackings')
        .columns(['carrier', 'next_check_at'])
        .where(sql.ref('next_check_at'), 'is not', null)
        .execute();
      await db.schema.createIndex('trackings_by_status').on('trackings').columns(['shop_id', 'status', 'id']).execute();
      await db.schema.createIndex('trackings_by_carrier').on('trackings').columns(['shop_id', 'carrier', 'id']).execute();
      await db.schema.createIndex('trackings_by_order').on('trackings').columns(['shop_id', 'order_id']).execute();
      await db.schema
        .createIndex('trackings_stalled')
        .on('trackings')
        .columns(['shop_id', 'id'])
        .where(sql.ref('delay_stalled'), '=', 1)
        .execute();
      await db.schema
        .createIndex('trackings_late')
        .on('trackings')
        .columns(['shop_id', 'id'])
        .where(sql.ref('delay_late'), '=', 1)
        .execute();
      await db.schema
        .createIndex('trackings_never_scanned')
        .on('trackings')
        .columns(['shop_id', 'id'])
        .where(sql.ref('delay_never_scanned'), '=', 1)
        .execute();

      // Events and transitions grow fastest: on PostgreSQL they are partitioned by month (scale model).
      const partitioned = engine === 'postgres';
      await db.schema
        .createTable('events')
        .addColumn('shop_id', 'text', (column) => column.notNull())
        .addColumn('tracking_id', 'text', (column) => column.notNull())
        .addColumn('fingerprint', 'text', (column) => column.notNull())
        .addColumn('occurred_ms', instant, (column) => column.notNull())
        .addColumn('recorded_at', instant, (column) => column.notNull())
        .addColumn('data', 'text', (column) => column.notNull())
        // The fingerprint includes the time, so adding the partition key keeps the de-duplication exact.
        .addPrimaryKeyConstraint('events_pk', partitioned ? ['tracking_id', 'fingerprint', 'occurred_ms'] : ['tracking_id', 'fingerprint'])
        // SQLite: the key is the table (no rowid plus a second B-tree for the key).
        .$call((builder) =>
          partitioned ? builder.modifyEnd(sql`partition by range (occurred_ms)`) : builder.modifyEnd(sql`without rowid`),
        )
        .execute();
      await db.schema
        .createTable('transitions')
        .addColumn('shop_id', 'text', (column) => column.notNull())
        .addColumn('tracking_id', 'text', (column) => column.notNull())
        .addColumn('sequence', 'integer', (column) => column.notNull())
        .addColumn('from_status', 'text', (column) => column.notNull())
        .addColumn('from_substatus', 'text', (column) => column.notNull())
        .addColumn('to_status', 'text', (column) => column.notNull())
        .addColumn('to_substatus', 'text', (column) => column.notNull())
        .addColumn('occurred_at', 'text')
        .addColumn('detected_at', instant, (column) => column.notNull())
        .addPrimaryKeyConstraint('transitions_pk', partitioned ? ['tracking_id', 'sequence', 'detected_at'] : ['tracking_id', 'sequence'])
        .$call((builder) =>
          partitioned ? builder.modifyEnd(sql`partition by range (detected_at)`) : builder.modifyEnd(sql`without rowid`),
        )
        .execute();
      if (partitioned) {
        await sql`create table if not exists events_default partition of events default`.execute(db);
        await sql`create table if not exists transitions_default partition of transitions default`.execute(db);
        await createMonthPartitions(typedDb, new Date(), 3);
      }

      await db.schema
        .createTable('outbox')
        .$call((builder) =>
          engine === 'postgres'
            ? builder.addColumn('id', 'bigserial', (column) => column.primaryKey())
            : builder.addColumn('id', 'integer', (column) => column.primaryKey().autoIncrement()),
        )
        .addColumn('shop_id', 'text', (column) => column.notNull())
        .addColumn('tracking_id', 'text')
        .addColumn('order_id', 'text')
        .addColumn('type', 'text', (column) => column.notNull())
        .addColumn('dedupe_key', 'text', (column) => column.notNull().unique())
        .addColumn('payload', 'text', (column) => column.notNull())
        .addColumn('created_at', instant, (column) => column.notNull())
        .execute();
      await db.schema.createIndex('outbox_by_shop').on('outbox').columns(['shop_id', 'id']).execute();

      await db.schema
        .createTable('deliveries')
        .addColumn('shop_id', 'text', (column) => column.notNull())
        .addColumn('tracking_id', 'text', (column) => column.primaryKey())
        .addColumn('carrier', 'text', (column) => column.notNull())
        .addColumn('service', 'text')
        .addColumn('origin_country', 'text', (column) => column.notNull())
        .addColumn('origin_region', 'text')
        .addColumn('destination_country', 'text', (column) => column.notNull())
        .addColumn('destination_region', 'text')
        .addColumn('shipped_on', 'text', (column) => column.notNull())
        .addColumn('promised_on', 'text')
        .addColumn('delivered_on', 'text', (column) => column.notNull())
        .addColumn('transit_days', 'integer', (column) => column.notNull())
        .addColumn('on_time', 'integer')
        .addColumn('created_at', instant, (column) => column.notNull())
        .execute();
      await db.schema
        .createIndex('deliveries_by_lane')
        .on('deliveries')
        .columns(['shop_id', 'carrier', 'service', 'origin_country', 'destination_country'])
        .execute();

      await db.schema
        .createTable('archived_trackings')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('shop_id', 'text', (column) => column.notNull())
        .addColumn('carrier', 'text', (column) => column.notNull())
        .addColumn('tracking_number', 'text', (column) => column.notNull())
        .addColumn('order_id', 'text')
        .addColumn('status', 'text', (column) => column.notNull())
        .addColumn('substatus', 'text', (column) => column.notNull())
        .addColumn('finished_at', instant)
        .addColumn('archived_at', instant, (column) => column.notNull())
        .addColumn('shipment', 'text')
        .execute();
      await db.schema
        .createIndex('archived_by_number')
        .on('archived_trackings')
        .columns(['shop_id', 'carrier', 'tracking_number'])
        .execute();

      await db.insertInto('shops').values({ id: 'default', name: null, time_zone: 'UTC', created_at: Date.now() }).execute();
    },
  },
  NOTIFICATION_TABLES_MIGRATION,
  {
    version: 3,
    name: 'per-shop delay thresholds',
    async up(db) {
      await (db as AnyDb).schema.alterTable('shops').addColumn('delay_thresholds', 'text').execute();
    },
  },
  DASHBOARD_COLUMNS_MIGRATION,
  PUSH_RECEIPTS_MIGRATION,
  PUSH_SUBSCRIPTIONS_MIGRATION,
  DASHBOARD_INDEX_MIGRATION,
  REQUEST_COUNTS_MIGRATION,
  REQUEST_MINUTES_MIGRATION,
];

/**
 * Applies pending migrations, forward only, under a lock: PostgreSQL takes a transaction-scoped advisory
 * lock; SQLite holds `BEGIN IMMEDIATE` (one writer). DDL is transactional on both, so a failed migration
 * leaves nothing half-applied. Returns the schema version.
 */
export async function migrate(
  db: Kysely<Database>,
  engine: StoreEngine,
  schema: string | null,
): Promise<{ version: number; applied: number[] }> {
  if (engine === 'postgres' && schema) {
    // Two processes may race to create the schema; the loser's error is harmless.
    await sql`create schema if not exists ${sql.id(schema)}`.execute(db).catch(async () => sql`select 1`.execute(db));
  }
  return withWriteTransaction(db, engine, async (trx) => {
    if (engine === 'postgres') await sql`select pg_advisory_xact_lock(hashtext('wismo_migrations:' || current_schema()))`.execute(trx);
    await (trx as AnyDb).schema
      .createTable('wismo_migrations')
      .ifNotExists()
      .addColumn('version', 'integer', (column) => column.primaryKey())
      .addColumn('name', 'text', (column) => column.notNull())
      .addColumn('applied_at', engine === 'postgres' ? 'bigint' : 'integer', (column) => column.notNull())
      .execute();
    const rows = await trx.selectFrom('wismo_migrations').select('version').execute();
    const done = new Set(rows.map((row) => Number(row.version)));
    const applied: number[] = [];
    for (const migration of MIGRATIONS) {
      if (done.has(migration.version)) continue;
      await migration.up(trx, engine);
      await trx
        .insertInto('wismo_migrations')
        .values({ version: migration.version, name: migration.name, applied_at: Date.now() })
        .execute();
      applied.push(migration.version);
    }
    return { version: Math.max(0, ...done, ...applied), applied };
  });
}
