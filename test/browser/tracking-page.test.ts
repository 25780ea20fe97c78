// The branded tracking page in real Chromium (Debian's `chromium`, driven by playwright-core): the current
// milestone, the privacy gate, a locale switch, screenshots in test/artifacts/ and an axe-core check.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startServer, type RunningWismoServer } from '@wismo/server';
import { SANDBOX_NUMBERS } from '@wismo/testkit';
import {
  checkAccessibility,
  describeInChromium,
  launchChromium,
  screenshot,
  type Browser,
  type BrowserContext,
  type Page,
} from '../../packages/server/src/__fixtures__/browser';
import { API_KEY, BRAND, FIXED_NOW, startTestCarriers, type TestSetup } from '../../packages/server/src/__fixtures__/server-fixtures';

const GERMAN_DATE =
  /(Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag), \d{1,2}\. (Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)/;
const DUTCH_DATE =
  /(maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag) \d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)/;

describeInChromium('tracking page in Chromium', () => {
  let setup: TestSetup;
  let server: RunningWismoServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    setup = await startTestCarriers();
    server = await startServer({
      port: 0,
      host: '127.0.0.1',
      tracker: setup.tracker,
      orders: setup.orders,
      carriers: setup.carriers,
      apiKeys: [API_KEY],
      brand: {
        ...BRAND,
        upsell: ({ tier }) =>
          tier === 'order' ? '<h2>You might also like</h2><p><a href="https://shop.example.com/socks">Merino hiking socks</a></p>' : null,
      },
      now: () => FIXED_NOW,
    });
    browser = await launchChromium();
    // The page's CSP allows no scripts at all: axe-core is injected with the CSP bypassed.
    context = await browser.newContext({ bypassCSP: true, locale: 'en-US', viewport: { width: 1024, height: 800 } });
    page = await context.newPage();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await setup?.close();
  });

  async function expectAccessible(name: string): Promise<void> {
    const report = await checkAccessibility(page);
    if (report.summary.length > 0) console.warn(`axe on ${name}:\n  ${report.summary.join('\n  ')}`);
    expect(
      report.violations.map((violation) => `${violation.impact} ${violation.id}`),
      report.summary.join('\n'),
    ).toEqual([]);
  }

  it('the accessibility check finds real violations (so a pass means something)', async () => {
    await page.setContent(
      '<!doctype html><html><head><title>broken</title></head><body><main><input type="text"><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><p style="color:#bbb;background:#fff">low contrast</p></main></body></html>',
    );
    const report = await checkAccessibility(page);
    expect(report.violations.map((violation) => violation.id)).toEqual(
      expect.arrayContaining(['label', 'image-alt', 'color-contrast', 'html-has-lang']),
    );
  });

  it('shows the current milestone of a parcel looked up by tracking number', async () => {
    await page.goto(`${server.url}/track`);
    await page.getByLabel('Tracking number').fill(SANDBOX_NUMBERS.dhl.in_transit);
    await page.getByRole('button', { name: 'Track parcel' }).click();
    await page.waitForURL(`**/en/track/${SANDBOX_NUMBERS.dhl.in_transit}`);
    const current = page.locator('ol.steps [aria-current="step"]');
    await expect.poll(() => current.count()).toBe(1);
    expect(await current.innerText()).toMatch(/On its way\s+Current step/);
    expect(await page.locator('ol.steps li').allInnerTexts()).toEqual([
      expect.stringMatching(/Label created\s+Done/),
      expect.stringMatching(/On its way/),
      expect.stringMatching(/Out for delivery\s+Not yet/),
      expect.stringMatching(/Delivered\s+Not yet/),
    ]);
    expect(await page.locator('#parcel-status').innerText()).toContain('In transit');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Your parcel');
    await screenshot(page, 'tracking-parcel-en');
    await expectAccessible('parcel page');
  });

  it('shows a delay banner in words, not by colour alone', async () => {
    await page.goto(`${server.url}/en/track/ups/${SANDBOX_NUMBERS.ups.exception}`);
    const banner = page.getByRole('alert');
    expect(await banner.innerText()).toContain('Delivery update');
    await screenshot(page, 'tracking-parcel-exception');
    await expectAccessible('exception page');
  });

  it('gates order details: number only shows none, a wrong email is refused, the right one unlocks', async () => {
    // Tracking number only: the parcel, never the order or the customer.
    await page.goto(`${server.url}/en/track/dhl/${SANDBOX_NUMBERS.dhl.in_transit}`);
    const parcelOnly = await page.locator('main').innerText();
    for (const privateText of ['Anna', 'Schmidt', 'Trailrunner', 'Order 1001', 'anna.schmidt'])
      expect(parcelOnly).not.toContain(privateText);

    // Order number + wrong email.
    await page.getByRole('link', { name: 'See your order' }).click();
    await page.getByLabel('Order number').fill('1001');
    await page.getByLabel('Email address').fill('mallory@example.com');
    await page.getByRole('button', { name: 'Show my order' }).click();
    await page.waitForLoadState();
    const refused = await page.locator('main').innerText();
    expect(refused).toContain('We could not find an order with these details.');
    expect(refused).not.toContain('Anna');
    expect(await page.getByRole('alert').count()).toBe(1);
    await screenshot(page, 'tracking-order-refused');
    await expectAccessible('refused lookup');

    // Order number + the right email (typed in another case).
    await page.getByLabel('Email address').fill('Anna.Schmidt@example.de');
    await page.getByRole('button', { name: 'Show my order' }).click();
    await page.waitForURL('**/en/orders/view?access=*');
    expect(page.url()).not.toContain('example.de');
    const unlocked = await page.locator('main').innerText();
    expect(unlocked).toContain('Order 1001');
    expect(unlocked).toContain('Hello Anna,');
    expect(unlocked).toContain('Trailrunner GTX, Gr. 42');
    expect(await page.locator('#order-stage').innerText()).toContain('In transit');
    expect(await page.getByRole('complementary', { name: 'Recommended for you' }).innerText()).toContain('Merino hiking socks');
    await screenshot(page, 'tracking-order-unlocked');
    await expectAccessible('order page');
  });

  it('switches language from the page: German, then Dutch text and dates', async () => {
    await page.goto(`${server.url}/track/dhl/${SANDBOX_NUMBERS.dhl.in_transit}`);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: 'Deutsch' }).click();
    await page.waitForURL(`**/de/track/dhl/${SANDBOX_NUMBERS.dhl.in_transit}`);
    expect(await page.locator('html').getAttribute('lang')).toBe('de');
    expect(await page.locator('[aria-current="step"]').innerText()).toMatch(/Unterwegs\s+Aktueller Schritt/);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Ihr Paket');
    const germanTimeline = await page.locator('ol.timeline').innerText();
    expect(germanTimeline).toMatch(GERMAN_DATE);
    expect(germanTimeline).toMatch(/\d{1,2}:\d{2} Uhr/);
    await screenshot(page, 'tracking-parcel-de');
    await expectAccessible('German parcel page');

    await page.getByRole('navigation', { name: 'Sprache' }).getByRole('link', { name: 'Nederlands' }).click();
    await page.waitForURL('**/nl/track/**');
    expect(await page.locator('html').getAttribute('lang')).toBe('nl');
    expect(await page.locator('[aria-current="step"]').innerText()).toMatch(/Onderweg\s+Huidige stap/);
    expect(await page.locator('ol.timeline').innerText()).toMatch(DUTCH_DATE);
    await screenshot(page, 'tracking-parcel-nl');
  });

  it('takes the language from Accept-Language and keeps the form accessible with errors shown', async () => {
    const french = await browser.newContext({ bypassCSP: true, locale: 'fr-FR' });
    const frenchPage = await french.newPage();
    try {
      await frenchPage.goto(`${server.url}/track`);
      expect(await frenchPage.locator('html').getAttribute('lang')).toBe('fr');
      await frenchPage.getByRole('button', { name: 'Afficher ma commande' }).click();
      await frenchPage.waitForLoadState();
      expect(await frenchPage.locator('.error-summary').innerText()).toContain('Saisissez votre numéro de commande.');
      await screenshot(frenchPage, 'tracking-form-errors-fr');
      const report = await checkAccessibility(frenchPage);
      if (report.summary.length > 0) console.warn(`axe on the French form:\n  ${report.summary.join('\n  ')}`);
      expect(report.violations.map((violation) => violation.id)).toEqual([]);
    } finally {
      await french.close();
    }
  });
});
