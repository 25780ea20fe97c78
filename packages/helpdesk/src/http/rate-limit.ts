// A token bucket per key, shared by @wismo/server (tracking-page lookups, `/v1` per API key) and the helpdesk
// routes (per helpdesk account).

export interface TokenBucketOptions {
  /** Tokens added per minute. */
  perMinute: number;
  /** Bucket size: how many lookups a client may make at once. Default `perMinute`. */
  burst?: number;
  /** Clients remembered; the least recently seen are forgotten first. Default 10,000. */
  maxClients?: number;
  now?: () => number;
}

export interface TakeResult {
  allowed: boolean;
  /** Whole seconds until one token is available again (0 when allowed). */
  retryAfterSeconds: number;
  remaining: number;
}

export interface TokenBucketLimiter {
  take(client: string): TakeResult;
  /** Clients currently tracked (for tests and metrics). */
  size(): number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** A token bucket per client key, in memory, bounded in the number of clients it remembers. */
export function createTokenBucketLimiter(options: TokenBucketOptions): TokenBucketLimiter {
  const perMinute = options.perMinute;
  if (!(perMinute > 0) || !Number.isFinite(perMinute)) throw new RangeError('a rate limit must be a positive number per minute');
  const capacity = Math.max(1, options.burst ?? perMinute);
  const refillPerMs = perMinute / 60_000;
  const maxClients = Math.max(1, options.maxClients ?? 10_000);
  const now = options.now ?? Date.now;
  const buckets = new Map<string, Bucket>();

  return {
    take(client) {
      const time = now();
      let bucket = buckets.get(client);
      if (bucket) {
        buckets.delete(client);
        bucket.tokens = Math.min(capacity, bucket.tokens + (time - bucket.updatedAt) * refillPerMs);
        bucket.updatedAt = time;
      } else {
        bucket = { tokens: capacity, updatedAt: time };
        if (buckets.size >= maxClients) {
          // Map order is insertion order and every take re-inserts: the first key is the least recently seen.
          const oldest = buckets.keys().next().value;
          if (oldest !== undefined) buckets.delete(oldest);
        }
      }
      // Re-inserted at the end: most recently seen.
      buckets.set(client, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { allowed: true, retryAfterSeconds: 0, remaining: Math.floor(bucket.tokens) };
      }
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerMs / 1000)), remaining: 0 };
    },
    size: () => buckets.size,
  };
}
