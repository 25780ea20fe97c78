import { inspect } from 'node:util';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { WismoError } from '../errors';
import { createHttpClient, parseJsonBody, parseRetryAfter, type AuthorizationProvider } from './http-client';
import { registerSecret } from './redact';
import type { CarrierRequest } from './request-observer';

const origin = 'https://carrier.transport.test';
const fast = { timeoutMs: 200, retries: 2, retryMinDelayMs: 1, retryMaxDelayMs: 5 };

function client(extra: Partial<Parameters<typeof createHttpClient>[0]> = {}) {
  return createHttpClient({ carrierId: 'test', carrierName: 'Test Carrier', baseUrl: origin, rateLimit: false, ...fast, ...extra });
}

async function failure(promise: Promise<unknown>): Promise<WismoError> {
  try {
    await promise;
  } catch (error) {
    expect(WismoError.isInstance(error)).toBe(true);
    return error as WismoError;
  }
  throw new Error('expected a rejection');
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('createHttpClient', () => {
  it('returns non-retryable answers (200, 400, 404) for the adapter to interpret', async () => {
    nock(origin)
      .get('/track/A')
      .reply(200, { ok: true })
      .get('/track/B')
      .reply(404, { title: 'No result found' })
      .get('/track/C')
      .reply(400, { code: 150002 });
    const http = client();
    expect((await http.request({ method: 'GET', url: '/track/A' })).status).toBe(200);
    expect((await http.request({ method: 'GET', url: '/track/B' })).status).toBe(404);
    expect((await http.request({ method: 'GET', url: 'track/C' })).body).toBe('{"code":150002}');
  });

  it.each([500, 502, 503, 504, 408])('retries HTTP %i and then succeeds', async (status) => {
    const scope = nock(origin).get('/x').reply(status, 'oops').get('/x').reply(200, '{}');
    const response = await client().request({ method: 'GET', url: '/x' });
    expect(response.status).toBe(200);
    expect(scope.isDone()).toBe(true);
  });

  it('gives up after the retry budget with carrier_unavailable', async () => {
    const scope = nock(origin).get('/x').times(3).reply(503, 'down');
    const error = await failure(client().request({ method: 'GET', url: '/x' }));
    expect(error.code).toBe('carrier_unavailable');
    expect(error.httpStatus).toBe(503);
    expect(error.retryable).toBe(true);
    expect(scope.isDone()).toBe(true);
  });

  it('does not retry other 4xx', async () => {
    const scope = nock(origin).get('/x').once().reply(422, '{}');
    expect((await client().request({ method: 'GET', url: '/x' })).status).toBe(422);
    expect(scope.isDone()).toBe(true);
  });

  it('honours Retry-After in seconds on 429', async () => {
    const scope = nock(origin).get('/x').reply(429, '{}', { 'Retry-After': '1' }).get('/x').reply(200, '{}');
    const started = performance.now();
    await client().request({ method: 'GET', url: '/x' });
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
    expect(scope.isDone()).toBe(true);
  });

  it('honours Retry-After as an HTTP date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter('soon', now)).toBeNull();
  });

  it('fails at once with rate_limited when Retry-After is longer than it may wait (daily quotas)', async () => {
    const scope = nock(origin).get('/x').once().reply(429, '{"message":"Daily transaction quota exceeded"}', { 'Retry-After': '36000' });
    const started = performance.now();
    const error = await failure(client().request({ method: 'GET', url: '/x' }));
    expect(error.code).toBe('rate_limited');
    expect(error.retryAfterMs).toBe(36_000_000);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(scope.isDone()).toBe(true);
  });

  it('takes the wait from the error body when the header is missing, and stops at once for a long one', async () => {
    const scope = nock(origin)
      .get('/x')
      .once()
      .reply(429, '{"errors":[{"message":"Daily transaction quota exceeded. Retry after 12:00AM GMT"}]}');
    const error = await failure(
      client({ describeErrorBody: () => ({ message: 'Daily transaction quota exceeded', retryAfterMs: 5 * 3_600_000 }) }).request({
        method: 'GET',
        url: '/x',
      }),
    );
    expect(error.code).toBe('rate_limited');
    expect(error.retryAfterMs).toBe(5 * 3_600_000);
    expect(scope.isDone()).toBe(true);
  });

  it('does not retry when the error body says retrying cannot help', async () => {
    const scope = nock(origin).get('/x').once().reply(503, '{"title":"quota"}');
    const error = await failure(
      client({ describeErrorBody: () => ({ message: 'quota used up', retryable: false }) }).request({ method: 'GET', url: '/x' }),
    );
    expect(error.code).toBe('carrier_unavailable');
    expect(scope.isDone()).toBe(true);
  });

  it('retries timeouts and network errors, then reports carrier_unavailable', async () => {
    nock(origin).get('/slow').times(3).delay(400).reply(200, '{}');
    const timeout = await failure(client().request({ method: 'GET', url: '/slow' }));
    expect(timeout.code).toBe('carrier_unavailable');
    expect(timeout.message).toMatch(/did not answer within 200 ms/);
    nock(origin)
      .get('/reset')
      .times(3)
      .replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
    const reset = await failure(client().request({ method: 'GET', url: '/reset' }));
    expect(reset.code).toBe('carrier_unavailable');
    expect(reset.message).toMatch(/ECONNRESET/);
  });

  it('tells the request observer of every attempt with its outcome, and survives an observer that throws', async () => {
    const seen: Array<[string, number | null]> = [];
    const requestObserver = { onRequest: (request: CarrierRequest) => void seen.push([request.outcome, request.httpStatus]) };
    nock(origin)
      .get('/x')
      .reply(503, 'down')
      .get('/x')
      .reply(429, 'slow down', { 'Retry-After': '0' })
      .get('/x')
      .reply(200, '{}')
      .get('/missing')
      .reply(404, '{}')
      .get('/bad')
      .reply(400, '{}')
      .get('/slow')
      .delay(400)
      .reply(200, '{}')
      .get('/reset')
      .replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
    const http = client({ requestObserver, retries: 0 });
    const retrying = client({ requestObserver });
    expect((await retrying.request({ method: 'GET', url: '/x' })).status).toBe(200);
    await http.request({ method: 'GET', url: '/missing' });
    await http.request({ method: 'GET', url: '/bad' });
    await failure(http.request({ method: 'GET', url: '/slow' }));
    await failure(http.request({ method: 'GET', url: '/reset' }));
    expect(seen).toEqual([
      ['server', 503],
      ['rate_limited', 429],
      ['ok', 200],
      ['not_found', 404],
      ['client', 400],
      ['timeout', null],
      ['network', null],
    ]);
    nock(origin).get('/y').reply(200, '{}');
    const throwing = client({
      requestObserver: {
        onRequest: () => {
          throw new Error('counter broke');
        },
      },
    });
    expect((await throwing.request({ method: 'GET', url: '/y' })).status).toBe(200);
  });

  it('refreshes the token once on 401 and retries once', async () => {
    let token = 'token-one-abcdef';
    const auth: AuthorizationProvider = {
      headers: async () => ({ Authorization: `Bearer ${token}` }),
      invalidate: vi.fn(() => void (token = 'token-two-abcdef')),
    };
    const scope = nock(origin)
      .get('/x')
      .matchHeader('authorization', 'Bearer token-one-abcdef')
      .reply(401, '{}')
      .get('/x')
      .matchHeader('authorization', 'Bearer token-two-abcdef')
      .reply(200, '{"ok":true}');
    const response = await client({ auth }).request({ method: 'GET', url: '/x' });
    expect(response.status).toBe(200);
    expect(auth.invalidate).toHaveBeenCalledTimes(1);
    expect(scope.isDone()).toBe(true);
  });

  it('reports auth_failed when the refreshed token is refused too, and on 403', async () => {
    const auth: AuthorizationProvider = { headers: async () => ({ Authorization: 'Bearer whatever-token' }), invalidate: vi.fn() };
    const scope = nock(origin).get('/x').twice().reply(401, '{}');
    const error = await failure(client({ auth }).request({ method: 'GET', url: '/x' }));
    expect(error.code).toBe('auth_failed');
    expect(error.retryable).toBe(false);
    expect(scope.isDone()).toBe(true);
    nock(origin).get('/y').once().reply(403, '{"response":{"errors":[{"code":"250003","message":"Invalid Access License number"}]}}');
    const forbidden = await failure(
      client({ describeErrorBody: (body) => ({ message: JSON.parse(body).response.errors[0].message, codes: ['250003'] }) }).request({
        method: 'GET',
        url: '/y',
      }),
    );
    expect(forbidden.message).toContain('Invalid Access License number');
    expect(forbidden.carrierCodes).toEqual(['250003']);
  });

  it('never shows secrets in errors, their JSON, util.inspect or logs', async () => {
    const secret = 'sk_live_super_secret_value';
    registerSecret(secret);
    const lines: string[] = [];
    const logger = {
      debug: (message: string, fields?: object) => lines.push(message + JSON.stringify(fields)),
      warn: (message: string, fields?: object) => lines.push(message + JSON.stringify(fields)),
    };
    nock(origin).get('/x').times(3).reply(500, `internal error for key ${secret}`);
    const http = client({ defaultHeaders: { 'DHL-API-Key': secret }, logger, describeErrorBody: (body) => ({ message: body }) });
    const error = await failure(http.request({ method: 'GET', url: '/x' }));
    const texts = [
      error.message,
      JSON.stringify(error),
      inspect(error),
      inspect(error, { showHidden: true, depth: 5 }),
      String(error.stack),
      ...lines,
    ];
    for (const text of texts) expect(text).not.toContain(secret);
    expect(error.message).toContain('[redacted]');
    expect(lines.length).toBeGreaterThan(0);
  });

  it('waits for the rate limiter before each request', async () => {
    const acquire = vi.fn(async () => undefined);
    nock(origin).get('/x').twice().reply(200, '{}');
    const http = client({ rateLimiter: { acquire, limit: { requests: 1, intervalMs: 1000 } } });
    await http.request({ method: 'GET', url: '/x' });
    await http.request({ method: 'GET', url: '/x' });
    expect(acquire).toHaveBeenCalledTimes(2);
  });
});

describe('parseJsonBody', () => {
  const response = (body: string, contentType = 'application/json') => ({
    status: 200,
    headers: { 'content-type': contentType },
    body,
    url: origin,
  });

  it('parses JSON and rejects HTML pages and broken JSON with bad_response', () => {
    expect(parseJsonBody(response('{"a":1}'), 'Test', 'test')).toEqual({ a: 1 });
    expect(() => parseJsonBody(response('<html><body>Bad Gateway</body></html>', 'text/html'), 'Test', 'test')).toThrow(/HTML page/);
    try {
      parseJsonBody(response('{"a":'), 'Test', 'test');
    } catch (error) {
      expect((error as WismoError).code).toBe('bad_response');
    }
  });
});
