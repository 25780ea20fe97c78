import { logSafely, type Logger, type PushSubscriber, type PushSubscriptionOutcome } from '@wismo/core';
import { chunk } from '@wismo/core/internal';
import type { Store } from '../store-types';
import type { PushSubscription } from '../subscriptions/push-subscription-store';

export interface PushSubscriptionRenewalOptions {
  store: Store;
  /** One per carrier account that subscribes by number (`createUpsPushSubscriber`, `createUspsPushSubscriber`). */
  subscribers: readonly PushSubscriber[];
  now: Date;
  /** Most new numbers and most due rows taken per carrier account per call. Default 1,000. */
  limit?: number;
  /** Back-off after a refusal: `initialMs` doubling per failed attempt up to `maxMs` (a refusal not worth retrying soon waits `maxMs`). */
  retry?: { initialMs: number; maxMs: number };
  /** Passed to the claim: `active` rows ending within this become `expiring`. */
  expiringWithinMs?: number;
  logger?: Logger;
}

export interface PushSubscriptionRenewalReport {
  /** Numbers subscribed for the first time. */
  subscribed: number;
  /** Numbers re-subscribed or found still active. */
  renewed: number;
  /** Carrier subscriptions created again after a suspension or deletion (USPS). */
  recovered: number;
  /** Numbers whose call was refused (recorded with the error, retried after the back-off). */
  failed: number;
  byCarrier: Record<string, { subscribed: number; renewed: number; recovered: number; failed: number }>;
}

export const DEFAULT_RENEWAL_RETRY = { initialMs: 5 * 60_000, maxMs: 6 * 3_600_000 } as const;

/** When to try a refused call again: sooner for a retryable refusal, doubling with each failed attempt. */
function retryAt(now: Date, attempts: number, retryable: boolean, retry: { initialMs: number; maxMs: number }): Date {
  const delay = retryable ? Math.min(retry.maxMs, retry.initialMs * 2 ** Math.max(0, attempts - 1)) : retry.maxMs;
  return new Date(now.getTime() + delay);
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/**
 * One pass of push-subscription upkeep per carrier account: numbers watched with push that have no subscription yet
 * are subscribed; subscriptions whose renewal time has come (UPS: a day before its 14 days end) are subscribed again,
 * in the carrier's batches, or checked and recovered when the carrier keeps them by id (USPS `SUSPENDED`). Every
 * outcome is recorded; refusals come back after a back-off. Safe to run in several processes (the claim leases rows).
 */
export async function renewPushSubscriptions(options: PushSubscriptionRenewalOptions): Promise<PushSubscriptionRenewalReport> {
  const { store, now } = options;
  const limit = Math.max(1, options.limit ?? 1_000);
  const retry = options.retry ?? DEFAULT_RENEWAL_RETRY;
  const report: PushSubscriptionRenewalReport = { subscribed: 0, renewed: 0, recovered: 0, failed: 0, byCarrier: {} };

  for (const subscriber of options.subscribers) {
    const entry = (report.byCarrier[subscriber.carrier] ??= { subscribed: 0, renewed: 0, recovered: 0, failed: 0 });
    const batchSize = Math.max(1, subscriber.batchSize);

    /** Calls the carrier and records each outcome; `attempts` is how many failed before (for the back-off). */
    async function callAndRecord(
      shopId: string,
      call: () => Promise<PushSubscriptionOutcome[]>,
      numbers: readonly string[],
      attempts: number,
      counted: 'subscribed' | 'renewed',
      previousSubscriptionId: string | null,
    ): Promise<void> {
      let outcomes: PushSubscriptionOutcome[];
      try {
        outcomes = await call();
      } catch (error) {
        // The contract says never reject; a subscriber that does is recorded like a refusal.
        outcomes = [{ ok: false, trackingNumbers: [...numbers], state: 'failed', message: (error as Error).message, retryable: true }];
      }
      for (const outcome of outcomes) {
        const common = {
          shopId,
          carrier: subscriber.carrier,
          account: subscriber.account,
          trackingNumbers: outcome.trackingNumbers,
          at: now,
        };
        if (outcome.ok) {
          await store.pushSubscriptions.record({
            ...common,
            state: 'active',
            subscriptionId: outcome.subscriptionId,
            expiresAt: outcome.expiresAt,
            renewAt: outcome.renewAt,
          });
          entry[counted] += outcome.trackingNumbers.length;
          report[counted] += outcome.trackingNumbers.length;
          if (previousSubscriptionId !== null && outcome.subscriptionId !== previousSubscriptionId) {
            entry.recovered += 1;
            report.recovered += 1;
          }
        } else {
          await store.pushSubscriptions.record({
            ...common,
            state: outcome.state,
            renewAt: retryAt(now, attempts + 1, outcome.retryable, retry),
            error: outcome.message,
          });
          entry.failed += outcome.trackingNumbers.length;
          report.failed += outcome.trackingNumbers.length;
          logSafely(options.logger, 'warn', `push subscription ${subscriber.carrier}/${subscriber.account}: ${outcome.message}`, {
            carrier: subscriber.carrier,
            numbers: outcome.trackingNumbers.length,
          });
        }
      }
    }

    // Parcels watched with push that the carrier does not know about yet.
    const fresh = await store.pushSubscriptions.unsubscribed({ carrier: subscriber.carrier, account: subscriber.account, limit });
    for (const [shopId, items] of groupBy(fresh, (item) => item.shopId))
      for (const numbers of chunk(
        items.map((item) => item.trackingNumber),
        batchSize,
      ))
        await callAndRecord(shopId, () => subscriber.subscribe(numbers), numbers, 0, 'subscribed', null);

    // Subscriptions due: kept by id (USPS) → renew; else (UPS, or never created) → subscribe again.
    const due = await store.pushSubscriptions.claimDue({
      carrier: subscriber.carrier,
      account: subscriber.account,
      now,
      limit,
      ...(options.expiringWithinMs !== undefined ? { expiringWithinMs: options.expiringWithinMs } : {}),
    });
    const renew = subscriber.renew?.bind(subscriber);
    const byId = renew ? due.filter((row) => row.subscriptionId !== null) : [];
    const again = renew ? due.filter((row) => row.subscriptionId === null) : due;
    const attemptsOf = (rows: readonly PushSubscription[]) => Math.max(0, ...rows.map((row) => row.attempts));
    for (const rows of groupBy(byId, (row) => `${row.shopId}\u0000${row.subscriptionId}`).values()) {
      const numbers = rows.map((row) => row.trackingNumber);
      const subscriptionId = rows[0]!.subscriptionId!;
      await callAndRecord(
        rows[0]!.shopId,
        () => renew!({ subscriptionId, trackingNumbers: numbers }),
        numbers,
        attemptsOf(rows),
        'renewed',
        subscriptionId,
      );
    }
    for (const [shopId, rows] of groupBy(again, (row) => row.shopId))
      for (const batch of chunk(rows, batchSize)) {
        const numbers = batch.map((row) => row.trackingNumber);
        await callAndRecord(shopId, () => subscriber.subscribe(numbers), numbers, attemptsOf(batch), 'renewed', null);
      }
  }
  if (report.subscribed + report.renewed + report.failed > 0)
    logSafely(
      options.logger,
      'info',
      `push subscriptions: ${report.subscribed} subscribed, ${report.renewed} renewed, ${report.recovered} recovered, ${report.failed} failed`,
    );
  return report;
}
