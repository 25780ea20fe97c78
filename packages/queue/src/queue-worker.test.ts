import { afterEach, describe, expect, it } from 'vitest';
import { createTracker } from '@wismo/core';
import { createStore, type Store } from '@wismo/store';
import { createRequestLog, startSandboxCarriers, type RunningSandboxCarriers } from '@wismo/testkit';
import { sqliteTestDatabase, type TestDatabase } from '../../store/src/__fixtures__/test-stores';
import { REDIS_URL, redisTestBackend, type TestQueueBackend } from './__fixtures__/worker-processes';
import { openQueueConnection } from './queue-connection';
import { startQueueWorker, type QueueWorker, type RefreshedShipment } from './queue-worker';

if (!REDIS_URL) console.warn('[queue tests] REDIS_URL is not set: the in-process queue worker tests are SKIPPED.');

describe.skipIf(!REDIS_URL)('a queue worker on Redis', () => {
  let queue: TestQueueBackend;
  let database: TestDatabase;
  let store: Store;
  let sandbox: RunningSandboxCarriers;
  let worker: QueueWorker | undefined;

  afterEach(async () => {
    await worker?.close();
    await store.close();
    await sandbox.close();
    await database.drop();
    await queue.drop();
  });

  it('on a 429 pauses the account’s queue for the Retry-After, then stores every answer', async () => {
    // The account's real limit (1 per 2 s) is tighter than the one the queue was told (4 per second). Jobs 313 ms
    // apart give the refused job's worker time to pause the queue before the next one starts, on a loaded machine too.
    const requestLog = createRequestLog();
    sandbox = await startSandboxCarriers({ carriers: ['ups'], rateLimits: { ups: { requests: 1, intervalMs: 2_000 } }, requestLog });
    database = sqliteTestDatabase();
    store = await createStore({ url: database.url });
    queue = redisTestBackend(REDIS_URL!);
    const numbers = sandbox.generateNumbers('ups', 3, 'in_transit');
    await store.shop().watchMany(numbers.map((trackingNumber) => ({ trackingNumber, carrier: 'ups' })));
    const refreshed: RefreshedShipment[] = [];
    let allStored!: () => void;
    const done = new Promise<void>((resolve) => (allStored = resolve));
    worker = await startQueueWorker({
      connection: await openQueueConnection(queue.url, { namespace: queue.namespace }),
      store,
      tracker: createTracker({ carriers: sandbox.createAdapters({ retries: 0, rateLimit: false }), cache: false }),
      rateLimits: { ups: { requests: 4, intervalMs: 1_000 } },
      tickEveryMs: 200,
      onRefreshed(item) {
        refreshed.push(item);
        if (refreshed.length === numbers.length) allStored();
      },
    });
    await done;

    expect(refreshed.every((item) => item.ok)).toBe(true);
    const entries = [...requestLog.entries()].sort((a, b) => a.atMs - b.atMs);
    const refusals = entries.filter((entry) => entry.rateLimited);
    expect(refusals.length).toBeGreaterThan(0);
    // The sandbox's Retry-After is at least 1 s: nobody asked again before it had passed.
    for (const refusal of refusals) {
      const next = entries.find((entry) => entry.atMs > refusal.atMs);
      if (next) expect(next.atMs - refusal.atMs).toBeGreaterThanOrEqual(950);
    }
    // Refused jobs waited without spending an attempt, and no number was answered twice.
    expect([...requestLog.timesServed().values()]).toEqual([1, 1, 1]);
  }, 60_000);
});
