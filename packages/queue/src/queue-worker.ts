import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { RateLimitError, type Job, type JobsOptions } from 'bullmq';
import { logSafely, type Logger, type PushSubscriber, type RateLimit, type TrackManyOutcome, type Tracker } from '@wismo/core';
import {
  DEFAULT_REFRESH_POLICY,
  type ClaimedShipment,
  type IngestInput,
  type OutboxEvent,
  type RefreshPolicy,
  type Store,
} from '@wismo/store';
import { DEFAULT_ARRIVAL_JITTER_MS, queueRateLimitFor, type QueueRateLimit } from './carrier-rate-limit';
import { createIngestBatcher } from './ingest-batcher';
import { createPushSubscriptionRenewals } from './subscription-renewals';
import type { BackendQueue, BackendWorker, QueueConnection } from './queue-connection';

/** What a refresh job carries: one claimed shipment, asked of one carrier account. */
export interface RefreshJobData {
  trackingId: string;
  trackingNumber: string;
  carrier: string;
}

/** Told once per refresh whose answer was stored (tests and the bench count them). */
export interface RefreshedShipment {
  trackingId: string;
  carrier: string;
  jobId: string;
  /** 1 the first time; more after a crash (a stalled job) or a retry. */
  attemptsStarted: number;
  ok: boolean;
  changed: boolean;
  workerId: string;
}

/** A hook the carrier-push code fills: renews carrier subscriptions before they expire (UPS's last 14 days). */
export interface SubscriptionRenewals {
  /** How often to look for subscriptions to renew. */
  everyMs: number;
  renew(context: { now: Date }): Promise<unknown>;
}

export interface QueueWorkerOptions {
  connection: QueueConnection;
  store: Store;
  /** One adapter per carrier account; its `capabilities.rateLimit` (or `rateLimits`) limits that account's queue. */
  tracker: Tracker;
  /** Overrides of the documented limits, per carrier id (a raised quota, a stricter contract). */
  rateLimits?: Readonly<Record<string, RateLimit>>;
  /** See `DEFAULT_ARRIVAL_JITTER_MS`. */
  arrivalJitterMs?: number;
  /** How often the refresh tick claims due shipments. Default 1 s. */
  tickEveryMs?: number;
  /** Shipments claimed per `claimDue` call. Default 500. */
  claimBatchSize?: number;
  /** Most refresh jobs waiting per carrier account; more stay due in the store. Default 5,000. */
  maxQueuedPerCarrier?: number;
  /**
   * Refresh jobs one process runs at once per carrier account (the limiter still spaces them). A job holds its
   * slot until its answer is committed with the next ingest batch, so a busy account needs a few dozen. Default 32.
   */
  concurrency?: number;
  /** A 429 whose `Retry-After` is longer than this is stored as an error (the refresh policy backs off). Default 60 s. */
  maxRateLimitWaitMs?: number;
  /** How long a job's lock lasts; a killed worker's jobs are retried once it has expired. Default 30 s (BullMQ's). */
  lockDurationMs?: number;
  /** How often workers look for jobs whose lock expired. Default 30 s (BullMQ's). */
  stalledIntervalMs?: number;
  /** Overrides of the store's refresh policy (lease, intervals) for claims and ingest. */
  policy?: Partial<RefreshPolicy>;
  /** The notification dispatcher (`@wismo/notify`'s `createDispatcher`), run as its own queue. */
  dispatcher?: { runOnce(): Promise<unknown> };
  /** How often the dispatcher runs when nothing wakes it. Default 1 s. */
  dispatchEveryMs?: number;
  subscriptionRenewals?: SubscriptionRenewals;
  /** Carrier push subscribers: without `subscriptionRenewals`, their upkeep runs every minute (`createPushSubscriptionRenewals`). */
  pushSubscribers?: readonly PushSubscriber[];
  clock?: () => Date;
  logger?: Logger;
  workerId?: string;
  /** Told when a refresh job starts here (before its carrier request). */
  onRefreshStarted?: (started: { trackingId: string; carrier: string; jobId: string; attemptsStarted: number }) => void;
  onRefreshed?: (refreshed: RefreshedShipment) => void;
  /** Every outbox row written by this process's refreshes, as committed. */
  onEvents?: (events: OutboxEvent[]) => void;
  /**
   * The counter whose observers this process's adapters were given (`createCarrierRequestCounter`): flushed every
   * `tickEveryMs` and on close, so each process adds its own carrier requests to the health page.
   */
  requestCounter?: { flush(store: Store): Promise<unknown> };
}

