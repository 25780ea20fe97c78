import type { Kysely } from 'kysely';
import type { Migration } from './migrations';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the schema builder is untyped by design
type AnyDb = Kysely<any>;

/** The error columns of `carrier_request_counts`, one per failed `CarrierRequestOutcome` (`ok` is the rest). */
export const REQUEST_ERROR_COLUMNS = ['not_found', 'rate_limited', 'auth', 'server', 'timeout', 'network', 'client'] as const;

/**
 * Version 8: `carrier_request_counts`, the HTTP requests sent to each carrier account per UTC hour (what the health
 * page sets against the carrier's rate limit and quota): the count, the busiest minute, and the failed ones by kind. Counted in memory and added per batch (`createCarrierRequestCounter`), one row per shop,
 * carrier, account and hour.
 */
export const REQUEST_COUNTS_MIGRATION: Migration = {
  version: 8,
  name: 'carrier request counts per account and hour',
  async up(typedDb, engine) {
    const db = typedDb as AnyDb;
    const instant = engine === 'postgres' ? 'bigint' : 'integer';
    let table = db.schema
      .createTable('carrier_request_counts')
      .addColumn('shop_id', 'text', (column) => column.notNull())
      .addColumn('carrier', 'text', (column) => column.notNull())
      .addColumn('account', 'text', (column) => column.notNull())
      .addColumn('hour_start', instant, (column) => column.notNull())
      .addColumn('requests', 'integer', (column) => column.notNull())
      .addColumn('peak_per_minute', 'integer', (column) => column.notNull());
    for (const column of REQUEST_ERROR_COLUMNS) table = table.addColumn(column, 'integer', (builder) => builder.notNull().defaultTo(0));
    await table.addPrimaryKeyConstraint('carrier_request_counts_key', ['shop_id', 'carrier', 'account', 'hour_start']).execute();
    // The health page reads one shop's last day of hours.
    await db.schema.createIndex('carrier_request_counts_by_hour').on('carrier_request_counts').columns(['shop_id', 'hour_start']).execute();
  },
};

/**
 * Version 9: `carrier_request_minutes`, the requests per carrier account and minute, summed over every process that
 * flushes: so that the hour's busiest minute in `carrier_request_counts` is the account's combined one when several
 * workers share an account, not the largest one worker saw. The counter deletes minutes older than a day itself
 * (at most 1,440 rows per account remain).
 */
export const REQUEST_MINUTES_MIGRATION: Migration = {
  version: 9,
  name: 'carrier request counts per minute, across processes',
  async up(typedDb, engine) {
    const db = typedDb as AnyDb;
    await db.schema
      .createTable('carrier_request_minutes')
      .addColumn('shop_id', 'text', (column) => column.notNull())
      .addColumn('carrier', 'text', (column) => column.notNull())
      .addColumn('account', 'text', (column) => column.notNull())
      .addColumn('minute_start', engine === 'postgres' ? 'bigint' : 'integer', (column) => column.notNull())
      .addColumn('requests', 'integer', (column) => column.notNull())
      .addPrimaryKeyConstraint('carrier_request_minutes_key', ['shop_id', 'carrier', 'account', 'minute_start'])
      .execute();
  },
};
