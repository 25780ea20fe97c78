import { readFileSync } from 'node:fs';
import { approximateEpochMs, shipmentSchema, type Shipment, type TrackOutcome } from '@wismo/core';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createUsps, usps, type UspsSettings } from './usps-adapter';
import { USPS_PRODUCTION_BASE_URL, USPS_SANDBOX_BASE_URL } from './usps-carrier';

const ORIGIN = 'https://usps.fixture.test';
const FETCHED_AT = new Date('2025-01-15T12:00:00.000Z');
const CLIENT_ID = 'fixture-client-id-7f3a';
const CLIENT_SECRET = 'fixture-client-secret-9b1c';
const TOKEN = { access_token: 'fixture-access-token-5d2e', token_type: 'Bearer', expires_in: 28799, scope: 'tracking' };

function fixture(name: string): string {
  return readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');
}

function adapter(overrides: UspsSettings = {}) {
  return createUsps({
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    baseUrl: ORIGIN,
    clock: () => FETCHED_AT,
    retries: 0,
    rateLimit: false,
    ...overrides,
  });
}

function interceptToken(scope: nock.Scope): nock.Scope {
  return scope
    .post(
      '/oauth2/v3/token',
      (body: Record<string, string>) =>
        body.grant_type === 'client_credentials' &&
        body.client_id === CLIENT_ID &&
        body.client_secret === CLIENT_SECRET &&
        body.scope === 'tracking',
    )
    .reply(200, TOKEN);
}

function interceptTrack(scope: nock.Scope, trackingNumber: string): nock.Interceptor {
  return scope
    .get(`/tracking/v3/tracking/${encodeURIComponent(trackingNumber)}`)
    .query({ expand: 'DETAIL' })
    .matchHeader('authorization', `Bearer ${TOKEN.access_token}`);
}

/** Replays one fixture through nock against the adapter and returns the single outcome. */
async function replay(trackingNumber: string, fixtureName: string, httpStatus = 200, settings: UspsSettings = {}): Promise<TrackOutcome> {
  const scope = interceptToken(nock(ORIGIN));
  interceptTrack(scope, trackingNumber).reply(httpStatus, fixture(fixtureName), { 'Content-Type': 'application/json' });
  const outcomes = await adapter(settings).track([trackingNumber]);
  expect(scope.isDone()).toBe(true);
  expect(outcomes).toHaveLength(1);
  expect(outcomes[0]!.trackingNumber).toBe(trackingNumber);
  return outcomes[0]!;
}

function shipmentOf(outcome: TrackOutcome): Shipment {
  if (!outcome.ok) throw new Error(`expected a shipment, got ${outcome.error.code}: ${outcome.error.message}`);
  return shipmentSchema.parse(outcome.shipment);
}

function expectNewestFirst(shipment: Shipment): void {
  const keys = shipment.events.map((event) => approximateEpochMs(event));
  expect(keys).toEqual([...keys].sort((a, b) => b - a));
}

beforeAll(() => {
  nock.disableNetConnect();
});
afterEach(() => {
  nock.cleanAll();
});
afterAll(() => {
  nock.enableNetConnect();
});

