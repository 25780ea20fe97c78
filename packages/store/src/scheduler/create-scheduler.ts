import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { logSafely, type TrackManyOutcome } from '@wismo/core';
import type { ClaimedShipment, IngestInput, OutboxEvent, RoundReport, Scheduler, SchedulerOptions } from '../store-types';
import { DEFAULT_REFRESH_POLICY } from './refresh-policy';
import { renewPushSubscriptions } from './subscription-renewals';

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

function inputOf(claimed: ClaimedShipment, outcome: TrackManyOutcome, checkedAt: Date): IngestInput {
  if (outcome.ok) return { trackingId: claimed.id, shipment: outcome.shipment, checkedAt };
  return {
    trackingId: claimed.id,
    error: { code: outcome.error.code, message: outcome.error.message, retryable: outcome.error.retryable },
    checkedAt,
  };
}

/**
 * The refresh scheduler. Each round asks the store which carriers have due shipments, then per carrier (in
 * parallel) claims batches under a lease and sends them through `tracker.trackMany`, so the tracker's batching,
 * coalescing and rate limits apply unchanged. While one batch is being ingested the next is already being tracked.
 * The next check time of each shipment is decided by the store's ingest (the refresh policy).
 */
export function createScheduler(options: SchedulerOptions): Scheduler {
  const { store, tracker } = options;
  const clock = options.clock ?? (() => new Date());
  const batchSize = Math.max(1, options.batchSize ?? 500);
  const leaseMs = options.policy?.leaseMs ?? DEFAULT_REFRESH_POLICY.leaseMs;
  const workerId = options.workerId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const idleDelayMs = options.idleDelayMs ?? 5_000;
  const reportedEvents = Math.max(0, options.reportedEvents ?? 1_000);
  const renewEveryMs = options.renewEveryMs ?? 60_000;
  let lastRenewalMs = Number.NEGATIVE_INFINITY;

  async function runCarrier(carrier: string | null, now: Date, report: RoundReport): Promise<void> {
    const entry = (report.byCarrier[carrier ?? '(unknown)'] ??= { claimed: 0, errors: 0 });
    const claim = () => store.claimDue({ carrier, limit: batchSize, now, workerId, leaseMs });
    const track = async (claimed: ClaimedShipment[]) => ({
      claimed,
      outcomes:
        claimed.length === 0
          ? []
          : await tracker.trackMany(
              claimed.map((item) => ({ trackingNumber: item.trackingNumber, carrier: item.carrier ?? undefined })),
              { refresh: true },
            ),
    });
    let inFlight = claim().then(track);
    for (;;) {
      const { claimed, outcomes } = await inFlight;
      if (claimed.length === 0) break;
      const checkedAt = clock();
      // Track the next batch while this one is written.
      inFlight = claimed.length < batchSize ? Promise.resolve({ claimed: [], outcomes: [] }) : claim().then(track);
      const results = await store.ingestMany(
        claimed.map((item, index) => inputOf(item, outcomes[index]!, checkedAt)),
        options.policy ? { policy: options.policy } : undefined,
      );
      report.claimed += claimed.length;
      entry.claimed += claimed.length;
      report.checked += outcomes.filter((outcome) => outcome.ok).length;
      const errors = outcomes.filter((outcome) => !outcome.ok).length;
      report.errors += errors;
      entry.errors += errors;
      const batchEvents: OutboxEvent[] = [];
      for (const result of results) {
        if (result.changed) report.changed += 1;
        batchEvents.push(...result.events);
      }
      report.eventCount += batchEvents.length;
      for (const event of batchEvents) report.eventCounts[event.type] = (report.eventCounts[event.type] ?? 0) + 1;
      // Only the first few are kept: a round over many parcels must not hold every row in memory.
      for (const event of batchEvents) {
        if (report.events.length >= reportedEvents) break;
        report.events.push(event);
      }
      if (batchEvents.length > 0) options.onEvents?.(batchEvents);
      await flushRequestCounts();
    }
  }

  async function flushRequestCounts(): Promise<void> {
    // The counts are a figure for the health page: a failed write is logged, and its counts go with the next flush.
    await options.requestCounter?.flush(store).catch((error: unknown) =>
      logSafely(options.logger, 'warn', `carrier request counts not written: ${String((error as Error)?.message ?? error)}`, {
        workerId,
      }),
    );
  }

  async function runOnce(): Promise<RoundReport> {
    const now = clock();
    const report: RoundReport = {
      startedAt: now.toISOString(),
      claimed: 0,
      checked: 0,
      changed: 0,
      errors: 0,
      byCarrier: {},
      eventCount: 0,
      eventCounts: {},
      events: [],
    };
    const due = await store.dueCarriers(now);
    await Promise.all(due.map(({ carrier }) => runCarrier(carrier, now, report)));
    if (options.pushSubscribers?.length && now.getTime() - lastRenewalMs >= renewEveryMs) {
      lastRenewalMs = now.getTime();
      // A failing upkeep (the store briefly away) must not stop the refresh: it runs again next time.
      const upkeep = await renewPushSubscriptions({
        store,
        subscribers: options.pushSubscribers,
        now,
        ...(options.logger ? { logger: options.logger } : {}),
      }).catch((error: unknown) => {
        logSafely(options.logger, 'error', `push subscription upkeep failed: ${(error as Error).message}`, { workerId });
        return undefined;
      });
      if (upkeep) report.pushSubscriptions = upkeep;
    }
    if (report.claimed > 0)
      logSafely(options.logger, 'info', `refresh round: ${report.claimed} claimed, ${report.changed} changed, ${report.errors} errors`, {
        workerId,
      });
    return report;
  }

  return {
    workerId,
    runOnce,
    async run(signal, onRound) {
      while (!signal.aborted) {
        const report = await runOnce();
        onRound?.(report);
        if (report.claimed === 0) await sleep(idleDelayMs, signal);
      }
    },
  };
}
