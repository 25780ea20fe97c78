import { sql, type Kysely } from 'kysely';
import type { Migration } from './migrations';

/**
 * The rows the at-risk list and counts read (the rows of migration 4's `AT_RISK_PREDICATE`), with the reasons as a
 * CASE rather than an OR: PostgreSQL plans every arm of an OR in a query's WHERE against every index of the table
 * (bitmap OR paths), which took longer than running a list page. Literal SQL, repeated word for word by the queries,
 * so that both engines use the partial indexes.
 */
export const AT_RISK_LIST_PREDICATE =
  "stopped_reason is null and (case when delay_stalled = 1 or delay_late = 1 or delay_never_scanned = 1 or status in ('exception', 'available_for_pickup', 'returning') then 1 else 0 end) = 1";

/**
 * Every column the at-risk list filters on (reason, actor, carrier, service, country, age, pickup deadline) or
 * shows, after the index's order: a list page is read from its index alone, never from the table. Written out
 * here, not taken from `at-risk.ts`: a migration stays as it ran.
 */
const AT_RISK_LIST_INDEX_COLUMNS = [
  'status',
  'substatus',
  'delay_stalled',
  'delay_late',
  'delay_never_scanned',
  'carrier',
  'service',
  'destination_country',
  'created_at',
  'pickup_since',
  'tracking_number',
  'order_id',
  'last_checked_at',
  // Always null in these rows; SQLite reads a column of the index's WHERE from the table unless the index holds it.
  'stopped_reason',
] as const;

/** The at-risk list indexes: in tracking id order, then per carrier, service and destination country. */
const AT_RISK_LIST_INDEXES = [
  { name: 'trackings_at_risk_list', leading: null, replaces: 'trackings_at_risk' },
  { name: 'trackings_at_risk_list_by_carrier', leading: 'carrier', replaces: 'trackings_at_risk_by_carrier' },
  { name: 'trackings_at_risk_list_by_service', leading: 'service', replaces: 'trackings_at_risk_by_service' },
  { name: 'trackings_at_risk_list_by_country', leading: 'destination_country', replaces: 'trackings_at_risk_by_country' },
] as const;

/**
 * Version 7: the at-risk list's partial indexes hold every column the list reads. With migration 4's (shop_id,
 * [dimension], id) indexes, a filtered page read a table row for every at-risk row it skipped (UPS + NL + exception:
 * about 80 rows read per row shown on 1,000,000 parcels, `pnpm bench dashboard`); now a page reads index entries
 * only. They replace migration 4's list indexes one for one (same rows, same order), and its counts index too. The
 * cost: SQLite rewrites these entries when a poll stamps `last_checked_at` on an at-risk parcel (PostgreSQL writes new
 * entries on such an update anyway, since `next_check_at` is indexed).
 */
export const DASHBOARD_INDEX_MIGRATION: Migration = {
  version: 7,
  name: 'at-risk list indexes holding every column the list reads',
  async up(typedDb) {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw DDL
    const db = typedDb as Kysely<any>;
    for (const index of AT_RISK_LIST_INDEXES) {
      const columns = [
        'shop_id',
        ...(index.leading ? [index.leading] : []),
        'id',
        ...AT_RISK_LIST_INDEX_COLUMNS.filter((column) => column !== index.leading),
      ];
      await sql`create index ${sql.id(index.name)} on trackings (${sql.join(columns.map((column) => sql.id(column)))}) where ${sql.raw(AT_RISK_LIST_PREDICATE)}`.execute(
        db,
      );
      await sql`drop index ${sql.id(index.replaces)}`.execute(db);
    }
    // The at-risk counts read the list index now (it holds every column they use). Left in place, PostgreSQL
    // misjudged a filtered page as cheaper through it (a bitmap over the reasons' OR, then sorting the rows read).
    await sql`drop index trackings_at_risk_counts`.execute(db);
  },
};
