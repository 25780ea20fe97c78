import { shipmentSchema, type Shipment, type TrackOutcome } from '@wismo/core';
import { createFixtureReplay, isolateNetwork, type ReplayBody } from '@wismo/core/testing';
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { createUps, ups } from './ups-adapter';
import { UPS_PRODUCTION_BASE_URL } from './ups-carrier';

const ORIGIN = 'https://ups.fixtures.test';
const CLIENT_ID = 'fixture-client-id';
const CLIENT_SECRET = 'fixture-client-secret-7c1e';
const FETCHED_AT = new Date('2026-01-15T12:00:00.000Z');
const DEFAULT_QUERY = { locale: 'en_US', returnSignature: 'false', returnMilestones: 'false', returnPOD: 'false' };

const fixtures = createFixtureReplay({
  fixturesDirectory: new URL('./__fixtures__/', import.meta.url),
  origin: ORIGIN,
  token: {
    intercept: (scope) =>
      scope
        .post('/security/v1/oauth/token', 'grant_type=client_credentials')
        .matchHeader('authorization', `Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64')}`),
    fixture: 'oauth-token-response.json',
  },
});
const fixture = fixtures.text;

function adapter(settings: Parameters<typeof createUps>[0] = {}) {
  return createUps({
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    baseUrl: ORIGIN,
    clock: () => FETCHED_AT,
    retries: 0,
    rateLimit: false,
    ...settings,
  });
}

/** Token + one track call, answering with a fixture body; checks the headers UPS requires. */
function replay(trackingNumber: string, status: number, name: ReplayBody, query: Record<string, string> = DEFAULT_QUERY) {
  return fixtures.replay(
    (scope) =>
      scope
        .get(`/api/track/v1/details/${trackingNumber}`)
        .query(query)
        .matchHeader('authorization', 'Bearer access_token')
        .matchHeader('transactionSrc', 'wismo')
        .matchHeader('transId', /^[0-9a-f]{32}$/),
    name,
    { status },
  );
}

async function trackFixture(trackingNumber: string, name: string, status = 200): Promise<TrackOutcome> {
  const scope = replay(trackingNumber, status, name);
  const outcomes = await adapter().track([trackingNumber]);
  expect(scope.isDone()).toBe(true);
  expect(outcomes).toHaveLength(1);
  expect(outcomes[0]!.trackingNumber).toBe(trackingNumber);
  return outcomes[0]!;
}

function shipmentOf(outcome: TrackOutcome): Shipment {
  if (!outcome.ok) throw new Error(`expected a shipment, got ${outcome.error.code}: ${outcome.error.message}`);
  // Every shipment the adapter returns satisfies the core schema.
  return shipmentSchema.parse(outcome.shipment);
}

function timeline(shipment: Shipment) {
  return shipment.events.map((event) => `${event.raw.code} ${event.status}/${event.substatus}`);
}

isolateNetwork();

