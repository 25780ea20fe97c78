import { sql } from 'kysely';
import { StoreError } from '../store-error';
import type { Store } from '../store-types';
import { dashboardDatabase, ORDER_LOOKUP_SOURCES, type OrderLookupSource } from './dashboard-tables';

export interface UpdateEffectsQuery {
  /** Start of the window (UTC instant). */
  since: Date;
  /** End of the window. Default the current time. */
  now?: Date;
}

/** Messages planned in the window for one milestone and channel, by what became of them. */
export interface NotificationFigures {
  milestone: string;
  channel: string;
  total: number;
  /** Queued or being sent. */
  pending: number;
  sent: number;
  failed: number;
  /** Not sent on purpose (quiet hours with `drop`, overtaken by a later milestone, …). */
  dropped: number;
  /** Sent and confirmed delivered by the provider (an SMS/WhatsApp status callback). */
  confirmedDelivered: number;
}

export interface UpdateEffects {
  since: string;
  until: string;
  notifications: NotificationFigures[];
  totals: Omit<NotificationFigures, 'milestone' | 'channel'> & {
    /** sent ÷ (sent + failed); null when none finished. */
    deliveryRate: number | null;
    /** failed ÷ (sent + failed). */
    failureRate: number | null;
  };
  optOuts: Array<{ channel: string; source: string; count: number }>;
  /** Milestones the policy decided not to send, by reason. */
  skips: Array<{ reason: string; count: number }>;
  lookups: {
    trackingPageViews: number;
    helpdeskPanelLookups: number;
    /** Orders of the shop placed in the window (the base of the per-order figures). */
    ordersPlaced: number;
    trackingPageViewsPerOrder: number | null;
    helpdeskPanelLookupsPerOrder: number | null;
  };
  /**
   * Orders with a sent update or a helpdesk contact (a panel look-up) in the window, and how many of them had an
   * update before any contact: the share a shop reads its WISMO reduction from.
   */
  proactive: { orders: number; updatedBeforeContact: number; contactedFirst: number; contactedWithoutUpdate: number; share: number | null };
}

/** Records that an order was looked at (the tracking page or a helpdesk panel); the dashboard counts them. */
export async function recordOrderLookup(
  store: Store,
  lookup: { shopId: string; orderId: string; source: OrderLookupSource; at: Date },
): Promise<void> {
  if (!(ORDER_LOOKUP_SOURCES as readonly string[]).includes(lookup.source))
    throw new StoreError('invalid_input', `recordOrderLookup: unknown source "${String(lookup.source)}"`);
  const { db } = dashboardDatabase(store);
  await db
    .insertInto('order_lookups')
    .values({ shop_id: lookup.shopId, order_id: lookup.orderId, source: lookup.source, looked_up_at: lookup.at.getTime() })
    .execute();
}

const rate = (part: number, whole: number) => (whole > 0 ? part / whole : null);

