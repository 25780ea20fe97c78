import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ANNA, BEN, DHL_NUMBER, NOW, world, type World } from '../__fixtures__/fixtures';
import { createHelpdeskApp, type HelpdeskAppOptions } from '../app';

/*
 * Each request is signed here the way the helpdesk signs it, with node:crypto directly (not with this
 * package's own signing helpers), so a route wired to the wrong check fails.
 */

const SECRETS = {
  gorgias: { apiKey: 'gorgias-key-9f8e7d' },
  helpScout: { secretKey: 'hs-dynamic-app-secret-0123456789' },
  intercom: { clientSecret: 'ic-client-secret-5f1c2a' },
  gladly: { signingKey: 'gladly-signing-key-1' },
  hubspot: { clientSecret: 'hubspot-client-secret-7d0e' },
  zendesk: { sharedSecret: 'zendesk-shared-secret-0123456789abcdef', appOrigin: 'https://acme.zendesk.com' },
  freshdesk: { sharedSecret: 'freshdesk-shared-secret-0123456789abcdef' },
};
const BASE = 'https://wismo.example/helpdesk';

function createApp(w: World, overrides: Partial<HelpdeskAppOptions> = {}) {
  return createHelpdeskApp({
    service: w.service,
    secrets: SECRETS,
    publicBaseUrl: BASE,
    sessionSecret: 'session-secret-0123456789abcdef0123456789',
    now: () => w.clock.now,
    shopName: 'Bergwerk Outdoor',
    ...overrides,
  });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

const GERMAN_TICKET = {
  ticket: {
    subject: 'Wo bleibt meine Bestellung?',
    body: 'Hallo, meine Bestellung 1003 ist noch nicht angekommen. Wann kommt sie?',
    channel: 'email',
  },
  email: ANNA,
};

function post(path: string, body: string, headers: Record<string, string>) {
  return new Request(`https://wismo.example${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
}

function expectGermanTriage(triage: Loose) {
  expect(triage).toMatchObject({ intent: 'where_is_my_order', language: 'de', autoAnswerable: true, skill: 'first_line', priority: 'low' });
  expect(triage.orders).toEqual([expect.objectContaining({ orderNumber: '1003', matchedBy: ['order_number'] })]);
  expect(triage.tags).toEqual([
    'wismo_intent_where_is_my_order',
    'wismo_skill_first_line',
    'wismo_priority_low',
    'wismo_lang_de',
    'wismo_auto_answerable',
  ]);
  expect(triage.suggestedReply).toMatch(/^Hallo Anna/);
  expect(triage.suggestedReply).toContain('Bergwerk Outdoor');
}

describe('POST /gorgias/triage', () => {
  const request = (body: string, key = SECRETS.gorgias.apiKey) => post('/gorgias/triage', body, { authorization: `Bearer ${key}` });

  it('answers the widget JSON with the triage and the tags to add', async () => {
    const response = await createApp(world()).request(request(JSON.stringify(GERMAN_TICKET)));
    expect(response.status).toBe(200);
    const body: Loose = await response.json();
    expectGermanTriage(body.triage);
    expect(body.latestOrder).toMatchObject({ number: '1003' });
    expect(body.gorgias).toEqual({ addTags: { names: body.triage.tags } });
  });

  it('rejects a wrong key', async () => {
    expect((await createApp(world()).request(request(JSON.stringify(GERMAN_TICKET), 'wrong'))).status).toBe(401);
  });

  it('asks for text when there is none', async () => {
    const response = await createApp(world()).request(request(JSON.stringify({ email: ANNA })));
    expect(response.status).toBe(400);
    expect(((await response.json()) as Loose).code).toBe('missing_ticket_text');
  });
});

describe('POST /helpscout/triage', () => {
  const sign = (body: string, key = SECRETS.helpScout.secretKey) => createHmac('sha1', key).update(body).digest('base64');

  it('reads a Help Scout webhook conversation and answers { html } with the triage on top and the tags to set', async () => {
    const conversation = JSON.stringify({
      id: 99,
      subject: 'Damaged parcel',
      preview: 'The box was crushed…',
      tags: ['vip', 'wismo_priority_low'],
      primaryCustomer: { email: BEN },
      _embedded: { threads: [{ type: 'customer', body: '<p>The box was <b>crushed</b> and the mug inside is broken.</p>' }] },
    });
    const response = await createApp(world()).request(
      post('/helpscout/triage', conversation, { 'x-helpscout-signature': sign(conversation) }),
    );
    expect(response.status).toBe(200);
    const body: Loose = await response.json();
    expect(body.triage).toMatchObject({
      intent: 'damaged_or_missing_items',
      skill: 'carrier_claims',
      priority: 'high',
      language: 'en',
      suggestedReply: null,
    });
    expect(body.triage.orders.map((order: Loose) => order.orderNumber)).toEqual(['US-2001']);
    expect(body.html).toMatch(/^<section class="wismo-triage"/);
    expect(body.html).toContain('wismo_skill_carrier_claims');
    // Help Scout replaces the tag list: the ticket's own tags stay, the old wismo_ tag goes.
    expect(body.helpScout.updateTags.tags).toEqual(['vip', ...body.triage.tags]);
  });

  it('rejects a bad signature', async () => {
    const text = JSON.stringify(GERMAN_TICKET);
    expect(
      (await createApp(world()).request(post('/helpscout/triage', text, { 'x-helpscout-signature': sign(text, 'other') }))).status,
    ).toBe(401);
    expect((await createApp(world()).request(post('/helpscout/triage', text, {}))).status).toBe(401);
  });
});

describe('POST /intercom/triage', () => {
  const sign = (body: string) => createHmac('sha256', SECRETS.intercom.clientSecret).update(body).digest('hex');

  it('reads a Canvas Kit conversation and answers a canvas with the triage, then the order', async () => {
    const initialize = JSON.stringify({
      workspace_id: 'ws1',
      contact: { email: ANNA },
      conversation: { id: '1', source: { subject: '', body: '<p>Hallo, wo ist mein Paket? Ich warte seit Tagen.</p>' } },
    });
    const response = await createApp(world()).request(post('/intercom/triage', initialize, { 'x-body-signature': sign(initialize) }));
    expect(response.status).toBe(200);
    const body: Loose = await response.json();
    expect(body.triage).toMatchObject({ intent: 'where_is_my_order', language: 'de' });
    expect(body.triage.orders).toEqual([expect.objectContaining({ orderNumber: '1003', matchedBy: ['email'] })]);
    const components = body.canvas.content.components;
    expect(components[0]).toEqual({ type: 'text', text: 'Triage', style: 'header' });
    expect(components[1].items.map((item: Loose) => item.field)).toEqual(['Intent', 'Auto-answer', 'Skill', 'Priority']);
    expect(JSON.stringify(components)).toContain('1003');
    expect(body.intercom.conversationUpdate.custom_attributes).toMatchObject({
      wismo_intent: 'where_is_my_order',
      wismo_skill: body.triage.skill,
      wismo_auto_answerable: body.triage.autoAnswerable,
    });
    expect(Buffer.byteLength(JSON.stringify(body.canvas.content))).toBeLessThanOrEqual(64 * 1024);
  });

  it('rejects a bad signature', async () => {
    const text = JSON.stringify(GERMAN_TICKET);
    expect((await createApp(world()).request(post('/intercom/triage', text, { 'x-body-signature': 'ab'.repeat(32) }))).status).toBe(401);
  });
});

describe('POST /hubspot/triage', () => {
  const TIMESTAMP = String(NOW.getTime());
  const sign = (url: string, body: string) =>
    createHmac('sha256', SECRETS.hubspot.clientSecret).update(`POST${url}${body}${TIMESTAMP}`).digest('base64');

  it('answers the card JSON with the triage and the ticket properties', async () => {
    const text = JSON.stringify(GERMAN_TICKET);
    const response = await createApp(world()).request(
      post('/hubspot/triage', text, {
        'x-hubspot-request-timestamp': TIMESTAMP,
        'x-hubspot-signature-v3': sign(`${BASE}/hubspot/triage`, text),
      }),
    );
    expect(response.status).toBe(200);
    const body: Loose = await response.json();
    expectGermanTriage(body.triage);
    expect(body.orders[0]).toMatchObject({ number: '1003' });
    expect(body.hubspot.ticketUpdate.properties).toMatchObject({
      hs_ticket_priority: 'LOW',
      wismo_intent: 'where_is_my_order',
      wismo_tags: body.triage.tags.join(';'),
    });
  });

  it('rejects a signature over another URL', async () => {
    const text = JSON.stringify(GERMAN_TICKET);
    const response = await createApp(world()).request(
      post('/hubspot/triage', text, {
        'x-hubspot-request-timestamp': TIMESTAMP,
        'x-hubspot-signature-v3': sign(`${BASE}/hubspot/card`, text),
      }),
    );
    expect(response.status).toBe(401);
  });
});

describe('POST /gladly/triage', () => {
  const GLADLY_TIME = '20260331T075930Z';
  function sign(body: string, path = '/helpdesk/gladly/triage') {
    const headers = `accept:application/json\ncontent-type:application/json\ngladly-correlation-id:corr-1\ngladly-time:${GLADLY_TIME}\n`;
    const canonical = `POST\n${path}\n\n${headers}\naccept;content-type;gladly-correlation-id;gladly-time\n${createHash('sha256').update(body).digest('hex')}`;
    const key = createHmac('sha256', SECRETS.gladly.signingKey).update(GLADLY_TIME.slice(0, 8)).digest();
    return createHmac('sha256', key)
      .update(`hmac-sha256\n${GLADLY_TIME}\n${createHash('sha256').update(canonical).digest('hex')}`)
      .digest('hex');
  }
  const request = (body: string, signature: string) =>
    post('/gladly/triage', body, {
      accept: 'application/json',
      'gladly-correlation-id': 'corr-1',
      'gladly-time': GLADLY_TIME,
      'gladly-authorization': `SigningAlgorithm=hmac-sha256, SignedHeaders=accept;content-type;gladly-correlation-id;gladly-time, Signature=${signature}`,
    });

  it('answers the triage with custom attributes and topic names', async () => {
    const text = JSON.stringify({ ticket: { body: `Mein Paket ${DHL_NUMBER} hängt beim Zoll fest, was muss ich tun?` }, email: ANNA });
    const response = await createApp(world()).request(request(text, sign(text)));
    expect(response.status).toBe(200);
    const body: Loose = await response.json();
    expect(body.triage).toMatchObject({ intent: 'delivery_problem', language: 'de' });
    expect(body.triage.orders).toEqual([expect.objectContaining({ orderNumber: '1003', matchedBy: ['tracking_number'] })]);
    expect(body.gladly.customAttributes).toMatchObject({ wismoIntent: 'delivery_problem', wismoSkill: body.triage.skill });
    for (const value of Object.values(body.gladly.customAttributes)) expect(typeof value).toBe('string');
    expect(body.gladly.topics).toEqual(body.triage.tags);
    expect(body.wismo).toMatchObject({ version: 1, stale: false });
  });

  it('rejects a tampered body', async () => {
    const text = JSON.stringify(GERMAN_TICKET);
    expect((await createApp(world()).request(request(text.replace('1003', '0950'), sign(text)))).status).toBe(401);
  });
});

describe('POST /zendesk/triage', () => {
  function jwt(claims: Record<string, unknown>, secret = SECRETS.zendesk.sharedSecret) {
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const unsigned = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(claims)}`;
    return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
  }
  const seconds = Math.floor(NOW.getTime() / 1000);
  const claims = { iss: 'acme.zendesk.com', aud: `${BASE}/zendesk`, iat: seconds, exp: seconds + 300 };

  it('answers the triage and the tags and priority for the Zendesk API', async () => {
    const text = JSON.stringify({
      ticket: { subject: 'Cancel please', body: 'Please cancel order 1003, I ordered the wrong size.', channel: 'email' },
      email: ANNA,
    });
    const response = await createApp(world()).request(post('/zendesk/triage', text, { authorization: `Bearer ${jwt(claims)}` }));
    expect(response.status).toBe(200);
    const body: Loose = await response.json();
    expect(body.triage).toMatchObject({ intent: 'cancel_order', autoAnswerable: false });
    expect(body.zendesk).toEqual({ addTags: { tags: body.triage.tags }, ticketUpdate: { ticket: { priority: body.triage.priority } } });
  });

  it('rejects a token of another secret or issuer', async () => {
    const text = JSON.stringify(GERMAN_TICKET);
    expect(
      (
        await createApp(world()).request(
          post('/zendesk/triage', text, { authorization: `Bearer ${jwt(claims, 'another-secret-0123456789abcdef0123')}` }),
        )
      ).status,
    ).toBe(401);
    expect(
      (
        await createApp(world()).request(
          post('/zendesk/triage', text, { authorization: `Bearer ${jwt({ ...claims, iss: 'evil.zendesk.com' })}` }),
        )
      ).status,
    ).toBe(401);
  });
});

