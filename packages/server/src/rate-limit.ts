import type { Context } from 'hono';

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
  if (!(perMinute > 0)) throw new RangeError('rateLimit.lookupsPerMinute must be a positive number');
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

export interface ClientKeyOptions {
  /**
   * Trust `X-Forwarded-For` set by this many proxies in front of the server (`true` = 1). Leave unset when
   * clients connect directly: the header is then ignored, since anyone can send it.
   */
  trustProxy?: boolean | number;
  /** Your own client key (e.g. from a platform header); wins over everything else. */
  clientKey?: (c: Context) => string | null | undefined;
}

interface NodeEnv {
  incoming?: { socket?: { remoteAddress?: string } };
}

/** Who is asking: the custom key, else the trusted proxy's view of the client, else the socket's peer. */
export function clientKeyOf(c: Context, options: ClientKeyOptions): string {
  const custom = options.clientKey?.(c);
  if (custom) return custom;
  const hops = options.trustProxy === true ? 1 : typeof options.trustProxy === 'number' ? Math.max(0, Math.floor(options.trustProxy)) : 0;
  if (hops > 0) {
    const forwarded = c.req.header('x-forwarded-for');
    if (forwarded) {
      const addresses = forwarded.split(',').map((part) => part.trim()).filter(Boolean);
      // Each trusted proxy appends the address it saw: the client is `hops` entries from the right.
      const client = addresses[Math.max(0, addresses.length - hops)];
      if (client) return client;
    }
  }
  const env = c.env as NodeEnv | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'unknown';
}
