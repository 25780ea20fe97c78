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
 * The shortest limiter window BullMQ can keep: each window costs a worker a timer and a Redis round trip
 * before its first job starts. Spaced 5 ms apart (300 requests a second), jobs started one per ~9 ms, and
 * 1, 2 or 3 workers alike refreshed ~113 a second per account.
 */
export const MINIMUM_WINDOW_MS = 100;

/**
 * The documented limit as BullMQ enforces it. BullMQ's window is fixed (a counter that expires `duration`
 * after the job that opened it), so `requests` per `intervalMs` would let twice the limit through across a
 * window boundary, which a carrier counting a sliding window or a token bucket refuses with 429s. A request
 * arrives up to `arrivalJitterMs` after its job starts, so the starts that can land in one carrier interval
 * span `span = intervalMs + arrivalJitterMs`; windows begin at a start and are at least `duration` apart, so
 * that span meets at most `ceil(span / duration) + 1` windows, and the earliest of them has its first start
 * outside: `max × (ceil(span / duration) + 1) − 1 ≤ requests`. With `max` 1 this is one job every
 * `span / requests`; a higher limit is cut into fewer, longer windows (never under `MINIMUM_WINDOW_MS`) of
 * several jobs each, choosing the count that starts the most jobs per second.
 */
export function queueRateLimitFor(limit: RateLimit, arrivalJitterMs: number = DEFAULT_ARRIVAL_JITTER_MS): QueueRateLimit {
  if (!(limit.requests > 0) || !(limit.intervalMs > 0)) throw new RangeError('a rate limit needs requests > 0 and intervalMs > 0');
  if (!(arrivalJitterMs >= 0)) throw new RangeError('arrivalJitterMs must be ≥ 0');
  const span = limit.intervalMs + arrivalJitterMs;
  const requests = Math.max(1, Math.floor(limit.requests));
  // `windows` per span: one job each when the spacing is long enough, else the best of the longer windows.
  const mostWindows = Math.max(1, Math.min(requests, Math.floor(span / MINIMUM_WINDOW_MS)));
  let best: QueueRateLimit = { max: 1, duration: Math.max(1, Math.ceil(span / requests)) };
  if (best.duration >= MINIMUM_WINDOW_MS) return best;
  best = { max: 0, duration: 1 };
  for (let windows = 1; windows <= mostWindows; windows++) {
    const duration = Math.ceil(span / windows);
    const max = Math.floor((requests + 1) / (windows + 1));
    if (max >= 1 && max / duration > best.max / best.duration) best = { max, duration };
  }
  return best;
}
