import { createDhlPushReceiver } from '@wismo/carrier-dhl';
import { createFedexPushReceiver } from '@wismo/carrier-fedex';
import { createUpsPushReceiver, subscribeUpsTrackAlert } from '@wismo/carrier-ups';
import { createUspsPushReceiver, recoverUspsSubscription, subscribeUspsTracking } from '@wismo/carrier-usps';
import { createTracker } from '@wismo/core';
import { createStore, type Store } from '@wismo/store';
import {
  createSandboxClock,
  createSandboxPusher,
  startSandboxCarriers,
  type RunningSandboxCarriers,
  type SandboxPushCarrier,
  type SandboxPushOptions,
} from '@wismo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines, type TestDatabase } from '../../../store/src/__fixtures__/test-stores';
import { API_KEY, BRAND } from '../__fixtures__/server-fixtures';
import { createWismoServer, type WismoServer } from '../create-server';

const BASE = 'http://wismo.test';
const START = new Date('2026-03-30T06:00:00Z');
const HOUR = 3_600_000;
const SECRETS: Record<SandboxPushCarrier, string> = {
  ups: 'ups-credential-e2e-1b9f',
  fedex: 'fedex-security-token-e2e-77aa',
  usps: 'usps-secret-e2e-0123456789abcdef',
  dhl: 'dhl-token-e2e-c0ffee',
};
const CARRIERS: SandboxPushCarrier[] = ['ups', 'fedex', 'usps', 'dhl'];

