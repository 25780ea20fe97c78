import { shipmentSchema, type Shipment, type TrackOutcome } from '@wismo/core';
import { createFixtureReplay, isolateNetwork, type ReplayBody } from '@wismo/core/testing';
import type nock from 'nock';
import { describe, expect, it } from 'vitest';
import { createRoyalMail, royalMail } from './royalmail-adapter';
import { ROYALMAIL_PRODUCTION_BASE_URL } from './royalmail-carrier';

const ORIGIN = 'https://royalmail.fixtures.test';
const CLIENT_ID = 'fixture-royalmail-client';
const CLIENT_SECRET = 'fixture-royalmail-secret-8a2c';
const FETCHED_AT = new Date('2026-03-10T00:00:00.000Z');

const fixtures = createFixtureReplay({ fixturesDirectory: new URL('./__fixtures__/', import.meta.url), origin: ORIGIN });

function adapter() {
  return createRoyalMail({
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    baseUrl: ORIGIN,
    clock: () => FETCHED_AT,
    retries: 0,
    rateLimit: false,
  });
}

/** The three headers Royal Mail's platform requires on every call. */
function withHeaders(interceptor: nock.Interceptor) {
  return interceptor
    .matchHeader('x-ibm-client-id', CLIENT_ID)
    .matchHeader('x-ibm-client-secret', CLIENT_SECRET)
    .matchHeader('x-accept-rmg-terms', 'yes');
}

function replayEvents(id: string, name: ReplayBody, status = 200) {
  return fixtures.replay((scope) => withHeaders(scope.get(`/mailpieces/v2/${id}/events`)), name, { status });
}

async function trackEvents(id: string, name: string, status = 200): Promise<TrackOutcome> {
  const scope = replayEvents(id, name, status);
  const [outcome] = await adapter().track([id]);
  expect(scope.isDone()).toBe(true);
  return outcome!;
}

function shipmentOf(outcome: TrackOutcome | undefined): Shipment {
  if (!outcome) throw new Error('no outcome');
  if (!outcome.ok) throw new Error(`expected a shipment, got ${outcome.error.code}: ${outcome.error.message}`);
  return shipmentSchema.parse(outcome.shipment);
}

