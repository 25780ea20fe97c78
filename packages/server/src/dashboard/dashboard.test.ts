import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  carrierPerformance,
  carrierRequestCounts,
  createCarrierRequestCounter,
  dashboardHealth,
  dashboardReport,
  onTimeTrend,
  updateEffects,
  type Store,
} from '@wismo/store';
import { testEngines } from '../../../store/src/__fixtures__/test-stores';
import {
  buildDashboardSeed,
  buildUpdatesSeed,
  expectedAtRisk,
  seedDashboardStore,
  seedUpdateEffects,
  SEED_NOW,
} from '../../../store/src/dashboard/__fixtures__/seed-dashboard';
import { API_KEY, BRAND, startStoreServer, testOrders, type StoreServer, type TestSetup } from '../__fixtures__/server-fixtures';
import { createWismoServer, type WismoServer } from '../create-server';
import { createAccessTokens } from '../page/access-token';
import { createDashboardLogin } from './dashboard-login';
import { csvField } from './dashboard-routes';

const BASE = 'http://wismo.test';
const LOGIN_SECRET = 'dashboard-login-secret-for-tests-0123456789';
const OTHER_KEY = 'wk_other_0123456789abcdef';
const seed = buildDashboardSeed();

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

/** Tracking numbers in the rows of the at-risk table, in page order (the first cell of each body row). */
function rowNumbers(page: string): string[] {
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(page)?.[1] ?? '';
  return [...body.matchAll(/<tr>\s*<td>([^<]+)<\/td>/g)].map((match) => match[1]!);
}

function nextHref(page: string): string | null {
  const href = /<a rel="next" href="([^"]+)"/.exec(page)?.[1];
  return href ? href.replace(/&amp;/g, '&') : null;
}