describe.each(testEngines())('carrier push end to end (sandbox push → POST /webhooks/carriers/{carrier} → store) on $name', (engine) => {
  const clock = createSandboxClock(START);
  let sandbox: RunningSandboxCarriers;
  let database: TestDatabase;
  let store: Store;
  let server: WismoServer;
  const fetchThroughServer = (async (url: string | URL | Request, init?: RequestInit) =>
    server.app.request(String(url), init)) as typeof globalThis.fetch;
  const pusher = (carrier: SandboxPushCarrier, extra: Partial<SandboxPushOptions> = {}) =>
    createSandboxPusher({ carrier, clock, advancingStart: START, secret: SECRETS[carrier], fetch: fetchThroughServer, ...extra });
  const numbers = {} as Record<SandboxPushCarrier, string[]>;
  const tracking = (carrier: SandboxPushCarrier, number: string) => store.shop().findTracking(carrier, number);

  beforeAll(async () => {
    if (!engine.available) return;
    sandbox = await startSandboxCarriers({
      rateLimits: 'off',
      latencyMs: 0,
      clock,
      advancingStart: START,
      carriers: ['ups', 'fedex', 'usps', 'dhl'],
    });
    database = engine.create();
    store = await createStore({ url: database.url, clock: () => clock.now(), random: () => 0.5 });
    server = createWismoServer({
      tracker: createTracker({ carriers: sandbox.createAdapters() }),
      store,
      apiKeys: [API_KEY],
      brand: BRAND,
      now: () => clock.now(),
      push: {
        receivers: [
          createUpsPushReceiver({ flavour: 'v1', credential: SECRETS.ups }),
          createFedexPushReceiver({ securityToken: SECRETS.fedex }),
          createUspsPushReceiver({ secret: SECRETS.usps }),
          createDhlPushReceiver({ header: 'x-wismo-dhl-token', token: SECRETS.dhl }),
        ],
      },
    });
    for (const carrier of CARRIERS) {
      numbers[carrier] = sandbox.generateNumbers(carrier, 3, 'advancing');
      for (const number of numbers[carrier]) await store.shop().watch(number, { carrier });
    }
  });
  afterAll(async () => {
    await store?.close();
    await database?.drop();
    await sandbox?.close();
  });
  if (!engine.available) {
    it.skip(`${engine.name}: DATABASE_URL is not set, PostgreSQL run SKIPPED`, () => undefined);
    return;
  }

  it('every carrier’s scans reach the store through its signed push, and mark the trackings pushed', async () => {
    const pushers = CARRIERS.map((carrier) => pusher(carrier));
    for (const each of pushers) each.subscribe(`${BASE}/webhooks/carriers/${each.carrier}`, numbers[each.carrier]);
    clock.set(new Date(START.getTime() + 7 * HOUR));
    for (const each of pushers) {
      const deliveries = await each.flush();
      expect(deliveries.length, each.carrier).toBeGreaterThan(0);
      expect(deliveries.map((delivery) => delivery.status)).toEqual(deliveries.map(() => 200));
      for (const number of numbers[each.carrier]) {
        const stored = await tracking(each.carrier, number);
        expect(stored?.status, `${each.carrier} ${number}`).toBe('in_transit');
        expect(stored?.watchedBy).toBe('push');
        expect(stored?.shipment?.events.length).toBeGreaterThanOrEqual(1);
      }
    }
    // UPS pushes one scan at a time (partial): the next poll comes within 10 minutes to fetch the rest.
    const ups = await tracking('ups', numbers.ups[0]!);
    expect(Date.parse(ups!.nextCheckAt!)).toBeLessThanOrEqual(clock.now().getTime() + 10 * 60_000);
    // The label scan (at subscription time) was never pushed: only the pickup is known until that poll.
    expect(ups!.shipment!.events.map((event) => event.status)).toEqual(['in_transit']);
  });

  it('refuses a bad signature with 401 and changes nothing; the secret is not in the answer', async () => {
    const ups = pusher('ups');
    const number = numbers.ups[1]!;
    const before = await tracking('ups', number);
    const signed = ups.signedPush(number, { wrongSecret: true })!;
    const response = await server.app.request(`${BASE}/webhooks/carriers/ups`, {
      method: 'POST',
      headers: signed.headers,
      body: signed.body,
    });
    expect(response.status).toBe(401);
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({ code: 'unauthorized', status: 401 });
    expect(text).not.toContain(SECRETS.ups);
    expect((await tracking('ups', number))?.updatedAt).toBe(before?.updatedAt);
    const unknown = await server.app.request(`${BASE}/webhooks/carriers/royalmail`, { method: 'POST', body: '{}' });
    expect(unknown.status).toBe(404);
    // The sandbox's bad-signature fault: every delivery of the round is refused, and nothing reaches the store.
    const now = clock.now();
    clock.set(START);
    const forger = pusher('fedex', { faults: { badSignatureRate: 1 } });
    forger.subscribe(`${BASE}/webhooks/carriers/fedex`, numbers.fedex);
    clock.set(new Date(START.getTime() + 11 * HOUR));
    const forged = await forger.flush();
    clock.set(now);
    expect(forged.length).toBe(numbers.fedex.length);
    expect(forged.every((delivery) => delivery.status === 401 && delivery.fault === 'bad_signature')).toBe(true);
    for (const number of numbers.fedex) expect((await tracking('fedex', number))?.shipment?.events).toHaveLength(2);
  });

  it('a duplicate delivery is recognised; out-of-order bursts end in the newest status', async () => {
    const faults = { duplicateRate: 1, outOfOrder: true, burst: true };
    const fedex = pusher('fedex', { faults });
    const ups = pusher('ups', { faults });
    fedex.subscribe(`${BASE}/webhooks/carriers/fedex`, numbers.fedex);
    ups.subscribe(`${BASE}/webhooks/carriers/ups`, numbers.ups);
    clock.set(new Date(START.getTime() + 43 * HOUR));
    const sent = [...(await fedex.flush()), ...(await ups.flush())];
    expect(sent.filter((delivery) => delivery.fault === 'duplicate').length).toBeGreaterThan(0);
    expect(sent.every((delivery) => delivery.status === 200)).toBe(true);
    for (const number of numbers.ups) expect((await tracking('ups', number))?.status).toBe('delivered');
    for (const number of numbers.fedex) expect((await tracking('fedex', number))?.status).toBe('delivered');
    // An old scan arriving after delivery does not move the parcel back (never-regress).
    const late = pusher('ups');
    clock.set(new Date(START.getTime() + 37 * HOUR));
    const outForDelivery = late.signedPush(numbers.ups[0]!)!;
    clock.set(new Date(START.getTime() + 43 * HOUR));
    const response = await server.app.request(`${BASE}/webhooks/carriers/ups`, {
      method: 'POST',
      headers: outForDelivery.headers,
      body: outForDelivery.body,
    });
    expect(await response.json()).toMatchObject({ received: true, duplicate: false, applied: 1 });
    expect((await tracking('ups', numbers.ups[0]!))?.status).toBe('delivered');
    const again = await server.app.request(`${BASE}/webhooks/carriers/ups`, {
      method: 'POST',
      headers: outForDelivery.headers,
      body: outForDelivery.body,
    });
    expect(await again.json()).toMatchObject({ received: true, duplicate: true, applied: 0 });
  });

  it('an expired UPS subscription pushes nothing more', async () => {
    clock.set(START);
    const expiring = pusher('ups', { subscriptionMs: 8 * HOUR });
    const fresh = sandbox.generateNumbers('ups', 4, 'advancing').slice(3);
    expiring.subscribe(`${BASE}/webhooks/carriers/ups`, fresh);
    clock.set(new Date(START.getTime() + 43 * HOUR));
    const deliveries = await expiring.flush();
    // label_created (0 h) is before subscribing; picked_up (6 h) is inside the 8 hours; the rest is lost.
    expect(deliveries.map((delivery) => delivery.scannedAt - START.getTime())).toEqual([6 * HOUR]);
    expect(await expiring.flush()).toEqual([]);
  });

  it('subscribes through the carriers’ subscription APIs; a USPS listener that was down is recovered from SUSPENDED', async () => {
    clock.set(START);
    const ups = pusher('ups');
    const fresh = sandbox.generateNumbers('ups', 6, 'advancing').slice(4);
    for (const number of fresh) await store.shop().watch(number, { carrier: 'ups' });
    const subscribed = await subscribeUpsTrackAlert({
      trackingNumbers: fresh,
      flavour: 'v1',
      destination: { url: `${BASE}/webhooks/carriers/ups`, credential: SECRETS.ups },
      accessToken: async () => 'sandbox-token',
      fetch: ups.subscriptionApi,
      now: () => clock.now(),
    });
    expect(subscribed.subscribed.map((item) => item.trackingNumber)).toEqual(fresh);

    let listenerDown = true;
    const usps = pusher('usps', {
      fetch: (async (url: string | URL | Request, init?: RequestInit) => {
        if (listenerDown) throw new Error('connect ECONNREFUSED');
        return fetchThroughServer(url, init);
      }) as typeof globalThis.fetch,
    });
    const uspsNumbers = sandbox.generateNumbers('usps', 5, 'advancing').slice(3);
    for (const number of uspsNumbers) await store.shop().watch(number, { carrier: 'usps' });
    const subscription = {
      accessToken: async () => 'sandbox-token',
      fetch: usps.subscriptionApi,
      listenerURL: `${BASE}/webhooks/carriers/usps`,
      secret: SECRETS.usps,
      filter: { trackingNumbers: uspsNumbers },
    };
    const created = await subscribeUspsTracking(subscription);
    clock.set(new Date(START.getTime() + 7 * HOUR));
    expect((await ups.flush()).map((delivery) => delivery.status)).toEqual([200, 200]);
    expect((await usps.flush()).map((delivery) => delivery.status)).toEqual([0, 0]);
    const recovered = await recoverUspsSubscription({ ...subscription, subscriptionId: created.subscriptionId });
    expect(recovered).toMatchObject({ recovered: true, subscription: { status: 'ACTIVE' } });
    listenerDown = false;
    clock.set(new Date(START.getTime() + 11 * HOUR));
    expect((await usps.flush()).map((delivery) => delivery.status)).toEqual([200, 200]);
    for (const number of [...fresh, ...uspsNumbers])
      expect((await tracking(number.startsWith('1Z') ? 'ups' : 'usps', number))?.watchedBy).toBe('push');
  });

  it('documents the route in the OpenAPI document', () => {
    const document = server.openApiDocument() as { paths: Record<string, { post?: { tags?: string[] } }> };
    expect(document.paths['/webhooks/carriers/{source}']?.post?.tags).toEqual(['Carrier push']);
  });
});
