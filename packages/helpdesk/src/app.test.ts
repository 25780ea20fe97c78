import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { ANNA, DHL_NUMBER, NOW, world, type World } from './__fixtures__/fixtures';
import type { CanvasComponent, IntercomCanvasResponse } from './adapters/intercom';
import type { GladlyCustomer } from './adapters/gladly';
import type { GorgiasPayload } from './adapters/gorgias';
import type { HubSpotCardResponse } from './adapters/hubspot';
import { createHelpdeskApp, type HelpdeskAppOptions } from './app';

/*
 * Request vectors: every signature was computed with OpenSSL 3.0 in a shell, not by this package (the
 * command is beside each). Keys are test keys.
 */

const SECRETS = {
  gorgias: { apiKey: 'gorgias-key-9f8e7d' },
  helpScout: { secretKey: 'hs-dynamic-app-secret-0123456789' },
  intercom: { clientSecret: 'ic-client-secret-5f1c2a' },
  gladly: { signingKey: 'gladly-signing-key-1' },
  hubspot: { clientSecret: 'hubspot-client-secret-7d0e' },
};

function createApp(w: World, overrides: Partial<HelpdeskAppOptions> = {}) {
  return createHelpdeskApp({
    service: w.service,
    secrets: SECRETS,
    publicBaseUrl: 'https://wismo.example/helpdesk',
    sessionSecret: 'session-secret-0123456789abcdef0123456789',
    now: () => w.clock.now,
    ...overrides,
  });
}

async function problemOf(response: Response) {
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  return (await response.json()) as { status: number; code: string; detail: string };
}

// ------------------------------------------------------------------------------------------- Help Scout
const HS_BODY =
  '{"ticket":{"id":1234,"number":42,"subject":"Wo ist meine Bestellung?"},"customer":{"id":77,"fname":"Anna","lname":"Schmidt","email":"anna.schmidt@example.de","emails":["anna.schmidt@example.de"]},"user":{"fname":"Chris","lname":"Agent","id":9,"role":"user","convRedirect":0},"mailbox":{"id":5,"email":"help@shop.example"}}';
// printf '%s' "$HS_BODY" | openssl dgst -sha1 -hmac 'hs-dynamic-app-secret-0123456789' -binary | base64
const HS_SIGNATURE = '4j47ev/0HuQXeFogID9CiXKc8m8=';

