// The operations dashboard in real Chromium (playwright-core): sign-in by login link, filters, paging, a chart
// with its table, a language switch, screenshots in test/artifacts/ and an axe-core check of each page.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RunningWismoServer } from '@wismo/server';
import { createCarrierRequestCounter, onTimeTrend, type Store } from '@wismo/store';
import {
  ARTIFACTS_DIRECTORY,
  checkAccessibility,
  describeInChromium,
  screenshot,
  startBrowserServer,
  type BrowserServer,
  type Browser,
  type BrowserContext,
  type Page,
} from '../../packages/server/src/__fixtures__/browser';
import { API_KEY, BRAND } from '../../packages/server/src/__fixtures__/server-fixtures';
import {
  buildDashboardSeed,
  buildUpdatesSeed,
  expectedAtRisk,
  seedDashboardStore,
  seedUpdateEffects,
  SEED_NOW,
} from '../../packages/store/src/dashboard/__fixtures__/seed-dashboard';
import { updateEffects } from '../../packages/store/src/dashboard/update-effects';

const seed = buildDashboardSeed();

describeInChromium('dashboard in Chromium', () => {
  let running: BrowserServer | undefined;
  let store: Store;
  let server: RunningWismoServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    running = await startBrowserServer({
      now: () => SEED_NOW,
      seed: async (store) => {
        await seedDashboardStore(store, seed);
        await seedUpdateEffects(store, buildUpdatesSeed());
      },
      apiKeys: [API_KEY],
      brand: BRAND,
      dashboard: { loginSecret: 'dashboard-login-secret-for-browser-tests-0123' },
    });
    ({ store, server, browser } = running);
    // The pages' CSP allows no scripts: axe-core is injected with the CSP bypassed.
    context = await browser.newContext({ bypassCSP: true, locale: 'en-US', viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
  }, 60_000);

  afterAll(() => running?.close());

  async function expectAccessible(name: string): Promise<void> {
    const report = await checkAccessibility(page);
    if (report.summary.length > 0) console.warn(`axe on ${name}:\n  ${report.summary.join('\n  ')}`);
    expect(
      report.violations.map((violation) => `${violation.impact} ${violation.id}`),
      report.summary.join('\n'),
    ).toEqual([]);
  }

  const rowNumbers = () => page.locator('tbody tr td:first-child').allTextContents();

  it('signs in with a login link, filters, pages and switches language on the at-risk page', async () => {
    const created = await fetch(`${server.url}/v1/dashboard/login-links`, {
      method: 'POST',
      headers: { authorization: `Bearer ${API_KEY}` },
    });
    const { url } = (await created.json()) as { url: string };
    await page.goto(`${server.url}${url}`);
    expect(new URL(page.url()).searchParams.has('token')).toBe(false);
    await expect(page.locator('h1').textContent()).resolves.toBe('Parcels at risk');
    expect(await rowNumbers()).toHaveLength(50);
    await expectAccessible('at-risk');
    await screenshot(page, 'dashboard-at-risk');

    await page.selectOption('#filter-kind', 'exception');
    await page.fill('#filter-country', 'FR');
    await page.click('button[type=submit]');
    await page.waitForURL(/kind=exception/);
    expect(await rowNumbers()).toEqual(
      expectedAtRisk(seed, { kind: 'exception', country: 'FR' }).map((tracking) => tracking.trackingNumber),
    );

    await page.goto(`${server.url}/dashboard/at-risk?lang=en`);
    const seen = await rowNumbers();
    await page.click('a[rel=next]');
    seen.push(...(await rowNumbers()));
    expect(seen).toEqual(
      expectedAtRisk(seed, {})
        .slice(0, seen.length)
        .map((tracking) => tracking.trackingNumber),
    );
    expect(seen.length).toBeGreaterThan(50);

    await page.click('a[hreflang=de]');
    await expect(page.locator('h1').textContent()).resolves.toBe('Gefährdete Sendungen');
    expect(await page.getAttribute('html', 'lang')).toBe('de');
    await expectAccessible('at-risk (de)');
  });

  it('shows carrier performance as SVG charts with their tables', async () => {
    await page.goto(`${server.url}/dashboard/carriers?lang=en`);
    const chart = page.locator('#chart-on-time');
    await expect(chart.getAttribute('role')).resolves.toBe('img');
    const lanes = await page.locator('#lanes-table tbody tr').count();
    expect(lanes).toBeGreaterThan(3);
    expect(await chart.locator('.chart-bar').count()).toBe(lanes);
    expect(await page.locator('#chart-first-eta .chart-bar').count()).toBe(lanes);
    const box = await page.locator('#chart-transit').boundingBox();
    expect(box!.width).toBeGreaterThan(200);
    await expectAccessible('carriers');
    await screenshot(page, 'dashboard-carriers');
  });

  it('draws the weekly on-time rate per carrier as lines told apart without colour, beside its table', async () => {
    await page.goto(`${server.url}/dashboard/carriers?lang=en`);
    const trend = await onTimeTrend(store, 'default', { now: SEED_NOW });
    const chart = page.locator('#chart-trend');
    await expect(chart.getAttribute('role')).resolves.toBe('img');
    const series = chart.locator('.chart-series');
    expect(await series.count()).toBe(trend.carriers.length);
    const shapes = await series.evaluateAll((groups) => groups.map((group) => group.getAttribute('data-marker')));
    const dashes = await chart
      .locator('.chart-series')
      .evaluateAll((groups) => groups.map((group) => group.querySelector('path.chart-series-line')?.getAttribute('stroke-dasharray')));
    expect(new Set(shapes).size).toBe(trend.carriers.length);
    expect(new Set(dashes).size).toBe(trend.carriers.length);
    expect(await chart.locator('.chart-legend text').allTextContents()).toHaveLength(trend.carriers.length);
    expect(await page.locator('#trend-table tbody tr').count()).toBe(trend.weeks.length);
    expect(await page.locator('#trend-table thead th').count()).toBe(trend.carriers.length + 1);
    // Beside the table at this width, not under it.
    const chartBox = (await chart.boundingBox())!;
    const tableBox = (await page.locator('#trend-table').boundingBox())!;
    expect(tableBox.x).toBeGreaterThan(chartBox.x + chartBox.width - 1);
    await expectAccessible('carriers (trend)');
    mkdirSync(ARTIFACTS_DIRECTORY, { recursive: true });
    await page.locator('section[aria-labelledby=trend-heading]').screenshot({ path: join(ARTIFACTS_DIRECTORY, 'dashboard-trend.png') });
  });

  it('shows what the updates did, with a period filter, a chart and its table, in Spanish too', async () => {
    await page.goto(`${server.url}/dashboard/updates?lang=en`);
    await expect(page.locator('h1').textContent()).resolves.toBe('What the updates did');
    await page.selectOption('#filter-since', '7d');
    await page.click('button[type=submit]');
    await page.waitForURL(/since=7d/);
    const figures = await updateEffects(store, 'default', { since: new Date(SEED_NOW.getTime() - 7 * 86_400_000), now: SEED_NOW });
    expect(await page.locator('#notifications-table tbody tr').count()).toBe(figures.notifications.length);
    expect(await page.locator('#chart-milestones .chart-bar').count()).toBe(figures.notifications.length);
    await expectAccessible('updates');
    await page.goto(`${server.url}/dashboard/updates?lang=en`);
    await screenshot(page, 'dashboard-updates');
    await page.click('a[hreflang=es]');
    await expect(page.locator('h1').textContent()).resolves.toBe('Qué lograron los avisos');
    await expectAccessible('updates (es)');
  });

  it('shows the health of the watching per carrier', async () => {
    // Requests of one UPS account over the last hours, some of them refused or failed.
    const counter = createCarrierRequestCounter({ clock: () => SEED_NOW });
    const outcomes = ['ok', 'ok', 'ok', 'ok', 'rate_limited', 'ok', 'server', 'ok', 'ok', 'timeout'] as const;
    for (let i = 0; i < 600; i++)
      counter.observer(i % 3 === 0 ? 'eu' : 'default').onRequest({
        carrierId: i % 2 ? 'ups' : 'dhl',
        at: SEED_NOW.getTime() - i * 17_000,
        outcome: outcomes[i % outcomes.length]!,
        httpStatus: null,
      });
    await counter.flush(store);
    await page.goto(`${server.url}/dashboard/health?lang=en`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Health');
    expect(await page.locator('#health-table tbody tr').count()).toBeGreaterThan(0);
    expect(await page.locator('#requests-table tbody tr').count()).toBe(4);
    await expectAccessible('health');
    await screenshot(page, 'dashboard-health');
  });
});
