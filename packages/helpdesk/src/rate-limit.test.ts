import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ANNA, NOW, world, type World } from './__fixtures__/fixtures';
import { createHelpdeskApp, type HelpdeskAppOptions } from './app';

const GORGIAS_KEY = 'gorgias-key-rate-limit-0123';
const INTERCOM_SECRET = 'ic-client-secret-rate-limit';
const ZENDESK_SECRET = 'zendesk-shared-secret-rate-limit-0123';

function createApp(w: World, rateLimit?: HelpdeskAppOptions['rateLimit']) {
  return createHelpdeskApp({
    service: w.service,
    secrets: {
      gorgias: { apiKey: GORGIAS_KEY },
      intercom: { clientSecret: INTERCOM_SECRET },
      zendesk: { sharedSecret: ZENDESK_SECRET, appOrigin: 'https://acme.zendesk.com' },
    },
    publicBaseUrl: 'https://wismo.example/helpdesk',
    sessionSecret: 'session-secret-0123456789abcdef0123456789',
    now: () => w.clock.now,
    ...(rateLimit === undefined ? {} : { rateLimit }),
  });
}

const gorgias = (key = GORGIAS_KEY) =>
  new Request(`https://wismo.example/gorgias?email=${encodeURIComponent(ANNA)}`, { headers: { authorization: `Bearer ${key}` } });

/** An Intercom initialize request of a workspace, signed as Intercom signs it (hex HMAC-SHA256 of the body). */
function intercom(workspace: string) {
  const body = JSON.stringify({ workspace_id: workspace, contact: { email: ANNA }, context: { locale: 'en' } });
  return new Request('https://wismo.example/intercom/initialize', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-body-signature': createHmac('sha256', INTERCOM_SECRET).update(body).digest('hex') },
    body,
  });
}

function zendesk(account: string) {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const seconds = NOW.getTime() / 1000;
  const input = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode({ iss: account, aud: 'https://wismo.example/helpdesk/zendesk', iat: seconds, exp: seconds + 300 })}`;
  const token = `${input}.${createHmac('sha256', ZENDESK_SECRET).update(input).digest('base64url')}`;
  return new Request('https://wismo.example/zendesk', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
    body: new URLSearchParams({ token, email: ANNA }).toString(),
  });
}

describe('rate limits per helpdesk account', () => {
  it('answers 429 with Retry-After past the bucket, and refills with time', async () => {
    const w = world();
    const app = createApp(w, { requestsPerMinute: 2, burst: 2 });
    expect((await app.request(gorgias())).status).toBe(200);
    // A request that fails verification is refused before it can use the account's bucket.
    expect((await app.request(gorgias('wrong-key'))).status).toBe(401);
    expect((await app.request(gorgias())).status).toBe(200);
    const limited = await app.request(gorgias());
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('30');
    expect(limited.headers.get('content-type')).toBe('application/problem+json');
    expect(await limited.json()).toMatchObject({ status: 429, code: 'too_many_requests' });
    // Another helpdesk has its own bucket.
    expect((await app.request(intercom('ws_1'))).status).toBe(200);
    w.clock.now = new Date(NOW.getTime() + 30_000);
    expect((await app.request(gorgias())).status).toBe(200);
    expect((await app.request(gorgias())).status).toBe(429);
  });

  it('keeps one bucket per account where the helpdesk names it (Intercom workspace, Zendesk subdomain)', async () => {
    const app = createApp(world(), { requestsPerMinute: 1, burst: 1 });
    expect((await app.request(intercom('ws_1'))).status).toBe(200);
    expect((await app.request(intercom('ws_1'))).status).toBe(429);
    expect((await app.request(intercom('ws_2'))).status).toBe(200);

    expect((await app.request(zendesk('acme.zendesk.com'))).status).toBe(200);
    const page = await app.request(zendesk('acme.zendesk.com'));
    expect(page.status).toBe(429);
    expect(page.headers.get('retry-after')).toBe('60');
    // The iframe gets a readable page, with the panel's headers.
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toContain('frame-ancestors https://acme.zendesk.com');
    expect(await page.text()).not.toContain('Anna');
  });

  it('limits by default, and can be turned off', async () => {
    const limitedByDefault = createApp(world());
    const statuses: number[] = [];
    for (let index = 0; index < 61; index += 1) statuses.push((await limitedByDefault.request(gorgias())).status);
    expect(statuses.slice(0, 60).every((status) => status === 200)).toBe(true);
    expect(statuses[60]).toBe(429);
    const unlimited = createApp(world(), false);
    for (let index = 0; index < 61; index += 1) expect((await unlimited.request(gorgias())).status).toBe(200);
  });

  it('refuses a nonsensical limit at start-up', () => {
    expect(() => createApp(world(), { requestsPerMinute: 0 })).toThrow(/rateLimit/);
    expect(() => createApp(world(), { requestsPerMinute: Number.NaN })).toThrow(/rateLimit/);
  });
});
