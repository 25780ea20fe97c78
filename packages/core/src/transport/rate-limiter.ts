import type { RateLimit } from '../adapter/carrier-adapter';

export interface RateLimiter {
  /** Resolves when a request may be sent. Rejects if the signal aborts while waiting. */
  acquire(signal?: AbortSignal): Promise<void>;
  readonly limit: RateLimit;
}

/**
 * A token bucket: `requests` tokens refill evenly over `intervalMs`; the bucket holds at most `burst`
 * (default: `requests`). Waiters are served first come, first served. Shared by every call of one adapter.
 */
export function createRateLimiter(limit: RateLimit & { burst?: number }, now: () => number = () => performance.now()): RateLimiter {
  if (!(limit.requests > 0) || !(limit.intervalMs > 0)) throw new RangeError('Rate limit needs requests > 0 and intervalMs > 0');
  const capacity = Math.max(1, limit.burst ?? limit.requests);
  const tokensPerMs = limit.requests / limit.intervalMs;
  let tokens = capacity;
  let lastRefill = now();
  const waiters: Array<{ resolve: () => void; reject: (reason: unknown) => void; signal?: AbortSignal; onAbort?: () => void }> = [];
  let timer: NodeJS.Timeout | null = null;

  function refill() {
    const current = now();
    tokens = Math.min(capacity, tokens + (current - lastRefill) * tokensPerMs);
    lastRefill = current;
  }

  function drain() {
    timer = null;
    refill();
    while (waiters.length > 0 && tokens >= 1) {
      tokens -= 1;
      const waiter = waiters.shift()!;
      if (waiter.onAbort) waiter.signal?.removeEventListener('abort', waiter.onAbort);
      waiter.resolve();
    }
    if (waiters.length > 0) {
      const waitMs = Math.max(1, Math.ceil((1 - tokens) / tokensPerMs));
      timer = setTimeout(drain, waitMs);
    }
  }

  return {
    limit: { requests: limit.requests, intervalMs: limit.intervalMs },
    acquire(signal) {
      if (signal?.aborted) return Promise.reject(signal.reason);
      refill();
      if (waiters.length === 0 && tokens >= 1) {
        tokens -= 1;
        return Promise.resolve();
      }
      return new Promise<void>((resolve, reject) => {
        const waiter: (typeof waiters)[number] = { resolve, reject, signal };
        if (signal) {
          waiter.onAbort = () => {
            const index = waiters.indexOf(waiter);
            if (index >= 0) waiters.splice(index, 1);
            reject(signal.reason);
          };
          signal.addEventListener('abort', waiter.onAbort, { once: true });
        }
        waiters.push(waiter);
        if (!timer) drain();
      });
    },
  };
}
