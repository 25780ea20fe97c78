import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUnsubscribeToken } from '@wismo/notify';
import type { Store } from '@wismo/store';
import { testEngines } from '../../../store/src/__fixtures__/test-stores';
import { API_KEY, BRAND, FIXED_NOW, startStoreServer, testOrders, type StoreServer } from '../__fixtures__/server-fixtures';
import type { WismoServer } from '../create-server';

const BASE = 'https://track.example.com';
const NORTH_KEY = 'wk_north_0123456789abcdef';
const UNSUBSCRIBE_SECRET = 'unsubscribe-secret-for-tests-0123456789';
const TWILIO_TOKEN = 'twilio-auth-token-for-tests';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

describe.each(testEngines())('notification routes on $name', ({ name, available, create }) => {
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
      publicBaseUrl: BASE,
      notifications: {
        unsubscribeSecret: UNSUBSCRIBE_SECRET,
        twilioAuthToken: TWILIO_TOKEN,
        settings: { brand: { name: 'Bergwerk Outdoor' } },
      },
    });
    ({ store, server } = running);
    for (const order of testOrders()) await store.shop().upsertOrder(order);
  });
  afterAll(() => running?.close());
  if (!available) {
    it.skip(`${name}: DATABASE_URL is not set, PostgreSQL run SKIPPED`, () => undefined);
    return;
  }

  it('reads and changes settings per shop; a bad value is a 400 naming the field', async () => {
    const initial = await json(await request('/v1/notifications/settings'));
    expect(initial).toMatchObject({
      quietHours: { start: '21:00', end: '08:00' },
      digestWindowMinutes: 15,
      brand: { name: 'Bergwerk Outdoor' },
    });
    const changed = await send('PUT', '/v1/notifications/settings', {
      quietHours: { start: '22:00', end: '07:30' },
      milestones: { delivered: { sms: false } },
    });
    expect(changed.status).toBe(200);
    const body = await json(changed);
    expect(body.quietHours).toEqual({ start: '22:00', end: '07:30' });
    expect(body.milestones.delivered).toMatchObject({ sms: false, email: true });
    expect((await json(await request('/v1/notifications/settings'))).quietHours.start).toBe('22:00');
    // Another shop keeps its own settings.
    expect((await json(await request('/v1/notifications/settings', { key: NORTH_KEY }))).quietHours.start).toBe('21:00');

    const invalid = await send('PUT', '/v1/notifications/settings', { quietHours: { start: '25:00', end: '08:00' }, unknown: 1 });
    expect(invalid.status).toBe(400);
    const problem = await json(invalid);
    expect(problem.code).toBe('invalid_request');
    expect(problem.errors.map((error: { path: string }) => error.path).join(' ')).toMatch(/quietHours\.start/);
  });

  it('previews a milestone message for a stored order, in the customer’s language or the one asked for', async () => {
    const preview = await request('/v1/orders/ord_1001/notifications/preview?milestone=out_for_delivery&channel=email');
    expect(preview.status).toBe(200);
    const message = await json(preview);
    expect(message).toMatchObject({ channel: 'email', language: 'de', to: 'anna.schmidt@example.de' });
    expect(message.subject).toMatch(/heute/i);
    expect(message.html).toContain('lang="de"');
    expect(message.html).toContain('Bergwerk Outdoor');

    const spanish = await json(await request('/v1/orders/ord_1001/notifications/preview?milestone=delivered&locale=es-ES'));
    expect(spanish.language).toBe('es');

    const html = await request('/v1/orders/ord_1001/notifications/preview?milestone=shipped&format=html');
    expect(html.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await html.text()).toMatch(/^<!DOCTYPE html>/i);

    expect((await request('/v1/orders/ord_404/notifications/preview?milestone=shipped')).status).toBe(404);
    expect((await request('/v1/orders/ord_1001/notifications/preview?milestone=teleported')).status).toBe(400);
    // Another shop's key cannot preview this shop's order.
    expect((await request('/v1/orders/ord_1001/notifications/preview?milestone=shipped', { key: NORTH_KEY })).status).toBe(404);
  });

  it('manages webhook endpoints: the secret once, rotation, deliveries, replay of an unknown id', async () => {
    const created = await send('POST', '/v1/webhook-endpoints', {
      url: 'https://hooks.shop.example/wismo',
      eventTypes: ['shipment.delivered'],
    });
    expect(created.status).toBe(201);
    const endpoint = await json(created);
    expect(endpoint.secret).toMatch(/^whsec_[A-Za-z0-9+/=]{20,}$/);
    expect(endpoint).toMatchObject({ url: 'https://hooks.shop.example/wismo', rotating: false, disabledAt: null });

    const listed = await json(await request('/v1/webhook-endpoints'));
    expect(listed.data).toHaveLength(1);
    expect(JSON.stringify(listed)).not.toContain(endpoint.secret);
    expect((await json(await request('/v1/webhook-endpoints', { key: NORTH_KEY }))).data).toEqual([]);

    const rotated = await json(await send('POST', `/v1/webhook-endpoints/${endpoint.id}/rotate-secret`, { overlapSeconds: 3600 }));
    expect(rotated.secret).not.toBe(endpoint.secret);
    expect(rotated.rotating).toBe(true);

    expect((await json(await request(`/v1/webhook-endpoints/${endpoint.id}/deliveries`))).data).toEqual([]);
    expect((await request(`/v1/webhook-endpoints/${endpoint.id}/deliveries`, { key: NORTH_KEY })).status).toBe(404);
    const replay = await request('/v1/webhook-deliveries/nope/replay', { method: 'POST' });
    expect(replay.status).toBe(404);
    expect((await json(replay)).code).toBe('resource_not_found');

    const bad = await send('POST', '/v1/webhook-endpoints', { url: 'ftp://example.com/x' });
    expect(bad.status).toBe(400);
  });

  it('records opt-outs by API and by the signed unsubscribe link (GET asks, POST or one-click unsubscribes)', async () => {
    const created = await send('POST', '/v1/opt-outs', { customerId: 'cus_2', channel: 'sms', address: '+12065550100' });
    expect(created.status).toBe(201);
    expect((await json(await request('/v1/opt-outs?customerId=cus_2'))).data).toMatchObject([
      { customerId: 'cus_2', channel: 'sms', source: 'api' },
    ]);
    expect((await request('/v1/opt-outs/cus_2/sms', { method: 'DELETE' })).status).toBe(204);
    expect((await request('/v1/opt-outs/cus_2/sms', { method: 'DELETE' })).status).toBe(404);

    const token = createUnsubscribeToken(UNSUBSCRIBE_SECRET, {
      shopId: 'default',
      customerId: 'cus_1',
      channel: 'email',
      address: 'anna.schmidt@example.de',
    });
    const page = await request(`/notifications/unsubscribe/${token}`, { key: null, headers: { 'accept-language': 'de-DE,de;q=0.9' } });
    expect(page.status).toBe(200);
    const text = await page.text();
    expect(text).toContain('lang="de"');
    expect(text).toContain('<form method="post">');
    // Following the link (a mail scanner does) changes nothing.
    expect((await json(await request('/v1/opt-outs?customerId=cus_1'))).data).toEqual([]);

    // RFC 8058 one-click: a POST to the List-Unsubscribe URL.
    const oneClick = await request(`/notifications/unsubscribe/${token}`, {
      key: null,
      method: 'POST',
      body: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(oneClick.status).toBe(200);
    expect(await oneClick.text()).toContain('role="status"');
    expect((await json(await request('/v1/opt-outs?customerId=cus_1'))).data).toMatchObject([
      { channel: 'email', address: 'anna.schmidt@example.de' },
    ]);

    const forged = `${token.split('.')[0]}.${Buffer.from('x'.repeat(32)).toString('base64url')}`;
    const refused = await request(`/notifications/unsubscribe/${forged}`, { key: null, method: 'POST' });
    expect(refused.status).toBe(400);
    expect(await refused.text()).not.toContain(UNSUBSCRIBE_SECRET);
  });

  it('accepts a Twilio status callback only with a valid X-Twilio-Signature', async () => {
    const body = new URLSearchParams({ MessageSid: 'SM0123456789abcdef0123456789abcdef', MessageStatus: 'delivered', AccountSid: 'AC1' });
    // Twilio's scheme, computed here independently: URL + sorted name/value pairs, HMAC-SHA1, base64.
    const url = `${BASE}/webhooks/twilio/status`;
    const signed = [...body.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).reduce((text, [key, value]) => text + key + value, url);
    const signature = createHmac('sha1', TWILIO_TOKEN).update(signed).digest('base64');
    const post = (headers: Record<string, string>) =>
      request('/webhooks/twilio/status', {
        key: null,
        method: 'POST',
        body: body.toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      });
    expect((await post({ 'x-twilio-signature': signature })).status).toBe(204);
    const forged = await post({ 'x-twilio-signature': createHmac('sha1', 'wrong').update(signed).digest('base64') });
    expect(forged.status).toBe(401);
    expect((await post({})).status).toBe(401);
  });

  it('documents the routes in the OpenAPI document', async () => {
    const document = await json(await request('/openapi.json', { key: null }));
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/v1/notifications/settings',
        '/v1/orders/{id}/notifications/preview',
        '/v1/webhook-endpoints',
        '/v1/webhook-endpoints/{id}/rotate-secret',
        '/v1/webhook-endpoints/{id}/deliveries',
        '/v1/webhook-deliveries/{id}/replay',
        '/v1/opt-outs',
        '/v1/opt-outs/{customerId}/{channel}',
      ]),
    );
  });
});
