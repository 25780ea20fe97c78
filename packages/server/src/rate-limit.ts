import type { Context } from 'hono';

// The token bucket lives in @wismo/helpdesk, whose routes are limited per helpdesk account too.
export { createTokenBucketLimiter, type TakeResult, type TokenBucketLimiter, type TokenBucketOptions } from '@wismo/helpdesk';

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
      const addresses = forwarded
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean);
      // Each trusted proxy appends the address it saw: the client is `hops` entries from the right.
      const client = addresses[Math.max(0, addresses.length - hops)];
      if (client) return client;
    }
  }
  const env = c.env as NodeEnv | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'unknown';
}
