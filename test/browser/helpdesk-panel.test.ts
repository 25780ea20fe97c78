// One helpdesk iframe panel in real Chromium: the Zendesk ticket sidebar of @wismo/helpdesk, mounted by
// @wismo/server under /helpdesk and entered with a validly signed Zendesk (ZAF) token, as Zendesk posts it.
import { createServer, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startServer, type RunningWismoServer } from '@wismo/server';
import {
  checkAccessibility,
  describeInChromium,
  launchChromium,
  screenshot,
  type Browser,
  type BrowserContext,
  type Page,
} from '../../packages/server/src/__fixtures__/browser';
import {
  API_KEY,
  BRAND,
  FIXED_NOW,
  SESSION_SECRET,
  startTestCarriers,
  ZENDESK,
  zendeskToken,
  type TestSetup,
} from '../../packages/server/src/__fixtures__/server-fixtures';

/** A port nothing listens on right now (the bootstrap test needs its public URL before it starts). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

describeInChromium('Zendesk sidebar panel in Chromium', () => {
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
      brand: BRAND,
      helpdesk: { secrets: { zendesk: { sharedSecret: ZENDESK.sharedSecret, appOrigin: ZENDESK.origin } }, sessionSecret: SESSION_SECRET },
      publicBaseUrl: 'http://127.0.0.1',
      now: () => FIXED_NOW,
    });
    browser = await launchChromium();
    context = await browser.newContext({ bypassCSP: true, locale: 'en-US', viewport: { width: 360, height: 700 } });
    page = await context.newPage();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await setup?.close();
  });

  /** What Zendesk does on the app's first load: a form POST of the signed token (plus, here, the requester's email). */
  async function postToPanel(token: string, email: string): Promise<number> {
    const action = `${server.url}/helpdesk/zendesk`;
    await page.setContent(
      `<form method="post" action="${action}"><input name="token" value="${token}"><input name="email" value="${email}"><input name="locale" value="en-US"><button type="submit">Open</button></form>`,
    );
    const [response] = await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Open' }).click()]);
    return response?.status() ?? 0;
  }

  it('renders the order of the ticket’s requester for a signed token, accessible', async () => {
    // The token's audience is the app URL Zendesk was configured with: the helpdesk's public URL.
    const status = await postToPanel(zendeskToken('http://127.0.0.1/helpdesk/zendesk', FIXED_NOW), 'anna.schmidt@example.de');
    expect(status).toBe(200);
    const text = await page.locator('body').innerText();
    expect(text).toContain('1001');
    expect(text).toContain('Anna');
    expect(text).toMatch(/DHL/);
    await screenshot(page, 'helpdesk-zendesk-panel');
    // The panel is an iframe document inside Zendesk's ticket page, whose own heading structure has the
    // level-one heading; that page-level best practice does not apply to the sidebar fragment.
    const report = await checkAccessibility(page);
    if (report.summary.length > 0) console.warn(`axe on the Zendesk panel:\n  ${report.summary.join('\n  ')}`);
    expect(
      report.violations.map((violation) => `${violation.impact} ${violation.id}`),
      report.summary.join('\n'),
    ).toEqual([]);
  });

  it('bootstraps through ZAF in a real page: the requester’s email and the session are posted, never in a URL', async () => {
    // A server whose public URL is its real address: the bootstrap page posts to it.
    const port = await freePort();
    const zafServer = await startServer({
      port,
      host: '127.0.0.1',
      tracker: setup.tracker,
      orders: setup.orders,
      carriers: setup.carriers,
      apiKeys: [API_KEY],
      brand: BRAND,
      helpdesk: { secrets: { zendesk: { sharedSecret: ZENDESK.sharedSecret, appOrigin: ZENDESK.origin } }, sessionSecret: SESSION_SECRET },
      publicBaseUrl: `http://127.0.0.1:${port}`,
      now: () => FIXED_NOW,
    });
    // The page's own CSP is enforced here (no bypass): the ZAF SDK, one nonce'd script, forms to the panel only.
    const strictContext = await browser.newContext({ locale: 'en-US', viewport: { width: 360, height: 700 } });
    try {
      const zafPage = await strictContext.newPage();
      // Zendesk's SDK, as far as the bootstrap uses it: the ticket requester and the agent's locale.
      await zafPage.route('https://static.zdassets.com/**', (route) =>
        route.fulfill({
          contentType: 'application/javascript',
          body: 'window.ZAFClient={init:function(){return {get:function(){return Promise.resolve({"ticket.requester.email":"anna.schmidt@example.de","currentUser.locale":"en-US"});}};}};',
        }),
      );
      const requested: string[] = [];
      zafPage.on('request', (request) => requested.push(request.url()));
      const token = zendeskToken(`http://127.0.0.1:${port}/helpdesk/zendesk`, FIXED_NOW);
      await zafPage.setContent(
        `<form method="post" action="http://127.0.0.1:${port}/helpdesk/zendesk"><input name="token" value="${token}"><button type="submit">Open</button></form>`,
      );
      await Promise.all([
        zafPage.waitForURL(`http://127.0.0.1:${port}/helpdesk/zendesk/panel`),
        zafPage.getByRole('button', { name: 'Open' }).click(),
      ]);
      const text = await zafPage.locator('body').innerText();
      expect(text).toContain('1001');
      expect(text).toContain('Anna');
      expect(requested.some((url) => url.endsWith('/helpdesk/zendesk/panel'))).toBe(true);
      for (const url of requested) expect(url).not.toMatch(/anna|%40|[?&](s|email)=/i);
      await screenshot(zafPage, 'helpdesk-zendesk-bootstrapped');
    } finally {
      await strictContext.close();
      await zafServer.close();
    }
  });

  it('refuses a token signed with the wrong secret', async () => {
    const status = await postToPanel(
      zendeskToken('http://127.0.0.1/helpdesk/zendesk', FIXED_NOW, 'wrong-secret'),
      'anna.schmidt@example.de',
    );
    expect(status).toBe(401);
    expect(await page.locator('body').innerText()).not.toContain('Anna');
    await screenshot(page, 'helpdesk-zendesk-refused');
  });
});
