import { sql } from 'kysely';
import { dashboardDatabase } from './dashboard-tables';
import { StoreError } from '../store-error';
import type { CarrierId, Store } from '../store-types';

export interface CarrierPerformanceQuery {
  /** Only deliveries made on or after this calendar day (`YYYY-MM-DD`, the delivery's own day). */
  since?: string;
}

/** How one carrier did on one service and lane (origin → destination country). */
export interface LanePerformance {
  carrier: CarrierId;
  service: string | null;
  originCountry: string;
  destinationCountry: string;
  /** Deliveries counted. */
  sampleSize: number;
  /** Deliveries that had a promised day (the base of `onTimeRate`). */
  promisedCount: number;
  onTimeCount: number;
  /** On time against the promise, 0..1; null when no delivery had a promise. */
  onTimeRate: number | null;
  /** Deliveries whose carrier had given an ETA (the base of `onTimeFirstEtaRate`). */
  firstEtaCount: number;
  /** Delivered on or before the day of the carrier's first ETA. */
  onTimeFirstEtaCount: number;
  /** On time against the carrier's first ETA, 0..1; null when no delivery had one. */
  onTimeFirstEtaRate: number | null;
  /** Transit time in days (nearest rank: the smallest day count that at least 50 % / 90 % of deliveries met). */
  transitDaysP50: number;
  transitDaysP90: number;
  /** Deliveries per transit time: index = days. */
  transitDayCounts: number[];
  /** Delivered without any failed attempt recorded, 0..1. */
  firstAttemptRate: number;
  /** Went through an exception on the way, 0..1. */
  exceptionRate: number;
}

/** The smallest value at least `fraction` of the deliveries met, from counts per value (nearest rank). */
export function percentileOfCounts(counts: readonly number[], fraction: number): number {
  const total = counts.reduce((sum, count) => sum + count, 0);
  const rank = Math.max(1, Math.ceil(fraction * total));
  let seen = 0;
  for (let value = 0; value < counts.length; value++) {
    seen += counts[value]!;
    if (seen >= rank) return value;
  }
  return Math.max(0, counts.length - 1);
}

/**
 * Carrier performance per carrier, service and lane from the shop's finished deliveries (one grouped read of
 * `deliveries`, by its day index when `since` is given). First-attempt and exception rates come from the
 * flags recorded at delivery (migration 4 filled them in for older rows from the status transitions).
 */
export async function carrierPerformance(store: Store, shopId: string, query: CarrierPerformanceQuery = {}): Promise<LanePerformance[]> {
  if (query.since !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(query.since) || Number.isNaN(Date.parse(`${query.since}T00:00:00Z`))))
    throw new StoreError('invalid_input', 'carrierPerformance: since must be a calendar day YYYY-MM-DD', {
      issues: [{ path: 'since', message: 'Expected YYYY-MM-DD' }],
    });
  const { db } = dashboardDatabase(store);
  let select = db
    .selectFrom('deliveries')
    .select(['carrier', 'service', 'origin_country', 'destination_country', 'transit_days'])
    .select((builder) => [
      builder.fn.countAll<number>().as('deliveries'),
      // on_time is set exactly when there was a promise, on_time_first_eta when there was a first ETA: counting
      // them instead of promised_on / first_eta_on keeps the read inside the covering index.
      builder.fn.count<number>('on_time').as('promised'),
      builder.fn.sum<number>(sql`case when on_time = 1 then 1 else 0 end`).as('on_time'),
      builder.fn.count<number>('on_time_first_eta').as('first_eta'),
      builder.fn.sum<number>(sql`case when on_time_first_eta = 1 then 1 else 0 end`).as('on_time_first_eta'),
      builder.fn.sum<number>(sql`case when failed_attempt = 1 then 1 else 0 end`).as('attempt_failed'),
      builder.fn.sum<number>(sql`case when had_exception = 1 then 1 else 0 end`).as('exceptions'),
    ])
    .where('shop_id', '=', shopId);
  if (query.since) select = select.where('delivered_on', '>=', query.since);
  // transit_days first: a grouping in the lane index's order would tempt SQLite into that index (and a row
  // look-up per delivery) instead of the covering index by day.
  const rows = await select.groupBy(['transit_days', 'carrier', 'service', 'origin_country', 'destination_country']).execute();

  const lanes = new Map<string, { lane: LanePerformance; failedAttempts: number; exceptions: number }>();
  for (const row of rows) {
    const key = JSON.stringify([row.carrier, row.service, row.origin_country, row.destination_country]);
    let entry = lanes.get(key);
    if (!entry) {
      entry = {
        lane: {
          carrier: row.carrier,
          service: row.service,
          originCountry: row.origin_country,
          destinationCountry: row.destination_country,
          sampleSize: 0,
          promisedCount: 0,
          onTimeCount: 0,
          onTimeRate: null,
          firstEtaCount: 0,
          onTimeFirstEtaCount: 0,
          onTimeFirstEtaRate: null,
          transitDaysP50: 0,
          transitDaysP90: 0,
          transitDayCounts: [],
          firstAttemptRate: 0,
          exceptionRate: 0,
        },
        failedAttempts: 0,
        exceptions: 0,
      };
      lanes.set(key, entry);
    }
    const days = Number(row.transit_days);
    const count = Number(row.deliveries);
    const counts = entry.lane.transitDayCounts;
    while (counts.length <= days) counts.push(0);
    counts[days]! += count;
    entry.lane.sampleSize += count;
    entry.lane.promisedCount += Number(row.promised);
    entry.lane.onTimeCount += Number(row.on_time ?? 0);
    entry.lane.firstEtaCount += Number(row.first_eta);
    entry.lane.onTimeFirstEtaCount += Number(row.on_time_first_eta ?? 0);
    entry.failedAttempts += Number(row.attempt_failed ?? 0);
    entry.exceptions += Number(row.exceptions ?? 0);
  }
  return [...lanes.values()]
    .map(({ lane, failedAttempts, exceptions }) => ({
      ...lane,
      onTimeRate: lane.promisedCount > 0 ? lane.onTimeCount / lane.promisedCount : null,
      onTimeFirstEtaRate: lane.firstEtaCount > 0 ? lane.onTimeFirstEtaCount / lane.firstEtaCount : null,
      transitDaysP50: percentileOfCounts(lane.transitDayCounts, 0.5),
      transitDaysP90: percentileOfCounts(lane.transitDayCounts, 0.9),
      firstAttemptRate: (lane.sampleSize - failedAttempts) / lane.sampleSize,
      exceptionRate: exceptions / lane.sampleSize,
    }))
    .sort(
      (a, b) =>
        a.carrier.localeCompare(b.carrier) ||
        (a.service ?? '').localeCompare(b.service ?? '') ||
        a.originCountry.localeCompare(b.originCountry) ||
        a.destinationCountry.localeCompare(b.destinationCountry),
    );
}
