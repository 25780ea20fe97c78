import { readFileSync } from 'node:fs';
import type { PushRequest } from '@wismo/core';
import { describe, expect, it } from 'vitest';
import { createDhlPushReceiver, parseDhlPush, subscribeDhlPush } from './dhl-push';

// A real DHL Unified answer for a parcel-de piece (see __fixtures__/README.md): DHL's push sends that shape.
const BODY = readFileSync(new URL('./__fixtures__/delivered-parcel-de-real-german.json', import.meta.url), 'utf8');
const SETTINGS = { header: 'x-wismo-dhl-token', token: 'dhl-push-token-3b7e' };

function request(headers: Record<string, string>): PushRequest {
  return { method: 'POST', url: '/webhooks/carriers/dhl', headers, body: Buffer.from(BODY), receivedAt: new Date('2023-03-13T10:00:00Z') };
}

describe('DHL push verifier (a static token in a header we name)', () => {
  const receiver = createDhlPushReceiver(SETTINGS);

  it('accepts the token in the named header only', () => {
    expect(receiver.verify(request({ 'x-wismo-dhl-token': SETTINGS.token }))).toMatchObject({ ok: true });
    expect(receiver.verify(request({ authorization: SETTINGS.token }))).toMatchObject({ failure: 'missing_signature' });
    const wrong = receiver.verify(request({ 'x-wismo-dhl-token': 'dhl-push-token-3b7f' }));
    expect(wrong).toMatchObject({ failure: 'bad_signature' });
    expect(JSON.stringify(wrong)).not.toContain(SETTINGS.token);
  });
});

describe('parseDhlPush', () => {
  it('reads a Unified-shaped push with the poll parser as a partial update', () => {
    const { updates, rejects } = parseDhlPush(BODY, { receivedAt: new Date('2023-03-13T10:00:00Z') });
    expect(rejects).toEqual([]);
    expect(updates).toMatchObject([{ carrier: 'dhl', trackingNumber: '470800204932', complete: false }]);
    expect(updates[0]!.shipment.status).toBe('delivered');
    expect(parseDhlPush('{"shipments":[{"status":{}}]}', { receivedAt: new Date() }).rejects).toMatchObject([
      { index: 0, code: 'malformed' },
    ]);
  });
});

describe('subscribeDhlPush', () => {
  it('sends the documented account subscription body with our header and token', async () => {
    let sent: unknown;
    const fetch = (async (url: string, init: RequestInit) => {
      expect(url).toBe('https://api-eu.dhl.com/tracking/push/v1/subscription');
      expect(init.headers).toMatchObject({ 'DHL-API-Key': 'api-key' });
      sent = JSON.parse(String(init.body));
      return new Response('{"id":"sub-9"}', { status: 201 });
    }) as typeof globalThis.fetch;
    const result = await subscribeDhlPush({
      apiKey: 'api-key',
      uri: 'https://shop.example/webhooks/carriers/dhl',
      authentication: SETTINGS,
      accountId: '12345678',
      service: 'ecommerce-europe',
      fetch,
    });
    expect(result).toEqual({ subscriptionId: 'sub-9' });
    expect(sent).toEqual({
      hook: { uri: 'https://shop.example/webhooks/carriers/dhl', authentication: { type: 'ApiKeyAuthentication', ...SETTINGS } },
      format: 'Default',
      type: 'Account',
      service: 'ecommerce-europe',
      events: ['Pre-Transit', 'Transit', 'Delivered', 'Failure', 'Unknown'],
      accountID: '12345678',
    });
  });
});