describe('Royal Mail adapter against recorded and composed answers', () => {
  isolateNetwork();

  it('reads the recorded Special Delivery events: mis-sort, signature, estimated window, product', async () => {
    const shipment = shipmentOf(await trackEvents('090367574000000FE1E1B', 'mailpieces-v2-events-special-delivery.json'));
    expect(shipment.status).toBe('in_transit');
    expect(shipment.substatus).toBe('missorted');
    expect(shipment.events).toHaveLength(1);
    expect(shipment.events[0]).toMatchObject({
      occurredAt: '2016-10-20T10:04:00+01:00',
      timeKind: 'instant',
      description: 'Forwarded - Mis-sort',
      raw: { code: 'EVNMI' },
      location: { raw: 'Stafford DO' },
    });
    expect(shipment.service).toEqual({ code: 'SD2', name: 'Special Delivery Guaranteed' });
    expect(shipment.estimatedDelivery).toEqual({
      from: '2017-02-20T08:00:00+01:00',
      to: '2017-02-20T11:00:00+01:00',
      timeKind: 'instant',
      source: 'carrier',
      confidence: null,
    });
    expect(shipment.signedBy).toBe('Simon');
    expect(shipment.proofOfDelivery).toMatchObject({ available: true, signatureAvailable: true });
    expect(shipment.destination?.countryCode).toBe('GB');
    expect(shipment).toMatchSnapshot();
  });

  it('reports E0004 (missing X-Accept-RMG-Terms) as a non-retryable bad_response with the code', async () => {
    const outcome = await trackEvents('090367574000000FE1E1B', 'error-400-E0004-missing-terms-header.json', 400);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error).toMatchObject({ code: 'bad_response', retryable: false, carrierCodes: ['E0004'] });
    expect(outcome.error.message).toContain('X-Accept-RMG-Terms');
  });

  it.each([404, 400])('reports E1142 as not_found whatever the HTTP status (%i)', async (status) => {
    const outcome = await trackEvents('TT000000404GB', 'composed-404-E1142-not-recognised.json', status);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error).toMatchObject({ code: 'not_found', carrierCodes: ['E1142'] });
  });

  const families: Array<[string, string, string, string]> = [
    ['composed-pre-transit.json', 'TT000000001GB', 'info_received', 'label_created'],
    ['composed-in-transit-window.json', 'TT000000002GB', 'in_transit', 'arrived_at_facility'],
    ['composed-out-for-delivery.json', 'TT000000003GB', 'out_for_delivery', 'out_for_delivery'],
    ['composed-failed-attempt.json', 'TT000000004GB', 'attempt_failed', 'attempt_failed_recipient_absent'],
    ['composed-ready-for-pickup.json', 'TT000000005GB', 'available_for_pickup', 'arrived_at_pickup_point'],
    ['composed-delivered-signed.json', 'TT000000006GB', 'delivered', 'signature_obtained'],
    ['composed-returning-refused.json', 'TT000000007GB', 'returning', 'return_requested'],
    ['composed-returned.json', 'TT000000008GB', 'returned', 'returned_to_sender'],
  ];
  it.each(families)('%s → %s', async (name, id, status, substatus) => {
    const shipment = shipmentOf(await trackEvents(id, name));
    expect(shipment.status).toBe(status);
    expect(shipment.substatus).toBe(substatus);
    expect(shipment.events.every((event) => !event.unmapped)).toBe(true);
  });

  it('a date-only estimate stays a date; a window is two instants', async () => {
    expect(shipmentOf(await trackEvents('TT000000001GB', 'composed-pre-transit.json')).estimatedDelivery).toEqual({
      from: '2026-03-04',
      to: '2026-03-04',
      timeKind: 'date',
      source: 'carrier',
      confidence: null,
    });
    expect(shipmentOf(await trackEvents('TT000000002GB', 'composed-in-transit-window.json')).estimatedDelivery).toMatchObject({
      from: '2026-03-04T09:00:00+00:00',
      to: '2026-03-04T13:00:00+00:00',
      timeKind: 'instant',
    });
  });

  it('the delivered shipment carries who signed and drops the estimate', async () => {
    const shipment = shipmentOf(await trackEvents('TT000000006GB', 'composed-delivered-signed.json'));
    expect(shipment.signedBy).toBe('HARRIS');
    expect(shipment.deliveredAt).toMatchObject({ occurredAt: '2026-03-04T10:31:00+00:00' });
    expect(shipment.estimatedDelivery).toBeNull();
  });

  it('keeps an unknown EV code as an unmapped event', async () => {
    const shipment = shipmentOf(await trackEvents('TT000000009GB', 'composed-unknown-code.json'));
    expect(shipment.events[0]).toMatchObject({ status: 'unknown', unmapped: true, raw: { code: 'EVZZZ' } });
  });

  it('trackSummaries asks /summary for up to 30 ids at once and reads E1142 inside HTTP 200 per item', async () => {
    const scope = fixtures.replay(
      (nockScope) => withHeaders(nockScope.get('/mailpieces/v2/summary').query({ mailPieceId: 'TT000000002GB,TT000000404GB' })),
      'composed-summary-two-items.json',
      { status: 200 },
    );
    const [found, unknown] = await adapter().trackSummaries(['tt000000002gb', 'TT000000404GB']);
    expect(scope.isDone()).toBe(true);
    expect(found!.trackingNumber).toBe('tt000000002gb');
    const shipment = shipmentOf(found);
    expect(shipment.trackingNumber).toBe('tt000000002gb');
    expect(shipment.events).toHaveLength(1);
    expect(shipment.events[0]).toMatchObject({ raw: { code: 'EVDAV' }, status: 'in_transit' });
    expect(unknown!.ok).toBe(false);
    if (!unknown!.ok) expect(unknown!.error).toMatchObject({ code: 'not_found', carrierCodes: ['E1142'], trackingNumber: 'TT000000404GB' });
  });

  it('trackSummaries splits 31 ids into requests of 30 and 1', async () => {
    const ids = Array.from({ length: 31 }, (_, index) => `TT${String(index).padStart(9, '0')}GB`);
    const empty = { body: JSON.stringify({ mailPieces: [] }) };
    const first = fixtures.replay(
      (scope) => scope.get('/mailpieces/v2/summary').query({ mailPieceId: ids.slice(0, 30).join(',') }),
      empty,
      { status: 200 },
    );
    const second = fixtures.replay((scope) => scope.get('/mailpieces/v2/summary').query({ mailPieceId: ids[30]! }), empty, { status: 200 });
    const outcomes = await adapter().trackSummaries(ids);
    expect(first.isDone() && second.isDone()).toBe(true);
    expect(outcomes).toHaveLength(31);
    expect(outcomes.every((outcome) => !outcome.ok && outcome.error.code === 'bad_response')).toBe(true);
  });

  it('signature() reads who signed, when, and the image; E1144 is not_found', async () => {
    const found = fixtures.replay((scope) => withHeaders(scope.get('/mailpieces/v2/TT000000006GB/signature')), 'composed-signature.json', {
      status: 200,
    });
    const signed = await adapter().signature('TT000000006GB');
    expect(found.isDone()).toBe(true);
    expect(signed).toMatchObject({
      ok: true,
      signature: {
        recipientName: 'HARRIS',
        signedAt: { occurredAt: '2026-03-04T10:31:00+00:00', timeKind: 'instant' },
        imageFormat: 'image/svg+xml',
      },
    });

    const missing = fixtures.replay((scope) => scope.get('/mailpieces/v2/TT000000001GB/signature'), 'composed-signature-E1144.json', {
      status: 404,
    });
    const none = await adapter().signature('TT000000001GB');
    expect(missing.isDone()).toBe(true);
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.error).toMatchObject({ code: 'not_found', carrierCodes: ['E1144'] });
  });

  it('a 401 is auth_failed with no secret in the error; missing credentials name both variables', async () => {
    const outcome = await trackEvents('TT000000001GB', 'composed-401-client-id-not-registered.json', 401);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.error.code).toBe('auth_failed');
      expect(JSON.stringify(outcome.error)).not.toContain(CLIENT_SECRET);
    }
    const [unconfigured] = await createRoyalMail({ baseUrl: ORIGIN, clientId: '', clientSecret: '' }).track(['TT000000001GB']);
    expect(unconfigured!.ok).toBe(false);
    if (!unconfigured!.ok)
      for (const name of ['ROYALMAIL_CLIENT_ID', 'ROYALMAIL_CLIENT_SECRET']) expect(unconfigured!.error.message).toContain(name);
  });

  it('the default instance points at production', () => {
    expect(royalMail.id).toBe('royalmail');
    expect(createRoyalMail.carrier.baseUrl).toBe(ROYALMAIL_PRODUCTION_BASE_URL);
  });
});
