import type { Agent as HttpsAgent } from 'node:https';
import axios, { type AxiosResponse } from 'axios';
import pRetry, { AbortError } from 'p-retry';
import type { z } from 'zod';
import type { RateLimit } from '../adapter/carrier-adapter';
import { AuthFailedError, BadResponseError, CarrierUnavailableError, RateLimitedError, WismoError } from '../errors';
import { logSafely, type Logger } from './logger';
import { createRateLimiter, type RateLimiter } from './rate-limiter';
import { redactText } from './redact';
import { observeRequest, requestOutcomeOf, type CarrierRequestObserver } from './request-observer';

/** Knobs every adapter accepts beside its credentials. */
export interface TransportSettings {
  /** Per-attempt timeout. Default 15 s. */
  timeoutMs?: number;
  /** Retries after the first attempt for network errors, timeouts, 408, 429 and 5xx. Default 3. */
  retries?: number;
  /** First backoff delay; doubles each retry with jitter. Default 250 ms. */
  retryMinDelayMs?: number;
  /** Backoff ceiling. Default 8 s. */
  retryMaxDelayMs?: number;
  /** A longer `Retry-After` is not waited for: the call fails with `rate_limited` at once. Default 60 s. */
  maxRetryAfterMs?: number;
  /** Override the carrier's documented limit, or `false` to disable client-side limiting. */
  rateLimit?: (RateLimit & { burst?: number }) | false;
  /** Share one limiter between several adapter instances using the same credentials. */
  rateLimiter?: RateLimiter;
  logger?: Logger;
  /** A Node agent for every request of this adapter (keep-alive, a proxy agent, custom CA). */
  httpsAgent?: HttpsAgent;
  /** Told of every HTTP request sent (retries and token requests too), e.g. to count them against the limits. */
  requestObserver?: CarrierRequestObserver;
}

export interface AuthorizationProvider {
  /** Headers that authorise a request, e.g. `{ Authorization: 'Bearer …' }`. */
  headers(signal?: AbortSignal): Promise<Record<string, string>>;
  /** Forget the cached credential so the next `headers()` fetches a fresh one (after a 401). */
  invalidate?(): void;
}

export interface HttpRequest {
  method: 'GET' | 'POST';
  /** Absolute, or relative to the client's `baseUrl`. */
  url: string;
  query?: Record<string, string | number | boolean | undefined>;
  headers?: Record<string, string>;
  json?: unknown;
  form?: Record<string, string>;
  /** A body sent as it is (SOAP/XML carriers such as DPD), with its content type. */
  text?: { contentType: string; body: string };
  signal?: AbortSignal;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  url: string;
}

export interface HttpClientOptions extends TransportSettings {
  carrierId: string;
  carrierName: string;
  baseUrl: string;
  auth?: AuthorizationProvider;
  defaultHeaders?: Record<string, string>;
  /** The carrier's documented rate limit, applied unless `rateLimit` overrides it. */
  defaultRateLimit?: RateLimit;
  /**
   * Pulls the carrier's own error message and codes out of an error body, for clearer errors. It may
   * also give a wait the body states ("retry after 12:00AM GMT") when the `Retry-After` header is absent,
   * or `retryable: false` when retrying within this run cannot help.
   */
  describeErrorBody?: (
    body: string,
  ) => { message?: string; codes?: string[]; retryAfterMs?: number | null; retryable?: boolean } | undefined;
}

export interface HttpClient {
  request(request: HttpRequest): Promise<HttpResponse>;
  readonly rateLimiter: RateLimiter | null;
  readonly carrierId: string;
  readonly carrierName: string;
}

