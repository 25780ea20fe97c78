import { normaliseTrackingNumber } from '@wismo/core';
import { sql, type Kysely, type Selectable } from 'kysely';
import { withWriteTransaction } from '../database/open-database';
import type { Database } from '../database/tables';
import { decodeCursor, encodeCursor } from '../paging-cursor';
import { StoreError } from '../store-error';
import type { CarrierId, StoreEngine } from '../store-types';
import { iso } from '../database/records';

/** The `push_subscriptions` table (migration 6). Instants are epoch milliseconds. */
export interface PushSubscriptionsTable {
  id: string;
  shop_id: string;
  carrier: string;
  account: string;
  tracking_number: string;
  /** The carrier's id of the subscription holding the number (USPS); null when it keeps none (UPS). */
  subscription_id: string | null;
  state: PushSubscriptionState;
  created_at: number;
  /** The last successful subscribe or renewal. */
  subscribed_at: number | null;
  expires_at: number | null;
  /** When the renewals look at the row next; null: never (nothing to renew). */
  renew_at: number | null;
  /** Failed attempts since the last success. */
  attempts: number;
  last_error: string | null;
  lease_until: number | null;
  updated_at: number;
}

type SubscriptionDatabase = Database & { push_subscriptions: PushSubscriptionsTable };
type SubscriptionRow = Selectable<PushSubscriptionsTable>;

/**
 * `active`: the carrier pushes; `expiring`: it stops within the expiring window unless renewed; `expired`: it
 * stopped; `suspended`: the carrier suspended it (USPS, listener unreachable) and recovery has not worked yet;
 * `failed`: the last subscribe or renewal was refused (retried with a back-off).
 */
export type PushSubscriptionState = 'active' | 'expiring' | 'expired' | 'suspended' | 'failed';

export interface PushSubscription {
  id: string;
  shopId: string;
  carrier: CarrierId;
  account: string;
  trackingNumber: string;
  subscriptionId: string | null;
  state: PushSubscriptionState;
  createdAt: string;
  subscribedAt: string | null;
  expiresAt: string | null;
  renewAt: string | null;
  attempts: number;
  lastError: string | null;
}

/** What a subscribe or renewal call did for some numbers of one shop, as the renewals record it. */
export interface PushSubscriptionRecordInput {
  shopId: string;
  carrier: CarrierId;
  /** Default `default`. */
  account?: string;
  trackingNumbers: readonly string[];
  /** `active` after a success; `failed` or `suspended` after a refusal (`attempts` grows by one). */
  state: 'active' | 'failed' | 'suspended';
  /** Successes: the carrier's subscription id (null when it keeps none) and when it ends (null: until unsubscribed). */
  subscriptionId?: string | null;
  expiresAt?: Date | null;
  /** When to look again: before the expiry after a success, after a back-off after a refusal; null: never. */
  renewAt: Date | null;
  /** Refusals: why, without secrets. */
  error?: string;
  at: Date;
}

export interface ListPushSubscriptionsQuery {
  shopId?: string;
  carrier?: CarrierId;
  state?: PushSubscriptionState;
  cursor?: string;
  /** 1..500, default 50. */
  limit?: number;
}

export interface PushSubscriptionPage {
  items: PushSubscription[];
  nextCursor: string | null;
}

export interface ClaimPushSubscriptionsOptions {
  carrier: CarrierId;
  /** Default `default`. */
  account?: string;
  now: Date;
  limit: number;
  /** A claimed row is not claimed again before this. Default 5 minutes. */
  leaseMs?: number;
  /** `active` rows that end within this are marked `expiring`. Default `DEFAULT_EXPIRING_WITHIN_MS`. */
  expiringWithinMs?: number;
}

/** Per carrier, for the health page: how the shop's subscriptions stand. */
export interface PushSubscriptionCarrierSummary {
  carrier: CarrierId;
  active: number;
  /** Still pushing, but ending within the window asked for. */
  expiring: number;
  expired: number;
  suspended: number;
  failed: number;
  /** The soonest renewal planned (UTC ISO); null when none is. */
  nextRenewalAt: string | null;
  /** The soonest expiry among subscriptions still pushing (UTC ISO). */
  nextExpiryAt: string | null;
}

export interface PushSubscriptionStore {
  /** Upserts one row per number (shop, carrier, account, number). */
  record(input: PushSubscriptionRecordInput): Promise<void>;
  /** Keyset paging in id (creation) order. */
  list(query?: ListPushSubscriptionsQuery): Promise<PushSubscriptionPage>;
  /**
   * The renewals' claim, across shops: rows of the carrier account whose `renewAt` has passed, soonest first, under a
   * lease. In the same transaction, rows of parcels no longer watched are dropped (their subscription ends on its own)
   * and states follow the clock (`expiring`, `expired`).
   */
  claimDue(options: ClaimPushSubscriptionsOptions): Promise<PushSubscription[]>;
  /** Parcels watched with push (`watchedBy` push or both) on the carrier that have no subscription row yet, oldest first. */
  unsubscribed(options: {
    carrier: CarrierId;
    account?: string;
    limit: number;
  }): Promise<Array<{ shopId: string; trackingNumber: string }>>;
  /** Per carrier (one shop, or all), counts by state with `expiring` = ends within `expiringWithinMs` of `now`. */
  summary(options: { shopId?: string; now: Date; expiringWithinMs?: number }): Promise<PushSubscriptionCarrierSummary[]>;
}

