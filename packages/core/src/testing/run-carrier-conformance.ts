import { inspect } from 'node:util';
import nock from 'nock';
import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest';
import type { CarrierAdapter, TrackOutcome } from '../adapter/carrier-adapter';
import type { CarrierParseInput } from '../adapter/define-carrier';
import { CARRIER_ADAPTER_SPECIFICATION_VERSION } from '../adapter/carrier-adapter';
import { shipmentSchema } from '../status/shipment';

export interface MockedResponse {
  status: number;
  body: string | object;
  headers?: Record<string, string>;
}

/** A request as the adapter sent it, for a sandbox that answers it. */
export interface ConformanceRequest {
  method: string;
  url: URL;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface ConformanceTransport {
  timeoutMs: number;
  retries: number;
  retryMinDelayMs: number;
  retryMaxDelayMs: number;
}

export interface CarrierConformanceOptions {
  /** The origin the suite intercepts with nock, e.g. `https://ups.conformance.test`. */
  origin: string;
  /**
   * Builds the adapter pointed at `origin` with fake credentials containing `secrets`, and the
   * transport settings given (short timeouts and delays so the suite runs fast).
   */
  createAdapter(settings: { baseUrl: string; transport: ConformanceTransport }): CarrierAdapter;
  /** Every credential string the adapter was given; none may appear in any error. */
  secrets: string[];
  /** For OAuth carriers: the interceptor for the token endpoint on `scope` (the suite adds the reply). */
  interceptToken?(scope: nock.Scope): nock.Interceptor;
  /** A valid token body for `interceptToken`. */
  tokenBody?: object;
  /** The interceptor for the tracking request that carries `trackingNumber`. */
  interceptTrack(scope: nock.Scope, trackingNumber: string): nock.Interceptor;
  /** A real (or faithful) successful body for `found.trackingNumber`. */
  found: { trackingNumber: string; response: MockedResponse };
  /** The carrier's not-found answer (which may well be HTTP 200). */
  notFound: { trackingNumber: string; response: MockedResponse };
  /**
   * A successful body for `unknownCode.trackingNumber` in which one event has `rawCode`, absent from the
   * table. Adapters that fall back from one code field to another must replace every code field of that
   * event, so that no fallback can map it.
   */
  unknownCode: { trackingNumber: string; response: MockedResponse; rawCode: string };
  /** The carrier's answer to bad credentials on the tracking endpoint (API-key carriers) or token endpoint. */
  authFailure: MockedResponse;
  /**
   * The carrier's sandbox (a testkit sandbox skeleton): when given, it answers every request for `found` and
   * `notFound` in place of their recorded bodies, seeing the adapter's real request (path, query, headers, body),
   * so a request the sandbox does not accept (wrong path, missing credentials) fails the suite.
   */
  sandbox?(request: ConformanceRequest): { status: number; body: unknown; headers?: Record<string, string> };
  /** The carrier's pure parse function: checked to classify 401/403 answers as `auth_failed` whatever the body. */
  parse?: (input: CarrierParseInput) => TrackOutcome[];
}

function outcomeText(outcome: TrackOutcome): string {
  if (outcome.ok) return JSON.stringify(outcome.shipment);
  return [outcome.error.message, JSON.stringify(outcome.error), inspect(outcome.error), String(outcome.error.stack)].join('\n');
}

/**
 * The behaviour every carrier adapter must show, run by each carrier package against recorded bodies:
 * success, not found, auth failure, 429 with Retry-After, 5xx retried, timeout, malformed and HTML bodies,
 * unknown codes kept as `unmapped`, expired tokens refreshed, and no secret in any error.
 */
export function runCarrierConformance(options: CarrierConformanceOptions): void {
  const transport: ConformanceTransport = { timeoutMs: 300, retries: 2, retryMinDelayMs: 5, retryMaxDelayMs: 20 };
  const tokenBody = options.tokenBody ?? { access_token: 'conformance-access-token-1234567890', token_type: 'Bearer', expires_in: 3599 };
  const collected: string[] = [];

  function scope(): nock.Scope {
    const created = nock(options.origin);
    // Optional: an adapter may already hold a token; the refresh test below counts token calls strictly.
    if (options.interceptToken) options.interceptToken(created).optionally().times(3).reply(200, tokenBody);
    return created;
  }

  function replyHeaders(response: MockedResponse): Record<string, string> {
    return {
      'Content-Type': typeof response.body === 'string' && response.body.trimStart().startsWith('<') ? 'text/html' : 'application/json',
      ...response.headers,
    };
  }

  function reply(interceptor: nock.Interceptor, response: MockedResponse): nock.Scope {
    if (options.sandbox && (response === options.found.response || response === options.notFound.response)) {
      const sandbox = options.sandbox;
      return interceptor.reply(function answer(this: nock.ReplyFnContext, uri, requestBody) {
        const answered = sandbox({
          method: this.req.method,
          url: new URL(uri, options.origin),
          headers: this.req.headers,
          body: typeof requestBody === 'string' ? requestBody : JSON.stringify(requestBody),
        });
        const body = typeof answered.body === 'string' ? answered.body : JSON.stringify(answered.body);
        return [answered.status, body, replyHeaders({ ...answered, body })];
      });
    }
    const body = typeof response.body === 'string' ? response.body : JSON.stringify(response.body);
    return interceptor.reply(response.status, body, replyHeaders(response));
  }

  async function trackOne(adapter: CarrierAdapter, trackingNumber: string): Promise<TrackOutcome> {
    const outcomes = await adapter.track([trackingNumber]);
    expect(outcomes).toHaveLength(1);
    const outcome = outcomes[0]!;
    expect(outcome.trackingNumber).toBe(trackingNumber);
    // Every shipment an adapter returns is valid for core's schema, not only the first test's.
    if (outcome.ok) shipmentSchema.parse(outcome.shipment);
    collected.push(outcomeText(outcome));
    return outcome;
  }

  describe('carrier adapter conformance', () => {
    const adapter = () => options.createAdapter({ baseUrl: options.origin, transport });

    beforeAll(() => {
      nock.disableNetConnect();
    });
    afterEach(() => {
      nock.cleanAll();
    });
    afterAll(() => {
      nock.enableNetConnect();
      // Runs last: every error and result text collected above is free of the credentials.
      for (const text of collected) for (const secret of options.secrets) expect(text).not.toContain(secret);
    });

    it('implements the versioned contract', () => {
      const instance = adapter();
      expect(instance.specificationVersion).toBe(CARRIER_ADAPTER_SPECIFICATION_VERSION);
      expect(instance.id).toMatch(/^[a-z0-9-]+$/);
      expect(instance.name.length).toBeGreaterThan(0);
      expect(instance.capabilities.maxNumbersPerRequest).toBeGreaterThanOrEqual(1);
      expect(instance.capabilities.rateLimit.requests).toBeGreaterThan(0);
      if (instance.capabilities.quota) expect(instance.capabilities.quota.requests).toBeGreaterThan(0);
      expect(instance.trackingUrl(options.found.trackingNumber)).toMatch(/^https:\/\//);
      expect(instance.contact.default.url ?? instance.contact.default.phone).toBeTruthy();
    });

    it('returns a schema-valid shipment for a known number', async () => {
      const scoped = scope();
      reply(options.interceptTrack(scoped, options.found.trackingNumber), options.found.response);
      const outcome = await trackOne(adapter(), options.found.trackingNumber);
      expect(outcome.ok).toBe(true);
      const shipment = shipmentSchema.parse(outcome.shipment);
      expect(shipment.carrier).toBe(adapter().id);
      expect(shipment.events.length).toBeGreaterThan(0);
      for (const event of shipment.events) {
        if (event.timeKind !== 'instant') expect(event.occurredAt).toBeNull();
        if (event.localTime) expect(event.localTime).not.toMatch(/(Z|[+-]\d{2}:?\d{2})$/);
      }
      expect(scoped.isDone()).toBe(true);
    });

    it('reports an unknown number as not_found', async () => {
      reply(options.interceptTrack(scope(), options.notFound.trackingNumber), options.notFound.response);
      const outcome = await trackOne(adapter(), options.notFound.trackingNumber);
      expect(outcome.ok).toBe(false);
      expect(outcome.error?.code).toBe('not_found');
      expect(outcome.error?.retryable).toBe(false);
    });

    it('keeps an unknown event code as unmapped instead of guessing', async () => {
      reply(options.interceptTrack(scope(), options.unknownCode.trackingNumber), options.unknownCode.response);
      const outcome = await trackOne(adapter(), options.unknownCode.trackingNumber);
      expect(outcome.ok).toBe(true);
      const unmapped = outcome.shipment!.events.filter((event) => event.unmapped);
      expect(unmapped.length).toBeGreaterThan(0);
      for (const event of unmapped) {
        expect(event.status).toBe('unknown');
        expect(event.substatus).toBe('unknown');
      }
      expect(unmapped.some((event) => JSON.stringify(event.raw).includes(options.unknownCode.rawCode))).toBe(true);
    });

    it('reports bad credentials as auth_failed without retrying', async () => {
      const scoped = nock(options.origin);
      if (options.interceptToken) {
        reply(options.interceptToken(scoped), options.authFailure);
      } else {
        reply(options.interceptTrack(scoped, options.found.trackingNumber), options.authFailure);
      }
      const outcome = await trackOne(adapter(), options.found.trackingNumber);
      expect(outcome.ok).toBe(false);
      expect(outcome.error?.code).toBe('auth_failed');
      expect(outcome.error?.retryable).toBe(false);
    });

    it('waits for Retry-After on 429 and then succeeds', async () => {
      const scoped = scope();
      reply(options.interceptTrack(scoped, options.found.trackingNumber), {
        status: 429,
        body: { message: 'Too Many Requests' },
        headers: { 'Retry-After': '1' },
      });
      reply(options.interceptTrack(scoped, options.found.trackingNumber), options.found.response);
      const started = performance.now();
      const outcome = await trackOne(adapter(), options.found.trackingNumber);
      expect(outcome.ok).toBe(true);
      expect(performance.now() - started).toBeGreaterThanOrEqual(950);
      expect(scoped.isDone()).toBe(true);
    });

    it('reports rate_limited once retries are spent', async () => {
      const scoped = scope();
      for (let attempt = 0; attempt <= transport.retries; attempt++) {
        reply(options.interceptTrack(scoped, options.found.trackingNumber), {
          status: 429,
          body: { message: 'Too Many Requests' },
          headers: { 'Retry-After': '0' },
        });
      }
      const outcome = await trackOne(adapter(), options.found.trackingNumber);
      expect(outcome.error?.code).toBe('rate_limited');
      expect(outcome.error?.retryable).toBe(true);
      expect(scoped.isDone()).toBe(true);
    });

    it('retries a 5xx and succeeds', async () => {
      const scoped = scope();
      reply(options.interceptTrack(scoped, options.found.trackingNumber), { status: 503, body: { message: 'Service Unavailable' } });
      reply(options.interceptTrack(scoped, options.found.trackingNumber), { status: 500, body: '' });
      reply(options.interceptTrack(scoped, options.found.trackingNumber), options.found.response);
      const outcome = await trackOne(adapter(), options.found.trackingNumber);
      expect(outcome.ok).toBe(true);
      expect(scoped.isDone()).toBe(true);
    });

    it('reports carrier_unavailable when 5xx persists', async () => {
      const scoped = scope();
      for (let attempt = 0; attempt <= transport.retries; attempt++) {
        reply(options.interceptTrack(scoped, options.found.trackingNumber), { status: 502, body: { message: 'Bad Gateway' } });
      }
      const outcome = await trackOne(adapter(), options.found.trackingNumber);
      expect(outcome.error?.code).toBe('carrier_unavailable');
      expect(outcome.error?.httpStatus).toBe(502);
    });

    it('reports carrier_unavailable on timeouts', async () => {
      const scoped = scope();
      for (let attempt = 0; attempt <= transport.retries; attempt++) {
        reply(options.interceptTrack(scoped, options.found.trackingNumber).delay(transport.timeoutMs + 200), options.found.response);
      }
      const outcome = await trackOne(adapter(), options.found.trackingNumber);
      expect(outcome.error?.code).toBe('carrier_unavailable');
    });

    it('reports an HTML error page as bad_response', async () => {
      reply(options.interceptTrack(scope(), options.found.trackingNumber), {
        status: 200,
        body: '<!DOCTYPE html><html><body><h1>Maintenance</h1></body></html>',
      });
      const outcome = await trackOne(adapter(), options.found.trackingNumber);
      expect(outcome.error?.code).toBe('bad_response');
    });

    it('reports a truncated body as bad_response', async () => {
      const body =
        typeof options.found.response.body === 'string' ? options.found.response.body : JSON.stringify(options.found.response.body);
      reply(options.interceptTrack(scope(), options.found.trackingNumber), {
        status: 200,
        body: body.slice(0, Math.floor(body.length / 2)),
        headers: { 'Content-Type': 'application/json' },
      });
      const outcome = await trackOne(adapter(), options.found.trackingNumber);
      expect(outcome.error?.code).toBe('bad_response');
    });

    it('reports a well-formed body of the wrong shape as bad_response', async () => {
      reply(options.interceptTrack(scope(), options.found.trackingNumber), { status: 200, body: { unexpected: ['shape'] } });
      const outcome = await trackOne(adapter(), options.found.trackingNumber);
      expect(outcome.error?.code).toBe('bad_response');
    });

    if (options.parse) {
      it('parse: a 401 or 403 is auth_failed for every number, whatever the body', () => {
        const bodies: unknown[] = [
          { error: 'invalid_client', error_description: 'Client authentication failed' },
          { errors: [{ code: 'NOT.AUTHORIZED.ERROR', message: 'unauthorized' }] },
          { response: { errors: [{ code: '250003', message: 'Invalid Access License number' }] } },
          '<html><body>401 Unauthorized</body></html>',
          undefined,
        ];
        const trackingNumbers = [options.found.trackingNumber, options.notFound.trackingNumber];
        for (const httpStatus of [401, 403]) {
          for (const body of bodies) {
            const outcomes = options.parse!({ httpStatus, body, trackingNumbers, fetchedAt: new Date('2026-01-15T12:00:00Z') });
            expect(
              outcomes.map((outcome) => [outcome.trackingNumber, outcome.error?.code, outcome.error?.retryable]),
              `${httpStatus} ${JSON.stringify(body)}`,
            ).toEqual(trackingNumbers.map((trackingNumber) => [trackingNumber, 'auth_failed', false]));
          }
        }
      });
    }

    if (options.interceptToken) {
      it('refreshes an expired token once on 401 and succeeds', async () => {
        const scoped = nock(options.origin);
        options.interceptToken!(scoped).times(2).reply(200, tokenBody);
        reply(options.interceptTrack(scoped, options.found.trackingNumber), { status: 401, body: { message: 'token expired' } });
        reply(options.interceptTrack(scoped, options.found.trackingNumber), options.found.response);
        const outcome = await trackOne(adapter(), options.found.trackingNumber);
        expect(outcome.ok).toBe(true);
        expect(scoped.isDone()).toBe(true);
      });
    }
  });
}