function helpScoutRequest(body = HS_BODY, signature: string | null = HS_SIGNATURE, query = '') {
  return new Request(`https://wismo.example/helpscout${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(signature ? { 'x-helpscout-signature': signature } : {}) },
    body,
  });
}

describe('Help Scout dynamic app', () => {
  it('answers a signed request with { html } of the order view', async () => {
    const w = world();
    const response = await createApp(w).request(helpScoutRequest());
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const { html } = (await response.json()) as { html: string };
    // No agent locale given: the customer's (de-DE).
    expect(html).toContain('Bestellung 1003');
    expect(html).toContain(DHL_NUMBER);
    expect(html).toContain('Wer ist am Zug');
    expect(html).toContain('Nächster Schritt');
    expect(html).toContain('Antwortvorschlag');
    expect(html).toContain('+49 228 4333112');
    expect(html).toContain('Bestellung 0950'); // the other order, listed
    expect(html).not.toContain('<script');
  });

  it('renders in the agent locale given on the configured URL', async () => {
    const response = await createApp(world()).request(helpScoutRequest(HS_BODY, HS_SIGNATURE, '?locale=en-GB'));
    const { html } = (await response.json()) as { html: string };
    expect(html).toContain('Order 1003');
    expect(html).toContain('Who must act');
  });

  it('rejects tampered bodies, wrong secrets, missing signatures and oversized bodies', async () => {
    const w = world();
    const app = createApp(w);
    expect((await problemOf(await app.request(helpScoutRequest(HS_BODY.replace('Chris', 'Eve'))))).code).toBe('invalid_signature');
    expect((await app.request(helpScoutRequest(HS_BODY, null))).status).toBe(401);
    const otherSecret = createApp(w, { secrets: { helpScout: { secretKey: 'hs-dynamic-app-secret-0123456788' } } });
    expect((await otherSecret.request(helpScoutRequest())).status).toBe(401);
    const big = `{"pad":"${'x'.repeat(70 * 1024)}"}`;
    expect((await problemOf(await app.request(helpScoutRequest(big, 'irrelevant')))).status).toBe(413);
  });
});

// ----------------------------------------------------------------------------------------------- Intercom
const IC_INIT =
  '{"workspace_id":"ws_1","workspace_region":"eu","admin":{"id":"814","name":"Chris"},"contact":{"id":"c_1","email":"anna.schmidt@example.de","role":"user"},"conversation":{"id":"99"},"context":{"location":"conversation"}}';
// printf '%s' "$IC_INIT" | openssl dgst -sha256 -hmac 'ic-client-secret-5f1c2a' -r
const IC_INIT_SIGNATURE = 'ec166673adbf3fe6117b2382f5b75e4388533bdca7dca240b7e4b25233006c82';
const IC_SUBMIT =
  '{"workspace_id":"ws_1","admin":{"id":"814"},"contact":{"id":"c_1","email":"anna.schmidt@example.de","role":"user"},"component_id":"order:ord_1003","current_canvas":{"content":{"components":[]},"stored_data":{"email":"anna.schmidt@example.de","orderIds":["ord_1003","ord_0950"]}},"input_values":{}}';
// printf '%s' "$IC_SUBMIT" | openssl dgst -sha256 -hmac 'ic-client-secret-5f1c2a' -r
const IC_SUBMIT_SIGNATURE = '00574318d2d442fb4da2dfc464b9c0159ed730574520e99250cd44a5c7ed975b';
// The same, asking for an order the canvas never listed (ord_2001 is another customer's).
const IC_SUBMIT_OTHER = IC_SUBMIT.replace('"component_id":"order:ord_1003"', '"component_id":"order:ord_2001"');
// printf '%s' "$IC_SUBMIT_OTHER" | openssl dgst -sha256 -hmac 'ic-client-secret-5f1c2a' -r
const IC_SUBMIT_OTHER_SIGNATURE = 'b55c7ea96c387bae6ab8f5a00f390fa4810a84b74f6e9d54743f8642c55632e7';

function intercomRequest(kind: 'initialize' | 'submit', body: string, signature: string | null) {
  return new Request(`https://wismo.example/intercom/${kind}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(signature ? { 'x-body-signature': signature } : {}) },
    body,
  });
}

function texts(components: CanvasComponent[]): string[] {
  return components.flatMap((component) =>
    component.type === 'text'
      ? [component.text]
      : component.type === 'data-table'
        ? component.items.map((item) => `${item.field}: ${item.value}`)
        : [],
  );
}

describe('Intercom Canvas Kit', () => {
  it('initialize lists the contact’s orders; submit shows one order’s parcels', async () => {
    const app = createApp(world());
    const listResponse = await app.request(intercomRequest('initialize', IC_INIT, IC_INIT_SIGNATURE));
    expect(listResponse.status).toBe(200);
    const list = (await listResponse.json()) as IntercomCanvasResponse;
    const listComponent = list.canvas.content.components.find((component) => component.type === 'list');
    expect(listComponent?.type === 'list' && listComponent.items.map((item) => item.id)).toEqual(['order:ord_1003', 'order:ord_0950']);
    expect(list.canvas.stored_data).toEqual({ email: ANNA, orderIds: ['ord_1003', 'ord_0950'] });

    const orderResponse = await app.request(intercomRequest('submit', IC_SUBMIT, IC_SUBMIT_SIGNATURE));
    expect(orderResponse.status).toBe(200);
    const order = (await orderResponse.json()) as IntercomCanvasResponse;
    const components = order.canvas.content.components;
    const all = texts(components).join('\n');
    expect(all).toContain('Bestellung 1003');
    expect(all).toContain(`Sendungsnummer: ${DHL_NUMBER}`);
    expect(all).toContain('Wer ist am Zug');
    expect(all).toContain('Antwortvorschlag');
    expect(components).toContainEqual(
      expect.objectContaining({ type: 'button', id: 'track:0', action: { type: 'url', url: expect.stringContaining(DHL_NUMBER) } }),
    );
    expect(components).toContainEqual(expect.objectContaining({ type: 'button', id: 'back', action: { type: 'submit' } }));
    expect(Buffer.byteLength(JSON.stringify(order.canvas.content))).toBeLessThanOrEqual(64_000);
  });

  it('opens only orders the signed canvas listed', async () => {
    const response = await createApp(world()).request(intercomRequest('submit', IC_SUBMIT_OTHER, IC_SUBMIT_OTHER_SIGNATURE));
    const canvas = (await response.json()) as IntercomCanvasResponse;
    expect(texts(canvas.canvas.content.components).join(' ')).not.toContain('US-2001');
  });

  it('rejects tampered bodies, wrong secrets, missing signatures and oversized bodies', async () => {
    const w = world();
    const app = createApp(w);
    expect((await app.request(intercomRequest('initialize', IC_INIT.replace('"99"', '"98"'), IC_INIT_SIGNATURE))).status).toBe(401);
    expect((await app.request(intercomRequest('submit', IC_SUBMIT, IC_INIT_SIGNATURE))).status).toBe(401);
    expect((await app.request(intercomRequest('initialize', IC_INIT, null))).status).toBe(401);
    const otherSecret = createApp(w, { secrets: { intercom: { clientSecret: 'ic-client-secret-5f1c2b' } } });
    expect((await otherSecret.request(intercomRequest('initialize', IC_INIT, IC_INIT_SIGNATURE))).status).toBe(401);
    expect((await app.request(intercomRequest('initialize', 'x'.repeat(600 * 1024), IC_INIT_SIGNATURE))).status).toBe(413);
  });
});

