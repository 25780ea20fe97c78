import { readFileSync } from 'node:fs';
import type { PushRequest } from '@wismo/core';
import { describe, expect, it } from 'vitest';
import { createUpsPushReceiver, parseUpsTrackAlertPush, subscribeUpsTrackAlert, upsSubscriptionsToRenew } from './ups-push';

// The two messages are UPS's own examples 6 and 7 of the `TrackingEvent` webhook (UPS-API/api-documentation
// `UPSTrackAlert.yaml`), YAML turned into JSON.
const DELIVERED = readFileSync(new URL('./__fixtures__/push-track-alert-delivered.json', import.meta.url), 'utf8');
const OUT_FOR_DELIVERY = readFileSync(new URL('./__fixtures__/push-track-alert-out-for-delivery.json', import.meta.url), 'utf8');
const RECEIVED_AT = new Date('2024-04-23T14:00:00Z');
const CREDENTIAL = 'ups-v1-credential-5f0c2a';

function request(headers: Record<string, string>, body = DELIVERED, receivedAt = RECEIVED_AT): PushRequest {
  return { method: 'POST', url: '/webhooks/carriers/ups', headers, body: Buffer.from(body), receivedAt };
}

describe('UPS Track Alert v1 verifier (credential header)', () => {
  const receiver = createUpsPushReceiver({ flavour: 'v1', credential: CREDENTIAL });

  it('accepts the credential we gave in the subscription', () => {
    expect(receiver.verify(request({ credential: CREDENTIAL, 'user-agent': 'UPSPubSubTrackingService' }))).toMatchObject({ ok: true });
  });

  it('refuses a missing or wrong credential without echoing either', () => {
    expect(receiver.verify(request({}))).toMatchObject({ ok: false, failure: 'missing_signature' });
    const wrong = receiver.verify(request({ credential: `${CREDENTIAL}x` }));
    expect(wrong).toMatchObject({ ok: false, failure: 'bad_signature' });
    expect(JSON.stringify(wrong)).not.toContain(CREDENTIAL);
    expect(receiver.verify(request({ credential: CREDENTIAL.slice(0, -1) }))).toMatchObject({ ok: false, failure: 'bad_signature' });
  });
});

describe('UPS Track Alert v2 verifier (our OAuth token URL)', () => {
  const settings = { flavour: 'v2' as const, clientId: 'ups-webhook-client', clientSecret: 'ups-webhook-secret-91d2', tokenTtlMs: 60_000 };
  const receiver = createUpsPushReceiver(settings);
  const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

  function token(): string {
    const answer = receiver.answerTokenRequest!(
      request({ authorization: basic(settings.clientId, settings.clientSecret) }, 'grant_type=client_credentials'),
    );
    expect(answer.status).toBe(200);
    const body = JSON.parse(answer.body) as { access_token: string; token_type: string; expires_in: number };
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 60 });
    return body.access_token;
  }

  it('issues a token for the portal credentials (basic or form) and refuses others', () => {
    expect(token()).toMatch(/^wup1\./);
    const form = receiver.answerTokenRequest!(
      request({}, `grant_type=client_credentials&client_id=${settings.clientId}&client_secret=${settings.clientSecret}`),
    );
    expect(form.status).toBe(200);
    const refused = receiver.answerTokenRequest!(
      request({ authorization: basic(settings.clientId, 'guess') }, 'grant_type=client_credentials'),
    );
    expect(refused).toMatchObject({ status: 401 });
    expect(refused.body).not.toContain(settings.clientSecret);
  });

  it('accepts a delivery with our token and the client id as x-api-key', () => {
    expect(receiver.verify(request({ authorization: `Bearer ${token()}`, 'x-api-key': settings.clientId }))).toMatchObject({ ok: true });
  });

  it('refuses a tampered, foreign or expired token and a wrong x-api-key', () => {
    const good = token();
    const tampered = `${good.slice(0, -2)}${good.endsWith('AA') ? 'BB' : 'AA'}`;
    expect(receiver.verify(request({ authorization: `Bearer ${tampered}`, 'x-api-key': settings.clientId }))).toMatchObject({
      failure: 'bad_signature',
    });
    const other = createUpsPushReceiver({ ...settings, clientSecret: 'another-secret' });
    const foreign = JSON.parse(
      other.answerTokenRequest!(request({ authorization: basic(settings.clientId, 'another-secret') }, '')).body,
    ) as { access_token: string };
    expect(receiver.verify(request({ authorization: `Bearer ${foreign.access_token}`, 'x-api-key': settings.clientId }))).toMatchObject({
      failure: 'bad_signature',
    });
    const later = new Date(RECEIVED_AT.getTime() + 61_000);
    expect(receiver.verify(request({ authorization: `Bearer ${good}`, 'x-api-key': settings.clientId }, DELIVERED, later))).toMatchObject({
      failure: 'stale',
    });
    expect(receiver.verify(request({ authorization: `Bearer ${good}`, 'x-api-key': 'someone-else' }))).toMatchObject({
      failure: 'bad_signature',
    });
    expect(receiver.verify(request({ 'x-api-key': settings.clientId }))).toMatchObject({ failure: 'missing_signature' });
  });
});

