import { WismoError, type WismoErrorOptions } from '../errors';

/**
 * The error for a carrier refusing a push subscription call: 401 and 403 are auth failures, 429 is rate limited and a
 * 5xx unavailable (those two are worth retrying); any other status is a bad response.
 */
export function pushSubscriptionRefused(
  message: string,
  options: Omit<WismoErrorOptions, 'httpStatus' | 'retryable'> & { httpStatus: number },
): WismoError {
  const status = options.httpStatus;
  const code =
    status === 401 || status === 403
      ? 'auth_failed'
      : status === 429
        ? 'rate_limited'
        : status >= 500
          ? 'carrier_unavailable'
          : 'bad_response';
  return new WismoError(code, message, { ...options, retryable: code === 'rate_limited' || code === 'carrier_unavailable' });
}

/**
 * What one subscribe or renew call did for some tracking numbers: subscribed (with the carrier's subscription id when
 * it groups numbers, USPS; and when it ends, UPS's 14 days), or refused (`retryable` says whether to try again;
 * `suspended` when the carrier suspended the subscription and recovery did not succeed).
 */
export type PushSubscriptionOutcome =
  | {
      ok: true;
      trackingNumbers: string[];
      subscriptionId: string | null;
      /** When the carrier stops pushing unless subscribed again; null: until unsubscribed. */
      expiresAt: Date | null;
      /** When to look at the subscription again (renew before `expiresAt`, or check a USPS one is still ACTIVE). */
      renewAt: Date | null;
    }
  | { ok: false; trackingNumbers: string[]; state: 'failed' | 'suspended'; message: string; retryable: boolean };

/**
 * A carrier account's subscription calls, for the store's renewals: `subscribe` for numbers not subscribed yet or
 * about to expire (at most `batchSize` a call), `renew` for a subscription the carrier keeps by id (USPS: recreated
 * when SUSPENDED). Never rejects: a refusal comes back as an outcome. Messages name no secret.
 */
export interface PushSubscriber {
  /** Carrier id, as the trackings store it (`ups`, `usps`). */
  readonly carrier: string;
  /** The carrier account the subscriptions belong to (`default` for a single account). */
  readonly account: string;
  readonly batchSize: number;
  subscribe(trackingNumbers: readonly string[]): Promise<PushSubscriptionOutcome[]>;
  renew?(subscription: { subscriptionId: string; trackingNumbers: readonly string[] }): Promise<PushSubscriptionOutcome[]>;
}