// ------------------------------------------------------------------------------------------------- Gladly
const GLADLY_DETAILED =
  '{"lookupLevel":"DETAILED","query":{"emails":["anna.schmidt@example.de"],"externalCustomerId":"cus_301"},"uniqueMatchRequired":true}';
// BH=$(printf '%s' "$GLADLY_DETAILED" | openssl dgst -sha256 -r | cut -d' ' -f1)
// CH=$(printf 'POST\n/helpdesk/gladly/lookup\n\naccept:application/json\ncontent-type:application/json\ngladly-correlation-id:corr-123\ngladly-time:20260331T075930Z\n\naccept;content-type;gladly-correlation-id;gladly-time\n%s' "$BH" | openssl dgst -sha256 -r | cut -d' ' -f1)
// SALT=$(printf 20260331 | openssl dgst -sha256 -hmac gladly-signing-key-1 -r | cut -d' ' -f1)
// printf 'hmac-sha256\n20260331T075930Z\n%s' "$CH" | openssl dgst -sha256 -mac HMAC -macopt hexkey:$SALT -r
const GLADLY_DETAILED_SIGNATURE = '52ed05b9085bf498e0a38c5e3d0d2369453776a6149e163b3966d993c16114fa';
const GLADLY_BASIC = '{"lookupLevel":"BASIC","query":{"emails":["anna.schmidt@example.de"]},"uniqueMatchRequired":false}';
// Same commands with GLADLY_BASIC and gladly-correlation-id:corr-456.
const GLADLY_BASIC_SIGNATURE = '195ef7b0077da085a396108cc7d26fbe1298a660698dd44414b970e32901cf58';

function gladlyRequest(body: string, signature: string | null, correlationId: string, url = 'https://wismo.example/gladly/lookup') {
  return new Request(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
      'gladly-correlation-id': correlationId,
      'gladly-time': '20260331T075930Z',
      ...(signature
        ? {
            'gladly-authorization': `SigningAlgorithm=hmac-sha256, SignedHeaders=accept;content-type;gladly-correlation-id;gladly-time, Signature=${signature}`,
          }
        : {}),
    },
    body,
  });
}

