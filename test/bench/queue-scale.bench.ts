// `pnpm bench queue-scale`: refresh throughput of 1, 2 and 3 queue worker processes (packages/queue) on
// BullMQ, and the most requests any carrier account received in one second against its limit.
// Goals: no account ever over its limit; 2 workers at least 1.6× one worker (a 2-core machine).
//
// A CPU-bound load: the sandbox carriers answer at once (no latency) with full journeys, and their limits are
// high enough that parsing, change detection and the store's writes are what a worker spends its time on.
// Each run gets a fresh store and queue namespace, the same number of due shipments, and starts its workers
// before the shipments are watched; the clock runs from the watch to the last stored answer. The workers are
// child processes (tsx), the sandbox carriers run in this process. Redis by default
// (`WISMO_BENCH_QUEUE=postgres` for BullMQ's PostgreSQL backend); the store is PostgreSQL when DATABASE_URL is
// set, else a SQLite file (WAL, one writer at a time).
import { createStore } from '../../packages/store/src/index';
import { postgresTestDatabase, sqliteTestDatabase, type TestDatabase } from '../../packages/store/src/__fixtures__/test-stores';
import { createRequestLog, startSandboxCarriers } from '../../packages/testkit/src/index';
import {
  POSTGRES_URL,
  REDIS_URL,
  postgresTestBackend,
  redisTestBackend,
  startWorkerProcess,
  type TestQueueBackend,
  type WorkerProcess,
} from '../../packages/queue/src/__fixtures__/worker-processes';

const SHIPMENTS = Number(process.env.WISMO_BENCH_QUEUE_SHIPMENTS ?? 1_500);
const WORKER_COUNTS = [1, 2, 3] as const;
const GOAL_RATIO = 1.6;
/** Per account; high enough not to be what limits a worker on this machine, low enough to be checked. */
const LIMITS = {
  ups: { requests: 300, intervalMs: 1_000 },
  usps: { requests: 300, intervalMs: 1_000 },
  dhl: { requests: 300, intervalMs: 1_000 },
} as const;
type Carrier = keyof typeof LIMITS;
const CARRIERS = Object.keys(LIMITS) as Carrier[];

interface RunResult {
  workers: number;
  seconds: number;
  perSecond: number;
  busiest: Array<{ carrier: string; requests: number; limit: number }>;
  busiestWindow: Array<{ carrier: string; requests: number }>;
  rateLimited: number;
  askedTwice: number;
  workerCpuSeconds: number;
  /** This process: the sandbox carriers and the watch. */
  parentCpuSeconds: number;
}

function waitForCount(workers: readonly WorkerProcess[], count: number, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const timer = setInterval(() => {
      const done = workers.reduce((sum, worker) => sum + worker.refreshedCount, 0);
      if (done >= count) {
        clearInterval(timer);
        resolve();
      } else if (Date.now() - started > timeoutMs) {
        clearInterval(timer);
        reject(new Error(`${done} of ${count} refreshed after ${timeoutMs} ms`));
      }
    }, 20);
  });
}