describe('usps() with the real USPS samples', () => {
  it('normalises the delivered parcel-locker detail response', async () => {
    const shipment = shipmentOf(await replay('9400109104250532908587', 'delivered-parcel-locker-detail.json'));
    expect(shipment.status).toBe('delivered');
    expect(shipment.substatus).toBe('delivered_to_locker_or_parcel_shop');
    expect(shipment.events).toHaveLength(12);
    expectNewestFirst(shipment);
    expect(shipment.events.map((event) => event.raw.code)).toEqual([
      '01',
      'OF',
      '07',
      'A1',
      'TL',
      'TL',
      'TL',
      'T1',
      '10',
      'SF',
      '03',
      'GX',
    ]);
    expect(new Set(shipment.events.map((event) => event.timeKind))).toEqual(new Set(['instant']));
    expect(shipment.events.some((event) => event.unmapped)).toBe(false);
    expect(shipment.events[0]).toMatchObject({
      occurredAt: '2024-11-22T13:58:40-05:00',
      localTime: '2024-11-22T13:58:40',
      description: 'Delivered, Parcel Locker',
      location: { city: 'HERNANDO', region: 'FL', postalCode: '34442', countryCode: null, raw: 'HERNANDO, FL, 34442' },
    });
    expect(shipment.deliveredAt).toEqual({
      occurredAt: '2024-11-22T13:58:40-05:00',
      localTime: '2024-11-22T13:58:40',
      timeKind: 'instant',
    });
    expect(shipment.statusSince).toEqual(shipment.deliveredAt);
    expect(shipment.estimatedDelivery).toBeNull();
    expect(shipment.signedBy).toBeNull();
    expect(shipment.proofOfDelivery).toEqual({ available: false, signatureAvailable: false, url: null, deliveryLocation: 'Parcel Locker' });
    expect(shipment.service).toEqual({ code: '001', name: 'USPS Ground Advantage' });
    expect(shipment.origin).toMatchObject({ city: 'JAMAICA', region: 'NY', postalCode: '11430' });
    expect(shipment.destination).toMatchObject({ city: 'HERNANDO', region: 'FL', postalCode: '34442' });
    expect(shipment.legs).toEqual([]);
    expect(shipment.direction).toBe('outbound');
    expect(shipment.trackingUrl).toBe('https://tools.usps.com/go/TrackConfirmAction?tLabels=9400109104250532908587');
    expect(shipment.contact).toEqual({ phone: '1-800-275-8777', url: 'https://www.usps.com/help/' });
    expect(shipment.fetchedAt).toBe('2025-01-15T12:00:00.000Z');
    expect(shipment.raw).toBeUndefined();
    expect(shipment).toMatchSnapshot();
  });

  it('reads the bogus Z of the official accepted example as local time', async () => {
    const shipment = shipmentOf(await replay('XXXXXXXXXXXXXXXXXXXX', 'accepted-detail-official-readme-example.json'));
    expect(shipment.status).toBe('in_transit');
    expect(shipment.substatus).toBe('picked_up');
    expect(shipment.events).toHaveLength(1);
    expect(shipment.events[0]).toMatchObject({
      occurredAt: null,
      localTime: '2023-08-02T07:31:00',
      timeKind: 'local',
      description: 'USPS in possession of item',
    });
    expect(shipment.statusSince).toEqual({ occurredAt: null, localTime: '2023-08-02T07:31:00', timeKind: 'local' });
    expect(shipment.deliveredAt).toBeNull();
    expect(shipment.estimatedDelivery).toBeNull();
    expect(shipment.service).toEqual({ code: '14', name: 'Priority Mail' });
    expect(shipment.proofOfDelivery.available).toBe(false);
    expect(shipment).toMatchSnapshot();
  });

  it('reports the legacy summary shape as bad_response', async () => {
    const outcome = await replay('XXXXXXXXXXXXXXXXXXXX', 'summary-official-readme-example.json');
    expect(outcome.ok).toBe(false);
    expect(outcome.error?.code).toBe('bad_response');
    expect(outcome.error?.message).toMatch(/legacy summary shape \(TrackResults\/TrackInfo\)/);
    expect(outcome.error?.toJSON()).toMatchSnapshot();
  });

  it('reads the error schema example as bad_response on HTTP 400 and not_found on HTTP 404', async () => {
    const badRequest = await replay('9400100000000000000000', 'error-schema-example.json', 400);
    expect(badRequest.error?.code).toBe('bad_response');
    expect(badRequest.error?.httpStatus).toBe(400);
    expect(badRequest.error?.carrierCodes).toEqual(['string']);
    const notFound = await replay('9400100000000000000000', 'error-schema-example.json', 404);
    expect(notFound.error?.code).toBe('not_found');
    expect(notFound.error?.retryable).toBe(false);
    expect([badRequest.error?.toJSON(), notFound.error?.toJSON()]).toMatchSnapshot();
  });

  it.each([401, 400])('reports the OAuth invalid_client answer (HTTP %i) as auth_failed without tracking', async (httpStatus) => {
    const scope = nock(ORIGIN)
      .post('/oauth2/v3/token')
      .reply(httpStatus, fixture('oauth-error-invalid-client.json'), { 'Content-Type': 'application/json' });
    const tracking = interceptTrack(nock(ORIGIN), '9400100000000000000000').reply(200, fixture('delivered-parcel-locker-detail.json'));
    const [outcome] = await adapter().track(['9400100000000000000000']);
    expect(scope.isDone()).toBe(true);
    expect(tracking.isDone()).toBe(false);
    expect(outcome!.error?.code).toBe('auth_failed');
    expect(outcome!.error?.retryable).toBe(false);
    expect(JSON.stringify(outcome!.error)).not.toContain(CLIENT_SECRET);
  });
});

