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
