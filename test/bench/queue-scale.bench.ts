// `pnpm bench queue-scale`: refresh throughput of 1, 2 and 3 queue worker processes (packages/queue) on
// BullMQ, and the most requests any carrier account received in one second against its limit.
// Goals: no account ever over its limit; 2 workers at least 1.6× one worker (a 2-core machine).
//
// A CPU-bound load: the sandbox carriers answer at once (no latency) with full journeys, and their limits are
// high enough that parsing, change detection and the store's writes are what a worker spends its time on.
// A real carrier's CPU is not wismo's to pay, so the sandbox's should not weigh on the cores either: its clock
// stands still and a warm-up pass (the same adapters and settings as the workers', before any is started)
// renders every answer once; in the timed part it sends the kept bytes (`answerCache`), still counting each
// request against the account's limit and in the request log.
// Each run gets a fresh store and queue namespace, the same number of due shipments, and starts its workers
// before the shipments are watched; the clock runs from the watch to the last stored answer. The workers are
// child processes (tsx), the sandbox carriers run in this process. Beside the wall figures (noisy on a shared
// machine) each run prints what does not depend on the neighbours: the workers' CPU per refresh and how much of
// the run their event loops sat idle (idle workers mean a serial bottleneck, not CPU), the CPU that this
// process, PostgreSQL and Redis spent meanwhile (all their clients, on a shared server), and from those costs
// the throughput the cores allow. Redis by default (`WISMO_BENCH_QUEUE=postgres` for BullMQ's PostgreSQL
// backend); the store is PostgreSQL when DATABASE_URL is set, else a SQLite file (WAL, one writer at a time).
import { readFileSync, readdirSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { createStore } from '../../packages/store/src/index';
import { postgresTestDatabase, sqliteTestDatabase, type TestDatabase } from '../../packages/store/src/__fixtures__/test-stores';
import {
  WISMO_CARRIERS,
  createRequestLog,
  createSandboxClock,
  startSandboxCarriers,
  type RunningSandboxCarriers,
} from '../../packages/testkit/src/index';
import {
  POSTGRES_URL,
  REDIS_URL,
  postgresTestBackend,
  redisTestBackend,
  startWorkerProcess,
  type TestQueueBackend,
  type WorkerProcess,
  type WorkerUsage,
} from '../../packages/queue/src/__fixtures__/worker-processes';

const SHIPMENTS = Number(process.env.WISMO_BENCH_QUEUE_SHIPMENTS ?? 1_500);
/** `WISMO_BENCH_QUEUE_WORKERS=1,2` compares fewer counts; `WISMO_BENCH_QUEUE_ROUNDS=3` repeats them in turn (medians). */
const WORKER_COUNTS = (process.env.WISMO_BENCH_QUEUE_WORKERS ?? '1,2,3').split(',').map(Number);
const ROUNDS = Math.max(1, Number(process.env.WISMO_BENCH_QUEUE_ROUNDS ?? 1));
/** Refresh jobs per carrier account each worker runs at once: enough that job slots never hold a worker back. */
const CONCURRENCY = 64;
const GOAL_RATIO = 1.6;
/** Per account; high enough not to be what limits a worker on this machine, low enough to be checked. */
const LIMITS = {
  ups: { requests: 1_000, intervalMs: 1_000 },
  usps: { requests: 1_000, intervalMs: 1_000 },
  dhl: { requests: 1_000, intervalMs: 1_000 },
} as const;
type Carrier = keyof typeof LIMITS;
const CARRIERS = Object.keys(LIMITS) as Carrier[];

interface RunResult {
  workers: number;
  refreshes: number;
  seconds: number;
  perSecond: number;
  busiest: Array<{ carrier: string; requests: number; limit: number }>;
  busiestWindow: Array<{ carrier: string; requests: number }>;
  rateLimited: number;
  askedTwice: number;
  /** Tracking answers sent from the warm-up's rendering, of all sent in the timed part (one number each). */
  fromCache: number;
  answered: number;
  /** Per worker, from the watch to the last stored answer: CPU seconds, refreshes, and the share its event loop sat idle. */
  perWorker: Array<{ cpuSeconds: number; refreshed: number; idleShare: number }>;
  /** This process: the sandbox carriers and the watch. */
  parentCpuSeconds: number;
  /** PostgreSQL and Redis server processes over the run (every client's work, null off Linux). */
  serverCpuSeconds: number | null;
  /** Every core's busy time over the run (this bench's processes and everyone else's), null off Linux. */
  machineBusySeconds: number | null;
}

const CLOCK_TICKS_PER_SECOND = 100;

/** CPU seconds of the PostgreSQL and Redis server processes, per pid (Linux `/proc`; null elsewhere). */
function serverCpuByPid(): Map<number, number> | null {
  try {
    const byPid = new Map<number, number>();
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        const name = /\(([^)]*)\)/.exec(stat)?.[1] ?? '';
        if (!/^(postgres|redis-server)/.test(name)) continue;
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        byPid.set(Number(entry), (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND);
      } catch {
        // The process ended meanwhile.
      }
    }
    return byPid;
  } catch {
    return null;
  }
}

