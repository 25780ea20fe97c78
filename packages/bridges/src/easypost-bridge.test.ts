import { describe, expect, it } from 'vitest';
import { mapEasypostStatus, parseEasypostWebhook, verifyEasypostWebhook } from './easypost-bridge';
import {
  EASYPOST_LEGACY_SIGNATURE,
  EASYPOST_SECRET,
  EASYPOST_V2_PATH,
  EASYPOST_V2_SIGNATURE,
  EASYPOST_V2_TIMESTAMP,
  fixtureBytes,
  fixtureText,
  pushRequest,
  tampered,
} from './__fixtures__/bridge-fixtures';

const FIXTURE = 'easypost-tracker-updated.json';
const settings = { webhookSecret: EASYPOST_SECRET };
const SIGNED_AT = new Date('2026-12-05T13:10:05Z');
const v2Headers = { 'X-Timestamp': EASYPOST_V2_TIMESTAMP, 'X-Path': EASYPOST_V2_PATH, 'X-Hmac-Signature-V2': EASYPOST_V2_SIGNATURE };

describe('EasyPost legacy X-Hmac-Signature', () => {
  it('accepts the openssl vector (secret NFKD-normalised) and names the delivery by event id', () => {
    expect(verifyEasypostWebhook(pushRequest(fixtureBytes(FIXTURE), { 'X-Hmac-Signature': EASYPOST_LEGACY_SIGNATURE }), settings)).toEqual({
      ok: true,
      deliveryId: 'easypost:evt_3f8a1b2c4d5e6f70',
      sentAt: null,
    });
  });

  it('refuses tampered bodies, wrong secrets, a missing prefix and missing headers', () => {
    const body = fixtureBytes(FIXTURE);
    const header = { 'X-Hmac-Signature': EASYPOST_LEGACY_SIGNATURE };
    expect(verifyEasypostWebhook(pushRequest(tampered(body), header), settings)).toMatchObject({ failure: 'bad_signature' });
    // The un-normalised ligature is a different key.
    expect(verifyEasypostWebhook(pushRequest(body, header), { webhookSecret: 'fi-secret-e2x' })).toMatchObject({
      failure: 'bad_signature',
    });
    const bare = { 'X-Hmac-Signature': EASYPOST_LEGACY_SIGNATURE.replace('hmac-sha256-hex=', '') };
    expect(verifyEasypostWebhook(pushRequest(body, bare), settings)).toMatchObject({ failure: 'bad_signature' });
    expect(verifyEasypostWebhook(pushRequest(body, {}), settings)).toMatchObject({ failure: 'missing_signature' });
    expect(verifyEasypostWebhook(pushRequest(body, header), { ...settings, requireV2: true })).toMatchObject({
      failure: 'missing_signature',
    });
  });
});

describe('EasyPost v2 (X-Timestamp, X-Path, X-Hmac-Signature-V2)', () => {
  const at = (offsetMs: number) => ({ receivedAt: new Date(SIGNED_AT.getTime() + offsetMs) });

  it('accepts the openssl vector within the window', () => {
    expect(verifyEasypostWebhook(pushRequest(fixtureBytes(FIXTURE), v2Headers, at(25_000)), { ...settings, requireV2: true })).toEqual({
      ok: true,
      deliveryId: 'easypost:evt_3f8a1b2c4d5e6f70',
      sentAt: SIGNED_AT,
    });
  });

  it('refuses stale and future timestamps (a replay after the window), tampered parts and missing headers', () => {
    const body = fixtureBytes(FIXTURE);
    expect(verifyEasypostWebhook(pushRequest(body, v2Headers, at(5 * 60_000 + 1_000)), settings)).toMatchObject({ failure: 'stale' });
    expect(verifyEasypostWebhook(pushRequest(body, v2Headers, at(-(5 * 60_000 + 1_000))), settings)).toMatchObject({ failure: 'stale' });
    expect(verifyEasypostWebhook(pushRequest(tampered(body), v2Headers, at(0)), settings)).toMatchObject({ failure: 'bad_signature' });
    // A replay with a fresh timestamp but the old signature fails: the timestamp is signed.
    const refreshed = { ...v2Headers, 'X-Timestamp': 'Sat, 05 Dec 2026 13:20:05 -0000' };
    expect(verifyEasypostWebhook(pushRequest(body, refreshed, at(10 * 60_000)), settings)).toMatchObject({ failure: 'bad_signature' });
    const otherPath = { ...v2Headers, 'X-Path': '/somewhere/else' };
    expect(verifyEasypostWebhook(pushRequest(body, otherPath, at(0)), settings)).toMatchObject({ failure: 'bad_signature' });
    const { 'X-Path': _path, ...withoutPath } = v2Headers;
    expect(verifyEasypostWebhook(pushRequest(body, withoutPath, at(0)), settings)).toMatchObject({ failure: 'malformed' });
    // A valid legacy signature next to a bad v2 one does not rescue it (no downgrade).
    const mixed = { ...v2Headers, 'X-Hmac-Signature-V2': 'hmac-sha256-hex=00', 'X-Hmac-Signature': EASYPOST_LEGACY_SIGNATURE };
    expect(verifyEasypostWebhook(pushRequest(body, mixed, at(0)), settings)).toMatchObject({ failure: 'bad_signature' });
  });
});

