// A dashboard store of any size (1,000,000 parcels for `pnpm bench dashboard`), seeded with one INSERT … SELECT
// per 100,000 rows generated inside the database (not through ingest), and the plain SELECTs the benchmark
// compares the dashboard's pages with.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { AT_RISK_LIST_PREDICATE } from '../../database/dashboard-index-migration';
import { DELIVERY_FIGURE_COLUMNS } from '../../database/dashboard-migration';
import { storeDatabase } from '../../database/store-database';
import type { Store } from '../../store-types';
import { AT_RISK_LIST_COLUMNS } from '../at-risk';

const CHUNK = 100_000;
const DAY_MS = 86_400_000;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- seeding writes every column, typed or not
type AnyDb = Kysely<any>;

/** One value per `i % modulus` from a list, as SQL. */
function pick(index: RawBuilder<unknown>, values: readonly string[]): RawBuilder<string> {
  return sql<string>`(case ${index} % ${sql.lit(values.length)} ${sql.join(
    values.map((value, position) => sql`when ${sql.lit(position)} then ${sql.lit(value)}`),
    sql` `,
  )} end)`;
}

/** The seeding SQL of one engine: a series of integers, text of an integer, a day `n` days before NOW. */
function dialect(engine: 'sqlite' | 'postgres') {
  return engine === 'postgres'
    ? {
        series: (from: number, to: number) =>
          sql`(select g as i from generate_series(${sql.lit(from)}::bigint, ${sql.lit(to - 1)}::bigint) g) n`,
        padded: (value: RawBuilder<unknown>) => sql<string>`lpad((${value})::text, 10, '0')`,
        dayBefore: (days: RawBuilder<unknown>) => sql<string>`to_char(date '2026-12-01' - ((${days})::int), 'YYYY-MM-DD')`,
        integerDivide: (value: RawBuilder<unknown>, by: number) => sql`((${value}) / ${sql.lit(by)})`,
      }
    : {
        series: (from: number, to: number) =>
          sql`(with recursive s(i) as (select ${sql.lit(from)} union all select i + 1 from s where i < ${sql.lit(to - 1)}) select i from s) n`,
        padded: (value: RawBuilder<unknown>) => sql<string>`printf('%010d', ${value})`,
        dayBefore: (days: RawBuilder<unknown>) => sql<string>`date('2026-12-01', '-' || (${days}) || ' days')`,
        integerDivide: (value: RawBuilder<unknown>, by: number) => sql`((${value}) / ${sql.lit(by)})`,
      };
}

// A shipment snapshot of a realistic size for the row (the pages never read it; the table scans carry it).
const SHIPMENT_JSON = JSON.stringify({
  carrier: 'dhl',
  status: 'in_transit',
  events: Array.from({ length: 3 }, (_, index) => ({
    status: 'in_transit',
    description: `Shipment processed at the parcel centre ${index}`,
    occurredAt: '2026-11-28T10:15:00+01:00',
    location: { city: 'Kassel', countryCode: 'DE' },
  })),
});

/**
 * `parcels` trackings of the default shop (60 % delivered and finished, ~12 % at risk: stalled, late, never
 * scanned, in exception, waiting at a pickup point, returning) and a delivery row for each delivered one, over
 * 180 days before `now` (which must be 2026-12-01T12:00Z: the day arithmetic is written for it). Then ANALYZE.
 */