describe('Gladly Lookup Adaptor', () => {
  it('answers a DETAILED lookup with one customer and ORDER cards', async () => {
    const response = await createApp(world()).request(gladlyRequest(GLADLY_DETAILED, GLADLY_DETAILED_SIGNATURE, 'corr-123'));
    expect(response.status).toBe(200);
    const { results } = (await response.json()) as { results: GladlyCustomer[] };
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({
      externalCustomerId: 'cus_301',
      name: 'Anna Schmidt',
      emails: [{ original: ANNA }],
      customAttributes: { wismoEmail: ANNA, latestOrder: '1003' },
    });
    const [latest, older] = results[0]!.transactions!;
    expect(latest).toMatchObject({ type: 'ORDER', orderNumber: '1003', createdAt: '2026-03-27T09:12:00+01:00', itemCount: '1' });
    expect(latest!.fulfillments[0]).toMatchObject({ trackingNumber: DHL_NUMBER, productIds: ['li_1'] });
    expect(latest!.note).toContain('Hallo Anna');
    expect(older).toMatchObject({ orderNumber: '0950' });
  });

  it('answers a BASIC lookup with the customer only', async () => {
    const response = await createApp(world()).request(gladlyRequest(GLADLY_BASIC, GLADLY_BASIC_SIGNATURE, 'corr-456'));
    const { results } = (await response.json()) as { results: GladlyCustomer[] };
    expect(results).toEqual([expect.objectContaining({ externalCustomerId: 'cus_301' })]);
    expect(results[0]!.transactions).toBeUndefined();
  });

  it('verifies against the path as mounted when publicBaseUrl has no prefix', async () => {
    const w = world();
    const parent = new Hono();
    parent.route('/helpdesk', createApp(w, { publicBaseUrl: 'https://wismo.example' }));
    const response = await parent.request(
      gladlyRequest(GLADLY_DETAILED, GLADLY_DETAILED_SIGNATURE, 'corr-123', 'http://10.0.0.7:8080/helpdesk/gladly/lookup'),
    );
    expect(response.status).toBe(200);
  });

  it('rejects tampered bodies, wrong keys, stale Gladly-Time, missing signatures and oversized bodies', async () => {
    const w = world();
    const app = createApp(w);
    expect(
      (await app.request(gladlyRequest(GLADLY_DETAILED.replace('cus_301', 'cus_900'), GLADLY_DETAILED_SIGNATURE, 'corr-123'))).status,
    ).toBe(401);
    expect((await app.request(gladlyRequest(GLADLY_DETAILED, GLADLY_DETAILED_SIGNATURE, 'corr-999'))).status).toBe(401);
    expect((await app.request(gladlyRequest(GLADLY_DETAILED, null, 'corr-123'))).status).toBe(401);
    const otherKey = createApp(w, { secrets: { gladly: { signingKey: 'gladly-signing-key-2' } } });
    expect((await otherKey.request(gladlyRequest(GLADLY_DETAILED, GLADLY_DETAILED_SIGNATURE, 'corr-123'))).status).toBe(401);
    w.clock.now = new Date(NOW.getTime() + 10 * 60_000);
    expect((await problemOf(await app.request(gladlyRequest(GLADLY_DETAILED, GLADLY_DETAILED_SIGNATURE, 'corr-123')))).code).toBe(
      'stale_timestamp',
    );
    expect((await app.request(gladlyRequest(`{"pad":"${'x'.repeat(70 * 1024)}"}`, GLADLY_DETAILED_SIGNATURE, 'corr-123'))).status).toBe(
      413,
    );
  });
});

// ------------------------------------------------------------------------------------------------ HubSpot
const HUBSPOT_QUERY = '?userId=42&portalId=62515&userEmail=agent%40shop.example&appId=9';
const HUBSPOT_BODY = '{"email":"anna.schmidt@example.de","locale":"en-GB"}';
const HUBSPOT_TIMESTAMP = '1774944000000'; // = NOW
// printf 'POST%s%s%s' 'https://wismo.example/helpdesk/hubspot/card?userId=42&portalId=62515&userEmail=agent@shop.example&appId=9' "$HUBSPOT_BODY" 1774944000000 \
//   | openssl dgst -sha256 -hmac 'hubspot-client-secret-7d0e' -binary | base64      (HubSpot signs with %40 decoded)
const HUBSPOT_SIGNATURE = 'fTBnxQ5tG1SRfM8G17wwpFRbGIJiHDWTykrzeD3P+U4=';

function hubspotRequest(
  body = HUBSPOT_BODY,
  signature: string | null = HUBSPOT_SIGNATURE,
  url = `https://wismo.example/hubspot/card${HUBSPOT_QUERY}`,
) {
  return new Request(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-hubspot-request-timestamp': HUBSPOT_TIMESTAMP,
      ...(signature ? { 'x-hubspot-signature-v3': signature } : {}),
    },
    body,
  });
}

