import { WismoError, type PushSubscriber, type PushSubscriptionOutcome } from '@wismo/core';
import { USPS_CARRIER_ID } from './usps-carrier';
import { getUspsSubscription, recoverUspsSubscription, subscribeUspsTracking, type UspsSubscriptionOptions } from './usps-push';

export interface UspsPushSubscriberOptions extends UspsSubscriptionOptions {
  /** Where USPS pushes (`…/webhooks/carriers/usps`). */
  listenerURL: string;
  /** 32 characters; the same as the receiver's. */
  secret: string;
  /** The USPS account the subscriptions belong to. Default `default`. */
  account?: string;
  /** Numbers per subscription (our choice: USPS publishes no limit). Default 100. */
  batchSize?: number;
  /** How often a subscription is checked for `SUSPENDED` (USPS says nothing when it suspends one). Default 6 hours. */
  checkEveryMs?: number;
  now?: () => Date;
}

const messageOf = (error: unknown) => (WismoError.isInstance(error) ? error.message : 'USPS Subscriptions did not answer');
const retryableOf = (error: unknown) => (WismoError.isInstance(error) ? error.retryable : true);

/**
 * USPS Subscriptions-Tracking as a `PushSubscriber`: one subscription per batch of numbers, which lasts until deleted;
 * `renew` checks it and recreates a `SUSPENDED` (or deleted) one. A suspension that could not be undone is reported as
 * `suspended`, so the store keeps trying.
 */
export function createUspsPushSubscriber(options: UspsPushSubscriberOptions): PushSubscriber {
  const { account = 'default', batchSize = 100, checkEveryMs = 6 * 3_600_000, now = () => new Date(), ...callOptions } = options;
  const active = (trackingNumbers: readonly string[], subscriptionId: string): PushSubscriptionOutcome => ({
    ok: true,
    trackingNumbers: [...trackingNumbers],
    subscriptionId,
    expiresAt: null,
    renewAt: new Date(now().getTime() + checkEveryMs),
  });
  const failure = (trackingNumbers: readonly string[], error: unknown, state: 'failed' | 'suspended'): PushSubscriptionOutcome => ({
    ok: false,
    trackingNumbers: [...trackingNumbers],
    state,
    message: messageOf(error),
    retryable: retryableOf(error),
  });
  const create = { ...callOptions, listenerURL: options.listenerURL, secret: options.secret };
  return {
    carrier: USPS_CARRIER_ID,
    account,
    batchSize,
    async subscribe(trackingNumbers) {
      try {
        const subscription = await subscribeUspsTracking({ ...create, filter: { trackingNumbers: [...trackingNumbers] } });
        return [active(trackingNumbers, subscription.subscriptionId)];
      } catch (error) {
        return [failure(trackingNumbers, error, 'failed')];
      }
    },
    async renew({ subscriptionId, trackingNumbers }) {
      let suspended = false;
      try {
        const current = await getUspsSubscription({ ...callOptions, subscriptionId }).catch((error: unknown) => {
          if (WismoError.isInstance(error) && error.code === 'not_found') return null;
          throw error;
        });
        if (current && current.status?.toUpperCase() !== 'SUSPENDED') return [active(trackingNumbers, subscriptionId)];
        suspended = current !== null;
        const { subscription } = await recoverUspsSubscription({
          ...create,
          subscriptionId,
          filter: { trackingNumbers: [...trackingNumbers] },
        });
        return [active(trackingNumbers, subscription.subscriptionId)];
      } catch (error) {
        return [failure(trackingNumbers, error, suspended ? 'suspended' : 'failed')];
      }
    },
  };
}