export interface QueueWorker {
  readonly workerId: string;
  /** Carrier id → its queue's name and the limit BullMQ enforces on it. */
  readonly carrierQueues: ReadonlyMap<string, { name: string; limit: QueueRateLimit }>;
  /** Stops taking jobs, lets the jobs in progress finish and be stored, then disconnects. */
  close(): Promise<void>;
}

/** Queue names (BullMQ forbids `:` in them). One refresh queue per carrier account. */
export const QUEUE_NAMES = {
  tick: 'wismo-refresh-tick',
  notify: 'wismo-notify',
  maintenance: 'wismo-maintenance',
  refresh: (carrier: string, account = 'default') => `wismo-refresh-${carrier}-${account}`,
} as const;

const TICK_SCHEDULER_ID = 'refresh-tick';
const DISPATCH_SCHEDULER_ID = 'dispatch';
const RENEWALS_SCHEDULER_ID = 'subscription-renewals';

function inputOf(trackingId: string, outcome: TrackManyOutcome, checkedAt: Date): IngestInput {
  if (outcome.ok) return { trackingId, shipment: outcome.shipment, checkedAt };
  return { trackingId, error: { code: outcome.error.code, message: outcome.error.message, retryable: outcome.error.retryable }, checkedAt };
}

/**
 * Runs the store's work as BullMQ jobs in this process; start it in any number of processes against the
 * same store and queue backend. A job scheduler ticks the refresh: the tick claims due shipments (under the
 * store's lease) and adds one refresh job per shipment to its carrier account's queue, deduplicated per
 * shipment. Each account's queue carries that account's limit for every worker together; a 429 pauses the
 * queue for the carrier's `Retry-After`. Notifications and subscription renewals are queues of their own.
 */
