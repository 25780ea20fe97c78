import { afterEach, describe, expect, it } from 'vitest';
import { testEngines, type TestDatabase } from '../__fixtures__/test-stores';
import { createStore } from '../create-store';
import type { Store } from '../store-types';
import { storeDatabase } from './store-database';
import { batchInsertWithIds } from './batch-insert';

const COLUMNS = ['shop_id', 'tracking_id', 'order_id', 'type', 'dedupe_key', 'payload', 'created_at'] as const;

function outboxRow(key: string) {
  return { shop_id: 'default', tracking_id: null, order_id: null, type: 'test', dedupe_key: key, payload: '{}', created_at: 1 };
}

for (const engine of testEngines()) {
  describe.skipIf(!engine.available)(`batchInsertWithIds on ${engine.name}`, () => {
    let database: TestDatabase | undefined;
    let store: Store | undefined;
    afterEach(async () => {
      await store?.close();
      await database?.drop();
    });

    async function outboxIds(): Promise<Map<string, number>> {
      const rows = await storeDatabase(store!).db.selectFrom('outbox').select(['id', 'dedupe_key']).execute();
      return new Map(rows.map((row) => [row.dedupe_key, Number(row.id)]));
    }

    it('returns the id of every row written and none of the rows skipped, whether or not a statement skipped some', async () => {
      database = engine.create();
      store = await createStore({ url: database.url });
      const { db } = storeDatabase(store);
      const insert = batchInsertWithIds<ReturnType<typeof outboxRow>>(engine.name, 'outbox', [...COLUMNS], {
        idColumn: 'id',
        keyColumn: 'dedupe_key',
        rowsPerStatement: 3,
      });
      const first = await insert(db, ['a', 'b', 'c', 'd'].map(outboxRow));
      expect(first.map((row) => row.key).sort()).toEqual(['a', 'b', 'c', 'd']);
      // Statements of three: [b, e, f] skips b, [d, g, a] skips d and a, [h] skips none; e again within the batch.
      const second = await insert(db, ['b', 'e', 'f', 'd', 'g', 'a', 'h', 'e'].map(outboxRow));
      expect(second.map((row) => row.key).sort()).toEqual(['e', 'f', 'g', 'h']);
      const stored = await outboxIds();
      for (const row of [...first, ...second]) expect(row.id).toBe(stored.get(row.key));
      // A statement that writes nothing, then one that writes all.
      const third = await insert(db, ['a', 'b', 'c', 'i', 'j'].map(outboxRow));
      expect(third.map((row) => row.key).sort()).toEqual(['i', 'j']);
      const after = await outboxIds();
      for (const row of third) expect(row.id).toBe(after.get(row.key));
    });
  });
}
