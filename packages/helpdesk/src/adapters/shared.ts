import { logSafely, type Logger } from '@wismo/core';
import type { Context } from 'hono';
import { problem } from '../http/request';
import type { HelpdeskName } from '../limits';
import { validLocale } from '../render/format';
import type { OrderViewService, ServedOrderView } from '../service/order-view-service';
import type { TokenBucketLimiter } from '../http/rate-limit';
import type { ZendeskAlgorithm } from '../security/tokens';
import type { Verification } from '../security/signatures';

export interface HelpdeskSecrets {
  /** HTTP integration: the key Gorgias sends (Bearer, Basic auth password, or X-Wismo-Api-Key). */
  gorgias?: { apiKey: string };
  /** Dynamic app secret key (≤ 40 characters, chosen by you): X-HelpScout-Signature, HMAC-SHA1, base64. */
  helpScout?: { secretKey: string };
  /** The app's OAuth client secret: X-Body-Signature, HMAC-SHA256, hex. */
  intercom?: { clientSecret: string };
  gladly?: {
    /** The Lookup Adaptor's signing key. */
    signingKey: string;
    /** Reserved: Gladly's Authorization header names no key, so it is not used for verification. */
    keyId?: string;
    /** How far Gladly-Time may be from now. Default 5 minutes; null turns the check off. */
    maxClockSkewMs?: number | null;
  };
  /** The app's client secret: X-HubSpot-Signature-v3, HMAC-SHA256, base64, 5-minute tolerance. */
  hubspot?: { clientSecret: string };
  zendesk?: {
    /** HS256 key for ZAF JWTs signed with a shared secret. */
    sharedSecret: string;
    /**
     * The Zendesk account, e.g. `https://acme.zendesk.com`: pins the token issuer and the iframe's
     * frame-ancestors. Required: an app's key pair (and a shared secret) may serve every account that
     * installs the app, so without it any Zendesk account's token would open this shop's orders.
     */
    appOrigin: string;
    /** The app's public key (PEM) for RS256 tokens, as Zendesk signs signed-URL tokens. */
    publicKey?: string;
    /** Accepted algorithms. Default: RS256 when a public key is set, else HS256. */
    algorithms?: ZendeskAlgorithm[];
    /** Accepted `aud` values. Default: this app's Zendesk URL or the issuer's app installation URL. */
    audience?: string | string[];
  };
  freshdesk?: {
    /** Also stored in the Freshworks app's secure iparams; signs the panel URL. */
    sharedSecret: string;
    /** How long a signed panel URL is valid. Default 5 minutes. */
    tokenMaxAgeMs?: number;
    /** frame-ancestors for the panel. Default: Freshdesk and Freshworks domains. */
    frameAncestors?: string[];
  };
}

export interface AdapterContext {
  service: OrderViewService;
  secrets: HelpdeskSecrets;
  /** Without a trailing slash. */
  publicBaseUrl: string;
  sessionSecret: string;
  now: () => Date;
  budgets: Readonly<Record<HelpdeskName, number>>;
  maxRequestBytes: Readonly<Record<HelpdeskName, number>>;
  maxResponseBytes: Readonly<Record<HelpdeskName, number>>;
  sessionTtlMs: number;
  /** One token bucket per helpdesk account; null when rate limiting is off. */
  limiter: TokenBucketLimiter | null;
  shopName?: string;
  logger?: Logger;
}

/** The agent's locale when the request names one (`?locale=` on the configured URL, or the helpdesk's own field). */
export function requestLocale(c: Context, ...candidates: Array<string | null | undefined>): string | undefined {
  for (const candidate of [c.req.query('locale'), ...candidates]) {
    const locale = validLocale(candidate);
    if (locale) return locale;
  }
  return undefined;
}

/** The locale to render in: the agent's when known, else the customer's. */
export function localeFor(requested: string | undefined, serveds: readonly ServedOrderView[]): string {
  return requested ?? serveds[0]?.view.customer.locale ?? 'en';
}

/** Runs an order lookup; a failing order source becomes a 503 instead of leaking its error. */
export async function guarded<T>(
  c: Context,
  context: AdapterContext,
  helpdesk: HelpdeskName,
  load: () => Promise<T>,
): Promise<T | Response> {
  try {
    return await load();
  } catch (error) {
    logSafely(context.logger, 'error', `${helpdesk}: order lookup failed`, {
      message: error instanceof Error ? error.message : String(error),
    });
    return problem(c, 503, 'orders_unavailable', 'The order data could not be loaded.');
  }
}

/**
 * Takes one request from the helpdesk account's bucket (after the request was verified, so the account is
 * known): null when allowed, else the 429 answer with `Retry-After`.
 */
export function rateLimited(c: Context, context: AdapterContext, helpdesk: HelpdeskName, account = ''): Response | null {
  const result = takeRateLimit(c, context, helpdesk, account);
  return result === null
    ? null
    : problem(c, 429, 'too_many_requests', `Too many requests for this ${helpdesk} account; retry after ${result} s.`);
}

/** The bucket check alone: null when allowed, else the seconds to wait (and `Retry-After` is set). */
export function takeRateLimit(c: Context, context: AdapterContext, helpdesk: HelpdeskName, account = ''): number | null {
  if (!context.limiter) return null;
  const result = context.limiter.take(`${helpdesk}\u0000${account}`);
  if (result.allowed) return null;
  c.header('Retry-After', String(result.retryAfterSeconds));
  return result.retryAfterSeconds;
}

export function unauthorized(c: Context, verification: Extract<Verification, { ok: false }>): Response {
  return problem(c, 401, verification.reason, verification.detail);
}

/** Orders of several emails (a customer with more than one address), newest first, each once. */
export async function viewsForEmails(context: AdapterContext, emails: readonly string[], timeBudgetMs: number): Promise<ServedOrderView[]> {
  const unique = [...new Set(emails.map((email) => email.trim().toLowerCase()).filter((email) => email.includes('@')))].slice(0, 5);
  const lists = await Promise.all(unique.map((email) => context.service.viewsByEmail(email, { timeBudgetMs })));
  const byId = new Map<string, ServedOrderView>();
  for (const served of lists.flat()) if (!byId.has(served.view.order.id)) byId.set(served.view.order.id, served);
  return [...byId.values()].sort((a, b) => Date.parse(b.view.order.placedAt) - Date.parse(a.view.order.placedAt));
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function stringField(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** The public URL of one of this app's routes, e.g. `route('/hubspot/card')`. */
export function publicUrl(context: AdapterContext, path: string): string {
  return `${context.publicBaseUrl}${path}`;
}

/**
 * URLs the helpdesk may have signed for this request: the configured public URL of the route, and the
 * request's own path on the public origin (for mounts where `publicBaseUrl` has no path prefix).
 */
export function candidateUrls(context: AdapterContext, c: Context, routePath: string, query: string): string[] {
  const suffix = query ? `?${query}` : '';
  const candidates = [`${publicUrl(context, routePath)}${suffix}`];
  try {
    candidates.push(`${new URL(context.publicBaseUrl).origin}${c.req.path}${suffix}`);
  } catch {
    // publicBaseUrl is validated at start-up; nothing to add.
  }
  return [...new Set(candidates)];
}
