import { describe, expect, it } from 'vitest';
import { createAftershipReceiver, parseAftershipWebhook, verifyAftershipWebhook } from './aftership-bridge';
import { AFTERSHIP_SECRET, AFTERSHIP_SIGNATURE, fixtureBytes, fixtureText, pushRequest, tampered } from './__fixtures__/bridge-fixtures';

const FIXTURE = 'aftership-tracking-update.json';
const settings = { webhookSecret: AFTERSHIP_SECRET };

describe('AfterShip webhook verification (aftership-hmac-sha256)', () => {
  it('accepts the openssl vector and names the delivery by event_id', () => {
    const result = verifyAftershipWebhook(pushRequest(fixtureBytes(FIXTURE), { 'aftership-hmac-sha256': AFTERSHIP_SIGNATURE }), settings);
    expect(result).toEqual({
      ok: true,
      deliveryId: 'aftership:4f1c2d3e-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
      sentAt: new Date(1764900000 * 1000),
    });
  });

  it('refuses a tampered body, a wrong secret and a missing header, without echoing secrets', () => {
    const body = fixtureBytes(FIXTURE);
    expect(verifyAftershipWebhook(pushRequest(tampered(body), { 'aftership-hmac-sha256': AFTERSHIP_SIGNATURE }), settings)).toMatchObject({
      ok: false,
      failure: 'bad_signature',
    });
    const wrong = verifyAftershipWebhook(pushRequest(body, { 'aftership-hmac-sha256': AFTERSHIP_SIGNATURE }), {
      webhookSecret: 'another-secret',
    });
    expect(wrong).toMatchObject({ ok: false, failure: 'bad_signature' });
    expect(JSON.stringify(wrong)).not.toContain(AFTERSHIP_SIGNATURE);
    expect(verifyAftershipWebhook(pushRequest(body, {}), settings)).toMatchObject({ ok: false, failure: 'missing_signature' });
  });

  it('refuses to be created without a secret', () => {
    expect(() => createAftershipReceiver({ webhookSecret: '' })).toThrow(TypeError);
  });
});

describe('parseAftershipWebhook', () => {
  const receivedAt = new Date('2026-12-05T13:00:00Z');

  it('reads the tracking as a complete update with honest times and the unknown subtag unmapped', () => {
    const { updates, rejects } = parseAftershipWebhook(fixtureText(FIXTURE), { receivedAt });
    expect(rejects).toEqual([]);
    expect(updates).toHaveLength(1);
    const [update] = updates;
    expect(update).toMatchObject({ carrier: 'ups', trackingNumber: '1Z999AA10123456784', complete: true });
    const shipment = update!.shipment;
    expect(shipment.status).toBe('out_for_delivery');
    expect(shipment.events.map((event) => event.raw.code)).toEqual([
      'Exception_099',
      'OutForDelivery_001',
      'InTransit_003',
      'InfoReceived_001',
    ]);
    const [unknownEvent, outForDelivery, arrived, label] = shipment.events;
    expect(unknownEvent).toMatchObject({ status: 'unknown', unmapped: true, raw: { code: 'Exception_099', codes: { tag: 'Exception' } } });
    // Local time without an offset stays local; never a `Z`.
    expect(outForDelivery).toMatchObject({
      timeKind: 'local',
      occurredAt: null,
      localTime: '2026-12-05T06:58:00',
      substatus: 'out_for_delivery',
    });
    expect(arrived).toMatchObject({ timeKind: 'instant', occurredAt: '2026-12-04T07:40:00-05:00', substatus: 'arrived_at_facility' });
    expect(arrived!.location).toMatchObject({ city: 'Atlanta', region: 'GA', postalCode: '30301', countryCode: 'US' });
    expect(label).toMatchObject({ status: 'info_received', substatus: 'label_created', unmapped: false });
    expect(shipment.estimatedDelivery).toMatchObject({ from: '2026-12-05', to: '2026-12-05', timeKind: 'date' });
    expect(JSON.stringify(shipment)).not.toMatch(/T\d\d:\d\d:\d\dZ/);
  });

  it('reports bodies it cannot read instead of throwing', () => {
    expect(parseAftershipWebhook('not json', { receivedAt }).rejects).toMatchObject([{ index: null, code: 'malformed' }]);
    expect(parseAftershipWebhook('{"event":"tracking_update","msg":{"slug":"ups"}}', { receivedAt }).rejects).toMatchObject([
      { code: 'malformed', message: expect.stringContaining('tracking_number') },
    ]);
    const badCheckpoint = parseAftershipWebhook(
      JSON.stringify({ msg: { tracking_number: 'X1', slug: 'ups', tag: 'InTransit', checkpoints: [42, { tag: 'InTransit' }] } }),
      { receivedAt },
    );
    expect(badCheckpoint.updates).toHaveLength(1);
    expect(badCheckpoint.rejects).toMatchObject([{ index: 0, trackingNumber: 'X1', code: 'malformed' }]);
  });
});