describe('real and spec samples, replayed', () => {
  it('delivered-official-postman-example: delivered, two local-time events, newest first', async () => {
    const outcome = await trackFixture('1Z1442YY7229014688', 'delivered-official-postman-example.json');
    const shipment = shipmentOf(outcome);
    expect(shipment.status).toBe('delivered');
    expect(shipment.substatus).toBe('delivered');
    expect(timeline(shipment)).toEqual(['D/F4/011 delivered/delivered', 'M/MP/003 info_received/label_created']);
    // No gmt fields in this answer: the wall clock is all UPS gave, so no offset is invented.
    expect(shipment.events.map((event) => [event.timeKind, event.occurredAt, event.localTime])).toEqual([
      ['local', null, '2022-01-26T16:30:00'],
      ['local', null, '2022-01-26T15:16:41'],
    ]);
    expect(shipment.deliveredAt).toEqual({ occurredAt: null, localTime: '2022-01-26T16:30:00', timeKind: 'local' });
    expect(shipment.estimatedDelivery).toBeNull();
    expect(shipment.events[0]!.location).toEqual({
      city: 'PARAMUS',
      region: 'NJ',
      postalCode: null,
      countryCode: 'US',
      raw: 'PARAMUS, NJ, US',
    });
    expect(shipment.events[0]!.description).toBe('DELIVERED');
    expect(shipment.signedBy).toBeNull();
    expect(shipment.trackingUrl).toBe('https://www.ups.com/track?tracknum=1Z1442YY7229014688');
    expect(shipment.fetchedAt).toBe(FETCHED_AT.toISOString());
    expect(shipment.raw).toBeUndefined();
    expect(outcome).toMatchSnapshot();
  });

  it('spec-example-full-activity-type-X: survives placeholder values, keeps what is real', async () => {
    const outcome = await trackFixture('1Z023E2X0214323462', 'spec-example-full-activity-type-X.json');
    const shipment = shipmentOf(outcome);
    // The example pairs code SR (in no table) with statusCode 003: the status code decides.
    expect(timeline(shipment)).toEqual(['X/SR/003 info_received/label_created']);
    expect(shipment.status).toBe('info_received');
    expect(shipment.events[0]!.timeKind).toBe('local');
    expect(shipment.events[0]!.localTime).toBe('2021-02-10T07:13:56');
    // deliveryDate "string" is not a date: no ETA rather than a made-up one.
    expect(shipment.estimatedDelivery).toBeNull();
    expect(shipment.deliveredAt).toBeNull();
    expect(shipment.service).toEqual({ code: '518', name: 'UPS Ground' });
    expect(shipment.legs).toEqual([
      { carrier: 'usps', carrierName: 'USPS', trackingNumber: '92419900000033499522966220', role: 'last_mile' },
    ]);
    // "ORIGIN/DESTINATION" is a placeholder type, neither of the two.
    expect(shipment.origin).toBeNull();
    expect(shipment.destination).toBeNull();
    expect(shipment.proofOfDelivery).toEqual({ available: true, signatureAvailable: true, url: null, deliveryLocation: 'DEL' });
    expect(shipment.signedBy).toBe('163000');
    expect(outcome).toMatchSnapshot();
  });

  it('warning-TW0001: HTTP 200 without a package is not_found', async () => {
    const outcome = await trackFixture('1Z999AA10123456784', 'warning-TW0001-tracking-information-not-found.json');
    expect(outcome.ok).toBe(false);
    expect(outcome.error?.code).toBe('not_found');
    expect(outcome.error?.retryable).toBe(false);
    expect(outcome.error?.carrierCodes).toEqual(['TW0001']);
    expect(outcome.error?.httpStatus).toBe(200);
    expect(outcome.error?.trackingNumber).toBe('1Z999AA10123456784');
    expect(outcome.error?.message).toContain('Tracking Information Not Found');
    expect(outcome).toMatchSnapshot();
  });

  it('error-TV1002 with HTTP 400 is invalid_number', async () => {
    const outcome = await trackFixture('1Z999AA1012', 'error-TV1002-invalid-inquiry-number.json', 400);
    expect(outcome.error?.code).toBe('invalid_number');
    expect(outcome.error?.carrierCodes).toEqual(['TV1002']);
    expect(outcome.error?.httpStatus).toBe(400);
    expect(outcome.error?.retryable).toBe(false);
    expect(outcome).toMatchSnapshot();
  });

  it('error-250003 is auth_failed, on HTTP 403 (transport) and on HTTP 400 (parser)', async () => {
    const unauthorised = await trackFixture('1Z999AA10123456784', 'error-250003-invalid-access-license.json', 403);
    expect(unauthorised.error?.code).toBe('auth_failed');
    expect(unauthorised.error?.carrierCodes).toEqual(['250003']);
    expect(unauthorised.error?.message).toContain('Invalid Access License number');
    const badRequest = await trackFixture('1Z999AA10123456784', 'error-250003-invalid-access-license.json', 400);
    expect(badRequest.error?.code).toBe('auth_failed');
    expect(badRequest.error?.httpStatus).toBe(400);
    expect(badRequest.error?.carrierCodes).toEqual(['250003']);
    expect([unauthorised, badRequest]).toMatchSnapshot();
  });
});

