import { createUpsPushSubscriber } from '@wismo/carrier-ups';
import { createUspsPushSubscriber } from '@wismo/carrier-usps';
import { createTracker } from '@wismo/core';
import { createSandboxClock, createSandboxPusher, generateSandboxNumbers } from '@wismo/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines, type TestDatabase } from '../__fixtures__/test-stores';
import { createStore } from '../create-store';
import type { Store } from '../store-types';
import type { PushSubscription } from '../subscriptions/push-subscription-store';
import { createScheduler } from './create-scheduler';
import { renewPushSubscriptions } from './subscription-renewals';

const START = new Date('2026-03-30T06:00:00Z');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const LISTENER = 'http://wismo.test/webhooks/carriers';
const USPS_SECRET = 'usps-secret-renewals-0123456789a';
const at = (offsetMs: number) => new Date(START.getTime() + offsetMs);

/** Every row, across pages (the list is paged by 50). */
async function allSubscriptions(store: Store, carrier: string): Promise<PushSubscription[]> {
  const rows: PushSubscription[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.pushSubscriptions.list({ carrier, ...(cursor ? { cursor } : {}) });
    rows.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return rows;
}

describe.each(testEngines())('push subscription renewals with the sandbox carriers on $name', (engine) => {
  const clock = createSandboxClock(START);
  let database: TestDatabase;
  let store: Store;
  // The carriers' subscription APIs, with switches to make them fail as a carrier outage would.
  const upsApi = createSandboxPusher({ carrier: 'ups', clock, advancingStart: START, secret: 'ups-credential-renewals' });
  let uspsListenerDown = true;
  const uspsApi = createSandboxPusher({
    carrier: 'usps',
    clock,
    advancingStart: START,
    secret: USPS_SECRET,
    fetch: (async () => {
      if (uspsListenerDown) throw new Error('connect ECONNREFUSED');
      return new Response('{}', { status: 200 });
    }) as typeof globalThis.fetch,
  });
  let upsDown = false;
  let uspsCreateDown = false;
  const upsCalls: number[] = [];
  const unavailable = () => new Response('{"response":{"errors":[{"code":"503","message":"down"}]}}', { status: 503 });
  const ups = createUpsPushSubscriber({
    flavour: 'v1',
    destination: { url: `${LISTENER}/ups`, credential: 'ups-credential-renewals' },
    accessToken: async () => 'sandbox-token',
    now: () => clock.now(),
    fetch: (async (url: string | URL | Request, init?: RequestInit) => {
      upsCalls.push((JSON.parse(String(init?.body)) as { trackingNumberList: string[] }).trackingNumberList.length);
      return upsDown ? unavailable() : upsApi.subscriptionApi(url, init);
    }) as typeof globalThis.fetch,
  });
  const usps = createUspsPushSubscriber({
    listenerURL: `${LISTENER}/usps`,
    secret: USPS_SECRET,
    accessToken: async () => 'sandbox-token',
    checkEveryMs: 6 * HOUR,
    now: () => clock.now(),
    fetch: (async (url: string | URL | Request, init?: RequestInit) =>
      uspsCreateDown && init?.method === 'POST' ? unavailable() : uspsApi.subscriptionApi(url, init)) as typeof globalThis.fetch,
  });
  const renew = () => renewPushSubscriptions({ store, subscribers: [ups, usps], now: clock.now() });
  const upsNumbers = generateSandboxNumbers('ups', 130, 'advancing');
  const uspsNumbers = generateSandboxNumbers('usps', 2, 'advancing');
  const polledOnly = generateSandboxNumbers('ups', 131, 'advancing')[130]!;

  beforeAll(async () => {
    if (!engine.available) return;
    database = engine.create();
    store = await createStore({ url: database.url, clock: () => clock.now(), random: () => 0.5 });
    await store.shop().watchMany(upsNumbers.map((trackingNumber) => ({ trackingNumber, carrier: 'ups', watchedBy: 'push' as const })));
    await store.shop().watchMany(uspsNumbers.map((trackingNumber) => ({ trackingNumber, carrier: 'usps', watchedBy: 'both' as const })));
    await store.shop().watch(polledOnly, { carrier: 'ups' });
  });
  afterAll(async () => {
    await store?.close();
    await database?.drop();
  });
  if (!engine.available) {
    it.skip(`${engine.name}: DATABASE_URL is not set, PostgreSQL run SKIPPED`, () => undefined);
    return;
  }

  it('subscribes the numbers watched with push, UPS in batches of 100, and records each subscription', async () => {
    const report = await renew();
    expect(report).toMatchObject({ subscribed: 132, renewed: 0, failed: 0 });
    expect(upsCalls).toEqual([100, 30]);
    const upsRows = await allSubscriptions(store, 'ups');
    expect(upsRows.map((row) => row.trackingNumber).sort()).toEqual([...upsNumbers].sort());
    expect(new Set(upsRows.map((row) => `${row.state} ${row.expiresAt} ${row.renewAt}`))).toEqual(
      new Set([`active ${at(14 * DAY).toISOString()} ${at(13 * DAY).toISOString()}`]),
    );
    const uspsRows = await allSubscriptions(store, 'usps');
    expect(uspsRows).toHaveLength(2);
    expect(uspsRows[0]).toMatchObject({ state: 'active', expiresAt: null, renewAt: at(6 * HOUR).toISOString() });
    expect(uspsRows[0]!.subscriptionId).toBeTruthy();
    expect(uspsRows[1]!.subscriptionId).toBe(uspsRows[0]!.subscriptionId);
    // Nothing to do until a renewal is due.
    expect(await renew()).toMatchObject({ subscribed: 0, renewed: 0, failed: 0 });
  });

  it('recovers a USPS subscription suspended while the listener was down, recording the suspension until it works', async () => {
    clock.set(at(7 * HOUR));
    // USPS could not reach the listener: it suspends the subscription.
    expect((await uspsApi.flush()).map((delivery) => delivery.status)).toEqual([0, 0]);
    uspsCreateDown = true;
    const refused = await renew();
    expect(refused).toMatchObject({ failed: 2, recovered: 0 });
    const suspended = await allSubscriptions(store, 'usps');
    expect(suspended.map((row) => [row.state, row.attempts, row.renewAt])).toEqual([
      ['suspended', 1, at(7 * HOUR + 5 * MINUTE).toISOString()],
      ['suspended', 1, at(7 * HOUR + 5 * MINUTE).toISOString()],
    ]);
    expect(suspended[0]!.lastError).toMatch(/HTTP 503/);
    expect((await store.pushSubscriptions.summary({ now: clock.now() })).find((row) => row.carrier === 'usps')).toMatchObject({
      suspended: 2,
      active: 0,
    });

    uspsCreateDown = false;
    uspsListenerDown = false;
    clock.set(at(7 * HOUR + 5 * MINUTE));
    expect(await renew()).toMatchObject({ renewed: 2, recovered: 1, failed: 0 });
    const recovered = await allSubscriptions(store, 'usps');
    expect(recovered.map((row) => [row.state, row.attempts, row.lastError])).toEqual([
      ['active', 0, null],
      ['active', 0, null],
    ]);
    expect(recovered[0]!.subscriptionId).not.toBe(suspended[0]!.subscriptionId);
    // The new subscription pushes again.
    clock.set(at(13 * HOUR));
    expect((await uspsApi.flush()).map((delivery) => delivery.status)).toEqual([200, 200]);
  });

  it('renews UPS a day before the 14 days end; a refused renewal is recorded and retried after the back-off', async () => {
    upsCalls.length = 0;
    clock.set(at(13 * DAY - HOUR));
    expect((await renew()).byCarrier.ups).toMatchObject({ renewed: 0, failed: 0 });
    expect(upsCalls).toEqual([]);

    clock.set(at(13 * DAY));
    upsDown = true;
    expect((await renew()).byCarrier.ups).toMatchObject({ renewed: 0, failed: 130 });
    const failed = await allSubscriptions(store, 'ups');
    expect(new Set(failed.map((row) => `${row.state} ${row.attempts} ${row.renewAt}`))).toEqual(
      new Set([`failed 1 ${at(13 * DAY + 5 * MINUTE).toISOString()}`]),
    );
    expect(failed[0]!.lastError).toMatch(/UPS Track Alert refused the subscription \(HTTP 503/);
    // The failed attempt keeps the expiry the carrier gave: it still pushes until then.
    expect(failed[0]!.expiresAt).toBe(at(14 * DAY).toISOString());

    // Still down at the retry: the back-off doubles.
    clock.set(at(13 * DAY + 5 * MINUTE));
    await renew();
    expect((await allSubscriptions(store, 'ups'))[0]).toMatchObject({ attempts: 2, renewAt: at(13 * DAY + 15 * MINUTE).toISOString() });

    upsDown = false;
    upsCalls.length = 0;
    clock.set(at(13 * DAY + 15 * MINUTE));
    expect((await renew()).byCarrier.ups).toMatchObject({ renewed: 130, failed: 0 });
    expect(upsCalls).toEqual([100, 30]);
    const renewed = await allSubscriptions(store, 'ups');
    expect(new Set(renewed.map((row) => `${row.state} ${row.attempts} ${row.lastError} ${row.expiresAt}`))).toEqual(
      new Set([`active 0 null ${at(27 * DAY + 15 * MINUTE).toISOString()}`]),
    );
    // Renewed before the first subscription ran out.
    expect(renewed.every((row) => Date.parse(row.subscribedAt!) < at(14 * DAY).getTime())).toBe(true);
  });

  it('shows expiring and expired subscriptions, and drops those of parcels no longer watched', async () => {
    clock.set(at(26 * DAY));
    const summary = await store.pushSubscriptions.summary({ now: clock.now(), expiringWithinMs: 2 * DAY });
    expect(summary.find((row) => row.carrier === 'ups')).toMatchObject({
      active: 0,
      expiring: 130,
      expired: 0,
      nextExpiryAt: at(27 * DAY + 15 * MINUTE).toISOString(),
      nextRenewalAt: at(26 * DAY + 15 * MINUTE).toISOString(),
    });
    const gone = (await store.shop().findTracking('ups', upsNumbers[0]!))!;
    await store.shop().unwatch(gone.id);
    clock.set(at(28 * DAY));
    upsDown = true;
    await renew();
    const rows = await allSubscriptions(store, 'ups');
    expect(rows).toHaveLength(129);
    expect(rows.some((row) => row.trackingNumber === upsNumbers[0])).toBe(false);
    expect((await store.pushSubscriptions.summary({ now: clock.now() })).find((row) => row.carrier === 'ups')).toMatchObject({
      failed: 129,
      expired: 0,
    });
    upsDown = false;
  });

  it('the embedded scheduler subscribes a parcel watched with push in its next round', async () => {
    const number = generateSandboxNumbers('ups', 140, 'in_transit')[139]!;
    await store.shop().watch(number, { carrier: 'ups', watchedBy: 'push' });
    const scheduler = createScheduler({
      store,
      tracker: createTracker({ carriers: [] }),
      clock: () => clock.now(),
      pushSubscribers: [ups],
    });
    const round = await scheduler.runOnce();
    expect(round.pushSubscriptions?.byCarrier.ups?.subscribed).toBe(1);
    const page = await store.pushSubscriptions.list({ shopId: 'default', carrier: 'ups', state: 'active' });
    expect(page.items.map((row) => row.trackingNumber)).toContain(number);
    // Within the minute the scheduler does not look again.
    expect((await scheduler.runOnce()).pushSubscriptions).toBeUndefined();
  });
});