describe('usps() with composed fixtures', () => {
  it('out for delivery, with the predicted delivery window', async () => {
    const shipment = shipmentOf(await replay('9400111899223344556677', 'composed-out-for-delivery.json'));
    expect(shipment.status).toBe('out_for_delivery');
    expect(shipment.substatus).toBe('out_for_delivery');
    expect(shipment.events).toHaveLength(8);
    expectNewestFirst(shipment);
    expect(shipment.events.map((event) => event.raw.code)).toEqual(['OF', '07', 'A1', 'TL', 'T1', '10', '03', 'GX']);
    // Two time zones: Chicago (-06:00) and Los Angeles (-08:00); the label event has no GMT fields.
    expect(shipment.events.map((event) => event.timeKind)).toEqual([
      'instant',
      'instant',
      'instant',
      'instant',
      'instant',
      'instant',
      'instant',
      'local',
    ]);
    expect(shipment.events[4]!.occurredAt).toBe('2024-12-01T19:05:41-08:00');
    expect(shipment.estimatedDelivery).toEqual({
      from: '2024-12-03T10:05:00',
      to: '2024-12-03T14:05:00',
      timeKind: 'local',
      source: 'carrier',
      confidence: null,
    });
    expect(shipment.deliveredAt).toBeNull();
    expect(shipment).toMatchSnapshot();
  });

  it('failed attempt: notice left, no authorized recipient', async () => {
    const shipment = shipmentOf(await replay('9205590000000000000001', 'composed-failed-attempt.json'));
    expect(shipment.status).toBe('attempt_failed');
    expect(shipment.substatus).toBe('attempt_failed_recipient_absent');
    expect(shipment.events).toHaveLength(6);
    expectNewestFirst(shipment);
    expect(shipment.statusSince?.occurredAt).toBe('2024-10-08T14:33:02-04:00');
    expect(shipment.events.at(-1)).toMatchObject({
      raw: { code: 'MA' },
      status: 'info_received',
      timeKind: 'local',
      localTime: '2024-10-04T00:00:00',
    });
    expect(shipment.deliveredAt).toBeNull();
    expect(shipment).toMatchSnapshot();
  });

  it('exception: undeliverable as addressed (offset written "-7:00")', async () => {
    const shipment = shipmentOf(await replay('9361289000000000000002', 'composed-exception.json'));
    expect(shipment.status).toBe('exception');
    expect(shipment.substatus).toBe('address_problem');
    expect(shipment.events).toHaveLength(5);
    expectNewestFirst(shipment);
    expect(shipment.events[0]).toMatchObject({ occurredAt: '2024-09-12T11:05:29-07:00', timeKind: 'instant', raw: { code: '05' } });
    expect(shipment).toMatchSnapshot();
  });

  it('returned: return to sender (21), then delivered to the original sender', async () => {
    const shipment = shipmentOf(await replay('9400100000000000000003', 'composed-returned.json'));
    expect(shipment.status).toBe('returned');
    expect(shipment.substatus).toBe('returned_to_sender');
    expect(shipment.direction).toBe('return');
    expect(shipment.events).toHaveLength(7);
    expectNewestFirst(shipment);
    const returnToSender = shipment.events.find((event) => event.raw.code === '21');
    expect(returnToSender).toMatchObject({ status: 'returning', substatus: 'returning_to_sender', description: 'No Such Number' });
    expect(shipment.deliveredAt).toEqual({
      occurredAt: '2024-08-20T12:14:38-05:00',
      localTime: '2024-08-20T12:14:38',
      timeKind: 'instant',
    });
    expect(shipment.estimatedDelivery).toBeNull();
    expect(shipment).toMatchSnapshot();
  });

  it('customs hold: codeless customs events map by their exact text, others stay unmapped', async () => {
    const shipment = shipmentOf(await replay('LZ123456789CN', 'composed-customs-hold.json'));
    expect(shipment.status).toBe('exception');
    expect(shipment.substatus).toBe('customs_held');
    expect(shipment.events).toHaveLength(3);
    expectNewestFirst(shipment);
    expect(shipment.events.map((event) => [event.status, event.substatus, event.unmapped])).toEqual([
      ['exception', 'customs_held', false],
      ['in_transit', 'customs_processing', false],
      ['unknown', 'unknown', true],
    ]);
    expect(shipment.events[2]!.location).toMatchObject({ city: 'SHANGHAI', countryCode: null, raw: 'SHANGHAI, CHINA' });
    expect(shipment.events[2]!.occurredAt).toBe('2024-06-29T22:05:00+08:00');
    expect(shipment.origin).toMatchObject({ countryCode: 'CN' });
    expect(shipment.service).toEqual({ code: null, name: 'First-Class Package International Service' });
    expect(shipment).toMatchSnapshot();
  });

  it('shipping partner: first-mile leg, a local-only event and the GMT next-day quirk', async () => {
    const shipment = shipmentOf(await replay('9261290000000000000004', 'composed-shipping-partner.json'));
    expect(shipment.status).toBe('in_transit');
    expect(shipment.substatus).toBe('arrived_at_facility');
    expect(shipment.events).toHaveLength(7);
    expectNewestFirst(shipment);
    expect(shipment.legs).toEqual([
      {
        carrier: 'usps-shipping-partner',
        carrierName: 'USPS shipping partner (not named by USPS)',
        trackingNumber: null,
        role: 'first_mile',
      },
    ]);
    const byCode = (code: string) => shipment.events.filter((event) => event.raw.code === code);
    expect(byCode('80')[0]).toMatchObject({
      timeKind: 'local',
      occurredAt: null,
      localTime: '2024-11-21T17:01:00',
      status: 'in_transit',
      substatus: 'picked_up',
    });
    expect(byCode('81')[0]).toMatchObject({ timeKind: 'instant', occurredAt: '2024-11-21T23:28:00-06:00' });
    expect(shipment.estimatedDelivery).toEqual({
      from: '2024-11-29',
      to: '2024-11-29',
      timeKind: 'date',
      source: 'carrier',
      confidence: null,
    });
    expect(shipment).toMatchSnapshot();
  });

  it('signed delivery with proof of delivery', async () => {
    const shipment = shipmentOf(await replay('EJ123456785US', 'composed-signed-delivery.json'));
    expect(shipment.status).toBe('delivered');
    expect(shipment.substatus).toBe('signature_obtained');
    expect(shipment.signedBy).toBe('J SMITH (ACME CORP)');
    expect(shipment.proofOfDelivery).toEqual({
      available: true,
      signatureAvailable: true,
      url: null,
      deliveryLocation: 'Left with Individual',
    });
    expect(shipment.deliveredAt?.occurredAt).toBe('2024-06-12T10:47:51-07:00');
    // The guaranteed time is dropped once delivered.
    expect(shipment.estimatedDelivery).toBeNull();
    expect(shipment.service).toEqual({ code: '701', name: 'Priority Mail Express' });
    expect(shipment).toMatchSnapshot();
  });

  it('not found: HTTP 400 with 150001', async () => {
    const outcome = await replay('9400100000000000000005', 'composed-not-found-150001.json', 400);
    expect(outcome.ok).toBe(false);
    expect(outcome.error?.code).toBe('not_found');
    expect(outcome.error?.name).toBe('NotFoundError');
    expect(outcome.error?.carrierCodes).toEqual(['150001', '400']);
    expect(outcome.error?.trackingNumber).toBe('9400100000000000000005');
    expect(outcome.error?.message).toContain('A status update is not yet available on your package');
    expect(outcome.error?.message).not.toMatch(/<SUP>|12:/);
    expect(outcome.error?.toJSON()).toMatchSnapshot();
  });

  it('not found: HTTP 404 with 150006', async () => {
    const outcome = await replay('9400100000000000000006', 'composed-not-found-404.json', 404);
    expect(outcome.error?.code).toBe('not_found');
    expect(outcome.error?.httpStatus).toBe(404);
    expect(outcome.error?.carrierCodes).toEqual(['150006', '404']);
  });

  it('invalid number: HTTP 400 with 150011 (a pickup confirmation number)', async () => {
    const outcome = await replay('WTC123456789', 'composed-invalid-number-150011.json', 400);
    expect(outcome.error?.code).toBe('invalid_number');
    expect(outcome.error?.name).toBe('InvalidNumberError');
    expect(outcome.error?.retryable).toBe(false);
    expect(outcome.error?.toJSON()).toMatchSnapshot();
  });

  it('keeps an unknown event code as unmapped with its raw code', async () => {
    const body = JSON.parse(fixture('delivered-parcel-locker-detail.json')) as { trackingEvents: Array<{ eventCode: string }> };
    body.trackingEvents[3]!.eventCode = 'Q7';
    const scope = interceptToken(nock(ORIGIN));
    interceptTrack(scope, '9400109104250532908587').reply(200, body);
    const [outcome] = await adapter().track(['9400109104250532908587']);
    const shipment = shipmentOf(outcome!);
    const unmapped = shipment.events.filter((event) => event.unmapped);
    expect(unmapped).toHaveLength(1);
    expect(unmapped[0]).toMatchObject({
      status: 'unknown',
      substatus: 'unknown',
      description: 'Arrived at USPS Regional Facility',
      raw: { code: 'Q7', codes: { eventCode: 'Q7' } },
    });
    expect(shipment.status).toBe('delivered');
  });
});

