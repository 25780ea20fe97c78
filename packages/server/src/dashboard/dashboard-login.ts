import { createHmac } from 'node:crypto';
import { ConfigurationError } from '@wismo/core';
import { createAccessTokens } from '../page/access-token';

export interface DashboardLoginOptions {
  /** Signs the login links. At least 32 characters of randomness; keep it apart from `pageSecret`. */
  loginSecret: string;
  /** How long a login link (and the session cookie it sets) is valid. Default 12 hours. */
  ttlMs?: number;
  now?: () => Date;
}

export interface DashboardLogin {
  /** A signed token naming the shop, valid until `expiresAt`. */
  issue(shopId: string): { token: string; expiresAt: Date };
  /** The shop and the expiry, or null when forged, malformed or expired. */
  verify(token: string): { shopId: string; expiresAt: Date } | null;
}

export const DEFAULT_DASHBOARD_LOGIN_TTL_MS = 12 * 3_600_000;

/**
 * Login links for the dashboard: an HMAC-signed shop id with an expiry (the tracking page's token format).
 * The key is derived from `loginSecret` for this one purpose, so a token of the order page never opens the
 * dashboard even when both secrets are the same.
 */
export function createDashboardLogin(options: DashboardLoginOptions): DashboardLogin {
  if (typeof options.loginSecret !== 'string' || options.loginSecret.length < 32)
    throw new ConfigurationError('dashboard.loginSecret must be at least 32 characters of randomness');
  const ttlMs = options.ttlMs ?? DEFAULT_DASHBOARD_LOGIN_TTL_MS;
  if (!(ttlMs > 0) || !Number.isFinite(ttlMs))
    throw new ConfigurationError('dashboard.loginTtlMs must be a positive number of milliseconds');
  const now = options.now ?? (() => new Date());
  const key = createHmac('sha256', options.loginSecret).update('wismo dashboard login v1').digest('hex');
  const tokens = createAccessTokens({ secret: key, ttlMs, now: () => now().getTime() });
  return {
    issue(shopId) {
      const token = tokens.issue(shopId);
      return { token, expiresAt: new Date(parseInt(token.split('.')[1]!, 36)) };
    },
    verify(token) {
      const shopId = tokens.verify(token);
      if (!shopId) return null;
      return { shopId, expiresAt: new Date(parseInt(token.split('.')[1]!, 36)) };
    },
  };
}
