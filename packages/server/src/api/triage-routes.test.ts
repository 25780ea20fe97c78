import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerSecret } from '@wismo/core';
import { SANDBOX_NUMBERS } from '@wismo/testkit';
import { API_KEY, BRAND, CARRIER_SECRET, FIXED_NOW, startTestCarriers, type TestSetup } from '../__fixtures__/server-fixtures';
import { createWismoServer, type WismoServer } from '../create-server';
import { TriageResponseSchema } from './triage-routes';

const BASE = 'http://wismo.test';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

describe('POST /v1/triage', () => {
  let setup: TestSetup;
  let server: WismoServer;

  const post = (body: unknown, key: string | null = API_KEY) =>
    server.app.request(`${BASE}/v1/triage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  beforeAll(async () => {
    registerSecret(CARRIER_SECRET);
    setup = await startTestCarriers();
    server = createWismoServer({
      tracker: setup.tracker,
      orders: setup.orders,
      carriers: setup.carriers,
      apiKeys: [API_KEY],
      brand: BRAND,
      logger: setup.logger,
      now: () => FIXED_NOW,
    });
  });
  afterAll(() => setup.close());

  it('triages a German ticket against the requester’s order found by its number in the text', async () => {
    const response = await post({
      ticket: {
        subject: 'Wo bleibt meine Bestellung?',
        body: 'Hallo, meine Bestellung 1001 ist noch nicht angekommen. Wann kommt sie?',
        channel: 'email',
        requesterEmail: 'anna.schmidt@example.de',
      },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body: Loose = await response.json();
    expect(() => TriageResponseSchema.parse(body)).not.toThrow();
    expect(body).toMatchObject({ intent: 'where_is_my_order', language: 'de', orderLookup: 'ok', stale: false });
    expect(body.orders).toEqual([expect.objectContaining({ orderNumber: '1001', matchedBy: ['order_number'] })]);
    expect(body.tags).toEqual(
      expect.arrayContaining([
        'wismo_intent_where_is_my_order',
        `wismo_skill_${body.skill}`,
        `wismo_priority_${body.priority}`,
        'wismo_lang_de',
      ]),
    );
    expect(body.suggestedReply).toMatch(/^Hallo/);
    expect(body.suggestedReply).toContain(BRAND.name);
  });

  it('finds the order from a tracking number in the text', async () => {
    const response = await post({
      ticket: { body: `Where is my parcel ${SANDBOX_NUMBERS.usps.out_for_delivery}?`, requesterEmail: 'jordan@example.com' },
    });
    const body: Loose = await response.json();
    expect(body.orders).toEqual([expect.objectContaining({ orderNumber: 'US-1002', matchedBy: ['tracking_number'] })]);
    expect(body.references.trackingNumbers[0]).toMatchObject({ trackingNumber: SANDBOX_NUMBERS.usps.out_for_delivery });
  });

  it('never triages against another customer’s order', async () => {
    const response = await post({ ticket: { body: 'Where is order US-1002?', requesterEmail: 'anna.schmidt@example.de' } });
    const body: Loose = await response.json();
    expect(body.otherCustomersOrders).toEqual(['US-1002']);
    expect(body.orders.map((order: Loose) => order.orderNumber)).toEqual(['1001']);
    expect(body.suggestedReply ?? '').not.toContain('Jordan');
  });

  it('uses the helpdesk’s order field when given', async () => {
    const body: Loose = await (await post({ ticket: { body: 'any news?' }, orderNumber: 'US-1002' })).json();
    expect(body.orders).toEqual([expect.objectContaining({ orderNumber: 'US-1002', matchedBy: ['order_number'] })]);
    expect(body.language).toBe('en');
  });

  it('triages the words alone when no order is found', async () => {
    const body: Loose = await (await post({ ticket: { body: 'Je voudrais annuler ma commande.', channel: 'chat' } })).json();
    expect(body).toMatchObject({ intent: 'cancel_order', language: 'fr', autoAnswerable: false, orders: [], suggestedReply: null });
    expect(body.tags).toContain('wismo_no_order');
  });

  it('rejects an invalid body with every failing field, and a missing key', async () => {
    const invalid = await post({ ticket: { subject: 'x', channel: 'pigeon' } });
    expect(invalid.status).toBe(400);
    const problem: Loose = await invalid.json();
    expect(problem.code).toBe('invalid_request');
    expect(problem.errors.map((error: Loose) => error.path)).toEqual(expect.arrayContaining(['body.ticket.body', 'body.ticket.channel']));
    expect((await post({ ticket: { body: 'hello' } }, null)).status).toBe(401);
  });

  it('is in the OpenAPI document', async () => {
    const document: Loose = await (await server.app.request(`${BASE}/openapi.json`)).json();
    const operation = document.paths['/v1/triage'].post;
    expect(operation.operationId).toBe('triageTicket');
    expect(operation.tags).toEqual(['Triage']);
    expect(operation.requestBody.content['application/json'].schema.$ref).toBe('#/components/schemas/TriageRequest');
    expect(operation.responses['200'].content['application/json'].schema.$ref).toBe('#/components/schemas/TriageResult');
    expect(document.components.schemas.TriageResult.properties.skill.enum).toContain('customs');
  });
});

describe('POST /v1/triage when the order source fails', () => {
  let setup: TestSetup;
  afterAll(() => setup.close());

  it('answers from the words and says the lookup failed', async () => {
    setup = await startTestCarriers();
    const failing = {
      ...setup.orders,
      findOrdersByCustomerEmail: () => Promise.reject(new Error('database down')),
      getOrderByNumber: () => Promise.reject(new Error('database down')),
      getOrderById: () => Promise.reject(new Error('database down')),
    };
    const server = createWismoServer({
      tracker: setup.tracker,
      orders: failing,
      carriers: setup.carriers,
      apiKeys: [API_KEY],
      brand: BRAND,
      logger: setup.logger,
      now: () => FIXED_NOW,
    });
    const response = await server.app.request(`${BASE}/v1/triage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${API_KEY}` },
      body: JSON.stringify({ ticket: { body: 'The parcel arrived damaged.', requesterEmail: 'anna.schmidt@example.de' } }),
    });
    expect(response.status).toBe(200);
    const body: Loose = await response.json();
    expect(body).toMatchObject({ intent: 'damaged_or_missing_items', orderLookup: 'failed', orders: [] });
    expect(setup.logLines.some((line) => line.includes('triage: order lookup failed'))).toBe(true);
  });
});