describe('parseUpsTrackAlertPush', () => {
  it('reads UPS’s delivery example as a partial update: the scan at its GMT instant, the delivery moment', () => {
    const { updates, rejects } = parseUpsTrackAlertPush(DELIVERED, { receivedAt: RECEIVED_AT });
    expect(rejects).toEqual([]);
    expect(updates).toHaveLength(1);
    const [update] = updates;
    expect(update).toMatchObject({ carrier: 'ups', trackingNumber: '1Z204W4R0308071865', complete: false });
    expect(update!.shipment.status).toBe('delivered');
    const [event] = update!.shipment.events;
    expect(event).toMatchObject({
      status: 'delivered',
      occurredAt: '2024-04-23T13:50:04Z',
      localTime: '2024-04-23T09:50:04',
      timeKind: 'instant',
      unmapped: false,
      raw: { code: 'D/FS/011' },
      location: { city: 'CHARLOTTE', region: 'NC', postalCode: '28209', countryCode: 'US' },
    });
    expect(update!.shipment.fetchedAt).toBe('2024-04-23T14:00:00.000Z');
  });

  it('reads a numeric descriptionCode (UPS’s v2 example writes `descriptionCode: 021` unquoted)', () => {
    const numeric = JSON.stringify({
      ...JSON.parse(OUT_FOR_DELIVERY),
      activityStatus: { type: 'I', code: 'OT', description: 'Out for Delivery', descriptionCode: 21 },
    });
    const [event] = parseUpsTrackAlertPush(numeric, { receivedAt: RECEIVED_AT }).updates[0]!.shipment.events;
    expect(event).toMatchObject({ status: 'out_for_delivery', raw: { code: 'I/OT/21', codes: { statusCode: '21' } } });
  });

  it('keeps the scheduled delivery day of an out-for-delivery message', () => {
    const [update] = parseUpsTrackAlertPush(OUT_FOR_DELIVERY, { receivedAt: RECEIVED_AT }).updates;
    expect(update!.shipment.status).toBe('out_for_delivery');
    expect(update!.shipment.estimatedDelivery).toMatchObject({ from: '2024-04-23', to: '2024-04-23', timeKind: 'date' });
  });

  it('keeps an unknown code as an unmapped event, and reports unreadable items instead of dropping them', () => {
    const unknown = JSON.stringify({
      ...JSON.parse(DELIVERED),
      activityStatus: { type: 'Q', code: 'ZZ', descriptionCode: '999', description: 'New' },
    });
    const [event] = parseUpsTrackAlertPush(unknown, { receivedAt: RECEIVED_AT }).updates[0]!.shipment.events;
    expect(event).toMatchObject({ status: 'unknown', unmapped: true, raw: { code: 'Q/ZZ/999' } });
    expect(parseUpsTrackAlertPush('not json', { receivedAt: RECEIVED_AT }).rejects).toMatchObject([{ index: null, code: 'malformed' }]);
    const mixed = parseUpsTrackAlertPush(`[${DELIVERED}, {"localActivityDate":"20240423"}]`, { receivedAt: RECEIVED_AT });
    expect(mixed.updates).toHaveLength(1);
    expect(mixed.rejects).toMatchObject([{ index: 1, code: 'malformed' }]);
  });
});