describe('usps() transport behaviour', () => {
  it('tracks each number in its own request, reuses the token and keeps the order', async () => {
    const scope = interceptToken(nock(ORIGIN));
    interceptTrack(scope, '9400109104250532908587').reply(200, fixture('delivered-parcel-locker-detail.json'));
    interceptTrack(scope, '9400100000000000000005').reply(400, fixture('composed-not-found-150001.json'));
    interceptTrack(scope, '9400111899223344556677').reply(200, fixture('composed-out-for-delivery.json'));
    const outcomes = await adapter().track(['9400109104250532908587', '9400100000000000000005', '9400111899223344556677']);
    expect(scope.isDone()).toBe(true);
    expect(outcomes.map((outcome) => [outcome.trackingNumber, outcome.ok ? outcome.shipment.status : outcome.error.code])).toEqual([
      ['9400109104250532908587', 'delivered'],
      ['9400100000000000000005', 'not_found'],
      ['9400111899223344556677', 'out_for_delivery'],
    ]);
  });

  it('sends the number without spaces and keeps the caller’s spelling in the outcome', async () => {
    const scope = interceptToken(nock(ORIGIN));
    interceptTrack(scope, '9400109104250532908587').reply(200, fixture('delivered-parcel-locker-detail.json'));
    const [outcome] = await adapter().track(['9400 1091 0425 0532 9085 87']);
    expect(scope.isDone()).toBe(true);
    expect(outcome!.trackingNumber).toBe('9400 1091 0425 0532 9085 87');
    expect(outcome!.shipment?.trackingNumber).toBe('9400 1091 0425 0532 9085 87');
  });

  it('keeps the body on raw when asked', async () => {
    const scope = interceptToken(nock(ORIGIN));
    interceptTrack(scope, 'XXXXXXXXXXXXXXXXXXXX').reply(200, fixture('accepted-detail-official-readme-example.json'));
    const [outcome] = await adapter().track(['XXXXXXXXXXXXXXXXXXXX'], { includeRaw: true });
    expect(outcome!.shipment?.raw).toEqual(JSON.parse(fixture('accepted-detail-official-readme-example.json')));
  });

  it('reports an empty number as invalid_number without a request', async () => {
    const [outcome] = await adapter().track(['  ']);
    expect(outcome!.error?.code).toBe('invalid_number');
  });

  it('uses a separate token URL when given', async () => {
    const tokenScope = nock('https://auth.fixture.test').post('/token').reply(200, TOKEN);
    const trackScope = nock(ORIGIN);
    interceptTrack(trackScope, 'XXXXXXXXXXXXXXXXXXXX').reply(200, fixture('accepted-detail-official-readme-example.json'));
    const [outcome] = await adapter({ authUrl: 'https://auth.fixture.test/token' }).track(['XXXXXXXXXXXXXXXXXXXX']);
    expect(tokenScope.isDone() && trackScope.isDone()).toBe(true);
    expect(outcome!.ok).toBe(true);
  });

  it("refreshes the token once on a 401 from tracking, then reports auth_failed with USPS's message", async () => {
    const unauthorized = JSON.stringify({
      apiVersion: '/tracking/v3',
      error: { code: '401', message: 'The client application identifier is invalid.', errors: [] },
    });
    const scope = nock(ORIGIN).post('/oauth2/v3/token').times(2).reply(200, TOKEN);
    interceptTrack(scope, '9400109104250532908587')
      .times(2)
      .reply(401, unauthorized, { 'Content-Type': 'application/json', 'WWW-Authenticate': 'Bearer' });
    const [outcome] = await adapter().track(['9400109104250532908587']);
    expect(scope.isDone()).toBe(true);
    expect(outcome!.error?.code).toBe('auth_failed');
    expect(outcome!.error?.message).toContain('The client application identifier is invalid.');
    expect(outcome!.error?.carrierCodes).toEqual(['401']);
  });

  it('reports a 403 (an app without the tracking product) as auth_failed', async () => {
    const scope = interceptToken(nock(ORIGIN));
    interceptTrack(scope, '9400109104250532908587').reply(403, {
      apiVersion: '/tracking/v3',
      error: { code: '403', message: 'Forbidden', errors: [] },
    });
    const [outcome] = await adapter().track(['9400109104250532908587']);
    expect(outcome!.error?.code).toBe('auth_failed');
    expect(outcome!.error?.httpStatus).toBe(403);
  });

  it('omits the scope when scope is false', async () => {
    const tokenScope = nock(ORIGIN)
      .post('/oauth2/v3/token', (body: Record<string, string>) => body.scope === undefined)
      .reply(200, TOKEN);
    interceptTrack(tokenScope, 'XXXXXXXXXXXXXXXXXXXX').reply(200, fixture('accepted-detail-official-readme-example.json'));
    const [outcome] = await adapter({ scope: false }).track(['XXXXXXXXXXXXXXXXXXXX']);
    expect(tokenScope.isDone()).toBe(true);
    expect(outcome!.ok).toBe(true);
  });
});