describe('mapEasypostStatus', () => {
  it('lets the detail refine within the status, move in_transit and failure, and leaves unknown codes unmapped', () => {
    expect(mapEasypostStatus('in_transit', 'weather_delay').entry).toEqual({ status: 'in_transit', substatus: 'delayed_weather' });
    expect(mapEasypostStatus('in_transit', 'refused').entry).toEqual({ status: 'attempt_failed', substatus: 'attempt_failed_refused' });
    expect(mapEasypostStatus('failure', 'lost').entry).toEqual({ status: 'exception', substatus: 'lost' });
    // Delivered is definitive: "arrived_at_destination" does not take it back to in_transit.
    expect(mapEasypostStatus('delivered', 'arrived_at_destination').entry).toEqual({ status: 'delivered', substatus: 'delivered' });
    expect(mapEasypostStatus('pre_transit', 'status_update')).toEqual({
      rawCode: 'pre_transit/status_update',
      entry: { status: 'info_received', substatus: 'label_created' },
    });
    expect(mapEasypostStatus('teleported', undefined)).toEqual({ rawCode: 'teleported', entry: undefined });
    expect(mapEasypostStatus('in_transit', 'warp_drive')).toEqual({ rawCode: 'in_transit/warp_drive', entry: undefined });
  });
});

describe('parseEasypostWebhook', () => {
  const receivedAt = new Date('2026-12-05T13:10:30Z');

  it('reads tracker.updated as a complete update; the scan times stay local (EasyPost’s Z is not UTC)', () => {
    const { updates, rejects } = parseEasypostWebhook(fixtureText(FIXTURE), { receivedAt });
    expect(rejects).toEqual([]);
    const shipment = updates[0]!.shipment;
    expect(updates[0]).toMatchObject({ carrier: 'usps', trackingNumber: '9400100000000000000000', complete: true });
    expect(shipment).toMatchObject({ status: 'delivered', signedBy: 'J. DOE', service: { name: 'First-Class Package Service' } });
    const outForDelivery = shipment.events.find((event) => event.status === 'out_for_delivery')!;
    expect(outForDelivery).toMatchObject({ timeKind: 'local', occurredAt: null, localTime: '2026-12-05T08:05:20' });
    expect(shipment.events.find((event) => event.raw.code === 'teleported')).toMatchObject({ status: 'unknown', unmapped: true });
    expect(JSON.stringify(shipment.events)).not.toMatch(/T\d\d:\d\d:\d\dZ/);
  });

  it('reports other events and unreadable bodies', () => {
    expect(parseEasypostWebhook('{"description":"batch.created","result":{}}', { receivedAt }).rejects).toMatchObject([
      { code: 'unsupported' },
    ]);
    expect(parseEasypostWebhook('[1,2]', { receivedAt }).rejects).toMatchObject([{ code: 'malformed', index: null }]);
    expect(parseEasypostWebhook('{"description":"tracker.updated","result":{"carrier":"UPS"}}', { receivedAt }).rejects).toMatchObject([
      { code: 'malformed', message: expect.stringContaining('tracking_code') },
    ]);
  });
});