export async function seedLargeDashboardStore(
  store: Store,
  parcels: number,
  now: Date,
  options: { analyze?: boolean } = {},
): Promise<void> {
  const engine = storeDatabase(store).engine;
  const { db: typedDb, writeTransaction } = storeDatabase(store);
  const db = typedDb as unknown as AnyDb;
  const d = dialect(engine);
  const i = sql`n.i`;
  const bucket = sql`(n.i % 100)`;
  const nowMs = now.getTime();
  const status = sql<string>`(case when ${bucket} < 60 then 'delivered' when ${bucket} < 85 then 'in_transit' when ${bucket} < 88 then 'in_transit' when ${bucket} < 90 then 'in_transit' when ${bucket} < 92 then 'info_received' when ${bucket} < 94 then 'exception' when ${bucket} < 96 then 'available_for_pickup' when ${bucket} < 97 then 'returning' else 'out_for_delivery' end)`;
  const substatus = sql<string>`(case when ${bucket} < 60 then 'delivered' when ${bucket} < 88 then 'in_transit' when ${bucket} < 90 then 'delayed' when ${bucket} < 92 then 'label_created' when ${bucket} < 94 then ${pick(i, ['customs_held', 'address_problem', 'damaged'])} when ${bucket} < 96 then 'arrived_at_pickup_point' when ${bucket} < 97 then 'returning_to_sender' else 'out_for_delivery' end)`;
  const carrier = pick(d.integerDivide(i, 100), ['dhl', 'ups', 'fedex', 'usps', 'postnl']);
  const country = pick(d.integerDivide(i, 7), ['DE', 'NL', 'FR', 'US', 'GB', 'AT']);
  const service = pick(d.integerDivide(i, 3), ['standard', 'express', 'economy']);
  const flag = (from: number, to: number) =>
    sql<number>`(case when ${bucket} >= ${sql.lit(from)} and ${bucket} < ${sql.lit(to)} then 1 else 0 end)`;
  for (let start = 0; start < parcels; start += CHUNK) {
    const end = Math.min(parcels, start + CHUNK);
    await writeTransaction(async (trx) => {
      await sql`insert into trackings (id, shop_id, carrier, tracking_number, order_id, order_shipment_id, status, substatus, shipment,
          fingerprints, customer, watched_by, last_checked_at, answered_at, next_check_at, lease_owner, stopped_reason, delays,
          delay_stalled, delay_late, delay_never_scanned, not_found_count, error_count, version, finished_at, confirmation_done,
          created_at, updated_at, service, destination_country, first_eta_on, pickup_since)
        select 'trk_' || ${d.padded(i)}, 'default', ${carrier}, 'BENCH' || ${d.padded(i)}, 'order-' || ${d.padded(i)}, null,
          ${status}, ${substatus}, ${sql.lit(SHIPMENT_JSON)}, '[]', null, 'poll', ${sql.lit(nowMs - 3_600_000)}, null,
          case when ${bucket} < 60 then null else ${sql.lit(nowMs + 3_600_000)} end, null,
          case when ${bucket} < 60 then 'finished' else null end, '[]',
          ${flag(85, 88)}, ${flag(88, 90)}, ${flag(90, 92)}, 0, 0, 3, null, 0,
          ${sql.lit(nowMs)} - (n.i % 1440) * 3600000, ${sql.lit(nowMs)}, ${service}, ${country}, null,
          case when ${bucket} >= 94 and ${bucket} < 96 then ${sql.lit(nowMs)} - (n.i % 10) * ${sql.lit(DAY_MS)} else null end
        from ${d.series(start, end)}`.execute(trx as unknown as AnyDb);
      await sql`insert into deliveries (shop_id, tracking_id, carrier, service, origin_country, origin_region, destination_country,
          destination_region, shipped_on, promised_on, delivered_on, transit_days, on_time, created_at, first_eta_on, on_time_first_eta,
          failed_attempt, had_exception)
        select 'default', 'trk_' || ${d.padded(i)}, ${carrier}, ${service}, 'DE', null, ${country}, null,
          ${d.dayBefore(sql`(n.i % 180) + 3`)},
          case when n.i % 5 = 0 then null else ${d.dayBefore(sql`(n.i % 180)`)} end,
          ${d.dayBefore(sql`(n.i % 180)`)}, 1 + ${d.integerDivide(i, 100)} % 6,
          case when n.i % 5 = 0 then null when 1 + ${d.integerDivide(i, 100)} % 6 <= 3 then 1 else 0 end, ${sql.lit(nowMs)},
          case when n.i % 4 = 0 then null else ${d.dayBefore(sql`(n.i % 180) + 1 - (n.i % 3)`)} end,
          case when n.i % 4 = 0 then null when n.i % 3 = 2 then 0 else 1 end,
          case when n.i % 11 = 0 then 1 else 0 end, case when n.i % 23 = 0 then 1 else 0 end
        from ${d.series(start, end)} where ${bucket} < 60`.execute(trx as unknown as AnyDb);
    });
  }
  // PostgreSQL: VACUUM as autovacuum would on a live table, so that index-only scans see all-visible pages.
  if (options.analyze !== false) await (engine === 'postgres' ? sql`vacuum analyze` : sql`analyze`).execute(db);
}

/** The at-risk list's columns of these trackings, by primary key. */
export function plainRowsById(store: Store, ids: readonly string[]): Promise<unknown[]> {
  const db = storeDatabase(store).db as unknown as AnyDb;
  return db.selectFrom('trackings').select(AT_RISK_LIST_COLUMNS).where('id', 'in', ids).execute();
}

/** The columns the at-risk counts read, of every at-risk row of the shop (through the same partial index). */
export function plainAtRiskRows(store: Store, shopId: string): Promise<unknown[]> {
  const db = storeDatabase(store).db as unknown as AnyDb;
  return db
    .selectFrom('trackings')
    .select(['status', 'delay_stalled', 'delay_late', 'delay_never_scanned', 'pickup_since', 'carrier'])
    .where('shop_id', '=', shopId)
    .where(sql<boolean>`${sql.raw(AT_RISK_LIST_PREDICATE)}`)
    .execute();
}

/** The columns carrier performance aggregates, of the shop's deliveries since a day (or all), by the same index. */
export function plainDeliveryRows(store: Store, shopId: string, since: string | null): Promise<unknown[]> {
  const db = storeDatabase(store).db as unknown as AnyDb;
  let select = db
    .selectFrom('deliveries')
    .select([...DELIVERY_FIGURE_COLUMNS])
    .where('shop_id', '=', shopId);
  if (since) select = select.where('delivered_on', '>=', since);
  return select.execute();
}