/** Busy CPU seconds of the whole machine so far (all cores; Linux `/proc/stat`; null elsewhere). */
function machineBusySeconds(): number | null {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    const [user, nice, system, , , irq, softirq, steal] = fields as number[];
    return (user! + nice! + system! + irq! + softirq! + steal!) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

const loadAverage = () =>
  loadavg()
    .map((load) => load.toFixed(2))
    .join(' ');

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

/** The workers' adapter settings (no retries: see queue-worker-child.ts). */
const workerAdapterSettings = (sandbox: RunningSandboxCarriers, carrier: Carrier) => ({ ...sandbox.adapterSettings(carrier), retries: 0 });

/**
 * Asks the sandbox once for every number the way a worker will (one shipment per request, the same adapter and
 * settings), so each answer is rendered before the clock starts; then forgets those requests.
 */
async function warmAnswers(sandbox: RunningSandboxCarriers, items: ReadonlyArray<{ trackingNumber: string; carrier: Carrier }>) {
  await Promise.all(
    CARRIERS.map((carrier) => {
      const adapter = WISMO_CARRIERS[carrier].create(workerAdapterSettings(sandbox, carrier));
      const numbers = items.filter((item) => item.carrier === carrier).map((item) => item.trackingNumber);
      return Promise.all(numbers.map((trackingNumber) => adapter.track([trackingNumber])));
    }),
  );
  sandbox.resetStats();
}

async function run(workerCount: number, usePostgresQueue: boolean): Promise<RunResult> {
  const requestLog = createRequestLog();
  const sandbox = await startSandboxCarriers({
    carriers: CARRIERS,
    rateLimits: LIMITS,
    requestLog,
    clock: createSandboxClock(),
    answerCache: true,
  });
  const database: TestDatabase = POSTGRES_URL ? postgresTestDatabase(POSTGRES_URL) : sqliteTestDatabase();
  const queue: TestQueueBackend = usePostgresQueue ? postgresTestBackend(POSTGRES_URL!) : redisTestBackend(REDIS_URL!);
  const store = await createStore({ url: database.url });
  const workers: WorkerProcess[] = [];
  try {
    const perCarrier = Math.ceil(SHIPMENTS / CARRIERS.length);
    const items = CARRIERS.flatMap((carrier) =>
      sandbox.generateNumbers(carrier, perCarrier, 'mixed').map((trackingNumber) => ({ trackingNumber, carrier })),
    );
    await warmAnswers(sandbox, items);
    requestLog.clear();
    for (let index = 0; index < workerCount; index++)
      workers.push(
        startWorkerProcess({
          storeUrl: database.url,
          queueUrl: queue.url,
          namespace: queue.namespace,
          carriers: Object.fromEntries(CARRIERS.map((carrier) => [carrier, sandbox.adapterSettings(carrier)])),
          tickEveryMs: 200,
          concurrency: CONCURRENCY,
          report: false,
        }),
      );
    await Promise.all(workers.map((worker) => worker.ready));
    const usageBefore = await Promise.all(workers.map((worker) => worker.usage()));
    const serversBefore = serverCpuByPid();
    const machineBefore = machineBusySeconds();
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
    const machineAfter = machineBusySeconds();
    const serversAfter = serverCpuByPid();
    const usageAfter: WorkerUsage[] = await Promise.all(workers.map((worker) => worker.usage()));
    for (const worker of workers) worker.kill('SIGTERM');
    const exits = await Promise.all(workers.map((worker) => worker.exited));
    const served = requestLog.timesServed();
    const stats = Object.values(sandbox.stats());
    return {
      workers: workerCount,
      refreshes: items.length,
      seconds,
      perSecond: items.length / seconds,
      busiest: requestLog
        .busiestSecondPerAccount()
        .map(({ carrier, requests }) => ({ carrier, requests, limit: LIMITS[carrier as Carrier].requests })),
      busiestWindow: requestLog.busiestWindowPerAccount(1_000).map(({ carrier, requests }) => ({ carrier, requests })),
      rateLimited: requestLog.entries().filter((entry) => entry.rateLimited).length,
      askedTwice: [...served.values()].filter((times) => times > 1).length,
      fromCache: stats.reduce((sum, carrier) => sum + carrier.answersFromCache, 0),
      answered: stats.reduce((sum, carrier) => sum + carrier.trackingNumbersServed, 0),
      parentCpuSeconds,
      perWorker: workers.map((worker, index) => {
        const before = usageBefore[index]!;
        const after = usageAfter[index]!;
        return {
          cpuSeconds: (after.cpuMs - before.cpuMs) / 1000,
          refreshed: exits[index]!.stopped?.refreshed ?? worker.refreshedCount,
          idleShare: (after.idleMs - before.idleMs) / (after.atMs - before.atMs),
        };
      }),
      serverCpuSeconds:
        serversBefore && serversAfter ? [...serversAfter].reduce((sum, [pid, cpu]) => sum + cpu - (serversBefore.get(pid) ?? 0), 0) : null,
      machineBusySeconds: machineBefore !== null && machineAfter !== null ? machineAfter - machineBefore : null,
    };
  } finally {
    for (const worker of workers) worker.kill('SIGKILL');
    await store.close();
    await sandbox.close();
    await database.drop();
    await queue.drop();
  }
}

/** The middle value (the lower of the two middle ones). */
const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;

function describeRun(result: RunResult): string {
  const busiest = result.busiest.map(({ carrier, requests, limit }) => `${carrier} ${requests}/${limit}`).join(', ');
  const sliding = result.busiestWindow.map(({ carrier, requests }) => `${carrier} ${requests}`).join(', ');
  const workerCpu = result.perWorker.reduce((sum, worker) => sum + worker.cpuSeconds, 0);
  const perWorker = result.perWorker
    .map(
      (worker) =>
        `${worker.refreshed} refreshed, ${worker.cpuSeconds.toFixed(1)} s CPU (${((worker.cpuSeconds / result.seconds) * 100).toFixed(0)}%), idle ${(worker.idleShare * 100).toFixed(0)}%`,
    )
    .join('; ');
  const servers = result.serverCpuSeconds === null ? 'n/a' : `${result.serverCpuSeconds.toFixed(1)} s`;
  const machine =
    result.machineBusySeconds === null
      ? 'n/a'
      : `${(result.machineBusySeconds / result.seconds).toFixed(2)} of ${availableParallelism()} cores`;
  return (
    `${result.workers} worker(s): ${result.perSecond.toFixed(0)} refreshes/s (${result.seconds.toFixed(1)} s); ` +
    `worker CPU ${((workerCpu * 1000) / result.refreshes).toFixed(2)} ms per refresh [${perWorker}]; ` +
    `sandbox CPU ${result.parentCpuSeconds.toFixed(1)} s, PostgreSQL+Redis CPU ${servers}, machine busy ${machine}; ` +
    `busiest second per account: ${busiest}; busiest 1 s window: ${sliding}; 429s: ${result.rateLimited}; asked twice: ${result.askedTwice}; ` +
    `answers from the warm-up's rendering: ${result.fromCache} of ${result.answered}`
  );
}

export default async function queueScaleBench(): Promise<void> {
  const usePostgresQueue = process.env.WISMO_BENCH_QUEUE === 'postgres';
  if (usePostgresQueue ? !POSTGRES_URL : !REDIS_URL) {
    console.log(`SKIPPED: set ${usePostgresQueue ? 'DATABASE_URL' : 'REDIS_URL'} to run the queue scale bench.`);
    return;
  }
  console.log(
    `${SHIPMENTS} due shipments over ${CARRIERS.join(', ')} (limits ${CARRIERS.map((carrier) => `${LIMITS[carrier].requests}/s`).join(', ')}), ` +
      `queue on ${usePostgresQueue ? 'PostgreSQL' : 'Redis'}, store on ${POSTGRES_URL ? 'PostgreSQL' : 'SQLite'}, ` +
      `${ROUNDS} round(s) of ${WORKER_COUNTS.join(', ')} workers back to back; load average ${loadAverage()}`,
  );
  const results: RunResult[] = [];
  for (let round = 0; round < ROUNDS; round++)
    for (const workers of WORKER_COUNTS) {
      const result = await run(workers, usePostgresQueue);
      results.push(result);
      console.log(describeRun(result));
    }
  const perSecond = (workers: number) => median(results.filter((result) => result.workers === workers).map((result) => result.perSecond));
  const over = results.flatMap((result) => result.busiest.filter(({ requests, limit }) => requests > limit));
  const ratios = WORKER_COUNTS.filter((workers) => workers > 1).map((workers) => {
    const ratio = perSecond(workers) / perSecond(1);
    return `${workers} workers / 1: ${ratio.toFixed(2)}×${workers === 2 ? ` (goal ≥ ${GOAL_RATIO}×: ${ratio >= GOAL_RATIO ? 'met' : 'NOT met'})` : ''}`;
  });
  console.log(
    `${ratios.length > 0 ? `${ROUNDS > 1 ? 'medians: ' : ''}${ratios.join('; ')}; ` : ''}` +
      `limits: ${over.length === 0 ? 'never exceeded in any second' : `EXCEEDED ${over.length} time(s)`}; load average now ${loadAverage()}`,
  );
  console.log(cpuCeilings(results));
}

/**
 * What the measured CPU costs allow on this machine's cores when nothing else runs: one worker is held to one
 * core; more share the cores with what each refresh also costs outside the workers (the sandbox carriers in this
 * process, PostgreSQL, Redis). On a loaded machine the wall figures follow the scheduler; these do not. Each cost
 * is the lowest seen (neighbours only add to it); the cost outside the workers hardly depends on their number,
 * and a shared PostgreSQL counts the neighbours' queries too, so it is the lowest of every run.
 */
function cpuCeilings(results: readonly RunResult[]): string {
  const cores = availableParallelism();
  const measured = results.filter((result) => result.serverCpuSeconds !== null);
  if (measured.length === 0) return 'CPU ceilings: n/a (no /proc)';
  const outsideMs = Math.min(...measured.map((run) => ((run.parentCpuSeconds + run.serverCpuSeconds!) * 1000) / run.refreshes));
  const ceilings = WORKER_COUNTS.flatMap((workers) => {
    const runs = measured.filter((result) => result.workers === workers);
    if (runs.length === 0) return [];
    const workerMs = Math.min(
      ...runs.map((run) => (run.perWorker.reduce((sum, worker) => sum + worker.cpuSeconds, 0) * 1000) / run.refreshes),
    );
    const perSecond = Math.min((workers * 1000) / workerMs, (cores * 1000) / (workerMs + outsideMs));
    return [{ workers, workerMs, perSecond }];
  });
  const one = ceilings.find((ceiling) => ceiling.workers === 1);
  return (
    `CPU ceilings on ${cores} idle cores, from ${outsideMs.toFixed(2)} ms per refresh outside the workers (sandbox, PostgreSQL, Redis) and in the workers: ` +
    ceilings
      .map(
        (ceiling) =>
          `${ceiling.workers} worker(s) ${ceiling.workerMs.toFixed(2)} ms → ${ceiling.perSecond.toFixed(0)}/s` +
          (one && ceiling !== one ? ` (${(ceiling.perSecond / one.perSecond).toFixed(2)}×)` : ''),
      )
      .join('; ')
  );
}
