import type { RateLimit } from '@wismo/core';

/** BullMQ's global limiter: at most `max` jobs start per `duration` ms across every worker of a queue. */
export interface QueueRateLimit {
  max: number;
  duration: number;
}

/**
 * How much later than its job's start a carrier request may arrive (backend round trip, an OAuth token
 * fetch, a busy event loop): jobs are spaced by this much more in total per window, so a request that is
 * slowed while the next one is not still lands inside the carrier's limit. 100 ms let 4 requests through
 * in one second against a limit of 3 with three workers on a loaded 2-core machine; 250 ms did not.
 */
export const DEFAULT_ARRIVAL_JITTER_MS = 250;

/**
 * The documented limit as BullMQ enforces it: one job per `(intervalMs + jitter) / requests`. BullMQ's
 * window is fixed (a counter that expires), so `requests` per `intervalMs` would let twice the limit
 * through across a window boundary, which a carrier counting a sliding window or a token bucket refuses
 * with 429s. Spaced jobs never put more than `requests` in any window of `intervalMs`.
 */
export function queueRateLimitFor(limit: RateLimit, arrivalJitterMs: number = DEFAULT_ARRIVAL_JITTER_MS): QueueRateLimit {
  if (!(limit.requests > 0) || !(limit.intervalMs > 0)) throw new RangeError('a rate limit needs requests > 0 and intervalMs > 0');
  if (!(arrivalJitterMs >= 0)) throw new RangeError('arrivalJitterMs must be ≥ 0');
  return { max: 1, duration: Math.max(1, Math.ceil((limit.intervalMs + arrivalJitterMs) / limit.requests)) };
}
