// One queue worker process for the three-worker tests and the scale bench:
//   node --import tsx queue-worker-child.ts '<settings JSON>'
// It prints one JSON line per stored refresh (`{"type":"refreshed",…}`) after `{"type":"ready"}`, and
// stops cleanly on SIGTERM (the jobs in progress are stored first).
import { performance } from 'node:perf_hooks';
import { createTracker, type CarrierAdapter, type RateLimit } from '@wismo/core';
import { createStore } from '@wismo/store';
import { WISMO_CARRIERS, type WismoCarrierId } from '@wismo/testkit';
import { openQueueConnection } from '../queue-connection';
import { startQueueWorker } from '../queue-worker';

export interface QueueWorkerChildSettings {
  storeUrl: string;
  queueUrl: string;
  /** Redis prefix or PostgreSQL schema of this run's queues. */
  namespace: string;
  /** Carrier id → the sandbox's adapter settings. */
  carriers: Record<string, Record<string, unknown>>;
  concurrency?: number;
  tickEveryMs?: number;
  lockDurationMs?: number;
  stalledIntervalMs?: number;
  leaseMs?: number;
  /** Print a line per refresh (the bench turns it off to spend nothing on it). */
  report?: boolean;
}

const settings = JSON.parse(process.argv[2] ?? '{}') as QueueWorkerChildSettings;
const write = (line: object) => process.stdout.write(`${JSON.stringify(line)}\n`);

const adapters: CarrierAdapter[] = Object.entries(settings.carriers).map(([carrier, adapterSettings]) =>
  // No retries inside the adapter: a retry would be a request the queue's limiter never saw.
  WISMO_CARRIERS[carrier as WismoCarrierId].create({ ...adapterSettings, retries: 0 }),
);
const store = await createStore({ url: settings.storeUrl, poolSize: 3, migrate: false });
const connection = await openQueueConnection(settings.queueUrl, { namespace: settings.namespace });
let refreshed = 0;
const worker = await startQueueWorker({
  connection,
  store,
  tracker: createTracker({ carriers: adapters, cache: false }),
  // The sandbox's tight limits, which the adapters' documented capabilities do not know.
  rateLimits: Object.fromEntries(
    Object.entries(settings.carriers).flatMap(([carrier, adapterSettings]) =>
      adapterSettings.rateLimit ? [[carrier, adapterSettings.rateLimit as RateLimit]] : [],
    ),
  ),
  ...(settings.concurrency ? { concurrency: settings.concurrency } : {}),
  logger: {
    warn: (message: string) => process.stderr.write(`warn: ${message}\n`),
    error: (message: string) => process.stderr.write(`error: ${message}\n`),
  },
  ...(settings.tickEveryMs ? { tickEveryMs: settings.tickEveryMs } : {}),
  ...(settings.lockDurationMs ? { lockDurationMs: settings.lockDurationMs } : {}),
  ...(settings.stalledIntervalMs ? { stalledIntervalMs: settings.stalledIntervalMs } : {}),
  ...(settings.leaseMs ? { policy: { leaseMs: settings.leaseMs } } : {}),
  onRefreshStarted(item) {
    if (settings.report !== false) write({ type: 'started', ...item, atMs: Date.now() });
  },
  onRefreshed(item) {
    refreshed += 1;
    if (settings.report !== false) write({ type: 'refreshed', ...item, pid: process.pid });
  },
});
// Without a line per refresh, the count (when it moved, at most every 25 ms) tells the parent how far the run is.
let reported = 0;
if (settings.report === false)
  setInterval(() => {
    if (refreshed !== reported) write({ type: 'progress', refreshed: (reported = refreshed) });
  }, 25).unref();
// SIGUSR2 asks for this process's CPU time and event-loop idle time so far (the bench's per-worker figures).
process.on('SIGUSR2', () => {
  const cpu = process.cpuUsage();
  write({ type: 'usage', cpuMs: (cpu.user + cpu.system) / 1000, idleMs: performance.eventLoopUtilization().idle, atMs: performance.now() });
});

write({ type: 'ready', workerId: worker.workerId, pid: process.pid, queues: Object.fromEntries(worker.carrierQueues) });

process.once('SIGTERM', () => {
  void worker
    .close()
    .then(() => store.close())
    .then(() => {
      write({ type: 'stopped', refreshed, cpuMs: Math.round(process.cpuUsage().user / 1000 + process.cpuUsage().system / 1000) });
      process.exit(0);
    });
});