describe('subscribeUpsTrackAlert', () => {
  const numbers = Array.from({ length: 250 }, (_, index) => `1ZCIETST${String(index).padStart(10, '0')}`);

  it('subscribes in batches of at most 100 with the v1 destination, and dates the 14-day expiry', async () => {
    const calls: Array<{ url: string; headers: Record<string, string>; body: { trackingNumberList: string[]; destination?: unknown } }> =
      [];
    const fetch = (async (url: string, init: RequestInit) => {
      const body = JSON.parse(String(init.body)) as { trackingNumberList: string[] };
      calls.push({ url, headers: init.headers as Record<string, string>, body });
      const [first, ...rest] = body.trackingNumberList;
      return new Response(JSON.stringify({ validTrackingNumbers: rest, invalidTrackingNumbers: [first] }), { status: 200 });
    }) as typeof globalThis.fetch;
    const result = await subscribeUpsTrackAlert({
      trackingNumbers: [...numbers, 'not-a-1z'],
      flavour: 'v1',
      destination: { url: 'https://shop.example/webhooks/carriers/ups', credential: CREDENTIAL },
      accessToken: async () => 'access-token',
      fetch,
      now: () => new Date('2026-12-01T00:00:00Z'),
    });
    expect(calls.map((call) => call.body.trackingNumberList.length)).toEqual([100, 100, 50]);
    expect(calls[0]!.url).toBe('https://onlinetools.ups.com/api/track/v1/subscription/standard/package');
    expect(calls[0]!.headers).toMatchObject({ Authorization: 'Bearer access-token', transactionSrc: 'wismo' });
    expect(calls[0]!.body.destination).toEqual({
      url: 'https://shop.example/webhooks/carriers/ups',
      credentialType: 'Bearer',
      credential: CREDENTIAL,
    });
    expect(result.subscribed).toHaveLength(247);
    expect(result.invalid).toEqual(['NOT-A-1Z', numbers[0], numbers[100], numbers[200]]);
    expect(result.subscribed[0]).toMatchObject({ expiresAt: '2026-12-15T00:00:00.000Z', renewAt: '2026-12-14T00:00:00.000Z' });
    expect(upsSubscriptionsToRenew(result.subscribed, new Date('2026-12-13T23:59:59Z'))).toEqual([]);
    expect(upsSubscriptionsToRenew(result.subscribed, new Date('2026-12-14T00:00:00Z'))).toHaveLength(247);
  });

  it('v2 sends no destination (and event preferences only when enhanced); one refused batch does not stop the others', async () => {
    let call = 0;
    const fetch = (async (url: string, init: RequestInit) => {
      call += 1;
      const body = JSON.parse(String(init.body)) as { trackingNumberList: string[]; destination?: unknown; eventPreferences?: string[] };
      expect(url).toContain('/api/track/v2/subscription/standard/package');
      expect(body.destination).toBeUndefined();
      expect(body.eventPreferences).toBeUndefined();
      if (call === 2)
        return new Response(JSON.stringify({ response: { errors: [{ code: 'VSS100', message: 'unavailable' }] } }), {
          status: 429,
          headers: { 'retry-after': '7' },
        });
      return new Response(JSON.stringify({ validTrackingNumbers: body.trackingNumberList }), { status: 200 });
    }) as typeof globalThis.fetch;
    const result = await subscribeUpsTrackAlert({ trackingNumbers: numbers, flavour: 'v2', accessToken: async () => 't', fetch });
    expect(result.subscribed).toHaveLength(150);
    expect(result.failed).toHaveLength(1);
    expect(result.failed[0]!.trackingNumbers).toHaveLength(100);
    expect(result.failed[0]!.error).toMatchObject({ code: 'rate_limited', retryable: true, retryAfterMs: 7000, carrierCodes: ['VSS100'] });
    const enhanced: unknown[] = [];
    await subscribeUpsTrackAlert({
      trackingNumbers: numbers.slice(0, 1),
      flavour: 'v2',
      subscriptionType: 'enhanced',
      eventPreferences: ['D'],
      accessToken: async () => 't',
      fetch: (async (url: string, init: RequestInit) => {
        expect(url).toContain('/api/track/v2/subscription/enhanced/package');
        enhanced.push(JSON.parse(String(init.body)));
        return new Response('{"validTrackingNumbers":[]}', { status: 200 });
      }) as typeof globalThis.fetch,
    });
    expect(enhanced).toMatchObject([{ eventPreferences: ['D'] }]);
  });
});