export async function startQueueWorker(options: QueueWorkerOptions): Promise<QueueWorker> {
  const { connection, store, tracker } = options;
  const clock = options.clock ?? (() => new Date());
  const workerId = options.workerId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const leaseMs = options.policy?.leaseMs ?? DEFAULT_REFRESH_POLICY.leaseMs;
  const claimBatchSize = Math.max(1, options.claimBatchSize ?? 500);
  const maxQueued = Math.max(1, options.maxQueuedPerCarrier ?? 5_000);
  const maxRateLimitWaitMs = options.maxRateLimitWaitMs ?? 60_000;
  const workerSettings = {
    ...(options.lockDurationMs ? { lockDuration: options.lockDurationMs } : {}),
    ...(options.stalledIntervalMs ? { stalledInterval: options.stalledIntervalMs } : {}),
  };
  const ingest = createIngestBatcher(store, options.policy ? { policy: options.policy } : {});
  const queues: Array<BackendQueue<unknown>> = [];
  const workers: Array<BackendWorker<unknown, unknown>> = [];
  // One flush at a time: a slow store must not pile up a transaction per tick, and close() waits for the one in flight.
  let requestCountFlush: Promise<unknown> | null = null;
  const flushRequestCounts = () =>
    (requestCountFlush ??= (options.requestCounter?.flush(store) ?? Promise.resolve())
      .catch((error: unknown) =>
        logSafely(options.logger, 'warn', `carrier request counts not written: ${String((error as Error)?.message ?? error)}`, {
          workerId,
        }),
      )
      .finally(() => {
        requestCountFlush = null;
      }));
  const requestCountTimer = options.requestCounter ? setInterval(flushRequestCounts, options.tickEveryMs ?? 1_000) : null;
  requestCountTimer?.unref();
  const onWorkerError = (queue: string) => (error: Error) =>
    logSafely(options.logger, 'error', `queue ${queue}: ${error.message}`, { workerId });

  // One refresh queue per carrier account, limited for all workers together.
  const carrierQueues = new Map<string, { name: string; limit: QueueRateLimit; queue: BackendQueue<RefreshJobData> }>();
  for (const [carrier, adapter] of tracker.carriers) {
    const name = QUEUE_NAMES.refresh(carrier);
    const limit = queueRateLimitFor(
      options.rateLimits?.[carrier] ?? adapter.capabilities.rateLimit,
      options.arrivalJitterMs ?? DEFAULT_ARRIVAL_JITTER_MS,
    );
    const queue = connection.createQueue<RefreshJobData>(name);
    await queue.setGlobalRateLimit(limit.max, limit.duration);
    carrierQueues.set(carrier, { name, limit, queue });
    queues.push(queue as BackendQueue<unknown>);
  }

  const notifyQueue = options.dispatcher ? connection.createQueue<Record<string, never>>(QUEUE_NAMES.notify) : null;
  if (notifyQueue) queues.push(notifyQueue as BackendQueue<unknown>);
  const wakeDispatcher = () =>
    notifyQueue
      ?.add('dispatch', {}, { deduplication: { id: 'dispatch-wake' }, removeOnComplete: true, removeOnFail: { count: 100 } })
      .catch(onWorkerError(QUEUE_NAMES.notify));

  const refreshJobOptions = (trackingId: string): JobsOptions => ({
    // While a shipment's job waits or runs, a later claim of it (its lease ran out in a long backlog) adds nothing.
    deduplication: { id: `refresh-${trackingId}` },
    attempts: 5,
    backoff: { type: 'exponential', delay: 1_000 },
    removeOnComplete: true,
    removeOnFail: { count: 1_000 },
  });

  /** How many more jobs the account's queue should hold: what it can run before the claims' leases end. */
  async function roomIn(entry: { queue: BackendQueue<RefreshJobData>; limit: QueueRateLimit }): Promise<number> {
    const counts = await entry.queue.getJobCounts('wait', 'prioritized', 'delayed', 'active');
    const queued = Object.values(counts).reduce((sum, count) => sum + count, 0);
    const withinLease = Math.floor(((leaseMs / 2) * entry.limit.max) / entry.limit.duration);
    return Math.max(0, Math.min(maxQueued, withinLease) - queued);
  }

  async function enqueue(carrier: string, claimed: readonly ClaimedShipment[]): Promise<void> {
    const entry = carrierQueues.get(carrier)!;
    await entry.queue.addBulk(
      claimed.map((item) => ({
        name: 'refresh',
        data: { trackingId: item.id, trackingNumber: item.trackingNumber, carrier },
        opts: refreshJobOptions(item.id),
      })),
    );
  }

  /** Numbers watched without a carrier go to the queue of the carrier detection names; the rest are stored as they are. */
  async function routeUnknown(now: Date): Promise<void> {
    const claimed = await store.claimDue({ carrier: null, limit: claimBatchSize, now, workerId, leaseMs });
    const byCarrier = new Map<string, ClaimedShipment[]>();
    const unroutable: ClaimedShipment[] = [];
    for (const item of claimed) {
      const carrier = tracker.candidatesFor(item.trackingNumber).candidates.find((candidate) => carrierQueues.has(candidate));
      if (carrier) byCarrier.set(carrier, [...(byCarrier.get(carrier) ?? []), item]);
      else unroutable.push(item);
    }
    for (const [carrier, items] of byCarrier) await enqueue(carrier, items);
    if (unroutable.length === 0) return;
    // No configured carrier matches: the tracker answers with a detection error without any request.
    const outcomes = await tracker.trackMany(unroutable.map((item) => ({ trackingNumber: item.trackingNumber })));
    const checkedAt = clock();
    await Promise.all(unroutable.map((item, index) => ingest.ingest(inputOf(item.id, outcomes[index]!, checkedAt))));
  }

  async function tick(): Promise<{ enqueued: number }> {
    const now = clock();
    let enqueued = 0;
    for (const { carrier } of await store.dueCarriers(now)) {
      if (carrier === null) {
        await routeUnknown(now);
        continue;
      }
      const entry = carrierQueues.get(carrier);
      if (!entry) continue; // No account for this carrier in this deployment: it stays due.
      let room = await roomIn(entry);
      while (room > 0) {
        const claimed = await store.claimDue({ carrier, limit: Math.min(claimBatchSize, room), now, workerId, leaseMs });
        if (claimed.length === 0) break;
        await enqueue(carrier, claimed);
        enqueued += claimed.length;
        room -= claimed.length;
        if (claimed.length < claimBatchSize) break;
      }
    }
    return { enqueued };
  }

  async function refresh(job: Job<RefreshJobData>): Promise<{ changed: boolean }> {
    const { trackingId, trackingNumber, carrier } = job.data;
    options.onRefreshStarted?.({ trackingId, carrier, jobId: job.id ?? '', attemptsStarted: job.attemptsStarted });
    const [outcome] = await tracker.trackMany([{ trackingNumber, carrier }], { refresh: true });
    if (!outcome!.ok && outcome!.error.code === 'rate_limited') {
      const waitMs = outcome!.error.retryAfterMs ?? carrierQueues.get(carrier)!.limit.duration;
      if (waitMs <= maxRateLimitWaitMs) {
        // The carrier said 429: no worker asks this account again before its Retry-After; the job waits (no attempt spent).
        await carrierQueues.get(carrier)!.queue.rateLimit(waitMs);
        throw new RateLimitError();
      }
    }
    const result = await ingest.ingest(inputOf(trackingId, outcome!, clock()));
    options.onRefreshed?.({
      trackingId,
      carrier,
      jobId: job.id ?? '',
      attemptsStarted: job.attemptsStarted,
      ok: outcome!.ok,
      changed: result.changed,
      workerId,
    });
    if (result.events.length > 0) {
      options.onEvents?.(result.events);
      void wakeDispatcher();
    }
    return { changed: result.changed };
  }

  const tickQueue = connection.createQueue<Record<string, never>>(QUEUE_NAMES.tick);
  queues.push(tickQueue as BackendQueue<unknown>);
  await tickQueue.upsertJobScheduler(
    TICK_SCHEDULER_ID,
    { every: options.tickEveryMs ?? 1_000 },
    { name: 'tick', data: {}, opts: { removeOnComplete: true, removeOnFail: { count: 100 } } },
  );
  workers.push(connection.createWorker(QUEUE_NAMES.tick, tick, { ...workerSettings, concurrency: 1 }) as BackendWorker<unknown, unknown>);
  for (const { name } of carrierQueues.values())
    workers.push(
      connection.createWorker(name, refresh, { ...workerSettings, concurrency: Math.max(1, options.concurrency ?? 32) }) as BackendWorker<
        unknown,
        unknown
      >,
    );

  if (notifyQueue && options.dispatcher) {
    const dispatcher = options.dispatcher;
    await notifyQueue.upsertJobScheduler(
      DISPATCH_SCHEDULER_ID,
      { every: options.dispatchEveryMs ?? 1_000 },
      { name: 'dispatch', data: {}, opts: { removeOnComplete: true, removeOnFail: { count: 100 } } },
    );
    workers.push(
      connection.createWorker(QUEUE_NAMES.notify, () => dispatcher.runOnce(), { ...workerSettings, concurrency: 1 }) as BackendWorker<
        unknown,
        unknown
      >,
    );
  }

  const renewals =
    options.subscriptionRenewals ??
    (options.pushSubscribers?.length
      ? createPushSubscriptionRenewals({
          store,
          subscribers: options.pushSubscribers,
          ...(options.logger ? { logger: options.logger } : {}),
        })
      : null);
  if (renewals) {
    const maintenanceQueue = connection.createQueue<Record<string, never>>(QUEUE_NAMES.maintenance);
    queues.push(maintenanceQueue as BackendQueue<unknown>);
    await maintenanceQueue.upsertJobScheduler(
      RENEWALS_SCHEDULER_ID,
      { every: renewals.everyMs },
      { name: 'renew-subscriptions', data: {}, opts: { removeOnComplete: true, removeOnFail: { count: 100 } } },
    );
    workers.push(
      connection.createWorker(QUEUE_NAMES.maintenance, () => renewals.renew({ now: clock() }), {
        ...workerSettings,
        concurrency: 1,
      }) as BackendWorker<unknown, unknown>,
    );
  }

  for (const worker of workers) {
    worker.on('error', onWorkerError(worker.name));
    // A job that fails (its attempts spent, or stalled too often) leaves its shipment to the lease: say so.
    worker.on('failed', (job, error) =>
      logSafely(options.logger, 'warn', `queue ${worker.name}: job ${job?.id ?? '?'} failed: ${error.message}`, { workerId }),
    );
  }

  return {
    workerId,
    carrierQueues: new Map([...carrierQueues].map(([carrier, { name, limit }]) => [carrier, { name, limit }])),
    async close() {
      await Promise.all(workers.map((worker) => worker.close()));
      await ingest.flush();
      if (requestCountTimer) clearInterval(requestCountTimer);
      // The flush in flight took its counts before the last jobs ended: one more takes the rest.
      await requestCountFlush;
      await flushRequestCounts();
      await Promise.all(queues.map((queue) => queue.close()));
      await connection.close();
    },
  };
}
