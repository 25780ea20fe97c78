import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '@wismo/store';
import { SANDBOX_NUMBERS } from '@wismo/testkit';
import { testEngines } from '../../../store/src/__fixtures__/test-stores';
import {
  API_KEY,
  BRAND,
  FIXED_NOW,
  startStoreServer,
  startTestCarriers,
  testOrders,
  type StoreServer,
  type TestSetup,
} from '../__fixtures__/server-fixtures';
import { createWismoServer, type WismoServer } from '../create-server';
import { ServedOrderViewSchema } from './schemas';
import { TrackingPageSchema, TrackingSchema } from './store-schemas';

const BASE = 'http://wismo.test';
/** A key configured for shop `north` by the server's key map (the other configured key is the default shop's). */
const NORTH_KEY = 'wk_north_0123456789abcdef';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

describe.each(testEngines())('store routes: /v1/trackings and /v1/orders on $name', ({ name, available, create }) => {
  let setup: TestSetup;
  let running: StoreServer | undefined;
  let store: Store;
  let server: WismoServer;

  function request(path: string, init: RequestInit & { key?: string | null } = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (init.key !== null) headers.set('authorization', `Bearer ${init.key ?? API_KEY}`);
    return Promise.resolve(server.app.request(`${BASE}${path}`, { ...init, headers }));
  }
  function send(method: string, path: string, body: unknown, key?: string): Promise<Response> {
    return request(path, { method, body: JSON.stringify(body), headers: { 'content-type': 'application/json' }, ...(key ? { key } : {}) });
  }
  const json = (response: Response): Promise<Loose> => response.json() as Promise<Loose>;

  beforeAll(async () => {
    if (!available) return;
    running = await startStoreServer(create, {
      now: () => FIXED_NOW,
      apiKeys: [API_KEY, NORTH_KEY],
      shopOfApiKey: { [NORTH_KEY]: 'north' },
      brand: BRAND,
    });
    ({ setup, store, server } = running);
  });
  afterAll(() => running?.close());
  if (!available) {
    it.skip(`${name}: DATABASE_URL is not set, PostgreSQL run SKIPPED`, () => undefined);
    return;
  }

  describe('POST /v1/trackings', () => {
    it('watches a number (carrier detected): 201, then 200 with the same tracking', async () => {
      const first = await send('POST', '/v1/trackings', { trackingNumber: SANDBOX_NUMBERS.ups.in_transit, orderId: 'ord_1001' });
      expect(first.status).toBe(201);
      const created = TrackingSchema.parse(await json(first));
      expect(created).toMatchObject({
        shopId: 'default',
        carrier: 'ups',
        trackingNumber: SANDBOX_NUMBERS.ups.in_transit,
        orderId: 'ord_1001',
        stoppedReason: null,
      });
      expect(created.nextCheckAt).not.toBeNull();

      const again = await send('POST', '/v1/trackings', { trackingNumber: SANDBOX_NUMBERS.ups.in_transit, carrier: 'ups' });
      expect(again.status).toBe(200);
      expect((await json(again)).id).toBe(created.id);
    });

    it('answers problems: invalid body 400 with every field, unknown carrier 404, unknown format 422', async () => {
      const invalid = await send('POST', '/v1/trackings', { trackingNumber: '', customer: { email: 'not-an-email' } });
      expect(invalid.status).toBe(400);
      expect(invalid.headers.get('content-type')).toBe('application/problem+json');
      const problem = await json(invalid);
      expect(problem.code).toBe('invalid_request');
      expect(problem.errors.map((error: { path: string }) => error.path)).toEqual(
        expect.arrayContaining(['body.trackingNumber', 'body.customer.email']),
      );

      const unsupported = await send('POST', '/v1/trackings', { trackingNumber: SANDBOX_NUMBERS.ups.delivered, carrier: 'pigeon' });
      expect(unsupported.status).toBe(404);
      expect((await json(unsupported)).code).toBe('unsupported_carrier');

      const undetectable = await send('POST', '/v1/trackings', { trackingNumber: 'NOPE123' });
      expect(undetectable.status).toBe(422);
      expect((await json(undetectable)).code).toBe('detection_failed');
    });

    it('watches an ambiguous number without a carrier; a repeat answers 200 with the same tracking, before and after the carrier is settled', async () => {
      // A sandbox DHL number whose digits also pass USPS's check.
      const trackingNumber = SANDBOX_NUMBERS.dhl.exception;
      expect(setup.tracker.candidatesFor(trackingNumber)).toMatchObject({ ambiguous: true });
      const first = await send('POST', '/v1/trackings', { trackingNumber });
      expect(first.status).toBe(201);
      const created = await json(first);
      expect(created.carrier).toBeNull();
      const again = await send('POST', '/v1/trackings', { trackingNumber, orderId: 'ord_1002' });
      expect(again.status).toBe(200);
      expect(await json(again)).toMatchObject({ id: created.id, carrier: null, orderId: 'ord_1002' });

      // The first answer settles the carrier (the tracker tries the candidates).
      const [outcome] = await setup.tracker.trackMany([{ trackingNumber }], { refresh: true });
      expect(outcome!.ok).toBe(true);
      await store.ingest({ trackingId: created.id, shipment: outcome!.ok ? outcome!.shipment : undefined, checkedAt: FIXED_NOW });
      for (const body of [{ trackingNumber }, { trackingNumber, carrier: 'dhl' }]) {
        const repeat = await send('POST', '/v1/trackings', body);
        expect(repeat.status).toBe(200);
        expect(await json(repeat)).toMatchObject({ id: created.id, carrier: 'dhl' });
      }
      const all = await store.shop().listTrackings({ limit: 500 });
      expect(all.items.filter((item) => item.trackingNumber === trackingNumber)).toHaveLength(1);
    });
  });

  describe('GET and DELETE /v1/trackings/{id}', () => {
    it('reads a tracking, stops watching it, and 404s an unknown id', async () => {
      const created = await json(
        await send('POST', '/v1/trackings', { trackingNumber: SANDBOX_NUMBERS.fedex.in_transit, carrier: 'fedex' }),
      );
      const read = await request(`/v1/trackings/${created.id}`);
      expect(read.status).toBe(200);
      expect(read.headers.get('cache-control')).toBe('no-store');
      expect(await json(read)).toMatchObject({ id: created.id, carrier: 'fedex', stoppedReason: null });

      const removed = await request(`/v1/trackings/${created.id}`, { method: 'DELETE' });
      expect(removed.status).toBe(204);
      const after = await json(await request(`/v1/trackings/${created.id}`));
      expect(after).toMatchObject({ id: created.id, stoppedReason: 'unwatched', nextCheckAt: null });

      const missing = await request('/v1/trackings/trk_does_not_exist');
      expect(missing.status).toBe(404);
      expect((await json(missing)).code).toBe('tracking_not_found');
      expect((await request('/v1/trackings/trk_does_not_exist', { method: 'DELETE' })).status).toBe(404);
    });
  });

  describe('GET /v1/trackings', () => {
    it('pages through every tracking once (keyset paging) and filters by carrier', async () => {
      const numbers = [
        SANDBOX_NUMBERS.usps.in_transit,
        SANDBOX_NUMBERS.usps.delivered,
        SANDBOX_NUMBERS.usps.out_for_delivery,
        SANDBOX_NUMBERS.dhl.in_transit,
        SANDBOX_NUMBERS.dhl.delivered,
      ];
      for (const trackingNumber of numbers) expect([200, 201]).toContain((await send('POST', '/v1/trackings', { trackingNumber })).status);

      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const response = await request(`/v1/trackings?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        expect(response.status).toBe(200);
        const page = TrackingPageSchema.parse(await json(response));
        expect(page.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.items.map((item) => item.id));
        cursor = page.nextCursor;
        pages += 1;
      } while (cursor && pages < 20);
      expect(new Set(seen).size).toBe(seen.length);
      const all = TrackingPageSchema.parse(await json(await request('/v1/trackings?limit=200')));
      expect(seen).toEqual(all.items.map((item) => item.id));
      expect(all.items.map((item) => item.trackingNumber)).toEqual(expect.arrayContaining(numbers));

      const usps = TrackingPageSchema.parse(await json(await request('/v1/trackings?carrier=usps&limit=200')));
      expect(usps.items.map((item) => item.trackingNumber).sort()).toEqual(numbers.slice(0, 3).sort());

      const bad = await request('/v1/trackings?limit=0&delay=sometimes');
      expect(bad.status).toBe(400);
      expect((await json(bad)).errors.map((error: { path: string }) => error.path)).toEqual(
        expect.arrayContaining(['query.limit', 'query.delay']),
      );
    });
  });

  describe('PUT /v1/orders/{id} and GET /v1/orders/{id}/view', () => {
    it('stores an order (201, then 200), watches its parcels, and builds its view from the store', async () => {
      const order = testOrders()[1]!;
      const created = await send('PUT', `/v1/orders/${order.id}`, order);
      expect(created.status).toBe(201);
      const body = await json(created);
      expect(body.order).toMatchObject({ id: order.id, number: order.number, customer: { email: order.customer.email } });
      expect(body.watched.map((tracking: { trackingNumber: string }) => tracking.trackingNumber).sort()).toEqual(
        order.shipments!.map((parcel) => parcel.trackingNumber).sort(),
      );

      const replaced = await send('PUT', `/v1/orders/${order.id}`, { ...order, customer: { ...order.customer, name: 'Jordan Q. Lee' } });
      expect(replaced.status).toBe(200);

      const view = await request(`/v1/orders/${order.id}/view`);
      expect(view.status).toBe(200);
      const served = ServedOrderViewSchema.parse(await json(view));
      expect(served.view.order.number).toBe(order.number);
      expect(served.view.parcels).toHaveLength(2);
      expect(served.view.customer.name).toBe('Jordan Q. Lee');

      const unknown = await request('/v1/orders/ord_nope/view');
      expect(unknown.status).toBe(404);
      expect((await json(unknown)).code).toBe('order_not_found');
    });

    it('refuses a bad order with problem+json naming the fields, and an id that is not the path’s', async () => {
      const invalid = await send('PUT', '/v1/orders/ord_bad', { id: 'ord_bad', number: '1', placedAt: '2026-03-27T09:12:00', items: [] });
      expect(invalid.status).toBe(400);
      expect(invalid.headers.get('content-type')).toBe('application/problem+json');
      const paths = (await json(invalid)).errors.map((error: { path: string }) => error.path);
      expect(paths).toEqual(expect.arrayContaining(['body.placedAt', 'body.customer']));

      const mismatch = await send('PUT', '/v1/orders/ord_other', testOrders()[0]);
      expect(mismatch.status).toBe(400);
      expect((await json(mismatch)).errors).toEqual([{ path: 'body.id', message: expect.stringContaining('ord_other') }]);
      expect(await store.shop().orders.getOrderById('ord_other')).toBeNull();
    });
  });

  describe('shops', () => {
    it('a key of one shop cannot read another shop’s tracking or order (404), and sees only its own list', async () => {
      const north = await json(
        await send('POST', '/v1/trackings', { trackingNumber: SANDBOX_NUMBERS.dhl.out_for_delivery, carrier: 'dhl' }, NORTH_KEY),
      );
      expect(north.shopId).toBe('north');
      expect((await request(`/v1/trackings/${north.id}`, { key: NORTH_KEY })).status).toBe(200);
      const fromDefault = await request(`/v1/trackings/${north.id}`);
      expect(fromDefault.status).toBe(404);
      expect((await json(fromDefault)).code).toBe('tracking_not_found');
      expect((await request(`/v1/trackings/${north.id}`, { method: 'DELETE' })).status).toBe(404);

      const northList = TrackingPageSchema.parse(await json(await request('/v1/trackings?limit=200', { key: NORTH_KEY })));
      expect(northList.items.map((item) => item.id)).toEqual([north.id]);
      const defaultList = TrackingPageSchema.parse(await json(await request('/v1/trackings?limit=200')));
      expect(defaultList.items.map((item) => item.id)).not.toContain(north.id);

      // The same number in two shops is two trackings.
      const sameNumber = await send('POST', '/v1/trackings', { trackingNumber: SANDBOX_NUMBERS.dhl.out_for_delivery, carrier: 'dhl' });
      expect(sameNumber.status).toBe(201);
      expect((await json(sameNumber)).id).not.toBe(north.id);

      const order = testOrders()[0]!;
      expect((await send('PUT', `/v1/orders/${order.id}`, order, NORTH_KEY)).status).toBe(201);
      expect((await request(`/v1/orders/${order.id}/view`, { key: NORTH_KEY })).status).toBe(200);
      expect((await request(`/v1/orders/${order.id}/view`)).status).toBe(404);
    });

    it('accepts keys the store issued, for their own shop, until revoked', async () => {
      const south = store.shop('south');
      await south.ensureShop({ name: 'South' });
      const issued = await south.createApiKey({ name: 'test' });
      const created = await send(
        'POST',
        '/v1/trackings',
        { trackingNumber: SANDBOX_NUMBERS.fedex.delivered, carrier: 'fedex' },
        issued.key,
      );
      expect(created.status).toBe(201);
      expect((await json(created)).shopId).toBe('south');
      expect(await south.revokeApiKey(issued.id)).toBe(true);
      expect((await request('/v1/trackings', { key: issued.key })).status).toBe(401);
    });
  });

  it('lists the store routes in the OpenAPI document', async () => {
    const document = await json(await request('/openapi.json', { key: null }));
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/v1/trackings', '/v1/trackings/{id}', '/v1/orders/{id}', '/v1/orders/{id}/view']),
    );
    expect(Object.keys(document.paths['/v1/trackings'])).toEqual(expect.arrayContaining(['get', 'post']));
    expect(Object.keys(document.paths['/v1/trackings/{id}'])).toEqual(expect.arrayContaining(['get', 'delete']));
    expect(document.paths['/v1/orders/{id}'].put.requestBody.content['application/json'].schema).toBeDefined();
  });
});

describe('store routes without a store', () => {
  let setup: TestSetup;
  let server: WismoServer;
  beforeAll(async () => {
    setup = await startTestCarriers();
    server = createWismoServer({ tracker: setup.tracker, orders: setup.orders, apiKeys: [API_KEY], brand: BRAND, now: () => FIXED_NOW });
  });
  afterAll(() => setup?.close());

  it('answers 501 store_not_configured and leaves the routes out of the OpenAPI document', async () => {
    const headers = { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' };
    for (const [method, path] of [
      ['POST', '/v1/trackings'],
      ['GET', '/v1/trackings'],
      ['GET', '/v1/trackings/trk_1'],
      ['DELETE', '/v1/trackings/trk_1'],
      ['PUT', '/v1/orders/ord_1001'],
    ] as const) {
      const response = await server.app.request(`${BASE}${path}`, {
        method,
        headers,
        ...(method === 'POST' || method === 'PUT' ? { body: '{}' } : {}),
      });
      expect(response.status, `${method} ${path}`).toBe(501);
      expect(((await response.json()) as Loose).code).toBe('store_not_configured');
    }
    // Without a key it is still a 401 first: the 501 tells nothing to strangers.
    expect((await server.app.request(`${BASE}/v1/trackings`)).status).toBe(401);
    // The order view keeps working from the configured order source.
    expect((await server.app.request(`${BASE}/v1/orders/ord_1001/view`, { headers })).status).toBe(200);
    const document = (await (await server.app.request(`${BASE}/openapi.json`)).json()) as Loose;
    expect(Object.keys(document.paths)).not.toContain('/v1/trackings');
    expect(document.paths['/v1/orders/{id}']).toBeUndefined();
  });
});
