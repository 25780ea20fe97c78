import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  API_KEY,
  BRAND,
  FIXED_NOW,
  SESSION_SECRET,
  startTestCarriers,
  ZENDESK,
  zendeskToken,
  type TestSetup,
} from './__fixtures__/server-fixtures';
import { createWismoServer, type WismoServer } from './create-server';

describe('helpdesk panels mounted under /helpdesk', () => {
  let setup: TestSetup;
  let server: WismoServer;
  const publicBaseUrl = 'https://track.example.com';

  beforeAll(async () => {
    setup = await startTestCarriers();
    server = createWismoServer({
      tracker: setup.tracker,
      orders: setup.orders,
      apiKeys: [API_KEY],
      brand: BRAND,
      publicBaseUrl,
      helpdesk: { secrets: { zendesk: { sharedSecret: ZENDESK.sharedSecret, appOrigin: ZENDESK.origin } }, sessionSecret: SESSION_SECRET },
      now: () => FIXED_NOW,
    });
  });
  afterAll(() => setup.close());

  function openPanel(token: string): Promise<Response> {
    return Promise.resolve(
      server.fetch(
        new Request(`${publicBaseUrl}/helpdesk/zendesk`, {
          method: 'POST',
          headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ token, email: 'anna.schmidt@example.de' }),
        }),
      ),
    );
  }

  it('serves the Zendesk sidebar for a validly signed token, with the shared order-view service', async () => {
    const response = await openPanel(zendeskToken(`${publicBaseUrl}/helpdesk/zendesk`, FIXED_NOW));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain('frame-ancestors https://acme.zendesk.com');
    const page = await response.text();
    expect(page).toContain('1001');
    expect(page).toContain('Anna');
  });

  it('refuses a token signed with another secret', async () => {
    const response = await openPanel(zendeskToken(`${publicBaseUrl}/helpdesk/zendesk`, FIXED_NOW, 'not-the-secret'));
    expect(response.status).toBe(401);
    expect(await response.text()).not.toContain('Anna');
  });

  it('leaves unconfigured helpdesks unrouted, and the API and page untouched', async () => {
    expect((await server.fetch(new Request(`${publicBaseUrl}/helpdesk/gorgias`))).status).toBe(404);
    expect((await server.fetch(new Request(`${publicBaseUrl}/track`))).status).toBe(200);
  });

  it('needs a public URL to mount the panels', () => {
    expect(() =>
      createWismoServer({
        tracker: setup.tracker,
        orders: setup.orders,
        apiKeys: [API_KEY],
        brand: BRAND,
        helpdesk: { secrets: {}, sessionSecret: SESSION_SECRET },
      }),
    ).toThrow(/publicBaseUrl/);
  });
});