const RETRYABLE_NETWORK_CODES = new Set([
  'ECONNABORTED',
  'ETIMEDOUT',
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'EAI_AGAIN',
  'ENOTFOUND',
  'ERR_NETWORK',
  'ERR_SOCKET_CONNECTION_TIMEOUT',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** `Retry-After` in seconds or as an HTTP date → milliseconds from now. */
export function parseRetryAfter(value: string | undefined, nowMs: number = Date.now()): number | null {
  if (value === undefined || value.trim() === '') return null;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - nowMs);
}

function headerMap(response: AxiosResponse): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(response.headers ?? {})) {
    if (value === undefined || value === null) continue;
    result[key.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return result;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export function createHttpClient(options: HttpClientOptions): HttpClient {
  // axios stays the engine, but no axios type is part of any settings: the instance is made here.
  const http = axios.create();
  const timeoutMs = options.timeoutMs ?? 15_000;
  const retries = options.retries ?? 3;
  const minDelay = options.retryMinDelayMs ?? 250;
  const maxDelay = options.retryMaxDelayMs ?? 8_000;
  const maxRetryAfter = options.maxRetryAfterMs ?? 60_000;
  const limit = options.rateLimit === false ? null : (options.rateLimit ?? options.defaultRateLimit ?? null);
  const rateLimiter = options.rateLimiter ?? (limit ? createRateLimiter(limit) : null);
  const { carrierId, carrierName } = options;

  function describe(body: string): { detail: string; codes: string[]; retryAfterMs: number | null; retryable: boolean } {
    const described = safeDescribe(body);
    const detail = described?.message ? `: ${described.message}` : '';
    return {
      detail,
      codes: described?.codes ?? [],
      retryAfterMs: described?.retryAfterMs ?? null,
      retryable: described?.retryable ?? true,
    };
  }

  function safeDescribe(body: string) {
    try {
      return options.describeErrorBody?.(body);
    } catch {
      return undefined;
    }
  }

  async function attempt(request: HttpRequest, authRefreshed: { done: boolean }): Promise<HttpResponse> {
    // The token first: waiting for it must not hold a rate-limit slot, or the first burst arrives bunched.
    const authHeaders = options.auth ? await options.auth.headers(request.signal) : {};
    await rateLimiter?.acquire(request.signal);
    const url = /^https?:\/\//.test(request.url)
      ? request.url
      : `${options.baseUrl.replace(/\/+$/, '')}/${request.url.replace(/^\/+/, '')}`;
    let response: AxiosResponse<string>;
    const sentAt = Date.now();
    try {
      response = await http.request<string>({
        method: request.method,
        url,
        params: request.query,
        headers: {
          Accept: 'application/json',
          ...options.defaultHeaders,
          ...request.headers,
          ...authHeaders,
          ...(request.form ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}),
          ...(request.json !== undefined ? { 'Content-Type': 'application/json' } : {}),
          ...(request.text ? { 'Content-Type': request.text.contentType } : {}),
        },
        data: request.form
          ? new URLSearchParams(request.form).toString()
          : request.json !== undefined
            ? JSON.stringify(request.json)
            : request.text?.body,
        timeout: timeoutMs,
        signal: request.signal,
        responseType: 'text',
        transformResponse: (data: unknown) => data,
        validateStatus: () => true,
        maxRedirects: 0,
        ...(options.httpsAgent ? { httpsAgent: options.httpsAgent, httpAgent: options.httpsAgent } : {}),
      });
    } catch (error) {
      if (request.signal?.aborted)
        throw new AbortError(request.signal.reason instanceof Error ? request.signal.reason : new Error('Aborted'));
      const code = (error as { code?: string }).code ?? 'UNKNOWN';
      const timedOut = code === 'ECONNABORTED' || code === 'ETIMEDOUT' || /timeout/i.test(String((error as Error).message));
      observeRequest(options.requestObserver, { carrierId, at: sentAt, outcome: timedOut ? 'timeout' : 'network', httpStatus: null });
      throw new CarrierUnavailableError(
        timedOut
          ? `${carrierName} did not answer within ${timeoutMs} ms`
          : `Could not reach ${carrierName} (${RETRYABLE_NETWORK_CODES.has(code) ? code : 'network error'})`,
        { carrierId, cause: error },
      );
    }

    const body =
      typeof response.data === 'string'
        ? response.data
        : response.data === undefined || response.data === null
          ? ''
          : JSON.stringify(response.data);
    const result: HttpResponse = { status: response.status, headers: headerMap(response), body, url };
    const status = response.status;
    observeRequest(options.requestObserver, { carrierId, at: sentAt, outcome: requestOutcomeOf(status), httpStatus: status });
    logSafely(options.logger, 'debug', `${carrierName} ${request.method} ${url} → ${status}`, { carrierId, status });

    if (status === 401 && options.auth?.invalidate && !authRefreshed.done) {
      // An expired or revoked token: fetch a new one and try once more, outside the retry budget.
      authRefreshed.done = true;
      options.auth.invalidate();
      return attempt(request, authRefreshed);
    }
    if (status === 401 || status === 403) {
      const { detail, codes } = describe(body);
      throw new AbortError(
        new AuthFailedError(
          `${carrierName} rejected the credentials (HTTP ${status})${detail}. Check the client id/secret or API key and that the app has access to the tracking API.`,
          {
            carrierId,
            httpStatus: status,
            carrierCodes: codes,
          },
        ),
      );
    }
    if (status === 429 || status === 408 || status >= 500) {
      const described = describe(body);
      const { detail, codes } = described;
      const retryAfterMs = parseRetryAfter(result.headers['retry-after']) ?? described.retryAfterMs;
      const error =
        status === 429
          ? new RateLimitedError(`${carrierName} is rate limiting requests (HTTP 429)${detail}`, {
              carrierId,
              httpStatus: status,
              retryAfterMs,
              carrierCodes: codes,
            })
          : new CarrierUnavailableError(`${carrierName} answered HTTP ${status}${detail}`, {
              carrierId,
              httpStatus: status,
              retryAfterMs,
              carrierCodes: codes,
            });
      // The carrier says waiting will not help within this run (a spent daily quota): fail at once.
      if (!described.retryable || (retryAfterMs !== null && retryAfterMs > maxRetryAfter)) throw new AbortError(error);
      throw error;
    }
    return result;
  }

  return {
    carrierId,
    carrierName,
    rateLimiter,
    async request(request) {
      const authRefreshed = { done: false };
      try {
        return await pRetry(() => attempt(request, authRefreshed), {
          retries,
          minTimeout: 0,
          factor: 1,
          signal: request.signal,
          shouldRetry: ({ error }) => WismoError.isInstance(error) && error.retryable,
          onFailedAttempt: async ({ error, attemptNumber, retriesLeft }) => {
            if (retriesLeft <= 0 || !(WismoError.isInstance(error) && error.retryable)) return;
            const backoff = Math.min(maxDelay, minDelay * 2 ** (attemptNumber - 1)) * (1 + Math.random());
            const waitMs = error.retryAfterMs ?? backoff;
            logSafely(options.logger, 'warn', `${carrierName}: ${error.message}; retrying in ${Math.round(waitMs)} ms`, {
              carrierId,
              attemptNumber,
            });
            await sleep(waitMs, request.signal);
          },
        });
      } catch (error) {
        if (WismoError.isInstance(error)) throw error;
        if (error instanceof AbortError && WismoError.isInstance(error.originalError)) throw error.originalError;
        const inner = error instanceof AbortError ? error.originalError : error;
        if (WismoError.isInstance(inner)) throw inner;
        throw new CarrierUnavailableError(`${carrierName} request failed: ${redactText(String((inner as Error)?.message ?? inner))}`, {
          carrierId,
          cause: inner,
        });
      }
    },
  };
}

function looksLikeHtml(response: HttpResponse): boolean {
  return /text\/html/i.test(response.headers['content-type'] ?? '') || /^\s*<(!doctype|html|head|body)/i.test(response.body);
}

/** Parses a JSON body, or throws `bad_response` saying what came instead (an HTML error page, say). */
export function parseJsonBody(response: HttpResponse, carrierName: string, carrierId: string): unknown {
  if (looksLikeHtml(response)) {
    throw new BadResponseError(
      `${carrierName} sent an HTML page instead of JSON (HTTP ${response.status}); the API may be down or the base URL wrong`,
      {
        carrierId,
        httpStatus: response.status,
      },
    );
  }
  try {
    return JSON.parse(response.body) as unknown;
  } catch {
    throw new BadResponseError(
      `${carrierName} sent a body that is not valid JSON (HTTP ${response.status}, ${response.body.length} bytes)`,
      {
        carrierId,
        httpStatus: response.status,
      },
    );
  }
}

/** The first three issues of a failed validation, each as `path: message` (`(root)` for the value itself). */
export function zodIssuesText(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}

/** Validates a parsed body against a minimal schema; failures name the first paths that did not fit. */
export function parseWithSchema<Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
  carrierName: string,
  carrierId: string,
  httpStatus?: number,
): z.infer<Schema> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new BadResponseError(`${carrierName} response did not have the expected shape (${zodIssuesText(result.error)})`, {
    carrierId,
    httpStatus: httpStatus ?? null,
  });
}
