import type { Kysely } from 'kysely';
import type { Migration } from './migrations';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the schema builder is untyped by design
type AnyDb = Kysely<any>;

/**
 * Version 5: `push_receipts`, every verified carrier or aggregator push, raw. Unique per (source, dedupe key), so a
 * sender's retry of a delivery is recognised in the same transaction that would apply it.
 */
export const PUSH_RECEIPTS_MIGRATION: Migration = {
  version: 5,
  name: 'push receipts',
  async up(typedDb, engine) {
    const db = typedDb as AnyDb;
    const instant = engine === 'postgres' ? 'bigint' : 'integer';
    await db.schema
      .createTable('push_receipts')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('source', 'text', (column) => column.notNull())
      .addColumn('dedupe_key', 'text', (column) => column.notNull())
      .addColumn('received_at', instant, (column) => column.notNull())
      .addColumn('body', 'text', (column) => column.notNull())
      .addColumn('update_count', 'integer', (column) => column.notNull())
      .addColumn('rejects', 'text', (column) => column.notNull())
      .addColumn('matched_count', 'integer', (column) => column.notNull())
      .addUniqueConstraint('push_receipts_source_dedupe_key', ['source', 'dedupe_key'])
      .execute();
    await db.schema.createIndex('push_receipts_by_time').on('push_receipts').column('received_at').execute();
  },
};
