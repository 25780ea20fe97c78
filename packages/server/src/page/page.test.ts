import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_NUMBERS } from '@wismo/testkit';
import { API_KEY, BRAND, FIXED_NOW, startTestCarriers, type TestSetup } from '../__fixtures__/server-fixtures';
import { createWismoServer, type WismoServer, type WismoServerOptions } from '../create-server';
import type { UpsellContext } from './brand';

const BASE = 'http://wismo.test';
const DHL_IN_TRANSIT = SANDBOX_NUMBERS.dhl.in_transit;

describe('tracking page', () => {
  let setup: TestSetup;
  let server: WismoServer;
  const upsellCalls: UpsellContext[] = [];

  function make(overrides: Partial<WismoServerOptions> = {}): WismoServer {
    return createWismoServer({
      tracker: setup.tracker,
      orders: setup.orders,
      carriers: setup.carriers,
      apiKeys: [API_KEY],
      brand: {
        ...BRAND,
        upsell: (context) => {
          upsellCalls.push(context);
          return context.tier === 'order'
            ? '<p class="promo">Socks to go with your <em>order</em></p>'
            : '<p class="promo">10% off your next order</p>';
        },
      },
      now: () => FIXED_NOW,
      ...overrides,
    });
  }

  async function get(path: string, headers: Record<string, string> = {}, target = server): Promise<Response> {
    return target.fetch(new Request(`${BASE}${path}`, { headers, redirect: 'manual' }));
  }

  async function lookup(fields: Record<string, string>, target = server, prefix = ''): Promise<Response> {
    return target.fetch(
      new Request(`${BASE}${prefix}/orders/lookup`, { method: 'POST', body: new URLSearchParams(fields), redirect: 'manual' }),
    );
  }

  beforeAll(async () => {
    setup = await startTestCarriers();
    server = make();
  });
  afterAll(() => setup.close());

  describe('the form', () => {
    it('serves both forms with labels, a skip link and the page language', async () => {
      const response = await get('/track');
      expect(response.status).toBe(200);
      const page = await response.text();
      expect(page).toContain('<html lang="en"');
      expect(page).toContain('<a class="skip-link" href="#main">Skip to main content</a>');
      expect(page).toContain('<label for="tracking-number">Tracking number</label>');
      expect(page).toContain('<label for="order-number">Order number</label>');
      expect(page).toContain('<label for="order-email">Email address</label>');
      expect(page).toContain('<label for="order-postcode">Postcode</label>');
      expect(page).toContain('<title>Track your parcel – Nordlicht Outdoor</title>');
    });

    it('redirects a submitted number to the parcel’s own address, keeping the language', async () => {
      const response = await get(`/de/track?number=${encodeURIComponent(' 0034 0400 0002 7182 8405 ')}&carrier=dhl`);
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe(`/de/track/dhl/${DHL_IN_TRANSIT}`);
    });

    it('shows a field error for an unusable number', async () => {
      const response = await get('/track?number=%3Cscript%3E');
      expect(response.status).toBe(400);
      const page = await response.text();
      expect(page).toContain('aria-invalid="true"');
      expect(page).toContain('role="alert"');
      expect(page).toContain('value="&lt;script&gt;"');
      expect(page).not.toContain('<script>');
    });

    it('sets a strict CSP and never sends the referrer', async () => {
      const response = await get('/track');
      expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(response.headers.get('content-security-policy')).not.toContain('script-src');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    });
  });

  describe('parcel tier (tracking number only)', () => {
    it('shows status, milestones with the current step, ETA, carrier contact and scans', async () => {
      const response = await get(`/track/dhl/${DHL_IN_TRANSIT}`);
      expect(response.status).toBe(200);
      const page = await response.text();
      expect(page).toMatch(
        /<li class="current" aria-current="step"><span class="marker" aria-hidden="true">2<\/span><span class="step-label">On its way<\/span><span class="step-state">Current step<\/span><\/li>/,
      );
      expect(page).toContain('<span class="step-label">Label created</span><span class="step-state">Done</span>');
      expect(page).toContain('Expected delivery');
      expect(page).toContain('Questions about the delivery?');
      expect(page).toContain('Tracking history');
      expect(page).toContain('<ol class="timeline">');
      expect(page).toContain('Times are shown in Central European Time (Europe/Berlin).');
    });

    it('never shows order or customer data, even for a number that belongs to an order', async () => {
      const page = await (await get(`/track/dhl/${DHL_IN_TRANSIT}`)).text();
      for (const secret of ['Anna', 'Schmidt', 'anna.schmidt@example.de', '04109', 'Trailrunner', 'Order 1001', 'order 1001', 'ord_1001'])
        expect(page, secret).not.toContain(secret);
      expect(upsellCalls.at(-1)).toMatchObject({ tier: 'parcel', orderNumber: null, items: [], carrier: 'dhl', status: 'in_transit' });
    });

    it('detects the carrier when the URL names none', async () => {
      const page = await (await get(`/track/${SANDBOX_NUMBERS.ups.delivered}`)).text();
      expect(page).toContain('UPS · tracking number');
      expect(page).toMatch(/<li class="current" aria-current="step">.*Delivered/);
    });

    it('shows a delay banner in words for an exception, as an alert', async () => {
      const page = await (await get(`/track/ups/${SANDBOX_NUMBERS.ups.exception}`)).text();
      expect(page).toMatch(/<div class="banner problem" role="alert"[^>]*>/);
      expect(page).toContain('Delivery update');
      expect(page).toContain('Needs attention');
    });

    it('answers unknown numbers, unknown carriers and carrier outages with pages, not stack traces', async () => {
      const missing = await get(`/track/dhl/${SANDBOX_NUMBERS.dhl.not_found}`);
      expect(missing.status).toBe(404);
      expect(await missing.text()).toContain('We could not find this parcel');
      const carrier = await get('/track/postnl/3SABCD1234567');
      expect(carrier.status).toBe(404);
      const down = await get('/track/acme/ACME0503');
      expect(down.status).toBe(503);
      expect(down.headers.get('retry-after')).toBe('60');
      expect(await down.text()).toContain('Tracking is not available right now');
    });

    it('renders the merchant’s upsell slot', async () => {
      const page = await (await get(`/track/dhl/${DHL_IN_TRANSIT}`)).text();
      expect(page).toContain('<aside class="upsell" aria-label="Recommended for you"><p class="promo">10% off your next order</p></aside>');
    });
  });

  describe('order tier (order number + email or postcode)', () => {
    it('refuses a wrong email and an unknown order with the same answer', async () => {
      const wrongEmail = await lookup({ orderNumber: '1001', email: 'someone@example.de' });
      const unknownOrder = await lookup({ orderNumber: '9999', email: 'anna.schmidt@example.de' });
      expect(wrongEmail.status).toBe(404);
      expect(unknownOrder.status).toBe(404);
      const [a, b] = [await wrongEmail.text(), await unknownOrder.text()];
      expect(a).toContain('We could not find an order with these details.');
      expect(b).toContain('We could not find an order with these details.');
      expect(a).not.toContain('Anna');
    });

    it('asks for the missing fields', async () => {
      const response = await lookup({ orderNumber: '', email: '', postcode: '' });
      expect(response.status).toBe(422);
      const page = await response.text();
      expect(page).toContain('Enter your order number.');
      expect(page).toContain('Enter the email address or the postcode of the order.');
    });

    it('unlocks the order with the right email (any case) and shows details', async () => {
      const response = await lookup({ orderNumber: '#1001', email: ' Anna.Schmidt@Example.DE ' }, server, '/de');
      expect(response.status).toBe(303);
      const location = response.headers.get('location')!;
      expect(location).toMatch(/^\/de\/orders\/view\?access=/);
      expect(location).not.toContain('example');
      const page = await (await get(location)).text();
      expect(page).toContain('<html lang="de"');
      expect(page).toContain('Bestellung 1001');
      expect(page).toContain('Hallo Anna,');
      expect(page).toContain('Trailrunner GTX, Gr. 42');
      expect(page).toContain('Bestellt am Freitag, 27. März');
      expect(page).toContain('id="order-answer"');
      expect(upsellCalls.at(-1)).toMatchObject({
        tier: 'order',
        orderNumber: '1001',
        items: [{ id: 'li_1', name: 'Trailrunner GTX, Gr. 42', quantity: 1 }],
      });
    });

    it('unlocks with the postcode, shows every parcel, and escapes the shop’s data', async () => {
      const response = await lookup({ orderNumber: 'us-1002', postcode: '98101' });
      expect(response.status).toBe(303);
      const page = await (await get(response.headers.get('location')!, { 'accept-language': 'en-US,en;q=0.8' })).text();
      expect(page).toContain('Parcel 1 of 2');
      expect(page).toContain('Parcel 2 of 2');
      expect(page).toContain('Wool beanie &lt;b&gt;limited&lt;/b&gt;');
      expect(page).not.toContain('<b>limited</b>');
      // Times in the customer's zone (New York), with the US clock of en-US.
      expect(page).toContain('Times are shown in Eastern Time (America/New_York).');
      expect(page).toMatch(/\d{1,2}:\d{2}\s?[AP]M/);
    });

    it('can refuse postcodes', async () => {
      const strict = make({ allowPostcodeLookup: false });
      expect((await lookup({ orderNumber: 'US-1002', postcode: '98101' }, strict)).status).toBe(422);
    });

    it('rejects forged or foreign access tokens', async () => {
      const response = await lookup({ orderNumber: '1001', email: 'anna.schmidt@example.de' });
      const location = response.headers.get('location')!;
      const forged = location.replace(/access=([^.]+)/, `access=${Buffer.from('ord_1002').toString('base64url')}`);
      const page = await (await get(forged)).text();
      expect(page).toContain('For your privacy');
      expect(page).not.toContain('Jordan');
      // A token of another server (another secret) is worthless here.
      const other = make({ pageSecret: 'another-secret-another-secret-123' });
      expect(await (await get(location, {}, other)).text()).toContain('For your privacy');
    });

    /** Every URL the page links to or posts to. */
    const urlsIn = (page: string) => [...page.matchAll(/(?:href|action|src)="([^"]*)"/g)].map((match) => match[1]!);

    it('never puts the email in a URL: a failed lookup’s language links carry no query', async () => {
      const response = await lookup({ orderNumber: '1001', email: 'someone.else@example.de', postcode: '99999' }, server, '/de');
      expect(response.status).toBe(404);
      const page = await response.text();
      for (const url of urlsIn(page)) expect(url).not.toMatch(/someone|example|%40|@|99999/);
    });

    it('takes the email only from POST: a GET link with an email unlocks nothing and echoes nothing', async () => {
      for (const path of [
        '/orders/lookup?orderNumber=1001&email=anna.schmidt%40example.de',
        '/de/orders/lookup?orderNumber=1001&email=anna.schmidt%40example.de&postcode=04109',
      ]) {
        const response = await get(path);
        expect(response.status, path).toBe(303);
        const location = response.headers.get('location')!;
        expect(location).not.toMatch(/anna|example|%40|@|04109|access=/);
        const page = await (await get(location)).text();
        expect(page).not.toMatch(/anna|example\.de|04109/i);
        for (const url of urlsIn(page)) expect(url).not.toMatch(/email|postcode|%40/);
        // The order number from the link is kept in the form, ready for the email.
        expect(page).toMatch(/id="order-number"[^>]*value="1001"/);
      }
    });

    it('does not link again a path or a query that is not a parcel’s (an email typed into the wrong place)', async () => {
      for (const path of [
        '/de/track/acme/anna.schmidt%40example.de',
        '/track/anna.schmidt%40example.de/123',
        `/track?number=anna.schmidt%40example.de`,
        '/orders/lookup?orderNumber=anna.schmidt%40example.de&email=x%40y.z',
      ]) {
        const response = await get(path);
        const location = response.headers.get('location');
        if (location) expect(location, path).not.toMatch(/anna|%40|@/);
        for (const url of urlsIn(await response.text())) expect(url, path).not.toMatch(/anna|%40|@/);
      }
    });

    it('prefills the order number from a GET link without looking anything up', async () => {
      const response = await get('/orders/lookup?orderNumber=1001');
      expect(response.status).toBe(200);
      const page = await response.text();
      expect(page).toMatch(/id="order-number"[^>]*value="1001"/);
      expect(page).not.toContain('Enter the email address');
    });
  });

  describe('locale', () => {
    it('takes the URL first, then ?lang=, then Accept-Language, then the shop default', async () => {
      const lang = async (path: string, acceptLanguage?: string) =>
        /<html lang="(\w+)"/.exec(await (await get(path, acceptLanguage ? { 'accept-language': acceptLanguage } : {})).text())?.[1];
      expect(await lang('/nl/track', 'de-DE,de;q=0.9')).toBe('nl');
      expect(await lang('/track?lang=fr', 'de-DE,de;q=0.9')).toBe('fr');
      expect(await lang('/track', 'pt-BR, es;q=0.8, de;q=0.5')).toBe('es');
      expect(await lang('/track', 'ja')).toBe('en');
      const german = make({ brand: { ...BRAND, defaultLocale: 'de' } });
      expect(/<html lang="(\w+)"/.exec(await (await get('/track', {}, german)).text())?.[1]).toBe('de');
    });

    it('links every language from every page, marking the current one', async () => {
      const page = await (await get(`/nl/track/dhl/${DHL_IN_TRANSIT}`)).text();
      expect(page).toContain(`<a href="/de/track/dhl/${DHL_IN_TRANSIT}" lang="de" hreflang="de">Deutsch</a>`);
      expect(page).toContain(`<a href="/nl/track/dhl/${DHL_IN_TRANSIT}" lang="nl" hreflang="nl" aria-current="true">Nederlands</a>`);
      expect(page).toContain('Huidige stap');
      expect(page).toContain('Verwachte bezorging');
    });
  });

  describe('rate limiting', () => {
    it('limits lookups per client with a 429 page and Retry-After', async () => {
      const limited = make({ rateLimit: { lookupsPerMinute: 2 }, clientKey: (c) => c.req.header('x-test-client') ?? null });
      const client = { 'x-test-client': 'a' };
      expect((await get(`/track/dhl/${DHL_IN_TRANSIT}`, client, limited)).status).toBe(200);
      expect((await get(`/track/dhl/${DHL_IN_TRANSIT}`, client, limited)).status).toBe(200);
      const third = await get(`/track/dhl/${DHL_IN_TRANSIT}`, client, limited);
      expect(third.status).toBe(429);
      expect(Number(third.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(await third.text()).toContain('Too many lookups');
      // Another client is not affected; the form itself is not a lookup.
      expect((await get(`/track/dhl/${DHL_IN_TRANSIT}`, { 'x-test-client': 'b' }, limited)).status).toBe(200);
      expect((await get('/track', client, limited)).status).toBe(200);
      // Order lookups draw from the same bucket.
      expect(
        (
          await limited.fetch(
            new Request(`${BASE}/orders/lookup`, {
              method: 'POST',
              headers: client,
              body: new URLSearchParams({ orderNumber: '1001', email: 'x@y.z' }),
            }),
          )
        ).status,
      ).toBe(429);
    });

    it('only trusts X-Forwarded-For behind a proxy', async () => {
      const direct = make({ rateLimit: { lookupsPerMinute: 1 } });
      await get(`/track/dhl/${DHL_IN_TRANSIT}`, { 'x-forwarded-for': '203.0.113.1' }, direct);
      // Without trustProxy the header is ignored: both requests are the same (unknown) client.
      expect((await get(`/track/dhl/${DHL_IN_TRANSIT}`, { 'x-forwarded-for': '203.0.113.2' }, direct)).status).toBe(429);
      const proxied = make({ rateLimit: { lookupsPerMinute: 1 }, trustProxy: true });
      await get(`/track/dhl/${DHL_IN_TRANSIT}`, { 'x-forwarded-for': '203.0.113.1' }, proxied);
      expect((await get(`/track/dhl/${DHL_IN_TRANSIT}`, { 'x-forwarded-for': '203.0.113.2' }, proxied)).status).toBe(200);
      expect((await get(`/track/dhl/${DHL_IN_TRANSIT}`, { 'x-forwarded-for': 'spoofed, 203.0.113.1' }, proxied)).status).toBe(429);
    });
  });

  describe('brand', () => {
    it('adjusts unreadable colours and says so', async () => {
      const warnings: string[] = [];
      const pale = make({
        brand: { ...BRAND, colors: { primary: '#ffd400', background: '#ffffff', text: '#bbbbbb' } },
        logger: { warn: (message) => warnings.push(message) },
      });
      expect(pale.brand.adjustments).toHaveLength(2);
      expect(warnings).toHaveLength(2);
      expect(pale.brand.theme.onPrimary).toBe('#000000');
      const page = await (await get('/track', {}, pale)).text();
      expect(page).toContain(`--text:${pale.brand.theme.text}`);
    });

    it('rejects colours that are not colours, unsafe logo URLs and unknown languages', () => {
      expect(() => make({ brand: { ...BRAND, colors: { ...BRAND.colors, primary: 'red;}body{display:none' } } })).toThrow(/hex colour/);
      expect(() => make({ brand: { ...BRAND, logoUrl: 'javascript:alert(1)' } })).toThrow(/logoUrl/);
      expect(() => make({ brand: { ...BRAND, defaultLocale: 'pt' } })).toThrow(/defaultLocale/);
      expect(() => make({ brand: { ...BRAND, timeZone: 'Mars/Olympus' } })).toThrow(/timeZone/);
    });

    it('shows the logo with the brand name', async () => {
      const withLogo = make({ brand: { ...BRAND, logoUrl: 'https://cdn.example.com/logo.svg', homeUrl: 'https://shop.example.com' } });
      const page = await (await get('/track', {}, withLogo)).text();
      expect(page).toContain(
        '<a class="brand" href="https://shop.example.com/"><img src="https://cdn.example.com/logo.svg" alt="" width="36" height="36"><span>Nordlicht Outdoor</span></a>',
      );
    });
  });

  it('serves a 404 page for unknown page paths in the visitor’s language', async () => {
    const response = await get('/de/nothing');
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('Seite nicht gefunden');
  });
});
