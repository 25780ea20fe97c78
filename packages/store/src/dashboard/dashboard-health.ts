import { sql } from 'kysely';
import type { Store } from '../store-types';
import { carrierRequestCounts, type CarrierAccountRequests } from './carrier-requests';
import { dashboardDatabase } from './dashboard-tables';
import { iso } from '../database/records';

/** One carrier's side of the shop's watching, now. */
export interface CarrierHealth {
  carrier: string | null;
  /** Parcels still watched. */
  watched: number;
  /** Of them, watched through the carrier's push (alone or beside polling). */
  watchedByPush: number;
  /** Parcels checked in the last hour (a parcel counts once: the store keeps its last check only). */
  checkedLastHour: number;
  /** Due now or overdue: the scheduler's backlog. */
  due: number;
  /** The most overdue check's due time (UTC ISO); null without a backlog. */
  oldestDueAt: string | null;
  /** Parcels whose last answers were "not found". */
  notFound: number;
  /** Parcels whose last answers were errors (timeouts, 5xx, rate limits, …). */
  failing: number;
}

export interface DashboardHealth {
  now: string;
  carriers: CarrierHealth[];
  scheduler: { due: number; oldestDueAt: string | null; lagSeconds: number };
  /** Messages and webhook deliveries that failed for good (all time). */
  failedNotifications: number;
  failedWebhookDeliveries: number;
  /** The HTTP requests sent to each carrier account this hour, the previous hour and today (UTC), as counted. */
  carrierRequests: CarrierAccountRequests[];
}

/** The health of the shop's watching now: per carrier, and the scheduler's backlog and how late it runs. */
export async function dashboardHealth(store: Store, shopId: string, options: { now?: Date } = {}): Promise<DashboardHealth> {
  const nowMs = (options.now ?? new Date()).getTime();
  const { db } = dashboardDatabase(store);
  const rows = await db
    .selectFrom('trackings')
    .select('carrier')
    .select((builder) => [
      builder.fn.countAll<number>().as('watched'),
      builder.fn.sum<number>(sql`case when watched_by <> 'poll' then 1 else 0 end`).as('push'),
      builder.fn.sum<number>(sql`case when last_checked_at >= ${nowMs - 3_600_000} then 1 else 0 end`).as('checked'),
      builder.fn.sum<number>(sql`case when next_check_at <= ${nowMs} then 1 else 0 end`).as('due'),
      builder.fn.min<number>(sql`case when next_check_at <= ${nowMs} then next_check_at end`).as('oldest_due'),
      builder.fn.sum<number>(sql`case when not_found_count > 0 then 1 else 0 end`).as('not_found'),
      builder.fn.sum<number>(sql`case when error_count > 0 then 1 else 0 end`).as('failing'),
    ])
    .where('shop_id', '=', shopId)
    .where('stopped_reason', 'is', null)
    .groupBy('carrier')
    .orderBy('carrier')
    .execute();
  const carriers = rows.map((row): CarrierHealth => ({
    carrier: row.carrier === '' ? null : row.carrier,
    watched: Number(row.watched),
    watchedByPush: Number(row.push ?? 0),
    checkedLastHour: Number(row.checked ?? 0),
    due: Number(row.due ?? 0),
    oldestDueAt: iso(row.oldest_due === null ? null : Number(row.oldest_due)),
    notFound: Number(row.not_found ?? 0),
    failing: Number(row.failing ?? 0),
  }));
  const oldest = rows.reduce<number | null>(
    (min, row) => (row.oldest_due === null ? min : min === null ? Number(row.oldest_due) : Math.min(min, Number(row.oldest_due))),
    null,
  );
  const failedNotifications = await db
    .selectFrom('notifications')
    .select((builder) => builder.fn.countAll<number>().as('count'))
    .where('shop_id', '=', shopId)
    .where('status', '=', 'failed')
    .executeTakeFirstOrThrow();
  const failedWebhooks = await db
    .selectFrom('webhook_deliveries')
    .select((builder) => builder.fn.countAll<number>().as('count'))
    .where('shop_id', '=', shopId)
    .where('status', '=', 'failed')
    .executeTakeFirstOrThrow();
  return {
    now: new Date(nowMs).toISOString(),
    carriers,
    scheduler: {
      due: carriers.reduce((total, carrier) => total + carrier.due, 0),
      oldestDueAt: iso(oldest),
      lagSeconds: oldest === null ? 0 : Math.max(0, Math.round((nowMs - oldest) / 1000)),
    },
    failedNotifications: Number(failedNotifications.count),
    failedWebhookDeliveries: Number(failedWebhooks.count),
    carrierRequests: await carrierRequestCounts(store, shopId, { now: new Date(nowMs) }),
  };
}
