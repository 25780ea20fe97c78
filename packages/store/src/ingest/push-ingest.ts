import { normaliseTrackingNumber, type PushUpdate, type Shipment } from '@wismo/core';
import type { Kysely } from 'kysely';
import { recordOfRow } from '../database/records';
import type { Database } from '../database/tables';
import type { IngestInput, IngestOptions, IngestResult, PushIngestInput, PushIngestOptions, PushIngestResult } from '../store-types';

/** The `push_receipts` table (migration 5): every verified push, raw, once per (source, dedupe key). */
export interface PushReceiptsTable {
  id: string;
  source: string;
  /** The sender's delivery id, else the SHA-256 of the body: a retried delivery finds its first copy. */
  dedupe_key: string;
  received_at: number;
  body: string;
  update_count: number;
  /** Items the receiver could not read, JSON (`PushItemReject[]`). */
  rejects: string;
  /** Trackings the push was applied to. */
  matched_count: number;
}

type PushDatabase = Database & { push_receipts: PushReceiptsTable };

/** A partial push moves the next poll to at most this far ahead, so the whole story follows soon (bursts coalesce). */
export const DEFAULT_PUSH_FOLLOW_UP_MS = 10 * 60_000;

/** Stopped trackings a push still updates: a late scan after delivery, or a number that turned up after all. */
const UPDATABLE_STOPPED: ReadonlySet<string> = new Set(['finished', 'not_found']);

export interface PushIngestDependencies {
  newId(prefix: string, nowMs: number): string;
  ingestInTransaction(executor: Kysely<Database>, inputs: readonly IngestInput[], options?: IngestOptions): Promise<IngestResult[]>;
}

/**
 * What a partial push means for a stored shipment: the pushed scans on top of everything known (ingest merges the
 * events by fingerprint), and the fields the push does not carry kept as they were.
 */
function overlay(stored: Shipment | null, update: PushUpdate): Shipment {
  const pushed = update.shipment;
  if (!stored) return pushed;
  return {
    ...stored,
    events: pushed.events,
    status: pushed.status,
    substatus: pushed.substatus,
    statusSince: pushed.statusSince,
    estimatedDelivery: pushed.estimatedDelivery ?? stored.estimatedDelivery,
    deliveredAt: pushed.deliveredAt ?? stored.deliveredAt,
    signedBy: pushed.signedBy ?? stored.signedBy,
    fetchedAt: pushed.fetchedAt,
  };
}

/**
 * One verified push, in one transaction: the raw receipt is stored (a repeat of the same delivery stops here), the
 * watched trackings of each number are found across shops, complete updates are ingested like a poll answer and
 * partial ones merged with the next poll moved forward. The never-regress rule of ingest makes arrival order
 * irrelevant. Trackings that receive pushes are marked `watchedBy: 'push'`; their slow background poll stays on.
 */
