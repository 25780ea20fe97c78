import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerSecret } from '@wismo/core';
import { SANDBOX_NUMBERS } from '@wismo/testkit';
import { ACME, API_KEY, BRAND, CARRIER_SECRET, FIXED_NOW, startTestCarriers, type TestSetup } from '../__fixtures__/server-fixtures';
import { createWismoServer, type WismoServer } from '../create-server';
import { DetectionSchema, ServedOrderViewSchema, ShipmentSchema, TrackManyResponseSchema } from './schemas';

const BASE = 'http://wismo.test';

/** Response bodies are read loosely: the assertions say what they must hold. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;
const json = (response: Response): Promise<Loose> => response.json() as Promise<Loose>;

describe('REST API /v1', () => {
  let setup: TestSetup;
  let server: WismoServer;
  let serviceCalls = 0;

  function request(path: string, init: RequestInit & { key?: string | null } = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (init.key !== null) headers.set('authorization', `Bearer ${init.key ?? API_KEY}`);
    return Promise.resolve(server.fetch(new Request(`${BASE}${path}`, { ...init, headers })));
  }

  function post(path: string, body: unknown, init: RequestInit = {}): Promise<Response> {
    return request(path, {
      method: 'POST',
      body: typeof body === 'string' ? body : JSON.stringify(body),
      ...init,
      headers: { 'content-type': 'application/json', ...init.headers },
    });
  }

  beforeAll(async () => {
    registerSecret(CARRIER_SECRET);
    setup = await startTestCarriers();
    server = createWismoServer({
      tracker: setup.tracker,
      orders: setup.orders,
      carriers: setup.carriers,
      apiKeys: [API_KEY, 'second-key'],
      brand: BRAND,
      logger: setup.logger,
      now: () => FIXED_NOW,
    });
    const viewById = server.service.viewById.bind(server.service);
    server.service.viewById = (...args) => {
      serviceCalls += 1;
      return viewById(...args);
    };
  });
  afterAll(() => setup.close());

  describe('authentication', () => {
    it('rejects a missing key with 401 problem+json and WWW-Authenticate', async () => {
      const response = await request(`/v1/detect/${SANDBOX_NUMBERS.ups.delivered}`, { key: null });
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(response.headers.get('www-authenticate')).toBe('Bearer realm="wismo"');
      expect(await json(response)).toMatchObject({
        status: 401,
        code: 'unauthorized',
        title: 'Unauthorized',
        type: '/problems/unauthorized',
        instance: `/v1/detect/${SANDBOX_NUMBERS.ups.delivered}`,
      });
    });

    it('rejects a wrong key and a malformed header', async () => {
      const wrong = await request('/v1/detect/123', { key: 'not-a-key' });
      expect(wrong.status).toBe(401);
      expect(wrong.headers.get('www-authenticate')).toContain('error="invalid_token"');
      const basic = await request('/v1/detect/123', { key: null, headers: { authorization: 'Basic dXNlcjpwYXNz' } });
      expect(basic.status).toBe(401);
      expect(basic.headers.get('www-authenticate')).toContain('error="invalid_request"');
    });

    it('accepts any configured key, and a key-checking function', async () => {
      expect((await request('/v1/detect/123', { key: 'second-key' })).status).toBe(200);
      const checked: string[] = [];
      const withFunction = createWismoServer({
        tracker: setup.tracker,
        orders: setup.orders,
        apiKeys: async (key) => {
          checked.push(key);
          return key === 'from-store';
        },
        brand: BRAND,
      });
      const ok = await withFunction.fetch(new Request(`${BASE}/v1/detect/123`, { headers: { authorization: 'Bearer from-store' } }));
      const refused = await withFunction.fetch(new Request(`${BASE}/v1/detect/123`, { headers: { authorization: 'Bearer other' } }));
      expect([ok.status, refused.status]).toEqual([200, 401]);
      expect(checked).toEqual(['from-store', 'other']);
    });

    it('refuses to start without a key', () => {
      expect(() => createWismoServer({ tracker: setup.tracker, orders: setup.orders, apiKeys: [], brand: BRAND })).toThrow(/apiKeys/);
    });
  });

  describe('GET /v1/shipments/{carrier}/{number}', () => {
    it('returns the normalised shipment', async () => {
      const response = await request(`/v1/shipments/ups/${SANDBOX_NUMBERS.ups.delivered}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
      const body = await json(response);
      expect(ShipmentSchema.parse(body)).toMatchObject({
        carrier: 'ups',
        trackingNumber: SANDBOX_NUMBERS.ups.delivered,
        status: 'delivered',
      });
      expect(body).not.toHaveProperty('raw');
    });

    it('accepts a number typed with spaces', async () => {
      const spaced = SANDBOX_NUMBERS.dhl.in_transit.replace(/(\d{4})/g, '$1 ').trim();
      const response = await request(`/v1/shipments/dhl/${encodeURIComponent(spaced)}`);
      expect(response.status).toBe(200);
      expect((await json(response)).trackingNumber).toBe(SANDBOX_NUMBERS.dhl.in_transit);
    });

    it('answers 400 with every failing field for a bad carrier id or number', async () => {
      const response = await request('/v1/shipments/UPS!/%3Cscript%3E');
      expect(response.status).toBe(400);
      const problem = await json(response);
      expect(problem).toMatchObject({ code: 'invalid_request', status: 400 });
      expect(problem.errors.map((error: { path: string }) => error.path)).toEqual(expect.arrayContaining(['path.carrier', 'path.number']));
    });

    it('answers 404 unsupported_carrier for a carrier this server has no adapter for', async () => {
      const response = await request('/v1/shipments/purolator/420141421073');
      expect(response.status).toBe(404);
      expect(await json(response)).toMatchObject({ code: 'unsupported_carrier', carrier: 'purolator' });
    });

    it.each([
      [ACME.notFound, 404, 'not_found'],
      [ACME.invalid, 422, 'invalid_number'],
      [ACME.rateLimited, 429, 'rate_limited'],
      [ACME.unavailable, 503, 'carrier_unavailable'],
      [ACME.authFailed, 502, 'auth_failed'],
      [ACME.badResponse, 502, 'bad_response'],
    ] as const)('maps the carrier failure of %s to %i %s', async (number, status, code) => {
      const response = await request(`/v1/shipments/acme/${number}`);
      expect(response.status).toBe(status);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      const problem = await json(response);
      expect(problem).toMatchObject({ status, code, carrier: 'acme', type: `/problems/${code}`, instance: `/v1/shipments/acme/${number}` });
      expect(typeof problem.title).toBe('string');
      if (code === 'rate_limited') {
        expect(response.headers.get('retry-after')).toBe('12');
        expect(problem.retryAfterSeconds).toBe(12);
      }
    });

    it('never puts carrier secrets in responses or logs', async () => {
      const response = await request(`/v1/shipments/acme/${ACME.authFailed}`);
      const text = await response.text();
      expect(text).not.toContain(CARRIER_SECRET);
      expect(text).not.toContain('client_secret');
      expect(setup.logLines.join('\n')).not.toContain(CARRIER_SECRET);
      expect(setup.logLines.join('\n')).not.toContain(API_KEY);
    });
  });

  describe('POST /v1/shipments/track', () => {
    it('tracks many, with detection, one result per item in order', async () => {
      const response = await post('/v1/shipments/track', {
        items: [
          { trackingNumber: SANDBOX_NUMBERS.ups.delivered },
          { trackingNumber: SANDBOX_NUMBERS.usps.in_transit, carrier: 'usps' },
          { trackingNumber: ACME.rateLimited, carrier: 'acme' },
          { trackingNumber: SANDBOX_NUMBERS.fedex.not_found, carrier: 'fedex' },
          { trackingNumber: 'ZZZZ' },
        ],
      });
      expect(response.status).toBe(200);
      const { results } = TrackManyResponseSchema.parse(await json(response));
      expect(results.map((result) => [result.ok, result.carrier])).toEqual([
        [true, 'ups'],
        [true, 'usps'],
        [false, 'acme'],
        [false, 'fedex'],
        [false, null],
      ]);
      const failed = results
        .filter((result) => !result.ok)
        .map((result) => (result.ok ? null : [result.problem.code, result.problem.status]));
      expect(failed).toEqual([
        ['rate_limited', 429],
        ['not_found', 404],
        ['detection_failed', 422],
      ]);
    });

    it('caps the items at 100', async () => {
      const items = Array.from({ length: 101 }, () => ({ trackingNumber: ACME.delivered, carrier: 'acme' }));
      const response = await post('/v1/shipments/track', { items });
      expect(response.status).toBe(400);
      expect((await json(response)).errors[0]).toMatchObject({ path: 'body.items' });
      expect((await post('/v1/shipments/track', { items: items.slice(0, 100) })).status).toBe(200);
    });

    it('rejects an empty list, malformed JSON, a wrong content type and an oversized body', async () => {
      expect((await post('/v1/shipments/track', { items: [] })).status).toBe(400);
      const malformed = await post('/v1/shipments/track', '{"items": [');
      expect(malformed.status).toBe(400);
      expect(malformed.headers.get('content-type')).toBe('application/problem+json');
      const text = await request('/v1/shipments/track', { method: 'POST', body: 'items=1', headers: { 'content-type': 'text/plain' } });
      expect(text.status).toBe(415);
      expect((await json(text)).code).toBe('unsupported_media_type');
      const huge = await post('/v1/shipments/track', {
        items: [{ trackingNumber: ACME.delivered, carrier: 'acme' }],
        padding: 'x'.repeat(70 * 1024),
      });
      expect(huge.status).toBe(413);
      expect((await json(huge)).code).toBe('payload_too_large');
    });
  });

  describe('GET /v1/detect/{number}', () => {
    it('lists candidates and which are configured', async () => {
      const response = await request(`/v1/detect/${SANDBOX_NUMBERS.ups.delivered}`);
      expect(response.status).toBe(200);
      const detection = DetectionSchema.parse(await json(response));
      expect(detection.candidates[0]).toMatchObject({ carrier: 'ups', confidence: 'checksum', configured: true });
      expect(detection.configuredCandidates[0]).toBe('ups');
    });

    it('answers an empty list for a number of no known format', async () => {
      const detection = await json(await request('/v1/detect/HELLO'));
      expect(detection).toEqual({ trackingNumber: 'HELLO', candidates: [], configuredCandidates: [], ambiguous: false });
    });
  });

  describe('GET /v1/orders/{id}/view', () => {
    it('returns the order view from the order source, cached briefly', async () => {
      const before = serviceCalls;
      const first = await request('/v1/orders/ord_1001/view');
      expect(first.status).toBe(200);
      const served = ServedOrderViewSchema.parse(await json(first));
      expect(served.view.order.number).toBe('1001');
      expect(served.view.parcels[0]).toMatchObject({ carrier: 'dhl', status: 'in_transit' });
      expect(served.stale).toBe(false);
      const again = await Promise.all([request('/v1/orders/ord_1001/view'), request('/v1/orders/ord_1001/view')]);
      expect(await again[0]!.text()).toBe(await again[1]!.text());
      expect(serviceCalls - before).toBe(1);
      // Another locale is another entry.
      expect((await request('/v1/orders/ord_1001/view?locale=nl-NL')).status).toBe(200);
      expect(serviceCalls - before).toBe(2);
    });

    it('answers 404 order_not_found and 400 for a bad locale', async () => {
      const missing = await request('/v1/orders/ord_nope/view');
      expect(missing.status).toBe(404);
      expect(await json(missing)).toMatchObject({ code: 'order_not_found', status: 404 });
      const badLocale = await request('/v1/orders/ord_1001/view?locale=not_a_locale!');
      expect(badLocale.status).toBe(400);
      expect((await json(badLocale)).errors[0].path).toBe('query.locale');
    });
  });

  describe('errors outside the routes', () => {
    it('answers unknown API paths with a 404 problem', async () => {
      const response = await request('/v1/nothing-here');
      expect(response.status).toBe(404);
      expect(await json(response)).toMatchObject({ code: 'route_not_found' });
    });

    it('documents every problem type at its type URI', async () => {
      const response = await server.fetch(new Request(`${BASE}/problems/carrier_unavailable`));
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('HTTP 503');
    });
  });

  describe('GET /openapi.json', () => {
    it('is an OpenAPI 3.1 document of the same schemas, with bearer auth, served without a key', async () => {
      const response = await server.fetch(new Request(`${BASE}/openapi.json`));
      expect(response.status).toBe(200);
      const document = await json(response);
      expect(document.openapi).toBe('3.1.0');
      expect(document.servers).toEqual([{ url: '/' }]);
      expect(Object.keys(document.paths).sort()).toEqual([
        '/v1/detect/{number}',
        '/v1/orders/{id}/view',
        '/v1/shipments/track',
        '/v1/shipments/{carrier}/{number}',
        '/v1/triage',
      ]);
      expect(document.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
      expect(Object.keys(document.components.schemas)).toEqual(
        expect.arrayContaining(['Shipment', 'OrderView', 'Problem', 'TrackManyRequest', 'TrackResult', 'Detection']),
      );
      const trackOne = document.paths['/v1/shipments/{carrier}/{number}'].get;
      expect(trackOne.security).toEqual([{ bearerAuth: [] }]);
      expect(Object.keys(trackOne.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '404', '422', '429', '502', '503']));
      expect(trackOne.responses['404'].content['application/problem+json'].schema.$ref).toBe('#/components/schemas/Problem');
      expect(document.paths['/v1/shipments/track'].post.requestBody.content['application/json'].schema.$ref).toBe(
        '#/components/schemas/TrackManyRequest',
      );
      expect(document.components.schemas.TrackManyRequest.properties.items.maxItems).toBe(100);
      expect(document.components.schemas.Shipment.properties.status.enum).toContain('out_for_delivery');
    });
  });

  describe('mounted under a base path', () => {
    it('serves the API, the document and problems under the prefix', async () => {
      const mounted = createWismoServer({
        tracker: setup.tracker,
        orders: setup.orders,
        apiKeys: [API_KEY],
        brand: BRAND,
        basePath: '/wismo/',
        publicBaseUrl: 'https://track.example.com',
      });
      const ok = await mounted.fetch(
        new Request(`${BASE}/wismo/v1/detect/${SANDBOX_NUMBERS.ups.delivered}`, { headers: { authorization: `Bearer ${API_KEY}` } }),
      );
      expect(ok.status).toBe(200);
      const document = await json(await mounted.fetch(new Request(`${BASE}/wismo/openapi.json`)));
      expect(document.servers).toEqual([{ url: 'https://track.example.com/wismo' }]);
      const missing = await mounted.fetch(
        new Request(`${BASE}/wismo/v1/orders/x/view`, { headers: { authorization: `Bearer ${API_KEY}` } }),
      );
      expect(await json(missing)).toMatchObject({
        type: 'https://track.example.com/wismo/problems/order_not_found',
        instance: '/wismo/v1/orders/x/view',
      });
      expect((await mounted.fetch(new Request(`${BASE}/v1/detect/1`))).status).toBe(404);
    });
  });
});
