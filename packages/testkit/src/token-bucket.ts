import type { SandboxRateLimit } from './sandbox-types';

export type BucketDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

export interface TokenBucket {
  /** Takes one token if there is one; otherwise says how long (real ms) until there will be. */
  take(): BucketDecision;
  readonly limit: SandboxRateLimit;
}

/**
 * Slack for arrival jitter: a client's limiter counts when it sends, this bucket when the request arrives,
 * and the time in between varies (a first request opens a connection, a busy event loop delays another),
 * so a request paced exactly at the documented rate may arrive early. A request is let through when its
 * token is due within 100 ms of real time (at most 0.9 of a token). A burst from a full bucket still passes
 * `requests` at most, and the long-run rate stays exactly `requests / intervalMs`.
 */
const JITTER_TOLERANCE_MS = 100;
/** Below one token, so a burst never passes more than `requests` at once. */
const MAXIMUM_TOLERANCE_TOKENS = 0.9;

/**
 * The server side of a documented rate limit: `requests` tokens, refilled evenly over `intervalMs / timeScale`
 * of real time; a request without a token is refused (the sandbox answers 429).
 */
export function createTokenBucket(limit: SandboxRateLimit, timeScale = 1, now: () => number = () => performance.now()): TokenBucket {
  if (!(limit.requests > 0) || !(limit.intervalMs > 0)) throw new RangeError('rate limit needs requests > 0 and intervalMs > 0');
  if (!(timeScale > 0)) throw new RangeError('timeScale must be > 0');
  const capacity = limit.requests;
  const tokensPerMs = limit.requests / (limit.intervalMs / timeScale);
  const tolerance = Math.min(MAXIMUM_TOLERANCE_TOKENS, JITTER_TOLERANCE_MS * tokensPerMs);
  let tokens = capacity;
  let last = now();
  return {
    limit: { requests: limit.requests, intervalMs: limit.intervalMs },
    take() {
      const current = now();
      tokens = Math.min(capacity, tokens + (current - last) * tokensPerMs);
      last = current;
      if (tokens >= 1 - tolerance) {
        tokens -= 1;
        return { allowed: true };
      }
      return { allowed: false, retryAfterMs: (1 - tolerance - tokens) / tokensPerMs };
    },
  };
}

/**
 * The `Retry-After` value for a wait of `waitMs` real milliseconds: whole seconds, rounded up, as carriers
 * send it, in the carrier's (unscaled) time; then divided by `timeScale` (decimal seconds, which core's
 * transport reads) so compressed runs wait compressed times.
 */
export function retryAfterHeader(waitMs: number, timeScale = 1): string {
  const seconds = Math.max(1, Math.ceil((waitMs * timeScale) / 1000 - 1e-9));
  if (timeScale === 1) return String(seconds);
  return String(Math.ceil((seconds * 1000) / timeScale) / 1000);
}
