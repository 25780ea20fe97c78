import { createHmac, generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '@wismo/core';
import { ANNA, BEN, NOW, world, type World } from '../__fixtures__/fixtures';
import { createHelpdeskApp } from '../app';

const ZENDESK_SECRET = 'zendesk-shared-secret-0011223344';
const FRESHDESK_SECRET = 'freshdesk-shared-secret-abcdef';
const NOW_SECONDS = NOW.getTime() / 1000;

function createApp(w: World) {
  return createHelpdeskApp({
    service: w.service,
    secrets: {
      zendesk: { sharedSecret: ZENDESK_SECRET, appOrigin: 'https://acme.zendesk.com' },
      freshdesk: { sharedSecret: FRESHDESK_SECRET },
    },
    publicBaseUrl: 'https://wismo.example/helpdesk',
    sessionSecret: 'session-secret-0123456789abcdef0123456789',
    now: () => w.clock.now,
    timeBudgetsMs: { zendesk: 200, freshdesk: 200 },
  });
}

/** An HS256 JWT built with node:crypto directly, independent of the package's verifier. */
function jwt(claims: Record<string, unknown>, secret = ZENDESK_SECRET): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const input = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(claims)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

const CLAIMS = {
  iss: 'acme.zendesk.com',
  aud: 'https://wismo.example/helpdesk/zendesk',
  iat: NOW_SECONDS - 5,
  exp: NOW_SECONDS + 300,
  context: { product: 'support', location: 'ticket_sidebar' },
};

function zendeskFirstLoad(token: string | null, query = '') {
  return new Request(`https://wismo.example/zendesk?origin=https%3A%2F%2Facme.zendesk.com&app_guid=abc${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
    body: token === null ? '' : new URLSearchParams({ token }).toString(),
  });
}

/** Every URL a page links to, posts to or loads, and every URL-looking string in its inline script. */
function urlsIn(html: string): string[] {
  return [...html.matchAll(/(?:href|action|src)="([^"]*)"|"(https?:\/\/[^"]*)"/g)].map((match) => match[1] ?? match[2]!);
}

/** The hidden fields of the first form in a page (what the browser would post). */
function formFields(html: string): Record<string, string> {
  const form = /<form[^>]*>([\s\S]*?)<\/form>/.exec(html)?.[1] ?? '';
  const fields: Record<string, string> = {};
  for (const match of form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g))
    fields[match[1]!] = match[2]!.replace(/&amp;/g, '&');
  const button = /<button[^>]*name="order" value="([^"]*)"/.exec(form);
  if (button) fields.order = button[1]!;
  return fields;
}

function postPanel(helpdesk: 'zendesk' | 'freshdesk', fields: Record<string, string>, headers: Record<string, string> = {}) {
  return new Request(`https://wismo.example/${helpdesk}/panel`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', ...headers },
    body: new URLSearchParams(fields).toString(),
  });
}

/** The session the bootstrap page hands to its script. */
function bootstrapSession(html: string): string {
  return /var session="([^"]+)"/.exec(html)![1]!;
}

