import { describe, expect, it } from 'vitest';
import { parseSeventeenTrackWebhook, verifySeventeenTrackWebhook } from './seventeen-track-bridge';
import {
  fixtureBytes,
  fixtureText,
  pushRequest,
  SEVENTEEN_TRACK_KEY,
  SEVENTEEN_TRACK_SIGN,
  tampered,
} from './__fixtures__/bridge-fixtures';

const FIXTURE = 'seventeen-track-tracking-updated.json';
const settings = { apiKey: SEVENTEEN_TRACK_KEY };

describe('17TRACK webhook verification (sign = sha256(body + "/" + key))', () => {
  it('accepts the openssl vector, in either case', () => {
    const body = fixtureBytes(FIXTURE);
    expect(verifySeventeenTrackWebhook(pushRequest(body, { sign: SEVENTEEN_TRACK_SIGN }), settings)).toMatchObject({ ok: true });
    expect(verifySeventeenTrackWebhook(pushRequest(body, { sign: SEVENTEEN_TRACK_SIGN.toUpperCase() }), settings)).toMatchObject({
      ok: true,
    });
  });

  it('refuses tampered bodies, wrong keys and missing headers', () => {
    const body = fixtureBytes(FIXTURE);
    expect(verifySeventeenTrackWebhook(pushRequest(tampered(body), { sign: SEVENTEEN_TRACK_SIGN }), settings)).toMatchObject({
      failure: 'bad_signature',
    });
    expect(verifySeventeenTrackWebhook(pushRequest(body, { sign: SEVENTEEN_TRACK_SIGN }), { apiKey: 'other-key' })).toMatchObject({
      failure: 'bad_signature',
    });
    expect(verifySeventeenTrackWebhook(pushRequest(body, {}), settings)).toMatchObject({ failure: 'missing_signature' });
  });
});

describe('parseSeventeenTrackWebhook', () => {
  const receivedAt = new Date('2026-12-05T01:30:00Z');

  it('reads every provider’s events; a zone 17TRACK does not know stays local', () => {
    const { updates, rejects } = parseSeventeenTrackWebhook(fixtureText(FIXTURE), { receivedAt });
    expect(rejects).toEqual([]);
    const [update] = updates;
    // China Post (3011) has no wismo adapter; the USPS leg (21051) names the carrier.
    expect(update).toMatchObject({ carrier: 'usps', trackingNumber: 'RR123456785CN', complete: true });
    const shipment = update!.shipment;
    expect(shipment).toMatchObject({ status: 'in_transit', substatus: 'arrived_in_destination_country' });
    expect(shipment.events.map((event) => event.raw.code)).toEqual(['InTransit_Arrival', 'InTransit_Departure', 'InTransit_PickedUp']);
    expect(shipment.events[0]).toMatchObject({ timeKind: 'instant', occurredAt: '2026-12-04T22:10:00-05:00' });
    // time_raw.timezone is null: 17TRACK's +08:00 in time_iso is its guess, so the time stays local.
    expect(shipment.events[1]).toMatchObject({ timeKind: 'local', occurredAt: null, localTime: '2026-11-30T10:00:00' });
    expect(shipment.estimatedDelivery).toMatchObject({ from: '2026-12-08T00:00:00-05:00', to: '2026-12-10T00:00:00-05:00' });
  });

  it('reports TRACKING_STOPPED and unreadable bodies instead of dropping them', () => {
    expect(parseSeventeenTrackWebhook('{"event":"TRACKING_STOPPED","data":{"number":"RR1"}}', { receivedAt }).rejects).toMatchObject([
      { code: 'unsupported', trackingNumber: 'RR1' },
    ]);
    expect(parseSeventeenTrackWebhook('', { receivedAt }).rejects).toMatchObject([{ code: 'malformed', index: null }]);
  });
});
