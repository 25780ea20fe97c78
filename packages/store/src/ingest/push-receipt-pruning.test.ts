import { pushBodyDigest } from '@wismo/core';
import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { testEngines, useTestStore } from '../__fixtures__/test-stores';
import { storeDatabase } from '../database/store-database';
import { DEFAULT_PUSH_RECEIPT_RETENTION_MS, type Store } from '../store-types';
import type { PushReceiptsTable } from './push-ingest';

const NOW = new Date('2026-06-01T12:00:00Z');
const DAY = 24 * 3_600_000;

describe.each(testEngines())('Store.archive prunes push receipts on $name', ({ name, available, create }) => {
  let store: Store;
  useTestStore({ available, create }, NOW, (opened) => (store = opened));
  if (!available) {
    it.skip(`${name}: DATABASE_URL is not set, PostgreSQL run SKIPPED`, () => undefined);
    return;
  }

  const receive = (daysAgo: number) => {
    const body = JSON.stringify({ daysAgo });
    return store.ingestPush({
      source: 'dhl',
      dedupeKey: pushBodyDigest(body),
      body,
      receivedAt: new Date(NOW.getTime() - daysAgo * DAY),
      updates: [],
      rejects: [],
    });
  };
  const remaining = async () => {
    const db = storeDatabase(store).db as unknown as Kysely<{ push_receipts: PushReceiptsTable }>;
    const rows = await db.selectFrom('push_receipts').select('received_at').execute();
    return rows.map((row) => Math.round((NOW.getTime() - Number(row.received_at)) / DAY)).sort((a, b) => a - b);
  };

  it('keeps receipts for the documented retention (30 days) by default, then deletes them', async () => {
    expect(DEFAULT_PUSH_RECEIPT_RETENTION_MS).toBe(30 * DAY);
    for (const daysAgo of [1, 29, 31, 90]) await receive(daysAgo);
    const result = await store.archive({ olderThan: new Date(NOW.getTime() - 365 * DAY) });
    expect(result.deletedPushReceipts).toBe(2);
    expect(await remaining()).toEqual([1, 29]);
    // A pruned delivery sent again is a new receipt, not a duplicate.
    expect((await receive(90)).duplicate).toBe(false);
  });

  it('prunes before a cut-off of its own when given one', async () => {
    const result = await store.archive({
      olderThan: new Date(NOW.getTime() - 365 * DAY),
      pushReceiptsOlderThan: new Date(NOW.getTime() - 2 * DAY),
    });
    expect(result.deletedPushReceipts).toBe(2);
    expect(await remaining()).toEqual([1]);
  });
});