/** What the proactive updates did in a window: messages by milestone and channel, opt-outs, look-ups, contacts. */
export async function updateEffects(store: Store, shopId: string, query: UpdateEffectsQuery): Promise<UpdateEffects> {
  const sinceMs = query.since.getTime();
  const untilMs = (query.now ?? new Date()).getTime();
  if (!Number.isFinite(sinceMs) || sinceMs > untilMs)
    throw new StoreError('invalid_input', 'updateEffects: since must be an instant before now', {
      issues: [{ path: 'since', message: 'Expected an instant before now' }],
    });
  const { db } = dashboardDatabase(store);
  const count = (condition: ReturnType<typeof sql>) => sql<number>`sum(case when ${condition} then 1 else 0 end)`;
  const rows = await db
    .selectFrom('notifications')
    .select(['milestone', 'channel'])
    .select((builder) => [
      builder.fn.countAll<number>().as('total'),
      count(sql`status in ('queued', 'sending')`).as('pending'),
      count(sql`status = 'sent'`).as('sent'),
      count(sql`status = 'failed'`).as('failed'),
      count(sql`status = 'dropped'`).as('dropped'),
      count(sql`status = 'sent' and provider_status in ('delivered', 'read')`).as('confirmed'),
    ])
    .where('shop_id', '=', shopId)
    .where('created_at', '>=', sinceMs)
    .where('created_at', '<', untilMs)
    .groupBy(['milestone', 'channel'])
    .orderBy('milestone')
    .orderBy('channel')
    .execute();
  const notifications = rows.map((row): NotificationFigures => ({
    milestone: row.milestone,
    channel: row.channel,
    total: Number(row.total),
    pending: Number(row.pending ?? 0),
    sent: Number(row.sent ?? 0),
    failed: Number(row.failed ?? 0),
    dropped: Number(row.dropped ?? 0),
    confirmedDelivered: Number(row.confirmed ?? 0),
  }));
  const sum = (key: keyof Omit<NotificationFigures, 'milestone' | 'channel'>) => notifications.reduce((total, row) => total + row[key], 0);
  const sent = sum('sent');
  const failed = sum('failed');

  const optOuts = await db
    .selectFrom('notification_opt_outs')
    .select(['channel', 'source', (builder) => builder.fn.countAll<number>().as('count')])
    .where('shop_id', '=', shopId)
    .where('created_at', '>=', sinceMs)
    .where('created_at', '<', untilMs)
    .groupBy(['channel', 'source'])
    .orderBy('channel')
    .orderBy('source')
    .execute();
  const skips = await db
    .selectFrom('notification_skips')
    .select(['reason', (builder) => builder.fn.countAll<number>().as('count')])
    .where('shop_id', '=', shopId)
    .where('created_at', '>=', sinceMs)
    .where('created_at', '<', untilMs)
    .groupBy('reason')
    .orderBy('reason')
    .execute();
  const lookupRows = await db
    .selectFrom('order_lookups')
    .select(['source', (builder) => builder.fn.countAll<number>().as('count')])
    .where('shop_id', '=', shopId)
    .where('looked_up_at', '>=', sinceMs)
    .where('looked_up_at', '<', untilMs)
    .groupBy('source')
    .execute();
  const lookups = Object.fromEntries(lookupRows.map((row) => [row.source, Number(row.count)]));
  const placed = await db
    .selectFrom('orders')
    .select((builder) => builder.fn.countAll<number>().as('count'))
    .where('shop_id', '=', shopId)
    .where('placed_at', '>=', sinceMs)
    .where('placed_at', '<', untilMs)
    .executeTakeFirstOrThrow();
  const ordersPlaced = Number(placed.count);

  // Per order: the first update sent and the first helpdesk contact in the window.
  const firsts = sql`(select order_id, min(case when kind = 'update' then at end) as first_update, min(case when kind = 'contact' then at end) as first_contact from (
      select order_id, 'update' as kind, sent_at as at from notifications
        where shop_id = ${shopId} and status = 'sent' and sent_at >= ${sinceMs} and sent_at < ${untilMs}
      union all
      select order_id, 'contact' as kind, looked_up_at as at from order_lookups
        where shop_id = ${shopId} and source = 'helpdesk_panel' and looked_up_at >= ${sinceMs} and looked_up_at < ${untilMs}
    ) events group by order_id) per_order`;
  const proactiveRow = (
    await sql<{
      orders: number;
      before: number | null;
      contacted_first: number | null;
      without_update: number | null;
    }>`select count(*) as orders,
        sum(case when first_update is not null and (first_contact is null or first_update < first_contact) then 1 else 0 end) as before,
        sum(case when first_update is not null and first_contact is not null and first_contact <= first_update then 1 else 0 end) as contacted_first,
        sum(case when first_update is null then 1 else 0 end) as without_update
      from ${firsts}`.execute(db)
  ).rows[0]!;
  const orders = Number(proactiveRow.orders);
  const updatedBeforeContact = Number(proactiveRow.before ?? 0);
  return {
    since: new Date(sinceMs).toISOString(),
    until: new Date(untilMs).toISOString(),
    notifications,
    totals: {
      total: sum('total'),
      pending: sum('pending'),
      sent,
      failed,
      dropped: sum('dropped'),
      confirmedDelivered: sum('confirmedDelivered'),
      deliveryRate: rate(sent, sent + failed),
      failureRate: rate(failed, sent + failed),
    },
    optOuts: optOuts.map((row) => ({ channel: row.channel, source: row.source, count: Number(row.count) })),
    skips: skips.map((row) => ({ reason: row.reason, count: Number(row.count) })),
    lookups: {
      trackingPageViews: lookups.tracking_page ?? 0,
      helpdeskPanelLookups: lookups.helpdesk_panel ?? 0,
      ordersPlaced,
      trackingPageViewsPerOrder: rate(lookups.tracking_page ?? 0, ordersPlaced),
      helpdeskPanelLookupsPerOrder: rate(lookups.helpdesk_panel ?? 0, ordersPlaced),
    },
    proactive: {
      orders,
      updatedBeforeContact,
      contactedFirst: Number(proactiveRow.contacted_first ?? 0),
      contactedWithoutUpdate: Number(proactiveRow.without_update ?? 0),
      share: rate(updatedBeforeContact, orders),
    },
  };
}