describe('Zendesk sidebar (signed URLs)', () => {
  it('verifies the ZAF token on first load and bootstraps the requester’s email by POST, with nothing personal in a URL', async () => {
    const response = await createApp(world()).request(zendeskFirstLoad(jwt(CLAIMS)));
    expect(response.status).toBe(200);
    const setCookie = response.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^__Host-wismo-zendesk-session=[\w-]+\.[\w-]+;/);
    // Not yet bound to a requester: short-lived.
    for (const attribute of ['HttpOnly', 'Secure', 'SameSite=None', 'Partitioned', 'Path=/', 'Max-Age=120'])
      expect(setCookie).toContain(attribute);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain('frame-ancestors https://acme.zendesk.com');
    expect(csp).toMatch(/script-src https:\/\/static\.zdassets\.com 'nonce-[^']+'/);
    expect(csp).toContain('form-action https://wismo.example');
    const html = await response.text();
    expect(html).toContain('zaf_sdk.min.js');
    expect(html).toContain('ticket.requester.email');
    expect(html).toContain("form.method='post'");
    expect(html).toContain('var action="https://wismo.example/helpdesk/zendesk/panel"');
    const session = bootstrapSession(html);
    for (const url of urlsIn(html)) {
      expect(url).not.toContain(session);
      expect(url).not.toMatch(/[?&](s|email)=/);
    }
  });

  it('renders the panel at once when the first load posts the customer, and never reads the customer from the URL', async () => {
    const app = createApp(world());
    const response = await app.request(
      new Request('https://wismo.example/zendesk?locale=en-US', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
        body: new URLSearchParams({ token: jwt(CLAIMS), email: ANNA }).toString(),
      }),
    );
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('Order 1003');
    expect(response.headers.get('content-security-policy')).not.toContain('script-src');
    // An email in the query string is not a customer: the bootstrap page comes instead of the panel.
    const fromQuery = await (await app.request(zendeskFirstLoad(jwt(CLAIMS), `&email=${encodeURIComponent(ANNA)}`))).text();
    expect(fromQuery).not.toContain('Order 1003');
    expect(fromQuery).toContain('ticket.requester.email');
  });

  it('accepts the installation URL Zendesk uses as audience', async () => {
    const response = await createApp(world()).request(
      zendeskFirstLoad(jwt({ ...CLAIMS, aud: 'https://acme.zendesk.com/api/v2/apps/installations/360001.json' })),
    );
    expect(response.status).toBe(200);
  });

  it('verifies RS256 tokens with the app public key, only from the configured account, and then refuses HS256 ones', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const w = world();
    const zendesk = {
      sharedSecret: ZENDESK_SECRET,
      appOrigin: 'https://acme.zendesk.com',
      publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    };
    const app = createHelpdeskApp({
      service: w.service,
      secrets: { zendesk },
      publicBaseUrl: 'https://wismo.example/helpdesk',
      sessionSecret: 'session-secret-0123456789abcdef0123456789',
      now: () => w.clock.now,
    });
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const rs256 = (claims: Record<string, unknown>) => {
      const input = `${encode({ alg: 'RS256', typ: 'JWT' })}.${encode(claims)}`;
      return `${input}.${sign('RSA-SHA256', Buffer.from(input), privateKey).toString('base64url')}`;
    };
    const accepted = await app.request(
      zendeskFirstLoad(rs256({ ...CLAIMS, aud: 'https://acme.zendesk.com/api/v2/apps/installations/360001.json' })),
    );
    expect(accepted.status).toBe(200);
    expect(accepted.headers.get('content-security-policy')).toContain('frame-ancestors https://acme.zendesk.com');
    // The same app installed in another account signs with the same key: its tokens open nothing here.
    const otherAccount = await app.request(
      zendeskFirstLoad(
        rs256({ ...CLAIMS, iss: 'other-shop.zendesk.com', aud: 'https://other-shop.zendesk.com/api/v2/apps/installations/77.json' }),
      ),
    );
    expect(otherAccount.status).toBe(401);
    expect(otherAccount.headers.get('set-cookie')).toBeNull();
    expect((await app.request(zendeskFirstLoad(jwt(CLAIMS)))).status).toBe(401);
  });

  it('refuses to start without the Zendesk account (appOrigin), with a typed configuration error', () => {
    const w = world();
    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    for (const appOrigin of [
      undefined,
      '',
      'acme.zendesk.com',
      'http://acme.zendesk.com',
      'https://evil.example',
      'https://acme.zendesk.com/path',
    ]) {
      const zendesk = { sharedSecret: ZENDESK_SECRET, publicKey: pem, ...(appOrigin === undefined ? {} : { appOrigin }) } as {
        sharedSecret: string;
        appOrigin: string;
        publicKey: string;
      };
      let thrown: unknown;
      try {
        createHelpdeskApp({
          service: w.service,
          secrets: { zendesk },
          publicBaseUrl: 'https://wismo.example/helpdesk',
          sessionSecret: 'session-secret-0123456789abcdef0123456789',
        });
      } catch (error) {
        thrown = error;
      }
      expect(thrown, String(appOrigin)).toBeInstanceOf(ConfigurationError);
      expect((thrown as ConfigurationError).code).toBe('configuration');
      expect((thrown as Error).message).toContain('appOrigin');
      expect((thrown as Error).message).not.toContain(ZENDESK_SECRET);
    }
  });

  it('rejects tampered, expired, foreign, wrongly signed and missing tokens with 401', async () => {
    const app = createApp(world());
    const token = jwt(CLAIMS);
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const tampered = `${header}.${Buffer.from(JSON.stringify({ ...CLAIMS, exp: NOW_SECONDS + 86_400 })).toString('base64url')}.${signature}`;
    expect(tampered).not.toBe(`${header}.${payload}.${signature}`);
    for (const bad of [
      tampered,
      jwt({ ...CLAIMS, exp: NOW_SECONDS - 120 }),
      jwt({ ...CLAIMS, iss: 'evil.zendesk.com' }),
      jwt({ ...CLAIMS, aud: 'https://evil.example/' }),
      jwt(CLAIMS, 'another-secret-99999999999999'),
    ]) {
      const response = await app.request(zendeskFirstLoad(bad));
      expect(response.status).toBe(401);
      expect(response.headers.get('set-cookie')).toBeNull();
      expect(await response.text()).toContain('This panel has expired');
    }
    expect((await app.request(zendeskFirstLoad(null))).status).toBe(401);
  });

  it('binds the session to the requester the bootstrap posts: other customers’ orders and emails stay closed', async () => {
    const w = world();
    const app = createApp(w);
    const session = bootstrapSession(await (await app.request(zendeskFirstLoad(jwt(CLAIMS)))).text());

    const panel = await app.request(postPanel('zendesk', { s: session, email: ANNA, locale: 'de' }));
    expect(panel.status).toBe(200);
    expect(panel.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(panel.headers.get('content-security-policy')).toContain('form-action https://wismo.example');
    const html = await panel.text();
    expect(html).toContain('Bestellung 1003');
    for (const url of urlsIn(html)) expect(url).not.toMatch(/anna|%40|[?&]s=|[?&]email=/i);
    // The other order is a button posting the (now bound) session: nothing in a URL.
    const next = formFields(html);
    expect(next).toMatchObject({ order: 'ord_0950', locale: 'de' });
    expect(next.s).not.toBe(session);
    expect(html).toContain('<form class="wismo-inline" method="post" action="https://wismo.example/helpdesk/zendesk/panel">');

    const other = await app.request(postPanel('zendesk', next));
    expect(other.status).toBe(200);
    expect(await other.text()).toContain('<h2 id="wismo-ord_0950-title">Bestellung 0950</h2>');

    // The bound session opens neither another customer's order nor another email.
    const foreignOrder = await app.request(postPanel('zendesk', { ...next, order: 'ord_2001' }));
    expect(foreignOrder.status).toBe(404);
    expect(await foreignOrder.text()).not.toContain('US-2001');
    const foreignEmail = await app.request(postPanel('zendesk', { s: next.s!, email: BEN }));
    expect(foreignEmail.status).toBe(403);
    expect(await foreignEmail.text()).not.toContain('US-2001');

    // The old GET links with the session and the email in the URL are gone.
    expect(
      (await app.request(new Request(`https://wismo.example/zendesk/panel?email=${encodeURIComponent(ANNA)}&s=${next.s}`))).status,
    ).toBe(404);
    expect((await app.request(postPanel('zendesk', { email: ANNA }))).status).toBe(401);
    expect((await app.request(postPanel('zendesk', { s: `${next.s}x`, email: ANNA }))).status).toBe(401);

    // The unbound bootstrap session lives two minutes; the bound one the session lifetime.
    w.clock.now = new Date(NOW.getTime() + 3 * 60_000);
    expect((await app.request(postPanel('zendesk', { s: session, email: ANNA }))).status).toBe(401);
    expect((await app.request(postPanel('zendesk', next))).status).toBe(200);
    w.clock.now = new Date(NOW.getTime() + 16 * 60_000);
    const expired = await app.request(postPanel('zendesk', next, { accept: 'application/json' }));
    expect(expired.status).toBe(401);
    expect(((await expired.json()) as { code: string }).code).toBe('expired_token');
  });
});