describe('POST /freshdesk/triage', () => {
  it('answers the triage and the ticket update (merged tags, priority 1–4)', async () => {
    const text = JSON.stringify({ ...GERMAN_TICKET, existingTags: ['newsletter', 'wismo_intent_other'] });
    const response = await createApp(world()).request(
      post('/freshdesk/triage', text, { 'x-wismo-api-key': SECRETS.freshdesk.sharedSecret }),
    );
    expect(response.status).toBe(200);
    const body: Loose = await response.json();
    expectGermanTriage(body.triage);
    expect(body.freshdesk).toEqual({ ticketUpdate: { tags: ['newsletter', ...body.triage.tags], priority: 1 } });
  });

  it('rejects a wrong or missing key', async () => {
    const text = JSON.stringify(GERMAN_TICKET);
    expect((await createApp(world()).request(post('/freshdesk/triage', text, { 'x-wismo-api-key': 'wrong' }))).status).toBe(401);
    expect((await createApp(world()).request(post('/freshdesk/triage', text, {}))).status).toBe(401);
  });
});

describe('order source failures and unconfigured helpdesks', () => {
  it('answers 503 when the order source fails, and 404 for a helpdesk without secrets', async () => {
    const w = world();
    w.service.viewsByEmail = () => Promise.reject(new Error('database down'));
    w.service.viewByNumber = () => Promise.reject(new Error('database down'));
    const response = await createApp(w).request(
      post('/freshdesk/triage', JSON.stringify(GERMAN_TICKET), { 'x-wismo-api-key': SECRETS.freshdesk.sharedSecret }),
    );
    expect(response.status).toBe(503);
    const onlyGorgias = createApp(world(), { secrets: { gorgias: SECRETS.gorgias } });
    expect((await onlyGorgias.request(post('/freshdesk/triage', '{}', { 'x-wismo-api-key': SECRETS.freshdesk.sharedSecret }))).status).toBe(
      404,
    );
  });
});