describe('HubSpot UI extension card', () => {
  it('answers a signed hubspot.fetch with card JSON in the agent’s locale', async () => {
    const response = await createApp(world()).request(hubspotRequest());
    expect(response.status).toBe(200);
    const card = (await response.json()) as HubSpotCardResponse;
    expect(card.locale).toBe('en-GB');
    expect(card.orders.map((order) => order.title)).toEqual(['Order 1003', 'Order 0950']);
    const [latest] = card.orders;
    expect(latest!.stage).toMatchObject({ id: 'in_transit', label: 'In transit', variant: 'info' });
    expect(latest!.facts).toContainEqual({ label: 'Who must act', value: 'Carrier' });
    expect(latest!.parcels[0]!.facts).toContainEqual({ label: 'Tracking number', value: DHL_NUMBER });
    expect(latest!.parcels[0]!.carrierContact.phone).toBe('+49 228 4333112');
    expect(latest!.suggestedReply.text).toMatch(/^Hallo Anna/);
    expect(card.orders[1]!.stage.variant).toBe('success');
  });

  it('verifies behind a mount and a proxy (publicBaseUrl carries the public URL)', async () => {
    const parent = new Hono();
    parent.route('/helpdesk', createApp(world()));
    const response = await parent.request(
      hubspotRequest(HUBSPOT_BODY, HUBSPOT_SIGNATURE, `http://10.0.0.7:8080/helpdesk/hubspot/card${HUBSPOT_QUERY}`),
    );
    expect(response.status).toBe(200);
  });

  it('rejects requests older than 5 minutes with a clear detail', async () => {
    const w = world();
    w.clock.now = new Date(NOW.getTime() + 6 * 60_000);
    const problem = await problemOf(await createApp(w).request(hubspotRequest()));
    expect(problem).toMatchObject({ status: 401, code: 'stale_timestamp' });
    expect(problem.detail).toMatch(/360 s old/);
  });

  it('rejects tampered bodies and URLs, wrong secrets, missing signatures and oversized bodies', async () => {
    const w = world();
    const app = createApp(w);
    expect((await app.request(hubspotRequest(HUBSPOT_BODY.replace('en-GB', 'de-DE')))).status).toBe(401);
    expect(
      (
        await app.request(
          hubspotRequest(HUBSPOT_BODY, HUBSPOT_SIGNATURE, `https://wismo.example/hubspot/card${HUBSPOT_QUERY.replace('62515', '1')}`),
        )
      ).status,
    ).toBe(401);
    expect((await problemOf(await app.request(hubspotRequest(HUBSPOT_BODY, null)))).code).toBe('missing_signature');
    const otherSecret = createApp(w, { secrets: { hubspot: { clientSecret: 'hubspot-client-secret-7d0f' } } });
    expect((await otherSecret.request(hubspotRequest())).status).toBe(401);
    expect((await app.request(hubspotRequest(`{"pad":"${'x'.repeat(1024 * 1024)}"}`))).status).toBe(413);
  });
});

// ------------------------------------------------------------------------------------------------ Gorgias
function gorgiasRequest(query: string, headers: Record<string, string> = { authorization: 'Bearer gorgias-key-9f8e7d' }) {
  return new Request(`https://wismo.example/gorgias${query}`, { headers });
}

describe('Gorgias HTTP integration', () => {
  it('answers a lookup by the customer’s email with widget JSON', async () => {
    const response = await createApp(world()).request(gorgiasRequest(`?email=${encodeURIComponent(ANNA)}&locale=en-GB`));
    expect(response.status).toBe(200);
    const payload = (await response.json()) as GorgiasPayload;
    expect(payload.customer).toEqual({ email: ANNA, name: 'Anna Schmidt' });
    expect(payload.latestOrder).toMatchObject({ number: '1003', stageLabel: 'In transit', whoMustAct: 'Carrier', stale: false });
    expect(payload.latestOrder!.parcels[0]).toMatchObject({
      carrier: 'DHL Paket',
      trackingNumber: DHL_NUMBER,
      carrierPhone: '+49 228 4333112',
    });
    expect(payload.latestOrder!.suggestedReply).toMatch(/^Hallo Anna/);
    expect(payload.orders).toHaveLength(2);
  });

  it('takes the key as Basic auth or X-Wismo-Api-Key, and refuses anything else', async () => {
    const app = createApp(world());
    const basic = `Basic ${Buffer.from('gorgias:gorgias-key-9f8e7d').toString('base64')}`;
    expect((await app.request(gorgiasRequest(`?email=${ANNA}`, { authorization: basic }))).status).toBe(200);
    expect((await app.request(gorgiasRequest(`?email=${ANNA}`, { 'x-wismo-api-key': 'gorgias-key-9f8e7d' }))).status).toBe(200);
    expect((await app.request(gorgiasRequest(`?email=${ANNA}`, { authorization: 'Bearer gorgias-key-9f8e7e' }))).status).toBe(401);
    expect((await app.request(gorgiasRequest(`?email=${ANNA}`, {}))).status).toBe(401);
    expect((await app.request(gorgiasRequest(''))).status).toBe(400);
  });
});