/**
 * `active` subscriptions ending within this are `expiring`. UPS's are renewed a day before their end, so an expiring
 * one is due for renewal within a day, or its renewal is failing (then `failed` rows say why).
 */
export const DEFAULT_EXPIRING_WITHIN_MS = 2 * 24 * 3_600_000;
const DEFAULT_ACCOUNT = 'default';

function subscriptionOf(row: SubscriptionRow): PushSubscription {
  return {
    id: row.id,
    shopId: row.shop_id,
    carrier: row.carrier,
    account: row.account,
    trackingNumber: row.tracking_number,
    subscriptionId: row.subscription_id,
    state: row.state,
    createdAt: iso(row.created_at)!,
    subscribedAt: iso(row.subscribed_at),
    expiresAt: iso(row.expires_at),
    renewAt: iso(row.renew_at),
    attempts: Number(row.attempts),
    lastError: row.last_error,
  };
}

export function createPushSubscriptionStore(
  database: Kysely<Database>,
  engine: StoreEngine,
  newId: (prefix: string, nowMs: number) => string,
): PushSubscriptionStore {
  const db = database as unknown as Kysely<SubscriptionDatabase>;
  return {
    async record(input) {
      const numbers = [...new Set(input.trackingNumbers.map(normaliseTrackingNumber))];
      if (numbers.length === 0) return;
      const atMs = input.at.getTime();
      const account = input.account ?? DEFAULT_ACCOUNT;
      const ok = input.state === 'active';
      const renewAt = input.renewAt?.getTime() ?? null;
      const rows = numbers.map((trackingNumber) => ({
        id: newId('psb', atMs),
        shop_id: input.shopId,
        carrier: input.carrier,
        account,
        tracking_number: trackingNumber,
        subscription_id: ok ? (input.subscriptionId ?? null) : null,
        state: input.state,
        created_at: atMs,
        subscribed_at: ok ? atMs : null,
        expires_at: ok ? (input.expiresAt?.getTime() ?? null) : null,
        renew_at: renewAt,
        attempts: ok ? 0 : 1,
        last_error: ok ? null : (input.error ?? 'refused'),
        lease_until: null,
        updated_at: atMs,
      }));
      // A refusal keeps what the last success said (its subscription id, its expiry): the carrier may still push.
      const onConflictSet = ok
        ? {
            subscription_id: input.subscriptionId ?? null,
            state: input.state,
            subscribed_at: atMs,
            expires_at: input.expiresAt?.getTime() ?? null,
            renew_at: renewAt,
            attempts: 0,
            last_error: null,
            lease_until: null,
            updated_at: atMs,
          }
        : {
            state: input.state,
            renew_at: renewAt,
            attempts: sql<number>`push_subscriptions.attempts + 1`,
            last_error: input.error ?? 'refused',
            lease_until: null,
            updated_at: atMs,
          };
      for (let start = 0; start < rows.length; start += 200)
        await db
          .insertInto('push_subscriptions')
          .values(rows.slice(start, start + 200))
          .onConflict((conflict) => conflict.columns(['shop_id', 'carrier', 'account', 'tracking_number']).doUpdateSet(onConflictSet))
          .execute();
    },

    async list(query = {}) {
      const limit = query.limit ?? 50;
      if (!Number.isInteger(limit) || limit < 1 || limit > 500)
        throw new StoreError('invalid_input', 'limit must be an integer from 1 to 500');
      let select = db
        .selectFrom('push_subscriptions')
        .selectAll()
        .orderBy('id')
        .limit(limit + 1);
      if (query.shopId !== undefined) select = select.where('shop_id', '=', query.shopId);
      if (query.carrier !== undefined) select = select.where('carrier', '=', query.carrier);
      if (query.state !== undefined) select = select.where('state', '=', query.state);
      if (query.cursor) select = select.where('id', '>', decodeCursor(query.cursor, 'psb'));
      const rows = await select.execute();
      const items = rows.slice(0, limit).map(subscriptionOf);
      return { items, nextCursor: rows.length > limit ? encodeCursor(items[items.length - 1]!.id) : null };
    },

    async claimDue(options) {
      const account = options.account ?? DEFAULT_ACCOUNT;
      const nowMs = options.now.getTime();
      const expiringBefore = nowMs + (options.expiringWithinMs ?? DEFAULT_EXPIRING_WITHIN_MS);
      const leaseUntil = nowMs + (options.leaseMs ?? 5 * 60_000);
      return withWriteTransaction(database, engine, async (trx) => {
        const tx = trx as unknown as Kysely<SubscriptionDatabase>;
        await tx
          .deleteFrom('push_subscriptions')
          .where('carrier', '=', options.carrier)
          .where('account', '=', account)
          .where(({ not, exists, selectFrom }) =>
            not(
              exists(
                selectFrom('trackings')
                  .select(sql.lit(1).as('found'))
                  .whereRef('trackings.shop_id', '=', 'push_subscriptions.shop_id')
                  .whereRef('trackings.carrier', '=', 'push_subscriptions.carrier')
                  .whereRef('trackings.tracking_number', '=', 'push_subscriptions.tracking_number')
                  .where('trackings.next_check_at', 'is not', null),
              ),
            ),
          )
          .execute();
        const ofAccount = tx.updateTable('push_subscriptions').where('carrier', '=', options.carrier).where('account', '=', account);
        await ofAccount
          .set({ state: 'expired', updated_at: nowMs })
          .where('state', 'in', ['active', 'expiring'])
          .where('expires_at', '<=', nowMs)
          .execute();
        await ofAccount
          .set({ state: 'expiring', updated_at: nowMs })
          .where('state', '=', 'active')
          .where('expires_at', '<=', expiringBefore)
          .execute();
        const lock = engine === 'postgres' ? sql`for update skip locked` : sql``;
        const claimed = await sql<SubscriptionRow>`
          update push_subscriptions set lease_until = ${leaseUntil}
          where id in (
            select id from push_subscriptions
            where carrier = ${options.carrier} and account = ${account} and renew_at <= ${nowMs}
              and (lease_until is null or lease_until <= ${nowMs})
            order by renew_at, id
            limit ${options.limit}
            ${lock}
          )
          returning *`.execute(trx);
        return claimed.rows.map(subscriptionOf).sort((a, b) => (a.renewAt! < b.renewAt! ? -1 : a.renewAt! > b.renewAt! ? 1 : 0));
      });
    },

    async unsubscribed(options) {
      const rows = await db
        .selectFrom('trackings')
        .select(['shop_id', 'tracking_number'])
        .where('carrier', '=', options.carrier)
        .where('watched_by', 'in', ['push', 'both'])
        .where('next_check_at', 'is not', null)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('push_subscriptions')
                .select(sql.lit(1).as('found'))
                .whereRef('push_subscriptions.shop_id', '=', 'trackings.shop_id')
                .whereRef('push_subscriptions.carrier', '=', 'trackings.carrier')
                .where('push_subscriptions.account', '=', options.account ?? DEFAULT_ACCOUNT)
                .whereRef('push_subscriptions.tracking_number', '=', 'trackings.tracking_number'),
            ),
          ),
        )
        .orderBy('id')
        .limit(options.limit)
        .execute();
      return rows.map((row) => ({ shopId: row.shop_id, trackingNumber: row.tracking_number }));
    },

    async summary(options) {
      const nowMs = options.now.getTime();
      const expiringBefore = nowMs + (options.expiringWithinMs ?? DEFAULT_EXPIRING_WITHIN_MS);
      const pushing = sql`state not in ('suspended', 'failed')`;
      let select = db
        .selectFrom('push_subscriptions')
        .select('carrier')
        .select((builder) => [
          builder.fn.sum<number>(sql`case when state = 'suspended' then 1 else 0 end`).as('suspended'),
          builder.fn.sum<number>(sql`case when state = 'failed' then 1 else 0 end`).as('failed'),
          builder.fn.sum<number>(sql`case when ${pushing} and expires_at <= ${nowMs} then 1 else 0 end`).as('expired'),
          builder.fn
            .sum<number>(sql`case when ${pushing} and expires_at > ${nowMs} and expires_at <= ${expiringBefore} then 1 else 0 end`)
            .as('expiring'),
          builder.fn
            .sum<number>(sql`case when ${pushing} and (expires_at is null or expires_at > ${expiringBefore}) then 1 else 0 end`)
            .as('active'),
          builder.fn.min<number>('renew_at').as('next_renewal'),
          builder.fn.min<number>(sql`case when ${pushing} and expires_at > ${nowMs} then expires_at end`).as('next_expiry'),
        ])
        .groupBy('carrier')
        .orderBy('carrier');
      if (options.shopId !== undefined) select = select.where('shop_id', '=', options.shopId);
      const rows = await select.execute();
      return rows.map((row) => ({
        carrier: row.carrier,
        active: Number(row.active ?? 0),
        expiring: Number(row.expiring ?? 0),
        expired: Number(row.expired ?? 0),
        suspended: Number(row.suspended ?? 0),
        failed: Number(row.failed ?? 0),
        nextRenewalAt: iso(row.next_renewal ?? null),
        nextExpiryAt: iso(row.next_expiry ?? null),
      }));
    },
  };
}
