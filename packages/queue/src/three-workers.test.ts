import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStore, type Store } from '@wismo/store';
import { createRequestLog, startSandboxCarriers, type RequestLog, type RunningSandboxCarriers } from '@wismo/testkit';
import { postgresTestDatabase, sqliteTestDatabase, type TestDatabase } from '../../store/src/__fixtures__/test-stores';
import {
  POSTGRES_URL,
  REDIS_URL,
  postgresTestBackend,
  redisTestBackend,
  startWorkerProcess,
  waitForRefreshes,
  type TestQueueBackend,
  type WorkerProcess,
} from './__fixtures__/worker-processes';

/** Tight limits, so that three workers would overrun them at once without the queues' limiter. */
const LIMITS = { ups: { requests: 6, intervalMs: 1_000 }, dhl: { requests: 3, intervalMs: 1_000 } } as const;
type Carrier = keyof typeof LIMITS;

const backends = [
  { name: 'Redis', available: REDIS_URL !== undefined, variable: 'REDIS_URL', create: () => redisTestBackend(REDIS_URL!) },
  {
    name: 'PostgreSQL',
    available: POSTGRES_URL !== undefined,
    variable: 'DATABASE_URL',
    create: () => postgresTestBackend(POSTGRES_URL!),
  },
];

for (const backend of backends) {
  if (!backend.available)
    console.warn(`[queue tests] ${backend.variable} is not set: the three-worker tests on ${backend.name} are SKIPPED.`);

  describe.skipIf(!backend.available)(`three worker processes on ${backend.name}`, () => {
    let queue: TestQueueBackend;
    let database: TestDatabase;
    let store: Store;
    let sandbox: RunningSandboxCarriers;
    let requestLog: RequestLog;
    let workers: WorkerProcess[] = [];

    async function start(options: { latencyMs?: number } = {}) {
      requestLog = createRequestLog();
      sandbox = await startSandboxCarriers({ carriers: ['ups', 'dhl'], rateLimits: LIMITS, requestLog, ...options });
      // The store follows the queue: PostgreSQL with the PostgreSQL backend, a SQLite file beside Redis.
      database = backend.name === 'PostgreSQL' ? postgresTestDatabase(POSTGRES_URL!) : sqliteTestDatabase();
      store = await createStore({ url: database.url });
    }

    async function watch(carrier: Carrier, count: number): Promise<Map<string, string>> {
      const numbers = sandbox.generateNumbers(carrier, count, 'in_transit');
      const watched = await store.shop().watchMany(numbers.map((trackingNumber) => ({ trackingNumber, carrier })));
      return new Map(watched.map((tracking) => [tracking.id, tracking.trackingNumber]));
    }

    function startWorkers(count: number, extra: { lockDurationMs?: number; stalledIntervalMs?: number; leaseMs?: number } = {}) {
      for (let index = 0; index < count; index++)
        workers.push(
          startWorkerProcess({
            storeUrl: database.url,
            queueUrl: queue.url,
            namespace: queue.namespace,
            carriers: { ups: sandbox.adapterSettings('ups'), dhl: sandbox.adapterSettings('dhl') },
            tickEveryMs: 250,
            ...extra,
          }),
        );
      return Promise.all(workers.map((worker) => worker.ready));
    }

    beforeEach(() => {
      queue = backend.create();
      workers = [];
    });

    afterEach(async () => {
      for (const worker of workers) worker.kill('SIGTERM');
      await Promise.all(workers.map((worker) => worker.exited));
      await store?.close();
      await sandbox?.close();
      await database?.drop();
      await queue.drop();
    });

    it('never exceed an account’s limit, refresh every watched shipment, and none twice in a round', async () => {
      await start();
      const watched = new Map([...(await watch('ups', 24)), ...(await watch('dhl', 12))]);
      await startWorkers(3);
      await waitForRefreshes(workers, watched.size, 60_000);
      await new Promise((resolve) => setTimeout(resolve, 500));

      // What the carriers saw: per account, never more requests in a second than its limit, and never a 429.
      for (const busiest of requestLog.busiestSecondPerAccount())
        expect(busiest.requests, `${busiest.carrier} in one second`).toBeLessThanOrEqual(LIMITS[busiest.carrier as Carrier].requests);
      expect(requestLog.entries().filter((entry) => entry.rateLimited)).toEqual([]);

      // Every shipment asked once and stored once, by several processes.
      const served = requestLog.timesServed();
      expect([...watched.values()].map((number) => served.get(number))).toEqual([...watched.values()].map(() => 1));
      const stored = workers.flatMap((worker) => worker.refreshed);
      expect(stored.map((item) => item.trackingId).sort()).toEqual([...watched.keys()].sort());
      expect(new Set(stored.map((item) => item.workerId)).size).toBeGreaterThanOrEqual(2);
      for (const id of watched.keys()) expect((await store.shop().getTracking(id))?.lastCheckedAt).not.toBeNull();
    }, 90_000);

    it('retry the jobs of a worker killed with SIGKILL mid-job, and lose nothing', async () => {
      // Slow answers keep jobs in flight; a lease of ten minutes means only BullMQ's stalled-job check can bring them back.
      await start({ latencyMs: 600 });
      const watched = await watch('ups', 30);
      await startWorkers(3, { lockDurationMs: 2_000, stalledIntervalMs: 1_000, leaseMs: 600_000 });
      const victim = workers[0]!;
      // Killed once it has stored one shipment and has another one's carrier request in flight.
      await new Promise<void>((resolve) => victim.onStarted(() => victim.refreshed.length > 0 && resolve()));
      victim.kill('SIGKILL');
      const lostInFlight = [...victim.inFlight];
      expect((await victim.exited).signal).toBe('SIGKILL');
      expect(lostInFlight.length).toBeGreaterThan(0);

      await waitForRefreshes(workers, watched.size, 60_000);
      const stored = workers.flatMap((worker) => worker.refreshed);
      expect(new Set(stored.map((item) => item.trackingId))).toEqual(new Set(watched.keys()));
      // The killed worker's jobs ran again elsewhere: a second start, not a second claim.
      for (const trackingId of lostInFlight) {
        const survivor = stored.find((item) => item.trackingId === trackingId)!;
        expect(survivor.workerId).not.toBe(victim.refreshed[0]!.workerId);
        expect(survivor.attemptsStarted).toBeGreaterThan(1);
      }
      for (const id of watched.keys()) expect((await store.shop().getTracking(id))?.lastCheckedAt).not.toBeNull();
    }, 90_000);
  });
}
