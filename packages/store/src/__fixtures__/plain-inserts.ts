import { sql, type Kysely } from 'kysely';
import type { Shipment } from '@wismo/core';

/*
 * The ingest benchmark's baseline: what a store without change detection writes for a tracker answer (the
 * shipment row and every event row of the answer), with plain batched INSERTs, in its own two tables.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the baseline's own tables are outside the store's schema
export type AnyDb = Kysely<any>;

export async function createPlainTables(db: AnyDb, engine: 'sqlite' | 'postgres'): Promise<void> {
  const instant = engine === 'postgres' ? 'bigint' : 'integer';
  await db.schema
    .createTable('plain_shipments')
    .ifNotExists()
    .addColumn('tracking_number', 'text', (column) => column.notNull())
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('fetched_at', instant, (column) => column.notNull())
    .addColumn('shipment', 'text', (column) => column.notNull())
    .execute();
  await db.schema
    .createTable('plain_events')
    .ifNotExists()
    .addColumn('tracking_number', 'text', (column) => column.notNull())
    .addColumn('occurred_at', 'text')
    .addColumn('code', 'text')
    .addColumn('data', 'text', (column) => column.notNull())
    .execute();
}

export async function plainInsert(db: AnyDb, engine: 'sqlite' | 'postgres', answers: readonly Shipment[]): Promise<void> {
  const write = async (executor: AnyDb) => {
    const shipments = answers.map((answer) => ({
      tracking_number: answer.trackingNumber,
      status: answer.status,
      fetched_at: Date.parse(answer.fetchedAt),
      shipment: JSON.stringify(answer),
    }));
    for (let index = 0; index < shipments.length; index += 250)
      await executor
        .insertInto('plain_shipments')
        .values(shipments.slice(index, index + 250))
        .execute();
    const events = answers.flatMap((answer) =>
      answer.events.map((event) => ({
        tracking_number: answer.trackingNumber,
        occurred_at: event.occurredAt ?? event.localTime,
        code: event.raw.code,
        data: JSON.stringify(event),
      })),
    );
    for (let index = 0; index < events.length; index += 400)
      await executor
        .insertInto('plain_events')
        .values(events.slice(index, index + 400))
        .execute();
  };
  if (engine === 'postgres') await db.transaction().execute((trx) => write(trx));
  else
    await db.connection().execute(async (connection) => {
      await sql`begin immediate`.execute(connection);
      await write(connection);
      await sql`commit`.execute(connection);
    });
}
