// The Health page's push-subscriptions section in real Chromium (playwright-core): the table per carrier, in two
// languages, and an axe-core check of the page with the section shown.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RunningWismoServer } from '@wismo/server';
import {
  checkAccessibility,
  describeInChromium,
  screenshot,
  startBrowserServer,
  type BrowserServer,
  type Browser,
  type Page,
} from '../../packages/server/src/__fixtures__/browser';
import { API_KEY, BRAND } from '../../packages/server/src/__fixtures__/server-fixtures';

const NOW = new Date('2026-11-20T10:00:00Z');
const DAY = 86_400_000;

describeInChromium('push subscriptions on the dashboard Health page in Chromium', () => {
  let running: BrowserServer | undefined;
  let server: RunningWismoServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    running = await startBrowserServer({
      now: () => NOW,
      seed: async (store) => {
        await store.pushSubscriptions.record({
          shopId: 'default',
          carrier: 'ups',
          trackingNumbers: ['1ZA', '1ZB'],
          state: 'active',
          expiresAt: new Date(NOW.getTime() + DAY),
          renewAt: NOW,
          at: new Date(NOW.getTime() - 13 * DAY),
        });
        await store.pushSubscriptions.record({
          shopId: 'default',
          carrier: 'usps',
          trackingNumbers: ['9400100000000000000001'],
          state: 'suspended',
          renewAt: new Date(NOW.getTime() + 5 * 60_000),
          error: 'USPS Subscriptions answered HTTP 503',
          at: NOW,
        });
      },
      apiKeys: [API_KEY],
      brand: BRAND,
      dashboard: { loginSecret: 'dashboard-login-secret-subscriptions-browser-01' },
    });
    ({ server, browser } = running);
    const context = await browser.newContext({ bypassCSP: true, locale: 'en-US', viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    const created = await fetch(`${server.url}/v1/dashboard/login-links`, {
      method: 'POST',
      headers: { authorization: `Bearer ${API_KEY}` },
    });
    await page.goto(`${server.url}${((await created.json()) as { url: string }).url}`);
  }, 60_000);

  afterAll(() => running?.close());

  it('lists each carrier’s subscriptions with their state and next renewal, accessibly, in English and Spanish', async () => {
    await page.goto(`${server.url}/dashboard/health?lang=en`);
    const rows = page.locator('#subscriptions-table tbody tr');
    expect(await rows.count()).toBe(2);
    expect((await rows.nth(0).locator('th, td').allTextContents()).map((text) => text.trim())).toEqual([
      'UPS',
      '0',
      '2',
      '0',
      '0',
      '0',
      '2026-11-20 10:00 UTC',
    ]);
    expect((await rows.nth(1).locator('th, td').allTextContents())[4]?.trim()).toBe('1');
    const report = await checkAccessibility(page);
    expect(
      report.violations.map((violation) => `${violation.impact} ${violation.id}`),
      report.summary.join('\n'),
    ).toEqual([]);
    await screenshot(page, 'dashboard-health-subscriptions');
    await page.goto(`${server.url}/dashboard/health?lang=es`);
    await expect(page.locator('#subscriptions-heading').textContent()).resolves.toBe('Suscripciones push');
  });
});
