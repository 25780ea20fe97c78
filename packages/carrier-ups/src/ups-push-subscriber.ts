import type { PushSubscriber, PushSubscriptionOutcome } from '@wismo/core';
import { UPS_CARRIER_ID } from './ups-carrier';
import { subscribeUpsTrackAlert, UPS_TRACK_ALERT_BATCH_SIZE, type UpsSubscribeOptions } from './ups-push';

export type UpsPushSubscriberOptions = Omit<UpsSubscribeOptions, 'trackingNumbers'> & {
  /** The UPS account the subscriptions belong to. Default `default`. */
  account?: string;
};

/**
 * Track Alert as a `PushSubscriber` for the store's renewals: UPS keeps no subscription id, so renewing is subscribing
 * the same numbers again (batches of 100), a day before the 14 days run out (`renewAt`).
 */
export function createUpsPushSubscriber(options: UpsPushSubscriberOptions): PushSubscriber {
  const { account = 'default', ...subscribeOptions } = options;
  return {
    carrier: UPS_CARRIER_ID,
    account,
    batchSize: UPS_TRACK_ALERT_BATCH_SIZE,
    async subscribe(trackingNumbers) {
      const result = await subscribeUpsTrackAlert({ ...subscribeOptions, trackingNumbers });
      // Numbers of one batch share their expiry: one outcome per batch.
      const byExpiry = new Map<string, { renewAt: string; numbers: string[] }>();
      for (const item of result.subscribed) {
        const group = byExpiry.get(item.expiresAt) ?? { renewAt: item.renewAt, numbers: [] };
        group.numbers.push(item.trackingNumber);
        byExpiry.set(item.expiresAt, group);
      }
      const outcomes: PushSubscriptionOutcome[] = [...byExpiry].map(([expiresAt, group]) => ({
        ok: true,
        trackingNumbers: group.numbers,
        subscriptionId: null,
        expiresAt: new Date(expiresAt),
        renewAt: new Date(group.renewAt),
      }));
      if (result.invalid.length > 0)
        outcomes.push({
          ok: false,
          trackingNumbers: result.invalid,
          state: 'failed',
          message: 'UPS Track Alert refused these numbers as invalid',
          retryable: false,
        });
      for (const failed of result.failed)
        outcomes.push({
          ok: false,
          trackingNumbers: failed.trackingNumbers,
          state: 'failed',
          message: failed.error.message,
          retryable: failed.error.retryable,
        });
      return outcomes;
    },
  };
}