describe('composed fixtures, replayed', () => {
  it('in transit after a weather delay: instants from GMT fields, rescheduled date as ETA', async () => {
    const outcome = await trackFixture('1Z5R89390357567127', 'composed-in-transit-rescheduled-eta.json');
    const shipment = shipmentOf(outcome);
    expect(shipment.status).toBe('in_transit');
    expect(shipment.substatus).toBe('arrived_at_facility');
    expect(timeline(shipment)).toEqual([
      'I/AR/005 in_transit/arrived_at_facility',
      'X/7W/052 in_transit/delayed_weather',
      'I/DP/005 in_transit/departed_facility',
      'I/OR/160 in_transit/picked_up',
      'M/MP/003 info_received/label_created',
    ]);
    expect(shipment.events.every((event) => event.timeKind === 'instant')).toBe(true);
    // GMT 09:41:00 shown at the scan's offset; the local wall clock is UPS's date+time.
    expect(shipment.events[0]).toMatchObject({ occurredAt: '2025-12-11T03:41:00-06:00', localTime: '2025-12-11T03:41:00' });
    // The departure crossed midnight in GMT (gmtDate is the next day).
    expect(shipment.events[2]).toMatchObject({ occurredAt: '2025-12-09T19:59:00-05:00', localTime: '2025-12-09T19:59:00' });
    // gmtTime in the compact form "164024".
    expect(shipment.events[4]).toMatchObject({ occurredAt: '2025-12-08T11:40:24-05:00', localTime: '2025-12-08T11:40:24' });
    expect(shipment.statusSince).toEqual({
      occurredAt: '2025-12-09T16:08:47-05:00',
      localTime: '2025-12-09T16:08:47',
      timeKind: 'instant',
    });
    expect(shipment.estimatedDelivery).toEqual({
      from: '2025-12-16',
      to: '2025-12-16',
      timeKind: 'date',
      source: 'carrier',
      confidence: null,
    });
    expect(shipment.deliveredAt).toBeNull();
    expect(shipment.origin?.city).toBe('BROOKLYN');
    expect(shipment.destination).toMatchObject({ city: 'SALT LAKE CITY', region: 'UT', countryCode: 'US' });
    expect(shipment.service).toEqual({ code: '518', name: 'UPS Ground' });
    expect(shipment.contact).toEqual({ phone: '+1 800 742 5877', url: 'https://www.ups.com/us/en/support/contact-us.page' });
    expect(shipment.proofOfDelivery.available).toBe(false);
    expect(outcome).toMatchSnapshot();
  });

  it('out for delivery with an estimated window (EDW): local times, no offset invented', async () => {
    const shipment = shipmentOf(await trackFixture('1Z2X593V0398471455', 'composed-out-for-delivery-window.json'));
    expect(shipment.status).toBe('out_for_delivery');
    expect(shipment.substatus).toBe('out_for_delivery');
    expect(timeline(shipment)).toEqual([
      'I/OT/021 out_for_delivery/out_for_delivery',
      'I/OD/072 in_transit/in_transit',
      'I/AR/005 in_transit/arrived_at_facility',
      'I/XD/167 in_transit/picked_up',
      'M/MP/003 info_received/label_created',
    ]);
    expect(shipment.estimatedDelivery).toEqual({
      from: '2025-03-14T13:30:00',
      to: '2025-03-14T17:30:00',
      timeKind: 'local',
      source: 'carrier',
      confidence: null,
    });
    expect(shipment.events[0]).toMatchObject({ occurredAt: '2025-03-14T08:52:11-04:00', timeKind: 'instant' });
    expect(shipment).toMatchSnapshot();
  });

  it('exception: the address is incomplete (029 refined by AG), after a misroute under the catch-all 013', async () => {
    const shipment = shipmentOf(await trackFixture('1Z4E22A00342875190', 'composed-exception-address.json'));
    expect(shipment.status).toBe('exception');
    expect(shipment.substatus).toBe('address_problem');
    expect(timeline(shipment)).toEqual([
      'X/AG/029 exception/address_problem',
      'X/6/013 in_transit/missorted',
      'I/DP/005 in_transit/departed_facility',
      'I/PU/038 in_transit/picked_up',
    ]);
    expect(shipment.estimatedDelivery).toEqual({
      from: '2025-06-02',
      to: '2025-06-02',
      timeKind: 'date',
      source: 'carrier',
      confidence: null,
    });
    expect(shipment.events[0]!.occurredAt).toBe('2025-06-02T10:12:00-07:00');
    expect(shipment).toMatchSnapshot();
  });

  it('customs hold: export, import, clearance, then held under General Order', async () => {
    const shipment = shipmentOf(await trackFixture('1Z9F7104DK91838324', 'composed-customs-hold.json'));
    expect(shipment.status).toBe('exception');
    expect(shipment.substatus).toBe('customs_held');
    expect(timeline(shipment)).toEqual([
      'X/CT/013 exception/customs_held',
      'X/4C/012 in_transit/customs_processing',
      'I/IP/005 in_transit/arrived_in_destination_country',
      'I/EP/005 in_transit/departed_origin_country',
      'I/OR/160 in_transit/picked_up',
      'M/MP/003 info_received/label_created',
    ]);
    // Offsets differ per scan (Germany +02:00, Kentucky -04:00); ordering uses the true instants.
    expect(shipment.events[3]).toMatchObject({ occurredAt: '2025-04-11T06:40:00+02:00', location: { city: 'Koeln', countryCode: 'DE' } });
    expect(shipment.origin?.countryCode).toBe('DE');
    expect(shipment.destination?.countryCode).toBe('US');
    expect(shipment.contact?.phone).toBe('+1 800 742 5877');
    expect(shipment).toMatchSnapshot();
  });

  it('failed attempt: receiver not available (022 refined by 48), rescheduled', async () => {
    const shipment = shipmentOf(await trackFixture('1Z0V843A0311265871', 'composed-failed-attempt.json'));
    expect(shipment.status).toBe('attempt_failed');
    expect(shipment.substatus).toBe('attempt_failed_recipient_absent');
    expect(shipment.events).toHaveLength(4);
    expect(shipment.events[0]!.raw.code).toBe('X/48/022');
    expect(shipment.estimatedDelivery).toEqual({
      from: '2025-05-21',
      to: '2025-05-21',
      timeKind: 'date',
      source: 'carrier',
      confidence: null,
    });
    expect(shipment.deliveredAt).toBeNull();
    expect(shipment).toMatchSnapshot();
  });

  it('returned to sender: refused, return requested, returning, delivered back (034)', async () => {
    const shipment = shipmentOf(await trackFixture('1Z6W3E060394012773', 'composed-returned-to-sender.json'));
    expect(shipment.status).toBe('returned');
    expect(shipment.substatus).toBe('returned_to_sender');
    expect(shipment.direction).toBe('return');
    expect(timeline(shipment)).toEqual([
      'D/F4/034 returned/returned_to_sender',
      'I/DP/035 returning/returning_to_sender',
      'X/DL/033 returning/return_requested',
      'X/KT/064 attempt_failed/attempt_failed_refused',
      'I/OT/021 out_for_delivery/out_for_delivery',
      'I/OR/160 in_transit/picked_up',
    ]);
    // Back with the sender: deliveredAt is when it got there, and no ETA is shown.
    expect(shipment.deliveredAt).toEqual({
      occurredAt: '2025-02-14T11:05:00-05:00',
      localTime: '2025-02-14T11:05:00',
      timeKind: 'instant',
    });
    expect(shipment.estimatedDelivery).toBeNull();
    expect(shipment).toMatchSnapshot();
  });

  it('delivered with signature and POD: signedBy, Front Door, compact gmtTime', async () => {
    const scope = replay('1Z8A4R070391550463', 200, 'composed-delivered-signature-pod.json', {
      locale: 'en_GB',
      returnSignature: 'true',
      returnMilestones: 'false',
      returnPOD: 'true',
    });
    const [outcome] = await adapter({ returnSignature: true, returnPOD: true, locale: 'en-GB' }).track(['1Z8A4R070391550463']);
    expect(scope.isDone()).toBe(true);
    const shipment = shipmentOf(outcome!);
    expect(shipment.status).toBe('delivered');
    expect(shipment.substatus).toBe('delivered');
    expect(shipment.events).toHaveLength(4);
    // gmtTime "91422" is 09:14:22 GMT, 10:14:22 at +01:00.
    expect(shipment.deliveredAt).toEqual({
      occurredAt: '2025-07-08T10:14:22+01:00',
      localTime: '2025-07-08T10:14:22',
      timeKind: 'instant',
    });
    expect(shipment.events[2]).toMatchObject({ occurredAt: '2025-07-08T02:00:00+01:00', localTime: '2025-07-08T02:00:00' });
    expect(shipment.signedBy).toBe('SMITH');
    expect(shipment.proofOfDelivery).toEqual({ available: true, signatureAvailable: true, url: null, deliveryLocation: 'Front Door' });
    expect(shipment.estimatedDelivery).toBeNull();
    expect(shipment.contact?.url).toBe('https://www.ups.com/gb/en/support/contact-us.page');
    // The base64 images stay out of the normalised shipment (they are in `raw` only when asked for).
    expect(JSON.stringify(shipment)).not.toContain('R0lGODlh');
    expect(shipment).toMatchSnapshot();
  });

  it('delivered to a UPS Access Point: available for pickup, not delivered', async () => {
    const shipment = shipmentOf(await trackFixture('1Z3Y12F80420715208', 'composed-access-point-awaiting-pickup.json'));
    expect(shipment.status).toBe('available_for_pickup');
    expect(shipment.substatus).toBe('arrived_at_pickup_point');
    expect(timeline(shipment)).toEqual([
      'D/2Q/161 available_for_pickup/arrived_at_pickup_point',
      'I/ZS/005 in_transit/in_transit',
      'I/AR/005 in_transit/arrived_at_facility',
    ]);
    expect(shipment.deliveredAt).toBeNull();
    expect(shipment.contact?.url).toBe('https://www.ups.com/de/de/support/contact-us.page');
    expect(shipment).toMatchSnapshot();
  });

  it('Ground Saver handed to USPS: a last-mile leg, a local-time delivery by the post office', async () => {
    const shipment = shipmentOf(await trackFixture('1Z1W27A90368742910', 'composed-ground-saver-usps-handoff.json'));
    expect(shipment.status).toBe('delivered');
    expect(timeline(shipment)).toEqual([
      'D/YC/026 delivered/delivered',
      'X/4B/137 in_transit/handed_over_to_carrier',
      'I/AR/005 in_transit/arrived_at_facility',
      'I/OR/160 in_transit/picked_up',
    ]);
    expect(shipment.events.map((event) => event.timeKind)).toEqual(['local', 'instant', 'instant', 'instant']);
    expect(shipment.deliveredAt).toEqual({ occurredAt: null, localTime: '2025-09-09T13:22:00', timeKind: 'local' });
    expect(shipment.legs).toEqual([
      { carrier: 'usps', carrierName: 'USPS', trackingNumber: '92748901234567890123456789', role: 'last_mile' },
    ]);
    expect(shipment.service).toEqual({ code: '093', name: 'UPS Ground Saver' });
    expect(shipment).toMatchSnapshot();
  });

  it('label voided: cancelled', async () => {
    const shipment = shipmentOf(await trackFixture('1Z7T39E20417620058', 'composed-label-voided.json'));
    expect(shipment.status).toBe('cancelled');
    expect(timeline(shipment)).toEqual(['MV/VP/007 cancelled/cancelled', 'M/MP/003 info_received/label_created']);
    expect(shipment).toMatchSnapshot();
  });

  it('unknown codes: kept as an unmapped event, the shipment status comes from the rest', async () => {
    const shipment = shipmentOf(await trackFixture('1Z1442YY7229014688', 'composed-unknown-code.json'));
    expect(shipment.status).toBe('delivered');
    const unmapped = shipment.events.filter((event) => event.unmapped);
    expect(unmapped).toHaveLength(1);
    expect(unmapped[0]).toMatchObject({
      status: 'unknown',
      substatus: 'unknown',
      raw: { code: 'K/K9/999', codes: { type: 'K', code: 'K9', statusCode: '999' } },
    });
  });

  it('HTTP 404 is not_found, with or without a JSON body', async () => {
    const withBody = await trackFixture('1Z999AA10123456784', 'composed-404-not-found.json', 404);
    expect(withBody.error?.code).toBe('not_found');
    expect(withBody.error?.httpStatus).toBe(404);
    const scope = replay('1Z999AA10123456784', 404, { body: '' });
    const [empty] = await adapter().track(['1Z999AA10123456784']);
    expect(scope.isDone()).toBe(true);
    expect(empty!.error?.code).toBe('not_found');
  });

  it('includeRaw keeps the UPS body on the shipment', async () => {
    const scope = replay('1Z1442YY7229014688', 200, 'delivered-official-postman-example.json');
    const [outcome] = await adapter().track(['1Z1442YY7229014688'], { includeRaw: true });
    expect(scope.isDone()).toBe(true);
    expect(outcome!.shipment?.raw).toEqual(JSON.parse(fixture('delivered-official-postman-example.json')));
  });
});

