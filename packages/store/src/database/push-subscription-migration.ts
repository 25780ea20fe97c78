import type { Kysely } from 'kysely';
import type { Migration } from './migrations';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the schema builder is untyped by design
type AnyDb = Kysely<any>;

/**
 * Version 6: `push_subscriptions`, one row per shop, carrier, account and tracking number subscribed to a carrier's push
 * (UPS Track Alert subscribes numbers one by one; USPS groups them under a `subscription_id`), with its expiry, state
 * and the next time the renewals look at it.
 */
export const PUSH_SUBSCRIPTIONS_MIGRATION: Migration = {
  version: 6,
  name: 'push subscriptions',
  async up(typedDb, engine) {
    const db = typedDb as AnyDb;
    const instant = engine === 'postgres' ? 'bigint' : 'integer';
    await db.schema
      .createTable('push_subscriptions')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('shop_id', 'text', (column) => column.notNull())
      .addColumn('carrier', 'text', (column) => column.notNull())
      .addColumn('account', 'text', (column) => column.notNull())
      .addColumn('tracking_number', 'text', (column) => column.notNull())
      .addColumn('subscription_id', 'text')
      .addColumn('state', 'text', (column) => column.notNull())
      .addColumn('created_at', instant, (column) => column.notNull())
      .addColumn('subscribed_at', instant)
      .addColumn('expires_at', instant)
      .addColumn('renew_at', instant)
      .addColumn('attempts', 'integer', (column) => column.notNull())
      .addColumn('last_error', 'text')
      .addColumn('lease_until', instant)
      .addColumn('updated_at', instant, (column) => column.notNull())
      .addUniqueConstraint('push_subscriptions_number', ['shop_id', 'carrier', 'account', 'tracking_number'])
      .execute();
    // The renewals' claim: due rows per carrier account, soonest first.
    await db.schema.createIndex('push_subscriptions_due').on('push_subscriptions').columns(['carrier', 'account', 'renew_at']).execute();
    await db.schema.createIndex('push_subscriptions_by_shop').on('push_subscriptions').columns(['shop_id', 'carrier', 'id']).execute();
  },
};