describe.each(testEngines())('operations dashboard on $name', ({ name, available, create }) => {
  let setup: TestSetup;
  let running: StoreServer | undefined;
  let store: Store;
  let server: WismoServer;
  let now = SEED_NOW;

  function request(path: string, init: RequestInit & { key?: string | null } = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (init.key !== null && init.key !== undefined) headers.set('authorization', `Bearer ${init.key}`);
    return Promise.resolve(server.app.request(`${BASE}${path}`, { ...init, headers }));
  }

  beforeAll(async () => {
    if (!available) return;
    running = await startStoreServer(create, {
      now: () => now,
      seed: async (store) => {
        await seedDashboardStore(store, seed);
        await seedUpdateEffects(store, buildUpdatesSeed());
      },
      apiKeys: [API_KEY, OTHER_KEY],
      shopOfApiKey: { [OTHER_KEY]: 'other' },
      brand: BRAND,
      dashboard: { loginSecret: LOGIN_SECRET, loginTtlMs: 3_600_000 },
    });
    ({ setup, store, server } = running);
  });
  afterAll(() => running?.close());
  if (!available) {
    it.skip(`${name}: DATABASE_URL is not set, PostgreSQL run SKIPPED`, () => undefined);
    return;
  }

  describe('access', () => {
    it('refuses a request without a key, with a wrong key, or with a forged or expired login link', async () => {
      const anonymous = await request('/dashboard/at-risk');
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers.get('www-authenticate')).toContain('Bearer');
      const text = await anonymous.text();
      expect(text).toContain('Sign in to the dashboard');
      expect(rowNumbers(text)).toEqual([]);

      expect((await request('/dashboard/carriers', { key: 'wk_wrong_key_000000000000' })).status).toBe(401);
      expect((await request('/dashboard/at-risk?token=v1.forged.signature')).status).toBe(401);
      const otherSecret = createDashboardLogin({ loginSecret: 'x'.repeat(40), now: () => now }).issue('default').token;
      expect((await request(`/dashboard/at-risk?token=${otherSecret}`)).status).toBe(401);

      const expired = createDashboardLogin({ loginSecret: LOGIN_SECRET, ttlMs: 1000, now: () => new Date(now.getTime() - 5000) }).issue(
        'default',
      ).token;
      expect((await request(`/dashboard/at-risk?token=${expired}`)).status).toBe(401);
      // An order-page token signed with the same secret is no login: the dashboard derives its own key.
      const orderToken = createAccessTokens({ secret: LOGIN_SECRET, now: () => now.getTime() }).issue('default');
      expect((await request(`/dashboard/at-risk?token=${orderToken}`)).status).toBe(401);
      // A cookie that is not a valid token is no session either.
      expect((await request('/dashboard/at-risk', { headers: { cookie: 'wismo_dashboard=nonsense' } })).status).toBe(401);
    });

    it('signs in with a login link: sets an HttpOnly cookie, drops the token from the address, and the cookie opens the pages', async () => {
      expect((await request('/v1/dashboard/login-links', { method: 'POST' })).status).toBe(401);
      const created = await request('/v1/dashboard/login-links', { method: 'POST', key: API_KEY });
      expect(created.status).toBe(201);
      const link = (await created.json()) as Loose;
      expect(Date.parse(link.expiresAt)).toBe(now.getTime() + 3_600_000);
      const landing = await request(link.url);
      expect(landing.status).toBe(303);
      const location = landing.headers.get('location')!;
      expect(location).toBe('/dashboard/at-risk');
      const cookie = landing.headers.get('set-cookie')!;
      expect(cookie).toMatch(/^wismo_dashboard=/);
      expect(cookie).toContain('HttpOnly');
      expect(cookie).toContain('SameSite=Strict');
      expect(cookie).toContain('Path=/dashboard');
      expect(cookie).toContain('Max-Age=3600');
      const session = cookie.split(';')[0]!;
      const page = await request(location, { headers: { cookie: session } });
      expect(page.status).toBe(200);
      expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(page.headers.get('cache-control')).toBe('no-store');
      expect(rowNumbers(await page.text()).length).toBe(50);

      // Past its expiry the cookie opens nothing.
      now = new Date(SEED_NOW.getTime() + 3_600_001);
      try {
        expect((await request(location, { headers: { cookie: session } })).status).toBe(401);
      } finally {
        now = SEED_NOW;
      }
    });

    it("shows each key its own shop's parcels only", async () => {
      const page = await (await request('/dashboard/at-risk', { key: OTHER_KEY })).text();
      expect(rowNumbers(page)).toEqual(expectedAtRisk(seed, {}, 'other').map((tracking) => tracking.trackingNumber));
    });
  });

  describe('GET /dashboard/at-risk', () => {
    it('filters with the GET form and pages through every match once', async () => {
      for (const [search, query] of [
        ['kind=exception', { kind: 'exception' }],
        ['carrier=ups&country=NL', { carrier: 'ups', country: 'NL' }],
        ['actor=recipient&minAgeHours=48', { actor: 'recipient', minAgeHours: 48 }],
        ['service=express&kind=late', { service: 'express', kind: 'late' }],
      ] as const) {
        const expected = expectedAtRisk(seed, query).map((tracking) => tracking.trackingNumber);
        const seen: string[] = [];
        let href: string | null = `/dashboard/at-risk?${search}`;
        while (href) {
          const page = await (await request(href, { key: API_KEY })).text();
          seen.push(...rowNumbers(page));
          href = nextHref(page);
        }
        expect(seen, search).toEqual(expected);
      }
      // The unfiltered list needs more than one page of 50.
      const first = await (await request('/dashboard/at-risk', { key: API_KEY })).text();
      expect(nextHref(first)).toContain('cursor=');
      const form = /<form method="get" action="([^"]+)"/.exec(first)?.[1];
      expect(form).toBe('/dashboard/at-risk');
      for (const name of ['kind', 'carrier', 'service', 'country', 'minAgeHours', 'actor']) expect(first).toContain(`name="${name}"`);
    });

    it('counts each reason above the list, each count linking to its filter', async () => {
      const page = await (await request('/dashboard/at-risk', { key: API_KEY })).text();
      for (const kind of ['stalled', 'late', 'never_scanned', 'exception', 'pickup_deadline', 'returning'] as const) {
        expect(page, kind).toContain(`<strong data-kind="${kind}">${expectedAtRisk(seed, { kind }).length}</strong>`);
        expect(page).toContain(`href="/dashboard/at-risk?kind=${kind}&amp;lang=en"`);
      }
    });

    it('links each row with an order to the order view, which opens the tracking page unlocked', async () => {
      const [order] = testOrders();
      await store.shop().upsertOrder(order!);
      const page = await (await request('/dashboard/at-risk', { key: API_KEY })).text();
      expect(page).toContain('href="/dashboard/orders/order-default-1?lang=en"');
      const redirect = await request(`/dashboard/orders/${encodeURIComponent(order!.id)}?lang=de`, { key: API_KEY });
      expect(redirect.status).toBe(303);
      const target = redirect.headers.get('location')!;
      expect(target).toMatch(/^\/de\/orders\/view\?access=/);
      const viewsBefore = (
        await updateEffects(store, 'default', { since: new Date(now.getTime() - 3_600_000), now: new Date(now.getTime() + 1) })
      ).lookups.trackingPageViews;
      const orderPage = await request(target);
      expect(orderPage.status).toBe(200);
      expect(await orderPage.text()).toContain(order!.number);
      // The view is recorded for "what the updates did" (after the page was answered).
      await expect
        .poll(
          async () =>
            (await updateEffects(store, 'default', { since: new Date(now.getTime() - 3_600_000), now: new Date(now.getTime() + 1) }))
              .lookups.trackingPageViews,
        )
        .toBe(viewsBefore + 1);
      // An order the shop does not have is a 404, not a redirect.
      expect((await request('/dashboard/orders/order-default-1', { key: API_KEY })).status).toBe(404);
    });

    it('exports every match as CSV, all pages, with formula-like text neutralised', async () => {
      const response = await request('/dashboard/at-risk?format=csv&country=DE', { key: API_KEY });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(response.headers.get('content-disposition')).toContain('wismo-at-risk.csv');
      const lines = (await response.text()).split('\r\n').filter(Boolean);
      expect(lines[0]).toBe(
        'tracking_id,carrier,tracking_number,order_id,status,substatus,actor,reasons,service,destination_country,watched_at,last_checked_at,age_hours,pickup_deadline',
      );
      expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual(
        expectedAtRisk(seed, { country: 'DE' }).map((tracking) => tracking.id),
      );
      const all = (await (await request('/dashboard/at-risk?format=csv', { key: API_KEY })).text()).split('\r\n').filter(Boolean);
      expect(all.length - 1).toBe(expectedAtRisk(seed, {}).length);
      expect(all.length - 1).toBeGreaterThan(50);

      expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
      expect(csvField('a,b')).toBe('"a,b"');
      expect(csvField(null)).toBe('');
      expect(csvField(12)).toBe('12');
    });

    it('speaks the five languages, chosen by ?lang= or Accept-Language, with a switcher that keeps the filters', async () => {
      const titles = {
        en: 'Parcels at risk',
        de: 'Gefährdete Sendungen',
        nl: 'Pakketten met risico',
        fr: 'Colis à risque',
        es: 'Paquetes en riesgo',
      };
      for (const [language, title] of Object.entries(titles)) {
        const page = await (await request(`/dashboard/at-risk?lang=${language}&kind=returning`, { key: API_KEY })).text();
        expect(page).toContain(`<html lang="${language}"`);
        expect(page).toContain(`<h1>${title}</h1>`);
      }
      const french = await (
        await request('/dashboard/at-risk?kind=returning', { key: API_KEY, headers: { 'accept-language': 'fr-CH' } })
      ).text();
      expect(french).toContain('<html lang="fr"');
      expect(french).toContain('href="/dashboard/at-risk?kind=returning&amp;lang=de"');
    });

    it('answers filters it cannot use with a 400 page', async () => {
      const response = await request('/dashboard/at-risk?kind=lost&minAgeHours=-3', { key: API_KEY });
      expect(response.status).toBe(400);
      expect(await response.text()).toContain('These filters cannot be used');
    });
  });

  describe('GET /dashboard/carriers', () => {
    it('shows each lane in an SVG chart and in a table beside it, with the store figures', async () => {
      const response = await request('/dashboard/carriers?lang=en', { key: API_KEY });
      expect(response.status).toBe(200);
      const page = await response.text();
      const lanes = await carrierPerformance(store, 'default');
      expect(page).toMatch(/<svg class="chart" id="chart-on-time" role="img" aria-labelledby="chart-on-time-title chart-on-time-desc"/);
      expect(page).toMatch(/<svg class="chart" id="chart-transit" role="img"/);
      const tableRows = /<table id="lanes-table">[\s\S]*?<tbody>([\s\S]*?)<\/tbody>/.exec(page)![1]!.match(/<tr>/g)!;
      expect(tableRows).toHaveLength(lanes.length);
      // One bar per lane, each labelled in text with its value.
      const onTimeChart = /<svg class="chart" id="chart-on-time"[\s\S]*?<\/svg>/.exec(page)![0];
      expect(onTimeChart.match(/<g class="bar">\s*<text x="252"/g)).toHaveLength(lanes.length);
      // The same against the carrier's first ETA, in its own chart and a column of the table.
      const firstEtaChart = /<svg class="chart" id="chart-first-eta"[\s\S]*?<\/svg>/.exec(page)![0];
      expect(firstEtaChart.match(/<g class="bar">/g)).toHaveLength(lanes.length);
      const histogramRows = /<table id="transit-table">[\s\S]*?<tbody>([\s\S]*?)<\/tbody>/.exec(page)![1]!;
      const counts = [...histogramRows.matchAll(/<td class="number">(\d+)<\/td>/g)].map((match) => Number(match[1]));
      expect(counts.reduce((sum, count) => sum + count, 0)).toBe(lanes.reduce((sum, lane) => sum + lane.sampleSize, 0));
    });

    it('filters by day and carrier, exports CSV, and speaks German', async () => {
      const csv = (await (await request('/dashboard/carriers?format=csv&carrier=dhl&since=2026-10-01', { key: API_KEY })).text())
        .split('\r\n')
        .filter(Boolean);
      const lanes = (await carrierPerformance(store, 'default', { since: '2026-10-01' })).filter((lane) => lane.carrier === 'dhl');
      expect(csv.length - 1).toBe(lanes.length);
      expect(csv.slice(1).every((line) => line.startsWith('dhl,'))).toBe(true);
      expect(csv.slice(1).map((line) => Number(line.split(',')[4]))).toEqual(lanes.map((lane) => lane.sampleSize));
      const german = await (await request('/dashboard/carriers?lang=de', { key: API_KEY })).text();
      expect(german).toContain('Leistung der Versanddienstleister');
      expect((await request('/dashboard/carriers?since=yesterday', { key: API_KEY })).status).toBe(400);
      const empty = await (await request('/dashboard/carriers?since=2030-01-01', { key: API_KEY })).text();
      expect(empty).toContain('No finished deliveries match.');
      expect(empty).not.toContain('<svg');
    });

    it('draws the weekly on-time rate as a line per carrier, told apart by dash and marker, with its table', async () => {
      const trend = await onTimeTrend(store, 'default', { now });
      const page = await (await request('/dashboard/carriers?lang=en', { key: API_KEY })).text();
      const chart = /<svg class="chart" id="chart-trend" role="img"[\s\S]*?<\/svg>/.exec(page)![0];
      const series = [...chart.matchAll(/<g class="chart-series" data-series="([^"]+)" data-marker="([a-z]+)">([\s\S]*?)<\/g>/g)];
      const nameOf = (id: string) => setup.carriers.find((carrier) => carrier.id === id)!.name;
      expect(series.map((match) => match[1])).toEqual(trend.carriers.map((line) => nameOf(line.carrier)));
      // Each line has its own dash pattern and marker shape, and one marker per week with a rate.
      expect(new Set(series.map((match) => /stroke-dasharray="([^"]+)"/.exec(match[3]!)![1])).size).toBe(series.length);
      expect(new Set(series.map((match) => match[2])).size).toBe(series.length);
      series.forEach((match, index) => {
        const withRate = trend.carriers[index]!.points.filter((point) => point.onTimeRate !== null).length;
        expect(match[3]!.match(/class="chart-marker-/g)).toHaveLength(withRate);
      });
      expect(chart).toContain('<g class="chart-legend">');
      // The table beside it: one row per week, one column per carrier, the rate and its base in each cell.
      const rows = /<table id="trend-table">[\s\S]*?<tbody>([\s\S]*?)<\/tbody>/.exec(page)![1]!.match(/<tr>[\s\S]*?<\/tr>/g)!;
      expect(rows).toHaveLength(trend.weeks.length);
      const last = trend.carriers[0]!.points.at(-2)!;
      expect(rows.at(-2)).toContain(`${Math.round(last.onTimeRate! * 1000) / 10}% of ${last.promisedCount}`);
      const dhlOnly = await (await request('/dashboard/carriers?lang=en&carrier=dhl', { key: API_KEY })).text();
      expect([...dhlOnly.matchAll(/<g class="chart-series" data-series="([^"]+)"/g)].map((match) => match[1])).toEqual([nameOf('dhl')]);
    });
  });

  describe('GET /dashboard/updates and /dashboard/health', () => {
    it('shows what the updates did for the chosen period, in a chart with its table, in five languages', async () => {
      const figures = await updateEffects(store, 'default', { since: new Date(now.getTime() - 7 * 86_400_000), now });
      const page = await (await request('/dashboard/updates?since=7d&lang=en', { key: API_KEY })).text();
      expect(page).toContain('<h1>What the updates did</h1>');
      expect(page).toContain('<option value="7d" selected>');
      const rows = /<table id="notifications-table">[\s\S]*?<tbody>([\s\S]*?)<\/tbody>/.exec(page)![1]!.match(/<tr>/g)!;
      expect(rows).toHaveLength(figures.notifications.length);
      expect(page).toMatch(/<svg class="chart" id="chart-milestones" role="img"/);
      const proactive = /<p id="proactive-share">([^<]*)<\/p>/.exec(page)![1]!;
      expect(proactive).toContain(`of ${figures.proactive.orders} orders`);
      expect(proactive).toContain(`${figures.proactive.contactedFirst} contacted support first`);
      const german = await (await request('/dashboard/updates?lang=de', { key: API_KEY })).text();
      expect(german).toContain('<h1>Was die Benachrichtigungen bewirkten</h1>');
      // An unknown period falls back to 30 days instead of failing.
      expect(await (await request('/dashboard/updates?since=5y', { key: API_KEY })).text()).toContain('<option value="30d" selected>');
    });

    it("shows each carrier's watching, its documented limits and the scheduler's backlog", async () => {
      now = new Date(SEED_NOW.getTime() + 2 * 3_600_000);
      try {
        const health = await dashboardHealth(store, 'default', { now });
        const page = await (await request('/dashboard/health?lang=en', { key: API_KEY })).text();
        const rows = /<table id="health-table">[\s\S]*?<tbody>([\s\S]*?)<\/tbody>/.exec(page)![1]!.match(/<tr>/g)!;
        expect(rows).toHaveLength(health.carriers.length);
        expect(/<p id="scheduler-backlog">([^<]*)<\/p>/.exec(page)![1]).toBe(
          `Scheduler: ${health.scheduler.due} checks due; the oldest is ${health.scheduler.lagSeconds === 3600 ? '60 min' : `${health.scheduler.lagSeconds / 3600} h`} late.`,
        );
        expect(await (await request('/dashboard/health?lang=fr', { key: API_KEY })).text()).toContain('<h1>État du service</h1>');
      } finally {
        now = SEED_NOW;
      }
    });

    it('sets the carrier requests per account against the documented limit and quota, with errors by kind', async () => {
      const empty = await (await request('/dashboard/health?lang=en', { key: API_KEY })).text();
      expect(empty).toContain('<p id="requests-none">');
      const counter = createCarrierRequestCounter({ clock: () => now });
      const outcomes = ['ok', 'ok', 'ok', 'rate_limited', 'ok', 'server', 'ok', 'timeout'] as const;
      for (let i = 0; i < 40; i++)
        counter
          .observer('eu')
          .onRequest({ carrierId: 'ups', at: now.getTime() - i * 30_000, outcome: outcomes[i % outcomes.length]!, httpStatus: null });
      await counter.flush(store);
      const [counted] = await carrierRequestCounts(store, 'default', { now });
      const page = await (await request('/dashboard/health?lang=en', { key: API_KEY })).text();
      const row = /<table id="requests-table">[\s\S]*?<tbody>([\s\S]*?)<\/tbody>/.exec(page)![1]!;
      const cells = [...row.matchAll(/<t[hd][^>]*>([^<]*)<\/t[hd]>/g)].map((match) => match[1]);
      const ups = setup.carriers.find((carrier) => carrier.id === 'ups')!.capabilities;
      const perHour = Math.floor((ups.rateLimit.requests * 3_600_000) / ups.rateLimit.intervalMs);
      expect(cells.slice(0, 4)).toEqual(['UPS', 'eu', String(counted!.thisHour), String(counted!.previousHour)]);
      expect(cells[4]).toContain(`${new Intl.NumberFormat('en-US').format(perHour)} per hour`);
      expect(cells[5]).toBe(String(counted!.today));
      expect(cells[7]).toBe(String(counted!.peakPerMinuteToday));
      expect(cells[8]).toBe(
        `rate limited ${counted!.errorsToday.rate_limited}, server error ${counted!.errorsToday.server}, timeout ${counted!.errorsToday.timeout}`,
      );
      expect(counted!.today).toBe(40);
      // The same counts under /v1/stats/health, against what was fed in.
      const hourStart = Math.floor(now.getTime() / 3_600_000) * 3_600_000;
      const fed = Array.from({ length: 40 }, (_, i) => ({ at: now.getTime() - i * 30_000, outcome: outcomes[i % outcomes.length]! }));
      const perMinute = new Map<number, number>();
      for (const { at } of fed) perMinute.set(Math.floor(at / 60_000), (perMinute.get(Math.floor(at / 60_000)) ?? 0) + 1);
      const json = (await (await request('/v1/stats/health', { key: API_KEY })).json()) as Loose;
      expect(json.carrierRequests).toEqual([
        {
          carrier: 'ups',
          account: 'eu',
          thisHour: fed.filter(({ at }) => at >= hourStart).length,
          previousHour: fed.filter(({ at }) => at < hourStart).length,
          today: 40,
          peakPerMinuteToday: Math.max(...perMinute.values()),
          errorsToday: { not_found: 0, rate_limited: 5, auth: 0, server: 5, timeout: 5, network: 0, client: 0 },
        },
      ]);
      const german = await (await request('/dashboard/health?lang=de', { key: API_KEY })).text();
      expect(german).toContain('Anfragen an Versanddienstleister gegenüber den Grenzen');
    });
  });

  describe('JSON under /v1/stats', () => {
    it('answers the at-risk list and the carrier figures, documented in OpenAPI', async () => {
      const page = (await (await request('/v1/stats/at-risk?kind=stalled&limit=5', { key: API_KEY })).json()) as Loose;
      expect(page.items.map((item: Loose) => item.trackingId)).toEqual(
        expectedAtRisk(seed, { kind: 'stalled' })
          .slice(0, 5)
          .map((tracking) => tracking.id),
      );
      const second = (await (
        await request(`/v1/stats/at-risk?kind=stalled&limit=5&cursor=${page.nextCursor}`, { key: API_KEY })
      ).json()) as Loose;
      expect(second.items[0].trackingId).toBe(expectedAtRisk(seed, { kind: 'stalled' })[5]!.id);
      const carriers = (await (await request('/v1/stats/carriers?since=2026-10-01', { key: API_KEY })).json()) as Loose;
      expect(carriers.lanes).toEqual(await carrierPerformance(store, 'default', { since: '2026-10-01' }));

      const invalid = await request('/v1/stats/at-risk?kind=lost', { key: API_KEY });
      expect(invalid.status).toBe(400);
      expect(((await invalid.json()) as Loose).code).toBe('invalid_request');
      const badCursor = await request('/v1/stats/at-risk?cursor=abc', { key: API_KEY });
      expect(badCursor.status).toBe(400);
      expect((await request('/v1/stats/carriers')).status).toBe(401);

      const since = new Date(now.getTime() - 30 * 86_400_000);
      expect(await (await request('/v1/stats/updates?since=30d', { key: API_KEY })).json()).toEqual(
        JSON.parse(JSON.stringify(await updateEffects(store, 'default', { since, now }))),
      );
      expect(await (await request('/v1/stats/health', { key: API_KEY })).json()).toEqual(
        JSON.parse(JSON.stringify(await dashboardHealth(store, 'default', { now }))),
      );
      expect(await (await request('/v1/stats/report', { key: API_KEY })).json()).toEqual(
        JSON.parse(JSON.stringify(await dashboardReport(store, 'default', { since, now }))),
      );
      expect((await request('/v1/stats/report?since=30', { key: API_KEY })).status).toBe(400);

      const document = server.openApiDocument() as Loose;
      expect(Object.keys(document.paths)).toEqual(
        expect.arrayContaining([
          '/v1/stats/at-risk',
          '/v1/stats/carriers',
          '/v1/stats/updates',
          '/v1/stats/health',
          '/v1/stats/report',
          '/v1/dashboard/login-links',
        ]),
      );
    });
  });

  it('refuses to mount without a store or with a short login secret', () => {
    expect(() =>
      createWismoServer({
        tracker: setup.tracker,
        orders: setup.orders,
        apiKeys: [API_KEY],
        brand: BRAND,
        dashboard: { loginSecret: LOGIN_SECRET },
      }),
    ).toThrow(/store/);
    expect(() =>
      createWismoServer({ tracker: setup.tracker, store, apiKeys: [API_KEY], brand: BRAND, dashboard: { loginSecret: 'short' } }),
    ).toThrow(/32 characters/);
  });
});