describe('usps() settings', () => {
  it('exports the production and sandbox base URLs, and a default instance', () => {
    expect(USPS_PRODUCTION_BASE_URL).toBe('https://apis.usps.com');
    expect(USPS_SANDBOX_BASE_URL).toBe('https://apis-tem.usps.com');
    expect(usps.id).toBe('usps');
    expect(typeof usps.track).toBe('function');
  });

  it('declares its identity and capabilities', () => {
    const instance = adapter();
    expect(instance.id).toBe('usps');
    expect(instance.capabilities).toEqual({
      maxNumbersPerRequest: 1,
      rateLimit: { requests: 60, intervalMs: 3_600_000 },
      webhooks: false,
      proofOfDelivery: true,
      estimatedDelivery: true,
    });
    expect(instance.trackingUrl('EJ 123456785US')).toBe('https://tools.usps.com/go/TrackConfirmAction?tLabels=EJ123456785US');
  });

  it('names the environment variable when a credential is missing, when first used', async () => {
    const saved = { id: process.env.USPS_CLIENT_ID, secret: process.env.USPS_CLIENT_SECRET };
    delete process.env.USPS_CLIENT_ID;
    delete process.env.USPS_CLIENT_SECRET;
    try {
      // Building never throws; tracking reports the configuration error for every number, without a request.
      const [missingId] = await createUsps({ clientSecret: CLIENT_SECRET, baseUrl: ORIGIN }).track(['9400109104250532908587']);
      expect(missingId!.error).toMatchObject({ code: 'configuration', message: expect.stringMatching(/USPS_CLIENT_ID/) });
      const [missingSecret] = await createUsps({ clientId: CLIENT_ID, baseUrl: ORIGIN }).track(['9400109104250532908587']);
      expect(missingSecret!.error).toMatchObject({ code: 'configuration', message: expect.stringMatching(/USPS_CLIENT_SECRET/) });
      expect(missingSecret!.error?.message).not.toMatch(/USPS_CLIENT_ID/);
    } finally {
      if (saved.id !== undefined) process.env.USPS_CLIENT_ID = saved.id;
      if (saved.secret !== undefined) process.env.USPS_CLIENT_SECRET = saved.secret;
    }
  });

  it('reads the credentials from the environment', async () => {
    const saved = { id: process.env.USPS_CLIENT_ID, secret: process.env.USPS_CLIENT_SECRET };
    process.env.USPS_CLIENT_ID = CLIENT_ID;
    process.env.USPS_CLIENT_SECRET = CLIENT_SECRET;
    try {
      const scope = interceptToken(nock(ORIGIN));
      interceptTrack(scope, 'XXXXXXXXXXXXXXXXXXXX').reply(200, fixture('accepted-detail-official-readme-example.json'));
      const [outcome] = await createUsps({ baseUrl: ORIGIN, rateLimit: false, retries: 0 }).track(['XXXXXXXXXXXXXXXXXXXX']);
      expect(scope.isDone()).toBe(true);
      expect(outcome!.ok).toBe(true);
    } finally {
      if (saved.id === undefined) delete process.env.USPS_CLIENT_ID;
      else process.env.USPS_CLIENT_ID = saved.id;
      if (saved.secret === undefined) delete process.env.USPS_CLIENT_SECRET;
      else process.env.USPS_CLIENT_SECRET = saved.secret;
    }
  });
});