// printf 'wismo-freshdesk-v1\n%s\n%s' 1774943970 'anna.schmidt@example.de' | openssl dgst -sha256 -hmac 'freshdesk-shared-secret-abcdef' -r
const FRESHDESK_SIG = 'e8ea379a712bc78a076c960984d9dbbca847ce9b9342aab9aa9bececbc225622';

describe('Freshdesk sidebar (signed panel URL)', () => {
  const signedUrl = (email = ANNA, sig = FRESHDESK_SIG) =>
    `https://wismo.example/freshdesk?email=${encodeURIComponent(email)}&ts=1774943970&sig=${sig}&locale=en`;

  it('opens the panel for a fresh signed URL and keeps the session bound to that email, in form bodies', async () => {
    const app = createApp(world());
    const first = await app.request(new Request(signedUrl(), { headers: { accept: 'text/html' } }));
    expect(first.status).toBe(200);
    const html = await first.text();
    expect(html).toContain('Order 1003');
    expect(first.headers.get('content-security-policy')).toContain('frame-ancestors https://*.freshdesk.com');
    expect(first.headers.get('set-cookie')).toMatch(/^__Host-wismo-freshdesk-session=/);
    for (const url of urlsIn(html)) expect(url).not.toMatch(/anna|%40|[?&]s=|[?&]email=/i);
    const next = formFields(html);
    expect(next.order).toBe('ord_0950');
    // The session names no email: the requester is kept as a keyed hash.
    expect(Buffer.from(next.s!.split('.')[0]!, 'base64url').toString('utf8')).not.toContain('anna');

    const other = await app.request(postPanel('freshdesk', next));
    expect(other.status).toBe(200);
    expect(await other.text()).toContain('<h2 id="wismo-ord_0950-title">Order 0950</h2>');
    // Another customer's order or email cannot be reached with this session.
    const foreign = await app.request(postPanel('freshdesk', { ...next, order: 'ord_2001' }));
    expect(await foreign.text()).not.toContain('US-2001');
    const foreignEmail = await app.request(postPanel('freshdesk', { s: next.s!, email: BEN }));
    expect(foreignEmail.status).toBe(403);
  });

  it('accepts the signed fields posted into the iframe (no email in any URL)', async () => {
    const app = createApp(world());
    const response = await app.request(
      new Request('https://wismo.example/freshdesk', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
        body: new URLSearchParams({ email: ANNA, ts: '1774943970', sig: FRESHDESK_SIG, locale: 'en' }).toString(),
      }),
    );
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Order 1003');
  });

  it('rejects other emails, wrong signatures, old URLs and Zendesk sessions', async () => {
    const w = world();
    const app = createApp(w);
    expect((await app.request(new Request(signedUrl(BEN)))).status).toBe(401);
    expect((await app.request(new Request(signedUrl(ANNA, FRESHDESK_SIG.replace(/^e/, 'f'))))).status).toBe(401);
    const zendeskSession = bootstrapSession(await (await app.request(zendeskFirstLoad(jwt(CLAIMS)))).text());
    expect((await app.request(postPanel('freshdesk', { s: zendeskSession, email: ANNA }))).status).toBe(401);
    w.clock.now = new Date(NOW.getTime() + 10 * 60_000);
    const old = await app.request(new Request(signedUrl()));
    expect(old.status).toBe(401);
    expect(((await old.json()) as { code: string }).code).toBe('stale_timestamp');
  });
});