describe('requests and settings', () => {
  it('tracks several numbers with one request each, in order, sharing one token', async () => {
    const scope = nock(ORIGIN)
      .post('/security/v1/oauth/token')
      .once()
      .reply(200, fixture('oauth-token-response.json'), { 'Content-Type': 'application/json' })
      .get('/api/track/v1/details/1Z1442YY7229014688')
      .query(true)
      .reply(200, fixture('delivered-official-postman-example.json'), { 'Content-Type': 'application/json' })
      .get('/api/track/v1/details/1Z999AA10123456784')
      .query(true)
      .reply(200, fixture('warning-TW0001-tracking-information-not-found.json'), { 'Content-Type': 'application/json' });
    const outcomes = await adapter().track(['1Z1442YY7229014688', '1Z 999 AA1 0123456784', 'short']);
    expect(scope.isDone()).toBe(true);
    expect(outcomes.map((outcome) => [outcome.trackingNumber, outcome.ok ? outcome.shipment.status : outcome.error.code])).toEqual([
      ['1Z1442YY7229014688', 'delivered'],
      // Spaces are removed before the number goes into the URL; the outcome keeps the number as given.
      ['1Z 999 AA1 0123456784', 'not_found'],
      // Shorter than UPS's 7 characters: rejected without a request.
      ['short', 'invalid_number'],
    ]);
    expect(outcomes[2]!.error?.message).toBe(
      'UPS inquiry numbers are 7 to 34 letters and digits; this one is not, so it was not sent to UPS.',
    );
  });

  it('sends a unique transId per request, the configured transactionSrc and x-merchant-id', async () => {
    const transIds: string[] = [];
    const scope = nock(ORIGIN)
      .post('/security/v1/oauth/token')
      .matchHeader('x-merchant-id', '123456')
      .reply(200, fixture('oauth-token-response.json'), { 'Content-Type': 'application/json' })
      .get(/\/api\/track\/v1\/details\/.*/)
      .query(true)
      .times(2)
      .matchHeader('transactionSrc', 'my-shop')
      .reply(function reply() {
        transIds.push(String(this.req.headers.transid));
        return [200, fixture('delivered-official-postman-example.json'), { 'Content-Type': 'application/json' }];
      });
    await adapter({ transactionSource: 'my-shop', merchantId: '123456' }).track(['1Z1442YY7229014688', '1Z1442YY7229014689']);
    expect(scope.isDone()).toBe(true);
    expect(transIds).toHaveLength(2);
    expect(new Set(transIds).size).toBe(2);
    for (const id of transIds) expect(id.length).toBeLessThanOrEqual(32);
  });

  it('uses a separate token URL when given, and accepts a base URL ending in /api', async () => {
    const auth = nock('https://auth.example.test')
      .post('/oauth/token')
      .reply(200, fixture('oauth-token-response.json'), { 'Content-Type': 'application/json' });
    const api = nock(ORIGIN)
      .get('/api/track/v1/details/1Z1442YY7229014688')
      .query(true)
      .reply(200, fixture('delivered-official-postman-example.json'), { 'Content-Type': 'application/json' });
    const [outcome] = await adapter({ baseUrl: `${ORIGIN}/api/`, authUrl: 'https://auth.example.test/oauth/token' }).track([
      '1Z1442YY7229014688',
    ]);
    expect(auth.isDone() && api.isDone()).toBe(true);
    expect(outcome!.ok).toBe(true);
  });

  it('takes the credentials from UPS_CLIENT_ID / UPS_CLIENT_SECRET when first used, and names them when missing', async () => {
    const saved = { id: process.env.UPS_CLIENT_ID, secret: process.env.UPS_CLIENT_SECRET };
    try {
      delete process.env.UPS_CLIENT_ID;
      delete process.env.UPS_CLIENT_SECRET;
      // Building never throws; tracking reports the configuration error for every number, without a request.
      const [missingBoth] = await ups.track(['1Z1442YY7229014688']);
      expect(missingBoth!.error?.code).toBe('configuration');
      expect(missingBoth!.error?.message).toMatch(/UPS_CLIENT_ID and UPS_CLIENT_SECRET/);
      const [missingSecret] = await createUps({ clientId: 'x' }).track(['1Z1442YY7229014688']);
      expect(missingSecret!.error?.message).toMatch(/no client secret.*UPS_CLIENT_SECRET/);
      expect(missingSecret!.error?.message).not.toMatch(/UPS_CLIENT_ID/);
      process.env.UPS_CLIENT_ID = 'env-client-id';
      process.env.UPS_CLIENT_SECRET = 'env-client-secret';
      // The default instance reads the environment lazily: set after import, still used.
      const scope = nock(ORIGIN)
        .post('/security/v1/oauth/token')
        .matchHeader('authorization', `Basic ${Buffer.from('env-client-id:env-client-secret').toString('base64')}`)
        .reply(200, fixture('oauth-token-response.json'), { 'Content-Type': 'application/json' })
        .get('/api/track/v1/details/1Z1442YY7229014688')
        .query(true)
        .reply(200, fixture('delivered-official-postman-example.json'), { 'Content-Type': 'application/json' });
      const [found] = await createUps({ baseUrl: ORIGIN, retries: 0 }).track(['1Z1442YY7229014688']);
      expect(scope.isDone()).toBe(true);
      expect(found!.ok).toBe(true);
    } finally {
      if (saved.id === undefined) delete process.env.UPS_CLIENT_ID;
      else process.env.UPS_CLIENT_ID = saved.id;
      if (saved.secret === undefined) delete process.env.UPS_CLIENT_SECRET;
      else process.env.UPS_CLIENT_SECRET = saved.secret;
    }
  });

  it.each(['ht!tp://ups.example.test', 'file:///etc/passwd', 'ups.example.test'])(
    'reports the base URL %s as a configuration error, not as UPS being down',
    async (baseUrl) => {
      const [outcome] = await adapter({ baseUrl }).track(['1Z1442YY7229014688']);
      expect(outcome!.error?.code).toBe('configuration');
      expect(outcome!.error?.retryable).toBe(false);
      expect(outcome!.error?.message).toMatch(/baseUrl .* is not an http\(s\) URL/);
    },
  );

  it('describes itself: identity, capabilities, contacts, base URLs', () => {
    const instance = createUps({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
    expect(instance.id).toBe('ups');
    expect(instance.capabilities).toEqual({
      maxNumbersPerRequest: 1,
      rateLimit: { requests: 5, intervalMs: 1000 },
      webhooks: false,
      proofOfDelivery: true,
      estimatedDelivery: true,
    });
    expect(instance.trackingUrl(' 1Z999AA10123456784 ')).toBe('https://www.ups.com/track?tracknum=1Z999AA10123456784');
    expect(instance.contact.byCountry?.US?.phone).toBe('+1 800 742 5877');
    expect(UPS_PRODUCTION_BASE_URL).toBe('https://onlinetools.ups.com');
  });
});
