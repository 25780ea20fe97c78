import { createUpsPushSubscriber } from '@wismo/carrier-ups';
import { createTracker } from '@wismo/core';
import { createStore, type PushSubscriptionRenewalReport, type Store } from '@wismo/store';
import { createSandboxClock, createSandboxPusher, generateSandboxNumbers } from '@wismo/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { sqliteTestDatabase, type TestDatabase } from '../../store/src/__fixtures__/test-stores';
import { REDIS_URL, redisTestBackend, type TestQueueBackend } from './__fixtures__/worker-processes';
import { openQueueConnection } from './queue-connection';
import { startQueueWorker, type QueueWorker, type QueueWorkerOptions } from './queue-worker';
import { createPushSubscriptionRenewals } from './subscription-renewals';

const START = new Date('2026-03-30T06:00:00Z');
const DAY = 24 * 3_600_000;

describe.skipIf(!REDIS_URL)('push subscription renewals as a BullMQ job scheduler', () => {
  let queue: TestQueueBackend;
  let database: TestDatabase;
  let store: Store;
  let worker: QueueWorker | undefined;

  afterEach(async () => {
    await worker?.close();
    await store.close();
    await database.drop();
    await queue.drop();
  });

  it('subscribes a parcel watched with push, then renews it once the renewal day has come', async () => {
    const clock = createSandboxClock(START);
    const upsApi = createSandboxPusher({ carrier: 'ups', clock, advancingStart: START, secret: 'ups-credential-queue' });
    database = sqliteTestDatabase();
    store = await createStore({ url: database.url, clock: () => clock.now() });
    queue = redisTestBackend(REDIS_URL!);
    const [number] = generateSandboxNumbers('ups', 1, 'in_transit');
    await store.shop().watch(number!, { carrier: 'ups', watchedBy: 'push' });
    const subscriber = createUpsPushSubscriber({
      flavour: 'v1',
      destination: { url: 'http://wismo.test/webhooks/carriers/ups', credential: 'ups-credential-queue' },
      accessToken: async () => 'sandbox-token',
      fetch: upsApi.subscriptionApi,
      now: () => clock.now(),
    });
    const subscriptionOf = async () => (await store.pushSubscriptions.list({ carrier: 'ups' })).items[0];
    // A worker on the test's queue, store and clock, ticking once a minute; `work` is what else it runs.
    const startWorker = async (work: Pick<QueueWorkerOptions, 'pushSubscribers' | 'subscriptionRenewals'>) =>
      startQueueWorker({
        connection: await openQueueConnection(queue.url, { namespace: queue.namespace }),
        store,
        tracker: createTracker({ carriers: [] }),
        clock: () => clock.now(),
        tickEveryMs: 60_000,
        ...work,
      });
    worker = await startWorker({ pushSubscribers: [subscriber] });
    await expect.poll(subscriptionOf, { timeout: 10_000, interval: 100 }).toMatchObject({
      trackingNumber: number,
      state: 'active',
      expiresAt: new Date(START.getTime() + 14 * DAY).toISOString(),
    });
    await worker.close();

    // Thirteen days on, a worker whose job scheduler runs the upkeep every 300 ms renews it before its 14 days end.
    clock.set(new Date(START.getTime() + 13 * DAY));
    const reports: PushSubscriptionRenewalReport[] = [];
    worker = await startWorker({
      subscriptionRenewals: createPushSubscriptionRenewals({
        store,
        subscribers: [subscriber],
        everyMs: 300,
        onReport: (report) => reports.push(report),
      }),
    });
    await expect
      .poll(subscriptionOf, { timeout: 10_000, interval: 100 })
      .toMatchObject({ state: 'active', expiresAt: new Date(START.getTime() + 27 * DAY).toISOString() });
    expect(reports.some((report) => report.renewed === 1)).toBe(true);
  }, 30_000);
});
