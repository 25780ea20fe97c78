import { RateLimitedError } from '../errors';
import type { RateLimitPause } from './pause-after-rate-limit';

export interface RateLimitCooldownOptions extends Pick<RateLimitPause, 'now' | 'oneAtATime'> {
  carrierId: string;
  /** How long to stop calling after a `rate_limited` answer; the carrier's Retry-After wins when it is longer. */
  cooldownMs: number;
  /** The words of the error each number gets while calls are paused, `waitMs` before they resume. */
  pausedMessage(waitMs: number): string;
}

/**
 * For `pauseAfterRateLimit`, a carrier whose 429 does not say why (a spent daily quota looks like a burst): after a
 * `rate_limited` answer that outlived the retries, no call for `cooldownMs`, or for the carrier's Retry-After when longer.
 */
export function rateLimitCooldown(options: RateLimitCooldownOptions): RateLimitPause {
  const { carrierId, cooldownMs } = options;
  return {
    now: options.now,
    oneAtATime: options.oneAtATime,
    pauseMs: (error) => (error.code === 'rate_limited' ? Math.max(cooldownMs, error.retryAfterMs ?? 0) : null),
    pausedError: (waitMs, trackingNumber) =>
      new RateLimitedError(options.pausedMessage(waitMs), { carrierId, httpStatus: 429, retryAfterMs: waitMs, trackingNumber }),
  };
}