async function run(workerCount: number, usePostgresQueue: boolean): Promise<RunResult> {
  const requestLog = createRequestLog();
  const sandbox = await startSandboxCarriers({ carriers: CARRIERS, rateLimits: LIMITS, requestLog });
  const database: TestDatabase = POSTGRES_URL ? postgresTestDatabase(POSTGRES_URL) : sqliteTestDatabase();
  const queue: TestQueueBackend = usePostgresQueue ? postgresTestBackend(POSTGRES_URL!) : redisTestBackend(REDIS_URL!);
  const store = await createStore({ url: database.url });
  const workers: WorkerProcess[] = [];
  try {
    for (let index = 0; index < workerCount; index++)
      workers.push(
        startWorkerProcess({
          storeUrl: database.url,
          queueUrl: queue.url,
          namespace: queue.namespace,
          carriers: Object.fromEntries(CARRIERS.map((carrier) => [carrier, sandbox.adapterSettings(carrier)])),
          tickEveryMs: 200,
          concurrency: 16,
          report: false,
        }),
      );
    await Promise.all(workers.map((worker) => worker.ready));
    const perCarrier = Math.ceil(SHIPMENTS / CARRIERS.length);
    const items = CARRIERS.flatMap((carrier) =>
      sandbox.generateNumbers(carrier, perCarrier, 'mixed').map((trackingNumber) => ({ trackingNumber, carrier })),
    );
    const started = performance.now();
    const parentCpu = process.cpuUsage();
    await store.shop().watchMany(items);
    await waitForCount(workers, items.length, 300_000).catch((error: Error) => {
      throw new Error(
        `${workerCount} worker(s): ${error.message} (per worker: ${workers.map((worker) => worker.refreshedCount).join(', ')})`,
      );
    });
    const seconds = (performance.now() - started) / 1000;
    const parentUsage = process.cpuUsage(parentCpu);
    const parentCpuSeconds = (parentUsage.user + parentUsage.system) / 1e6;
    for (const worker of workers) worker.kill('SIGTERM');
    const exits = await Promise.all(workers.map((worker) => worker.exited));
    const served = requestLog.timesServed();
    return {
      workers: workerCount,
      seconds,
      perSecond: items.length / seconds,
      busiest: requestLog
        .busiestSecondPerAccount()
        .map(({ carrier, requests }) => ({ carrier, requests, limit: LIMITS[carrier as Carrier].requests })),
      busiestWindow: requestLog.busiestWindowPerAccount(1_000).map(({ carrier, requests }) => ({ carrier, requests })),
      rateLimited: requestLog.entries().filter((entry) => entry.rateLimited).length,
      askedTwice: [...served.values()].filter((times) => times > 1).length,
      parentCpuSeconds,
      workerCpuSeconds: exits.reduce((sum, exit) => sum + (exit.stopped?.cpuMs ?? 0), 0) / 1000,
    };
  } finally {
    for (const worker of workers) worker.kill('SIGKILL');
    await store.close();
    await sandbox.close();
    await database.drop();
    await queue.drop();
  }
}

export default async function queueScaleBench(): Promise<void> {
  const usePostgresQueue = process.env.WISMO_BENCH_QUEUE === 'postgres';
  if (usePostgresQueue ? !POSTGRES_URL : !REDIS_URL) {
    console.log(`SKIPPED: set ${usePostgresQueue ? 'DATABASE_URL' : 'REDIS_URL'} to run the queue scale bench.`);
    return;
  }
  console.log(
    `${SHIPMENTS} due shipments over ${CARRIERS.join(', ')} (limits ${CARRIERS.map((carrier) => `${LIMITS[carrier].requests}/s`).join(', ')}), ` +
      `queue on ${usePostgresQueue ? 'PostgreSQL' : 'Redis'}, store on ${POSTGRES_URL ? 'PostgreSQL' : 'SQLite'}; load average ${(
        await import('node:os')
      )
        .loadavg()
        .map((load) => load.toFixed(2))
        .join(' ')}`,
  );
  const results: RunResult[] = [];
  for (const workers of WORKER_COUNTS) {
    const result = await run(workers, usePostgresQueue);
    results.push(result);
    const busiest = result.busiest.map(({ carrier, requests, limit }) => `${carrier} ${requests}/${limit}`).join(', ');
    const sliding = result.busiestWindow.map(({ carrier, requests }) => `${carrier} ${requests}`).join(', ');
    console.log(
      `${workers} worker(s): ${result.perSecond.toFixed(0)} refreshes/s (${result.seconds.toFixed(1)} s, worker CPU ${result.workerCpuSeconds.toFixed(1)} s, sandbox CPU ${result.parentCpuSeconds.toFixed(1)} s); ` +
        `busiest second per account: ${busiest}; busiest 1 s window: ${sliding}; 429s: ${result.rateLimited}; asked twice: ${result.askedTwice}`,
    );
  }
  const [one, two, three] = results as [RunResult, RunResult, RunResult];
  const over = results.flatMap((result) => result.busiest.filter(({ requests, limit }) => requests > limit));
  console.log(
    `2 workers / 1: ${(two.perSecond / one.perSecond).toFixed(2)}× (goal ≥ ${GOAL_RATIO}×: ${two.perSecond / one.perSecond >= GOAL_RATIO ? 'met' : 'NOT met'}); ` +
      `3 workers / 1: ${(three.perSecond / one.perSecond).toFixed(2)}×; ` +
      `limits: ${over.length === 0 ? 'never exceeded in any second' : `EXCEEDED ${over.length} time(s)`}; load average now ${(
        await import('node:os')
      )
        .loadavg()
        .map((load) => load.toFixed(2))
        .join(' ')}`,
  );
}
