import type { Logger, PushSubscriber } from '@wismo/core';
import { renewPushSubscriptions, type PushSubscriptionRenewalReport, type Store } from '@wismo/store';
import type { SubscriptionRenewals } from './queue-worker';

export interface PushSubscriptionRenewalsOptions {
  store: Store;
  /** One per carrier account that subscribes by number (`createUpsPushSubscriber`, `createUspsPushSubscriber`). */
  subscribers: readonly PushSubscriber[];
  /** How often the BullMQ job scheduler runs the upkeep. Default 1 minute. */
  everyMs?: number;
  logger?: Logger;
  /** Told what each run did (tests, metrics). */
  onReport?: (report: PushSubscriptionRenewalReport) => void;
}

/**
 * The queue worker's `subscriptionRenewals` hook for carrier push: a job scheduler on the maintenance queue runs
 * `renewPushSubscriptions` (new numbers subscribed, due subscriptions renewed, USPS suspensions recovered); one job at
 * a time, and the store's lease keeps two workers off the same rows.
 */
export function createPushSubscriptionRenewals(options: PushSubscriptionRenewalsOptions): SubscriptionRenewals {
  return {
    everyMs: options.everyMs ?? 60_000,
    async renew({ now }) {
      const report = await renewPushSubscriptions({
        store: options.store,
        subscribers: options.subscribers,
        now,
        ...(options.logger ? { logger: options.logger } : {}),
      });
      options.onReport?.(report);
      return report;
    },
  };
}
