import { readFileSync } from 'node:fs';
import type { PushRequest } from '@wismo/core';
import { describe, expect, it } from 'vitest';
import { createFedexPushReceiver, parseFedexPush } from './fedex-push';

// A delivered Track API answer (karrioapi/karrio, see docs/research/carrier-samples/SOURCES.md): FedEx documents push
// payloads as Track API results. The signature below was computed outside this code:
//   openssl dgst -sha256 -hmac 'fedex-test-security-token' -binary src/__fixtures__/push-delivered-track-api-shape.json | base64
const BODY = readFileSync(new URL('./__fixtures__/push-delivered-track-api-shape.json', import.meta.url));
const SECURITY_TOKEN = 'fedex-test-security-token';
const OPENSSL_SIGNATURE = '9LimgoCxXOhlN9VCbJ0BY4UAhAku3mOdAslfxKNI1As=';
const RECEIVED_AT = new Date('2024-08-20T12:00:00Z');

function request(headers: Record<string, string>, body: Uint8Array = BODY): PushRequest {
  return { method: 'POST', url: '/webhooks/carriers/fedex', headers, body, receivedAt: RECEIVED_AT };
}

describe('FedEx fdx-signature verifier', () => {
  const receiver = createFedexPushReceiver({ securityToken: SECURITY_TOKEN });

  it('accepts the openssl-computed signature over the raw body', () => {
    expect(receiver.verify(request({ 'fdx-signature': OPENSSL_SIGNATURE }))).toMatchObject({ ok: true });
  });

  it('refuses a body changed by one byte, a wrong token, a missing header', () => {
    const tampered = Buffer.from(BODY);
    const at = tampered.indexOf('738488882438');
    expect(at).toBeGreaterThan(0);
    tampered[at] = '8'.charCodeAt(0);
    expect(receiver.verify(request({ 'fdx-signature': OPENSSL_SIGNATURE }, tampered))).toMatchObject({ failure: 'bad_signature' });
    // Re-serialised JSON is a different byte string: signatures are over the bytes as sent.
    const reserialised = Buffer.from(JSON.stringify(JSON.parse(BODY.toString('utf8'))));
    expect(receiver.verify(request({ 'fdx-signature': OPENSSL_SIGNATURE }, reserialised))).toMatchObject({ failure: 'bad_signature' });
    const wrong = createFedexPushReceiver({ securityToken: `${SECURITY_TOKEN}-old` });
    expect(wrong.verify(request({ 'fdx-signature': OPENSSL_SIGNATURE }))).toMatchObject({ failure: 'bad_signature' });
    expect(receiver.verify(request({}))).toMatchObject({ failure: 'missing_signature' });
  });
});

describe('parseFedexPush', () => {
  it('reads a Track-API-shaped push as a complete update through the poll parser', () => {
    const { updates, rejects } = parseFedexPush(BODY.toString('utf8'), { receivedAt: RECEIVED_AT });
    expect(rejects).toEqual([]);
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({ carrier: 'fedex', trackingNumber: '738488882438', complete: true });
    expect(updates[0]!.shipment.status).toBe('delivered');
    expect(updates[0]!.shipment.events.length).toBeGreaterThan(1);
    expect(updates[0]!.shipment.raw).toBeUndefined();
  });

  it('accepts one track result on its own and reports what it cannot read', () => {
    const answer = JSON.parse(BODY.toString('utf8')) as { output: { completeTrackResults: Array<{ trackResults: unknown[] }> } };
    const single = JSON.stringify(answer.output.completeTrackResults[0]!.trackResults[0]);
    expect(parseFedexPush(single, { receivedAt: RECEIVED_AT }).updates).toHaveLength(1);
    expect(parseFedexPush('{}', { receivedAt: RECEIVED_AT }).rejects).toMatchObject([{ index: null, code: 'malformed' }]);
    expect(parseFedexPush('<xml/>', { receivedAt: RECEIVED_AT }).rejects).toMatchObject([{ index: null, code: 'malformed' }]);
  });
});