export async function ingestPushInTransaction(
  executor: Kysely<Database>,
  input: PushIngestInput,
  options: PushIngestOptions,
  dependencies: PushIngestDependencies,
): Promise<PushIngestResult> {
  const db = executor as unknown as Kysely<PushDatabase>;
  const receivedMs = input.receivedAt.getTime();
  const receiptId = dependencies.newId('psh', receivedMs);
  const inserted = await db
    .insertInto('push_receipts')
    .values({
      id: receiptId,
      source: input.source,
      dedupe_key: input.dedupeKey,
      received_at: receivedMs,
      body: input.body,
      update_count: input.updates.length,
      rejects: JSON.stringify(input.rejects),
      matched_count: 0,
    })
    .onConflict((conflict) => conflict.columns(['source', 'dedupe_key']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) {
    const first = await db
      .selectFrom('push_receipts')
      .select('id')
      .where('source', '=', input.source)
      .where('dedupe_key', '=', input.dedupeKey)
      .executeTakeFirst();
    return { receiptId: first?.id ?? receiptId, duplicate: true, applied: [], unmatched: [], results: [] };
  }

  const keyOf = (carrier: string, number: string) => `${carrier}\u0000${number}`;
  const numbers = [...new Set(input.updates.map((update) => normaliseTrackingNumber(update.trackingNumber)))];
  const carriers = [...new Set(input.updates.map((update) => update.carrier))];
  const rows =
    numbers.length === 0
      ? []
      : await executor
          .selectFrom('trackings')
          .selectAll()
          .where('tracking_number', 'in', numbers)
          // '' is a number watched without a carrier: the push settles it.
          .where('carrier', 'in', [...carriers, ''])
          .execute();
  const byNumber = new Map<string, typeof rows>();
  for (const row of rows) {
    if (row.stopped_reason !== null && !UPDATABLE_STOPPED.has(row.stopped_reason)) continue;
    for (const carrier of row.carrier === '' ? carriers : [row.carrier]) {
      const key = keyOf(carrier, row.tracking_number);
      byNumber.set(key, [...(byNumber.get(key) ?? []), row]);
    }
  }

  const pushedIds = [
    ...new Set(
      [...byNumber.values()]
        .flat()
        .filter((row) => row.watched_by === 'poll')
        .map((row) => row.id),
    ),
  ];
  if (pushedIds.length > 0)
    await executor
      .updateTable('trackings')
      .set({ watched_by: 'push' })
      .where('id', 'in', pushedIds)
      .where('watched_by', '=', 'poll')
      .execute();

  const inputs: IngestInput[] = [];
  const partialIds = new Set<string>();
  const applied: PushIngestResult['applied'] = [];
  const unmatched: PushIngestResult['unmatched'] = [];
  // A tracking updated twice in one push sees its first update's result: ingestInTransaction applies them in order.
  for (const update of input.updates) {
    const number = normaliseTrackingNumber(update.trackingNumber);
    const matches = byNumber.get(keyOf(update.carrier, number)) ?? [];
    if (matches.length === 0) {
      unmatched.push({ carrier: update.carrier, trackingNumber: number });
      continue;
    }
    applied.push({ carrier: update.carrier, trackingNumber: number, trackingIds: matches.map((row) => row.id), complete: update.complete });
    for (const row of matches) {
      const shipment = { ...(update.complete ? update.shipment : overlay(recordOfRow(row).shipment, update)), trackingNumber: number };
      inputs.push({ trackingId: row.id, shipment, checkedAt: input.receivedAt });
      if (!update.complete) partialIds.add(row.id);
    }
  }
  const results = inputs.length > 0 ? await dependencies.ingestInTransaction(executor, inputs, options) : [];

  // Partial pushes: the next poll comes soon, to fetch what the push left out; never later than planned.
  const followUpAt = receivedMs + (options.partialFollowUpMs ?? DEFAULT_PUSH_FOLLOW_UP_MS);
  const movedIds = results
    .filter((result) => partialIds.has(result.trackingId) && result.nextCheckAt !== null && Date.parse(result.nextCheckAt) > followUpAt)
    .map((result) => result.trackingId);
  if (movedIds.length > 0) {
    await executor
      .updateTable('trackings')
      .set({ next_check_at: followUpAt })
      .where('id', 'in', [...new Set(movedIds)])
      .where('next_check_at', '>', followUpAt)
      .execute();
    for (const result of results) if (movedIds.includes(result.trackingId)) result.nextCheckAt = new Date(followUpAt).toISOString();
  }
  await db
    .updateTable('push_receipts')
    .set({ matched_count: new Set(inputs.map((item) => item.trackingId)).size })
    .where('id', '=', receiptId)
    .execute();
  return { receiptId, duplicate: false, applied, unmatched, results };
}

/**
 * Deletes receipts received before `beforeMs`, a few thousand per statement so that SQLite's single writer is never
 * held long. Returns how many went.
 */
export async function prunePushReceipts(executor: Kysely<Database>, beforeMs: number): Promise<number> {
  const db = executor as unknown as Kysely<PushDatabase>;
  let deleted = 0;
  for (;;) {
    const result = await db
      .deleteFrom('push_receipts')
      .where('id', 'in', (select) => select.selectFrom('push_receipts').select('id').where('received_at', '<', beforeMs).limit(5_000))
      .executeTakeFirst();
    const count = Number(result.numDeletedRows);
    deleted += count;
    if (count < 5_000) return deleted;
  }
}
