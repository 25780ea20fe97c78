import type { Store } from '@wismo/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../../store/src/__fixtures__/test-stores';
import { API_KEY, BRAND, startStoreServer, type StoreServer } from '../__fixtures__/server-fixtures';
import type { WismoServer } from '../create-server';

const NOW = new Date('2026-11-20T10:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const OTHER_KEY = 'wk_other_subscriptions_0123456789';
const at = (offsetMs: number) => new Date(NOW.getTime() + offsetMs);

/** The cells of the subscriptions table, row by row. */
function subscriptionRows(page: string): string[][] {
  const body = /<table id="subscriptions-table">[\s\S]*?<tbody>([\s\S]*?)<\/tbody>/.exec(page)?.[1] ?? '';
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...row[1]!.matchAll(/<t[hd][^>]*>([^<]*)<\/t[hd]>/g)].map((cell) => cell[1]!),
  );
}

describe.each(testEngines())('the dashboard Health page shows push subscriptions on $name', ({ name, available, create }) => {
  let running: StoreServer | undefined;
  let store: Store;
  let server: WismoServer;
  const request = (path: string, key = API_KEY) =>
    Promise.resolve(server.app.request(`http://wismo.test${path}`, { headers: { authorization: `Bearer ${key}` } }));

  beforeAll(async () => {
    if (!available) return;
    running = await startStoreServer(create, {
      now: () => NOW,
      apiKeys: [API_KEY, OTHER_KEY],
      shopOfApiKey: { [OTHER_KEY]: 'other' },
      brand: BRAND,
      dashboard: { loginSecret: 'dashboard-login-secret-subscriptions-0123', loginTtlMs: HOUR },
    });
    ({ store, server } = running);
  });
  afterAll(() => running?.close());
  if (!available) {
    it.skip(`${name}: DATABASE_URL is not set, PostgreSQL run SKIPPED`, () => undefined);
    return;
  }

  it('says when nothing is subscribed', async () => {
    const page = await (await request('/dashboard/health?lang=en')).text();
    expect(page).toContain('<h2 id="subscriptions-heading">Push subscriptions</h2>');
    expect(page).toContain('<p id="subscriptions-none">No push subscriptions are recorded.</p>');
  });

  it('per carrier: active, expiring within two days, expired, suspended, failed and the next renewal, in five languages', async () => {
    const ups = (numbers: string[], subscribedAgo: number) =>
      store.pushSubscriptions.record({
        shopId: 'default',
        carrier: 'ups',
        trackingNumbers: numbers,
        state: 'active',
        expiresAt: at(14 * DAY - subscribedAgo),
        renewAt: at(13 * DAY - subscribedAgo),
        at: at(-subscribedAgo),
      });
    await ups(['1ZA', '1ZB', '1ZC'], 0); // ends in 14 days
    await ups(['1ZD'], 13 * DAY); // ends tomorrow: expiring
    await ups(['1ZE', '1ZF'], 15 * DAY); // ended yesterday
    await store.pushSubscriptions.record({
      shopId: 'default',
      carrier: 'ups',
      trackingNumbers: ['1ZG'],
      state: 'failed',
      renewAt: at(5 * 60_000),
      error: 'UPS Track Alert refused the subscription (HTTP 503)',
      at: NOW,
    });
    await store.pushSubscriptions.record({
      shopId: 'default',
      carrier: 'usps',
      trackingNumbers: ['9400100000000000000001', '9400100000000000000002'],
      state: 'suspended',
      renewAt: at(10 * 60_000),
      error: 'USPS Subscriptions answered HTTP 503',
      at: NOW,
    });
    // Another shop's subscriptions are not this shop's.
    await store.pushSubscriptions.record({
      shopId: 'other',
      carrier: 'usps',
      trackingNumbers: ['9400100000000000000003'],
      state: 'active',
      subscriptionId: 'sub-other',
      renewAt: at(6 * HOUR),
      at: NOW,
    });

    const page = await (await request('/dashboard/health?lang=en')).text();
    expect(page).toContain('“expiring” ones end within 2 days unless renewed');
    // The expired ones' renewal was due two days ago: the soonest renewal shows it overdue.
    expect(subscriptionRows(page)).toEqual([
      ['UPS', '3', '1', '2', '0', '1', '2026-11-18 10:00 UTC'],
      ['USPS', '0', '0', '0', '2', '0', '2026-11-20 10:10 UTC'],
    ]);
    const other = await (await request('/dashboard/health?lang=en', OTHER_KEY)).text();
    expect(subscriptionRows(other)).toEqual([['USPS', '1', '0', '0', '0', '0', '2026-11-20 16:00 UTC']]);

    const headings: Record<string, string> = {
      de: 'Push-Abonnements',
      nl: 'Pushabonnementen',
      fr: 'Abonnements push',
      es: 'Suscripciones push',
    };
    for (const [language, heading] of Object.entries(headings)) {
      const translated = await (await request(`/dashboard/health?lang=${language}`)).text();
      expect(translated).toContain(`<h2 id="subscriptions-heading">${heading}</h2>`);
      expect(subscriptionRows(translated)).toHaveLength(2);
    }
    expect(await (await request('/dashboard/health?lang=de')).text()).toContain('<th scope="col" class="number">Nächste Erneuerung</th>');
  });
});
