// One helpdesk iframe panel in real Chromium: the Zendesk ticket sidebar of @wismo/helpdesk, mounted by
// @wismo/server under /helpdesk and entered with a validly signed Zendesk (ZAF) token, as Zendesk posts it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningWismoServer } from '@wismo/server';
import { checkAccessibility, chromiumAvailable, chromiumSkipReason, launchChromium, screenshot, type Browser, type BrowserContext, type Page } from '../../packages/server/src/__fixtures__/browser';
import { API_KEY, BRAND, FIXED_NOW, SESSION_SECRET, startTestCarriers, ZENDESK, zendeskToken, type TestSetup } from '../../packages/server/src/__fixtures__/server-fixtures';

const available = chromiumAvailable();
if (!available) console.warn(`\n⚠ test/browser/helpdesk-panel.test.ts: ${chromiumSkipReason()}\n`);
const describeInChromium = available ? describe : describe.skip;

describeInChromium(available ? 'Zendesk sidebar panel in Chromium' : `Zendesk sidebar panel in Chromium (${chromiumSkipReason()})`, () => {
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
    expect(report.violations.map((violation) => `${violation.impact} ${violation.id}`), report.summary.join('\n')).toEqual([]);
  });

  it('refuses a token signed with the wrong secret', async () => {
    const status = await postToPanel(zendeskToken('http://127.0.0.1/helpdesk/zendesk', FIXED_NOW, 'wrong-secret'), 'anna.schmidt@example.de');
    expect(status).toBe(401);
    expect(await page.locator('body').innerText()).not.toContain('Anna');
    await screenshot(page, 'helpdesk-zendesk-refused');
  });
});
