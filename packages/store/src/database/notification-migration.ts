import type { Kysely } from 'kysely';
import type { Migration } from './migrations';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the schema builder is untyped by design
type AnyDb = Kysely<any>;

/**
 * Version 2: the notification dispatcher's tables (`@wismo/notify`). Messages are keyed by their dedupe key
 * (order, parcel, milestone, channel, recipient), unique, so that a replay or a re-ingest never sends twice.
 */
export const NOTIFICATION_TABLES_MIGRATION: Migration = {
  version: 2,
  name: 'notification cursors, settings, messages, skips, opt-outs, webhook endpoints and deliveries',
  async up(typedDb, engine) {
    const db = typedDb as AnyDb;
    const instant = engine === 'postgres' ? 'bigint' : 'integer';
    await db.schema
      .createTable('notification_cursors')
      .addColumn('shop_id', 'text', (column) => column.primaryKey())
      .addColumn('last_outbox_id', 'text', (column) => column.notNull())
      .addColumn('updated_at', instant, (column) => column.notNull())
      .execute();
    await db.schema
      .createTable('notification_settings')
      .addColumn('shop_id', 'text', (column) => column.primaryKey())
      .addColumn('data', 'text', (column) => column.notNull())
      .addColumn('updated_at', instant, (column) => column.notNull())
      .execute();
    await db.schema
      .createTable('notifications')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('shop_id', 'text', (column) => column.notNull())
      .addColumn('dedupe_key', 'text', (column) => column.notNull().unique())
      .addColumn('order_id', 'text', (column) => column.notNull())
      .addColumn('milestone', 'text', (column) => column.notNull())
      .addColumn('channel', 'text', (column) => column.notNull())
      .addColumn('address', 'text', (column) => column.notNull())
      .addColumn('customer_id', 'text', (column) => column.notNull())
      .addColumn('status', 'text', (column) => column.notNull())
      .addColumn('send_after', instant, (column) => column.notNull())
      .addColumn('lease_until', instant)
      .addColumn('lease_owner', 'text')
      .addColumn('attempts', 'integer', (column) => column.notNull())
      .addColumn('last_error', 'text')
      .addColumn('provider_id', 'text')
      .addColumn('provider_status', 'text')
      .addColumn('message', 'text', (column) => column.notNull())
      .addColumn('created_at', instant, (column) => column.notNull())
      .addColumn('updated_at', instant, (column) => column.notNull())
      .addColumn('sent_at', instant)
      .execute();
    // The claim: due rows soonest first (queued, or sending with a lapsed lease).
    await db.schema.createIndex('notifications_due').on('notifications').columns(['status', 'send_after']).execute();
    await db.schema.createIndex('notifications_by_order').on('notifications').columns(['shop_id', 'order_id']).execute();
    await db.schema.createIndex('notifications_by_recipient').on('notifications').columns(['shop_id', 'channel', 'address']).execute();
    await db.schema.createIndex('notifications_by_provider_id').on('notifications').columns(['provider_id']).execute();

    await db.schema
      .createTable('notification_skips')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('shop_id', 'text', (column) => column.notNull())
      .addColumn('order_id', 'text', (column) => column.notNull())
      .addColumn('parcel_id', 'text')
      .addColumn('milestone', 'text', (column) => column.notNull())
      .addColumn('channel', 'text', (column) => column.notNull())
      .addColumn('reason', 'text', (column) => column.notNull())
      .addColumn('detail', 'text')
      .addColumn('created_at', instant, (column) => column.notNull())
      .execute();
    await db.schema.createIndex('notification_skips_by_order').on('notification_skips').columns(['shop_id', 'order_id']).execute();

    await db.schema
      .createTable('notification_opt_outs')
      .addColumn('shop_id', 'text', (column) => column.notNull())
      .addColumn('customer_id', 'text', (column) => column.notNull())
      .addColumn('channel', 'text', (column) => column.notNull())
      .addColumn('address', 'text', (column) => column.notNull())
      .addColumn('source', 'text', (column) => column.notNull())
      .addColumn('created_at', instant, (column) => column.notNull())
      .addPrimaryKeyConstraint('notification_opt_outs_pk', ['shop_id', 'customer_id', 'channel'])
      .execute();
    await db.schema
      .createIndex('notification_opt_outs_by_address')
      .on('notification_opt_outs')
      .columns(['shop_id', 'channel', 'address'])
      .execute();

    await db.schema
      .createTable('webhook_endpoints')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('shop_id', 'text', (column) => column.notNull())
      .addColumn('url', 'text', (column) => column.notNull())
      .addColumn('secret', 'text', (column) => column.notNull())
      .addColumn('previous_secret', 'text')
      .addColumn('previous_secret_until', instant)
      .addColumn('event_types', 'text')
      .addColumn('disabled_at', instant)
      .addColumn('disabled_reason', 'text')
      .addColumn('created_at', instant, (column) => column.notNull())
      .addColumn('updated_at', instant, (column) => column.notNull())
      .execute();
    await db.schema.createIndex('webhook_endpoints_by_shop').on('webhook_endpoints').columns(['shop_id', 'id']).execute();

    await db.schema
      .createTable('webhook_deliveries')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('shop_id', 'text', (column) => column.notNull())
      .addColumn('endpoint_id', 'text', (column) => column.notNull())
      .addColumn('message_id', 'text', (column) => column.notNull())
      .addColumn('event_type', 'text', (column) => column.notNull())
      .addColumn('payload', 'text', (column) => column.notNull())
      .addColumn('status', 'text', (column) => column.notNull())
      .addColumn('attempts', 'integer', (column) => column.notNull())
      .addColumn('next_attempt_at', instant)
      .addColumn('lease_until', instant)
      .addColumn('last_status_code', 'integer')
      .addColumn('last_error', 'text')
      .addColumn('attempt_log', 'text', (column) => column.notNull())
      .addColumn('created_at', instant, (column) => column.notNull())
      .addColumn('updated_at', instant, (column) => column.notNull())
      .addColumn('delivered_at', instant)
      .addUniqueConstraint('webhook_deliveries_endpoint_message', ['endpoint_id', 'message_id'])
      .execute();
    await db.schema.createIndex('webhook_deliveries_due').on('webhook_deliveries').columns(['status', 'next_attempt_at']).execute();
    await db.schema
      .createIndex('webhook_deliveries_by_endpoint')
      .on('webhook_deliveries')
      .columns(['shop_id', 'endpoint_id', 'id'])
      .execute();
  },
};
