import { createHmac, generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ANNA, BEN, NOW, world, type World } from '../__fixtures__/fixtures';
import { createHelpdeskApp } from '../app';

const ZENDESK_SECRET = 'zendesk-shared-secret-0011223344';
const FRESHDESK_SECRET = 'freshdesk-shared-secret-abcdef';
const NOW_SECONDS = NOW.getTime() / 1000;

function createApp(w: World) {
  return createHelpdeskApp({
    service: w.service,
    secrets: { zendesk: { sharedSecret: ZENDESK_SECRET, appOrigin: 'https://acme.zendesk.com' }, freshdesk: { sharedSecret: FRESHDESK_SECRET } },
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

const CLAIMS = { iss: 'acme.zendesk.com', aud: 'https://wismo.example/helpdesk/zendesk', iat: NOW_SECONDS - 5, exp: NOW_SECONDS + 300, context: { product: 'support', location: 'ticket_sidebar' } };

function zendeskFirstLoad(token: string | null, query = '') {
  return new Request(`https://wismo.example/zendesk?origin=https%3A%2F%2Facme.zendesk.com&app_guid=abc${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
    body: token === null ? '' : new URLSearchParams({ token }).toString(),
  });
}

function cookieOf(response: Response): string {
  const header = response.headers.get('set-cookie') ?? '';
  return header.split(';')[0]!;
}

describe('Zendesk sidebar (signed URLs)', () => {
  it('verifies the ZAF token on first load, starts a session and bootstraps the requester’s email', async () => {
    const response = await createApp(world()).request(zendeskFirstLoad(jwt(CLAIMS)));
    expect(response.status).toBe(200);
    const setCookie = response.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^__Host-wismo-zendesk-session=[\w-]+\.[\w-]+;/);
    for (const attribute of ['HttpOnly', 'Secure', 'SameSite=None', 'Partitioned', 'Path=/', 'Max-Age=900']) expect(setCookie).toContain(attribute);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain('frame-ancestors https://acme.zendesk.com');
    expect(csp).toMatch(/script-src https:\/\/static\.zdassets\.com 'nonce-[^']+'/);
    const html = await response.text();
    expect(html).toContain('zaf_sdk.min.js');
    expect(html).toContain("ticket.requester.email");
    expect(html).toMatch(/https:\/\/wismo\.example\/helpdesk\/zendesk\/panel\?s=[\w-]+\.[\w-]+/);
  });

  it('renders the panel at once when the first load names the customer', async () => {
    const response = await createApp(world()).request(zendeskFirstLoad(jwt(CLAIMS), `&email=${encodeURIComponent(ANNA)}&locale=en-US`));
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('Order 1003');
    expect(response.headers.get('content-security-policy')).not.toContain('script-src');
  });

  it('accepts the installation URL Zendesk uses as audience', async () => {
    const response = await createApp(world()).request(zendeskFirstLoad(jwt({ ...CLAIMS, aud: 'https://acme.zendesk.com/api/v2/apps/installations/360001.json' })));
    expect(response.status).toBe(200);
  });

  it('verifies RS256 tokens with the app public key, and then refuses HS256 ones', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const w = world();
    const app = createHelpdeskApp({
      service: w.service,
      secrets: { zendesk: { sharedSecret: ZENDESK_SECRET, publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString() } },
      publicBaseUrl: 'https://wismo.example/helpdesk',
      sessionSecret: 'session-secret-0123456789abcdef0123456789',
      now: () => w.clock.now,
    });
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const input = `${encode({ alg: 'RS256', typ: 'JWT' })}.${encode({ ...CLAIMS, aud: 'https://acme.zendesk.com/api/v2/apps/installations/360001.json' })}`;
    const rs256 = `${input}.${sign('RSA-SHA256', Buffer.from(input), privateKey).toString('base64url')}`;
    const accepted = await app.request(zendeskFirstLoad(rs256));
    expect(accepted.status).toBe(200);
    // Without appOrigin any *.zendesk.com account may embed the panel.
    expect(accepted.headers.get('content-security-policy')).toContain('frame-ancestors https://*.zendesk.com');
    expect((await app.request(zendeskFirstLoad(jwt(CLAIMS)))).status).toBe(401);
  });

  it('rejects tampered, expired, foreign, wrongly signed and missing tokens with 401', async () => {
    const app = createApp(world());
    const token = jwt(CLAIMS);
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const tampered = `${header}.${Buffer.from(JSON.stringify({ ...CLAIMS, exp: NOW_SECONDS + 86_400 })).toString('base64url')}.${signature}`;
    expect(tampered).not.toBe(`${header}.${payload}.${signature}`);
    for (const bad of [tampered, jwt({ ...CLAIMS, exp: NOW_SECONDS - 120 }), jwt({ ...CLAIMS, iss: 'evil.zendesk.com' }), jwt({ ...CLAIMS, aud: 'https://evil.example/' }), jwt(CLAIMS, 'another-secret-99999999999999')]) {
      const response = await app.request(zendeskFirstLoad(bad));
      expect(response.status).toBe(401);
      expect(response.headers.get('set-cookie')).toBeNull();
      expect(await response.text()).toContain('This panel has expired');
    }
    expect((await app.request(zendeskFirstLoad(null))).status).toBe(401);
  });

  it('serves later navigation with the session cookie (or the s parameter) until it expires', async () => {
    const w = world();
    const app = createApp(w);
    const first = await app.request(zendeskFirstLoad(jwt(CLAIMS)));
    const cookie = cookieOf(first);
    const session = cookie.slice(cookie.indexOf('=') + 1);
    const panel = (query: string, headers: Record<string, string> = {}) => app.request(new Request(`https://wismo.example/zendesk/panel?${query}`, { headers }));

    const withCookie = await panel(`email=${encodeURIComponent(ANNA)}&locale=de`, { cookie });
    expect(withCookie.status).toBe(200);
    const html = await withCookie.text();
    expect(html).toContain('Bestellung 1003');
    expect(html).toContain(`/helpdesk/zendesk/panel?email=${encodeURIComponent(ANNA)}&amp;order=ord_0950&amp;locale=de&amp;s=`);
    expect(withCookie.headers.get('content-security-policy')).toContain("default-src 'none'");

    expect((await panel(`email=${encodeURIComponent(BEN)}&s=${session}`)).status).toBe(200);
    expect((await panel(`email=${encodeURIComponent(ANNA)}`)).status).toBe(401);
    expect((await panel(`email=${encodeURIComponent(ANNA)}`, { cookie: `${cookie}x` })).status).toBe(401);

    w.clock.now = new Date(NOW.getTime() + 16 * 60_000);
    const expired = await panel(`email=${encodeURIComponent(ANNA)}`, { cookie });
    expect(expired.status).toBe(401);
    expect(((await expired.json()) as { code: string }).code).toBe('expired_token');
  });
});

// printf 'wismo-freshdesk-v1\n%s\n%s' 1774943970 'anna.schmidt@example.de' | openssl dgst -sha256 -hmac 'freshdesk-shared-secret-abcdef' -r
const FRESHDESK_SIG = 'e8ea379a712bc78a076c960984d9dbbca847ce9b9342aab9aa9bececbc225622';

describe('Freshdesk sidebar (signed panel URL)', () => {
  const signedUrl = (email = ANNA, sig = FRESHDESK_SIG) => `https://wismo.example/freshdesk?email=${encodeURIComponent(email)}&ts=1774943970&sig=${sig}&locale=en`;

  it('opens the panel for a fresh signed URL and keeps the session bound to that email', async () => {
    const app = createApp(world());
    const first = await app.request(new Request(signedUrl()));
    expect(first.status).toBe(200);
    expect(await first.text()).toContain('Order 1003');
    expect(first.headers.get('content-security-policy')).toContain('frame-ancestors https://*.freshdesk.com');
    const cookie = cookieOf(first);
    expect(cookie).toMatch(/^__Host-wismo-freshdesk-session=/);

    const other = await app.request(new Request(`https://wismo.example/freshdesk/panel?order=ord_0950&locale=en`, { headers: { cookie } }));
    expect(other.status).toBe(200);
    expect(await other.text()).toContain('<h2 id="wismo-ord_0950-title">Order 0950</h2>');
    // Another customer's order or email cannot be reached with this session.
    const foreign = await app.request(new Request(`https://wismo.example/freshdesk/panel?order=ord_2001&email=${encodeURIComponent(BEN)}&locale=en`, { headers: { cookie } }));
    const foreignHtml = await foreign.text();
    expect(foreignHtml).not.toContain('US-2001');
    expect(foreignHtml).toContain('Order 1003');
  });

  it('rejects other emails, wrong signatures, old URLs and Zendesk sessions', async () => {
    const w = world();
    const app = createApp(w);
    expect((await app.request(new Request(signedUrl(BEN)))).status).toBe(401);
    expect((await app.request(new Request(signedUrl(ANNA, FRESHDESK_SIG.replace(/^e/, 'f'))))).status).toBe(401);
    const zendesk = await app.request(zendeskFirstLoad(jwt(CLAIMS)));
    expect((await app.request(new Request('https://wismo.example/freshdesk/panel', { headers: { cookie: cookieOf(zendesk).replace('zendesk', 'freshdesk') } }))).status).toBe(401);
    w.clock.now = new Date(NOW.getTime() + 10 * 60_000);
    const old = await app.request(new Request(signedUrl()));
    expect(old.status).toBe(401);
    expect(((await old.json()) as { code: string }).code).toBe('stale_timestamp');
  });
});
