// The operations dashboard in real Chromium (playwright-core): sign-in by login link, filters, paging, a chart
// with its table, a language switch, screenshots in test/artifacts/ and an axe-core check of each page.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startServer, type RunningWismoServer } from '@wismo/server';
import { createStore, type Store } from '@wismo/store';
import {
  checkAccessibility,
  describeInChromium,
  launchChromium,
  screenshot,
  type Browser,
  type BrowserContext,
  type Page,
} from '../../packages/server/src/__fixtures__/browser';
import { API_KEY, BRAND, startTestCarriers, type TestSetup } from '../../packages/server/src/__fixtures__/server-fixtures';
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
  let setup: TestSetup;
  let directory: string;
  let store: Store;
  let server: RunningWismoServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    setup = await startTestCarriers();
    directory = mkdtempSync(join(tmpdir(), 'wismo-dashboard-browser-'));
    store = await createStore({ url: `sqlite:${join(directory, 'wismo.db')}`, clock: () => SEED_NOW });
    await seedDashboardStore(store, seed);
    await seedUpdateEffects(store, buildUpdatesSeed());
    server = await startServer({
      port: 0,
      host: '127.0.0.1',
      tracker: setup.tracker,
      carriers: setup.carriers,
      store,
      apiKeys: [API_KEY],
      brand: BRAND,
      dashboard: { loginSecret: 'dashboard-login-secret-for-browser-tests-0123' },
      now: () => SEED_NOW,
    });
    browser = await launchChromium();
    // The pages' CSP allows no scripts: axe-core is injected with the CSP bypassed.
    context = await browser.newContext({ bypassCSP: true, locale: 'en-US', viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
    await setup?.close();
    if (directory) rmSync(directory, { recursive: true, force: true });
  });

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
    await page.goto(`${server.url}/dashboard/health?lang=en`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Health');
    expect(await page.locator('#health-table tbody tr').count()).toBeGreaterThan(0);
    await expectAccessible('health');
    await screenshot(page, 'dashboard-health');
  });
});
