import { readFileSync } from 'node:fs';
import type { PushRequest } from '@wismo/core';
import { describe, expect, it } from 'vitest';
import { createUspsPushReceiver, parseUspsPush, recoverUspsSubscription, subscribeUspsTracking } from './usps-push';

// An envelope as third-party sources describe it, around USPS's own detail example (accepted-detail-official-readme-
// example.json, its placeholder number kept). X-HMAC computed outside this code over timestamp + payload:
//   python3 -c "import json;e=json.load(open('src/__fixtures__/push-envelope-accepted.json'));print(e['timestamp']+e['payload'],end='')" \
//     | openssl dgst -sha256 -hmac 'usps-secret-0123456789abcdefghij' -binary | base64
const BODY = readFileSync(new URL('./__fixtures__/push-envelope-accepted.json', import.meta.url));
const SECRET = 'usps-secret-0123456789abcdefghij';
const OPENSSL_SIGNATURE = 'LSWb5ArxNfcxgEgtSUd8dDdaTZnE8HTtczCV5oszdBQ=';
const SIGNED_AT = new Date('2026-12-05T01:00:00Z');

function request(
  headers: Record<string, string>,
  body: Uint8Array = BODY,
  receivedAt = new Date(SIGNED_AT.getTime() + 2_000),
): PushRequest {
  return { method: 'POST', url: '/webhooks/carriers/usps', headers, body, receivedAt };
}

describe('USPS X-HMAC verifier', () => {
  const receiver = createUspsPushReceiver({ secret: SECRET, toleranceMs: 300_000 });

  it('accepts the openssl-computed signature (and the hmac-header alias) and reports the signed time', () => {
    expect(receiver.verify(request({ 'x-hmac': OPENSSL_SIGNATURE }))).toEqual({ ok: true, deliveryId: null, sentAt: SIGNED_AT });
    expect(receiver.verify(request({ 'hmac-header': OPENSSL_SIGNATURE }))).toMatchObject({ ok: true });
  });

  it('refuses a changed payload, a changed timestamp, a wrong secret and a missing header', () => {
    const envelope = JSON.parse(BODY.toString('utf8')) as { timestamp: string; payload: string };
    const changedPayload = Buffer.from(JSON.stringify({ ...envelope, payload: envelope.payload.replace('Accepted', 'Delivered') }));
    expect(receiver.verify(request({ 'x-hmac': OPENSSL_SIGNATURE }, changedPayload))).toMatchObject({ failure: 'bad_signature' });
    const changedTime = Buffer.from(JSON.stringify({ ...envelope, timestamp: '2026-12-05T01:00:01Z' }));
    expect(receiver.verify(request({ 'x-hmac': OPENSSL_SIGNATURE }, changedTime))).toMatchObject({ failure: 'bad_signature' });
    expect(createUspsPushReceiver({ secret: SECRET.toUpperCase() }).verify(request({ 'x-hmac': OPENSSL_SIGNATURE }))).toMatchObject({
      failure: 'bad_signature',
    });
    expect(receiver.verify(request({}))).toMatchObject({ failure: 'missing_signature' });
    expect(receiver.verify(request({ 'x-hmac': OPENSSL_SIGNATURE }, Buffer.from('[]')))).toMatchObject({ failure: 'malformed' });
  });

  it('refuses a correctly signed delivery replayed after the tolerance window', () => {
    const late = new Date(SIGNED_AT.getTime() + 300_001);
    expect(receiver.verify(request({ 'x-hmac': OPENSSL_SIGNATURE }, BODY, late))).toMatchObject({ failure: 'stale' });
  });
});

describe('parseUspsPush', () => {
  it('reads the payload with the poll parser as a partial update', () => {
    const { updates, rejects } = parseUspsPush(BODY.toString('utf8'), { receivedAt: SIGNED_AT });
    expect(rejects).toEqual([]);
    expect(updates).toMatchObject([{ carrier: 'usps', trackingNumber: 'XXXXXXXXXXXXXXXXXXXX', complete: false }]);
    expect(updates[0]!.shipment.status).toBe('in_transit');
    expect(parseUspsPush('{"timestamp":"x","payload":"{"}', { receivedAt: SIGNED_AT }).rejects).toMatchObject([{ code: 'malformed' }]);
    expect(
      parseUspsPush(JSON.stringify({ timestamp: 'x', payload: '{"statusCategory":"Accepted"}' }), { receivedAt: SIGNED_AT }).rejects,
    ).toMatchObject([{ index: 0, code: 'malformed' }]);
  });
});

describe('USPS subscriptions', () => {
  function fakeUsps(status: string | 404) {
    const calls: string[] = [];
    const fetch = (async (url: string, init: RequestInit) => {
      calls.push(`${init.method} ${new URL(url).pathname}`);
      if (init.method === 'GET')
        return status === 404
          ? new Response('{"error":{"code":"404"}}', { status: 404 })
          : new Response(JSON.stringify({ subscriptionId: 'sub-1', status }), { status: 200 });
      if (init.method === 'DELETE') return new Response(null, { status: 204 });
      const body = JSON.parse(String(init.body)) as { secret: string; filterProperties: unknown };
      expect(body.secret).toBe(SECRET);
      return new Response(JSON.stringify({ subscriptionId: 'sub-2', status: 'ACTIVE' }), { status: 201 });
    }) as typeof globalThis.fetch;
    return { calls, fetch };
  }
  const base = {
    accessToken: async () => 'token',
    listenerURL: 'https://shop.example/webhooks/carriers/usps',
    secret: SECRET,
    filter: { trackingNumbers: ['9400111899223197428490'] },
    subscriptionId: 'sub-1',
  };

  it('recreates a SUSPENDED subscription, and a deleted one, and leaves an active one alone', async () => {
    const suspended = fakeUsps('SUSPENDED');
    expect(await recoverUspsSubscription({ ...base, fetch: suspended.fetch })).toMatchObject({
      recovered: true,
      subscription: { subscriptionId: 'sub-2' },
    });
    expect(suspended.calls).toEqual([
      'GET /subscriptions-tracking/v3/subscriptions/sub-1',
      'DELETE /subscriptions-tracking/v3/subscriptions/sub-1',
      'POST /subscriptions-tracking/v3/subscriptions',
    ]);
    const deleted = fakeUsps(404);
    expect(await recoverUspsSubscription({ ...base, fetch: deleted.fetch })).toMatchObject({ recovered: true });
    expect(deleted.calls).toHaveLength(2);
    const active = fakeUsps('ACTIVE');
    expect(await recoverUspsSubscription({ ...base, fetch: active.fetch })).toMatchObject({ recovered: false });
    expect(active.calls).toHaveLength(1);
  });

  it('refuses a secret USPS would refuse', async () => {
    await expect(subscribeUspsTracking({ ...base, secret: 'short', fetch: fakeUsps('ACTIVE').fetch })).rejects.toMatchObject({
      code: 'configuration',
    });
  });
});