// --------------------------------------------------------------------------------------- slow carriers
describe('a carrier slower than the helpdesk’s budget', () => {
  it('yields the cached data marked stale within the budget, for every helpdesk', async () => {
    const w = world();
    await w.service.viewsByEmail(ANNA); // last good data
    w.dhl.mode = 'hang';
    const budget = 200;
    const app = createApp(w, { timeBudgetsMs: { gorgias: budget, helpScout: budget, intercom: budget, gladly: budget, hubspot: budget } });
    const timed = async (request: Request) => {
      const started = performance.now();
      const response = await app.request(request);
      const elapsed = performance.now() - started;
      expect(response.status).toBe(200);
      expect(elapsed).toBeLessThan(budget + 800);
      return response;
    };

    const helpScout = (await (await timed(helpScoutRequest(HS_BODY, HS_SIGNATURE, '?locale=en'))).json()) as { html: string };
    expect(helpScout.html).toContain('Carrier data may be out of date');
    expect(helpScout.html).toContain(`DHL Paket ${DHL_NUMBER}: data from`);

    const intercom = (await (await timed(intercomRequest('submit', IC_SUBMIT, IC_SUBMIT_SIGNATURE))).json()) as IntercomCanvasResponse;
    expect(texts(intercom.canvas.content.components).join('\n')).toContain('Sendungsdaten eventuell nicht aktuell');
    expect(texts(intercom.canvas.content.components).join('\n')).toContain(DHL_NUMBER);

    const gladly = (await (await timed(gladlyRequest(GLADLY_DETAILED, GLADLY_DETAILED_SIGNATURE, 'corr-123'))).json()) as {
      results: GladlyCustomer[];
    };
    expect(gladly.results[0]!.customAttributes.carrierDataStale).toBe('true');
    expect(gladly.results[0]!.transactions![0]!.fulfillments[0]!.trackingNumber).toBe(DHL_NUMBER);

    const hubspot = (await (await timed(hubspotRequest())).json()) as HubSpotCardResponse;
    expect(hubspot.stale).toBe(true);
    expect(hubspot.orders[0]!.staleNotice?.lines.join(' ')).toContain(DHL_NUMBER);

    const gorgias = (await (await timed(gorgiasRequest(`?email=${ANNA}`))).json()) as GorgiasPayload;
    expect(gorgias.wismo.stale).toBe(true);
    expect(gorgias.latestOrder?.parcels[0]?.status).toBe('Unterwegs');
    w.dhl.release();
  });
});

describe('routes', () => {
  it('exist only for configured helpdesks', async () => {
    const app = createApp(world(), { secrets: { gorgias: SECRETS.gorgias } });
    expect((await app.request(helpScoutRequest())).status).toBe(404);
    expect((await app.request(gorgiasRequest(`?email=${ANNA}`))).status).toBe(200);
  });

  it('refuses a relative publicBaseUrl and a short session secret for iframe helpdesks', () => {
    const w = world();
    expect(() => createApp(w, { publicBaseUrl: '/helpdesk' })).toThrow(/absolute URL/);
    expect(() => createApp(w, { secrets: { freshdesk: { sharedSecret: 'x'.repeat(32) } }, sessionSecret: 'short' })).toThrow(
      /sessionSecret/,
    );
  });

  it('answers 503 without details when the order source fails', async () => {
    const w = world();
    const failing = { ...w.service, viewsByEmail: () => Promise.reject(new Error('postgres://user:pw@db down')) };
    const response = await createApp(w, { service: failing }).request(gorgiasRequest(`?email=${ANNA}`));
    const problem = await problemOf(response);
    expect(problem).toMatchObject({ status: 503, code: 'orders_unavailable' });
    expect(JSON.stringify(problem)).not.toContain('postgres');
  });
});
