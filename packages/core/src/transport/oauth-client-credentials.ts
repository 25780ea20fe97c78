import { LRUCache } from 'lru-cache';
import { z } from 'zod';
import { AuthFailedError, BadResponseError, ConfigurationError } from '../errors';
import { createHttpClient, parseJsonBody, type AuthorizationProvider, type HttpClientOptions } from './http-client';
import { registerSecret } from './redact';

export interface OAuthClientCredentialsOptions extends Pick<
  HttpClientOptions,
  'timeoutMs' | 'retries' | 'retryMinDelayMs' | 'retryMaxDelayMs' | 'logger' | 'httpsAgent' | 'requestObserver'
> {
  carrierId: string;
  carrierName: string;
  tokenUrl: string;
  clientId: string | undefined;
  clientSecret: string | undefined;
  /** `basic`: HTTP Basic header (UPS); `body`: client_id/client_secret form fields (FedEx, USPS). */
  credentialsIn: 'basic' | 'body';
  /** The resource owner for the password grant (Hermes); without it the grant is client credentials. */
  resourceOwner?: { username: string | undefined; password: string | undefined };
  scope?: string;
  extraHeaders?: Record<string, string>;
  /** Refresh this long before the token expires. Default 60 s. */
  refreshMarginMs?: number;
  /** Share tokens between providers (e.g. several adapters with the same credentials). */
  cache?: TokenCache;
  now?: () => number;
}

export interface CachedToken {
  accessToken: string;
  expiresAtMs: number;
}

/** Where tokens are kept; a `Map` or an `lru-cache` instance both fit. */
export interface TokenCache {
  get(key: string): CachedToken | undefined;
  set(key: string, token: CachedToken): unknown;
  delete(key: string): unknown;
}

const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  // UPS sends expires_in as a string ("14399"), FedEx and USPS as a number.
  expires_in: z.union([z.number(), z.string().regex(/^\d+$/)]).optional(),
  token_type: z.string().optional(),
});

export interface OAuthTokenProvider extends AuthorizationProvider {
  /** A valid access token, fetched once and shared by concurrent callers. */
  token(signal?: AbortSignal): Promise<string>;
  /** How many token requests were sent (for tests and metrics). */
  readonly requestCount: number;
}

export function createOAuthClientCredentials(options: OAuthClientCredentialsOptions): OAuthTokenProvider {
  const { carrierId, carrierName, clientId, clientSecret } = options;
  if (!clientId || !clientSecret) {
    throw new ConfigurationError(
      `${carrierName}: clientId and clientSecret are required (pass them in the settings or set the documented environment variables)`,
      { carrierId },
    );
  }
  const owner = options.resourceOwner;
  if (owner && (!owner.username || !owner.password)) {
    throw new ConfigurationError(
      `${carrierName}: username and password are required for the password grant (pass them in the settings or set the documented environment variables)`,
      { carrierId },
    );
  }
  registerSecret(clientSecret);
  if (owner) registerSecret(owner.password!);
  const refused = owner
    ? `${carrierName} refused the credentials; check the client id, secret, user name and password`
    : `${carrierName} refused the client credentials; check the client id and secret`;
  // Per provider by default, so one adapter's bad credentials never poison another's cache.
  const cache = options.cache ?? new LRUCache<string, CachedToken>({ max: 16 });
  const now = options.now ?? Date.now;
  const refreshMarginMs = options.refreshMarginMs ?? 60_000;
  const cacheKey = `${options.tokenUrl}\u0000${clientId}\u0000${owner?.username ?? ''}\u0000${options.scope ?? ''}`;
  const http = createHttpClient({
    carrierId,
    carrierName: `${carrierName} OAuth`,
    baseUrl: options.tokenUrl,
    rateLimit: false,
    timeoutMs: options.timeoutMs,
    retries: options.retries,
    retryMinDelayMs: options.retryMinDelayMs,
    retryMaxDelayMs: options.retryMaxDelayMs,
    logger: options.logger,
    httpsAgent: options.httpsAgent,
    requestObserver: options.requestObserver,
  });
  let inFlight: Promise<string> | null = null;
  let requestCount = 0;

  async function fetchToken(signal?: AbortSignal): Promise<string> {
    requestCount += 1;
    const form: Record<string, string> = owner
      ? { grant_type: 'password', username: owner.username!, password: owner.password! }
      : { grant_type: 'client_credentials' };
    if (options.scope) form.scope = options.scope;
    const headers: Record<string, string> = { ...options.extraHeaders };
    if (options.credentialsIn === 'basic') {
      headers.Authorization = `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`;
    } else {
      form.client_id = clientId!;
      form.client_secret = clientSecret!;
    }
    let response;
    try {
      response = await http.request({ method: 'POST', url: options.tokenUrl, form, headers, signal });
    } catch (error) {
      if ((error as { code?: string }).code === 'auth_failed') {
        throw new AuthFailedError(refused, {
          carrierId,
          httpStatus: (error as { httpStatus?: number }).httpStatus ?? null,
        });
      }
      throw error;
    }
    if (response.status === 400 || response.status === 401 || response.status === 403) {
      throw new AuthFailedError(refused.replace('; check', ` (HTTP ${response.status}); check`), {
        carrierId,
        httpStatus: response.status,
      });
    }
    if (response.status < 200 || response.status >= 300) {
      throw new BadResponseError(`${carrierName} token endpoint answered HTTP ${response.status}`, {
        carrierId,
        httpStatus: response.status,
      });
    }
    const parsed = tokenResponseSchema.safeParse(parseJsonBody(response, `${carrierName} OAuth`, carrierId));
    if (!parsed.success)
      throw new BadResponseError(`${carrierName} token response had no access_token`, { carrierId, httpStatus: response.status });
    const accessToken = parsed.data.access_token;
    const expiresInSeconds = parsed.data.expires_in === undefined ? 3600 : Number(parsed.data.expires_in);
    const expiresAtMs = now() + expiresInSeconds * 1000;
    // Registered with its expiry, so a server that refreshes tokens for months keeps a bounded registry.
    registerSecret(accessToken, { expiresAtMs, now });
    cache.set(cacheKey, { accessToken, expiresAtMs });
    return accessToken;
  }

  const provider: OAuthTokenProvider = {
    get requestCount() {
      return requestCount;
    },
    async token(signal) {
      const cached = cache.get(cacheKey);
      if (cached && cached.expiresAtMs - refreshMarginMs > now()) return cached.accessToken;
      // Coalesce: concurrent callers wait for one token request.
      inFlight ??= fetchToken(signal).finally(() => {
        inFlight = null;
      });
      return inFlight;
    },
    async headers(signal) {
      return { Authorization: `Bearer ${await provider.token(signal)}` };
    },
    invalidate() {
      cache.delete(cacheKey);
    },
  };
  return provider;
}
