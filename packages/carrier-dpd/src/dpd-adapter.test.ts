import { shipmentSchema, type Shipment, type TrackOutcome } from '@wismo/core';
import { createFixtureReplay, isolateNetwork, type ReplayBody } from '@wismo/core/testing';
import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { createDpd, normaliseDpdNumber } from './dpd-adapter';
import { DPD_LOGIN_PATH, DPD_LOGIN_SOAP_ACTION, DPD_TRACKING_PATH, DPD_TRACKING_SOAP_ACTION } from './dpd-carrier';

const ORIGIN = 'https://dpd.fixtures.test';
const DELIS_ID = 'fixture-delis';
const PASSWORD = 'fixture-dpd-password-3f9a';
const TOKEN = 'fixture-dpd-auth-token-9Kq2';
const FETCHED_AT = new Date('2026-01-15T12:00:00.000Z');
const SAMPLE_NUMBER = '05308801410058';

const fixtures = createFixtureReplay({ fixturesDirectory: new URL('./__fixtures__/', import.meta.url), origin: ORIGIN });

function adapter(settings: Parameters<typeof createDpd>[0] = {}, clock = () => FETCHED_AT) {
  return createDpd({ delisId: DELIS_ID, password: PASSWORD, baseUrl: ORIGIN, clock, retries: 0, rateLimit: false, ...settings });
}

/** The LoginService call, checked to carry the delisId and password in a SOAP `getAuth`. */
function replayLogin(body: ReplayBody = 'composed-login-response.xml', status = 200) {
  return fixtures.replay(
    (scope) =>
      scope
        .post(
          DPD_LOGIN_PATH,
          (sent: string) =>
            sent.includes(`<delisId>${DELIS_ID}</delisId>`) &&
            sent.includes(`<password>${PASSWORD}</password>`) &&
            sent.includes('<ns:getAuth>'),
        )
        .matchHeader('soapaction', DPD_LOGIN_SOAP_ACTION)
        .matchHeader('content-type', /^text\/xml/),
    body,
    { status },
  );
}

/** One `getTrackingData` call, checked to carry the token in the SOAP header and the parcel number. */
function replayTracking(parcelLabelNumber: string, body: ReplayBody, status = 200, token = TOKEN) {
  return fixtures.replay(
    (scope) =>
      scope
        .post(
          DPD_TRACKING_PATH,
          (sent: string) =>
            sent.includes(`<authToken>${token}</authToken>`) &&
            sent.includes(`<parcelLabelNumber>${parcelLabelNumber}</parcelLabelNumber>`) &&
            sent.includes('<messageLanguage>en_US</messageLanguage>'),
        )
        .matchHeader('soapaction', DPD_TRACKING_SOAP_ACTION),
    body,
    { status },
  );
}

async function trackFixture(name: string, parcelLabelNumber = SAMPLE_NUMBER): Promise<TrackOutcome> {
  const login = replayLogin();
  const tracking = replayTracking(parcelLabelNumber, name);
  const outcomes = await adapter().track([parcelLabelNumber]);
  expect(login.isDone() && tracking.isDone()).toBe(true);
  expect(outcomes).toHaveLength(1);
  return outcomes[0]!;
}

function shipmentOf(outcome: TrackOutcome): Shipment {
  if (!outcome.ok) throw new Error(`expected a shipment, got ${outcome.error.code}: ${outcome.error.message}`);
  return shipmentSchema.parse(outcome.shipment);
}

function timeline(shipment: Shipment) {
  return shipment.events.map((event) => `${event.localTime} ${event.raw.code} ${event.status}/${event.substatus}`);
}

isolateNetwork();
afterEach(() => nock.cleanAll());

describe('the recorded sample (karrio, DPD BE)', () => {
  it('parcellifecycle-getTrackingData-response: back at the depot after failed attempts, 12-hour times read right', async () => {
    const shipment = shipmentOf(await trackFixture('parcellifecycle-getTrackingData-response.xml'));
    expect(shipment.status).toBe('attempt_failed');
    expect(shipment.statusSince).toEqual({ occurredAt: null, localTime: '2021-08-19T17:11:26', timeKind: 'local' });
    expect(shipment.service).toEqual({ code: null, name: 'DPD PARCELSHOP DELIVERY' });
    expect(shipment.events).toHaveLength(15);
    // Newest first; "5:11:26 PM" is 17:11:26 local, no offset invented.
    expect(timeline(shipment).slice(0, 3)).toEqual([
      '2021-08-19T17:11:26 ReturningFromDelivery attempt_failed/attempt_failed',
      '2021-08-19T15:57:33 PickedUp in_transit/picked_up',
      '2021-08-19T11:32:51 Courier out_for_delivery/out_for_delivery',
    ]);
    expect(shipment.events.every((event) => event.timeKind === 'local' && event.occurredAt === null)).toBe(true);
    expect(shipment.events.filter((event) => event.raw.code === 'ParcelShop').map((event) => event.status)).toEqual(
      Array(4).fill('available_for_pickup'),
    );
    expect(shipment.events[0]!.location).toEqual({
      city: 'Mechelen',
      region: null,
      postalCode: null,
      countryCode: 'BE',
      raw: 'Mechelen (BE)',
    });
    expect(shipment.contact).toEqual({ phone: null, url: 'https://www.dpd.com/be/en/support/' });
    expect(shipment.trackingUrl).toBe('https://www.dpdgroup.com/be/mydpd/my-parcels/track?lang=en&parcelNumber=05308801410058');
    expect(shipment).toMatchSnapshot();
  });

  it('soap-fault-authentication (HTTP 500): auth_failed, not retried, no secret in the error', async () => {
    const login = replayLogin('soap-fault-authentication.xml', 500);
    const outcome = (await adapter({ retries: 2 }).track([SAMPLE_NUMBER]))[0]!;
    expect(login.isDone()).toBe(true);
    expect(outcome.ok).toBe(false);
    expect(outcome.error).toMatchObject({
      code: 'auth_failed',
      retryable: false,
      carrierCodes: expect.arrayContaining(['DELICOM_ERR_AUTHENTICATION']),
    });
    expect(outcome.error!.message).toContain('Authentication failure, check delisId and password');
    expect(JSON.stringify(outcome.error)).not.toContain(PASSWORD);
  });
});

describe('composed fixtures, one per status family', () => {
  it.each([
    ['composed-pre-transit-no-step-reached.xml', 'info_received', 'label_created', 0],
    ['composed-in-transit-at-depot.xml', 'in_transit', 'arrived_at_facility', 3],
    ['composed-out-for-delivery.xml', 'out_for_delivery', 'out_for_delivery', 4],
    ['composed-failed-attempt.xml', 'attempt_failed', 'attempt_failed', 5],
    ['composed-ready-for-pickup-parcelshop.xml', 'available_for_pickup', 'arrived_at_pickup_point', 5],
    ['composed-delivered.xml', 'delivered', 'delivered', 5],
  ])('%s → %s/%s', async (name, status, substatus, eventCount) => {
    const shipment = shipmentOf(await trackFixture(name));
    expect([shipment.status, shipment.substatus, shipment.events.length]).toEqual([status, substatus, eventCount]);
    expect(shipment).toMatchSnapshot();
  });

  it('delivered: deliveredAt is the Delivered step, local time; the contact follows the Dutch depot', async () => {
    const shipment = shipmentOf(await trackFixture('composed-delivered.xml'));
    expect(shipment.deliveredAt).toEqual({ occurredAt: null, localTime: '2025-11-04T13:05:12', timeKind: 'local' });
    expect(shipment.contact?.url).toBe('https://www.dpd.com/nl/nl/klantenservice/');
  });

  it('ready for pickup: the Pickup parcelshop step and the parcelshop service', async () => {
    const shipment = shipmentOf(await trackFixture('composed-ready-for-pickup-parcelshop.xml'));
    expect(shipment.service?.name).toBe('DPD PARCELSHOP DELIVERY');
    expect(shipment.events[0]).toMatchObject({ localTime: '2025-11-04T12:00:00', description: 'Delivered by driver to Pickup parcelshop' });
  });

  it('an unknown state is kept unmapped with its raw code', async () => {
    const shipment = shipmentOf(await trackFixture('composed-unknown-state.xml'));
    expect(shipment.events[0]).toMatchObject({ status: 'unknown', substatus: 'unknown', unmapped: true, raw: { code: 'ParcelDamaged' } });
  });

  it.each([
    ['composed-not-found-empty-trackingresult.xml', 200, 'not_found'],
    ['composed-faults-no-data.xml', 500, 'not_found'],
    ['composed-faults-no-data.xml', 200, 'not_found'],
    ['composed-server-fault.xml', 200, 'carrier_unavailable'],
  ])('%s (HTTP %i) → %s', async (name, status, code) => {
    const login = replayLogin();
    const tracking = replayTracking(SAMPLE_NUMBER, name, status);
    const [outcome] = await adapter().track([SAMPLE_NUMBER]);
    expect(login.isDone() && tracking.isDone()).toBe(true);
    expect(outcome!.error?.code).toBe(code);
  });
});

describe('the login token', () => {
  it('is fetched once and reused for later calls until shortly before it expires', async () => {
    let now = FETCHED_AT;
    const dpd = adapter({}, () => now);
    const login = replayLogin();
    replayTracking(SAMPLE_NUMBER, 'composed-out-for-delivery.xml');
    replayTracking(SAMPLE_NUMBER, 'composed-delivered.xml');
    expect((await dpd.track([SAMPLE_NUMBER]))[0]!.shipment?.status).toBe('out_for_delivery');
    expect((await dpd.track([SAMPLE_NUMBER]))[0]!.shipment?.status).toBe('delivered');
    expect(login.isDone()).toBe(true);
    // authTokenExpires 2026-01-16T13:00 Brussels = 12:00Z; renewed 30 minutes before.
    now = new Date('2026-01-16T11:31:00Z');
    const second = replayLogin();
    replayTracking(SAMPLE_NUMBER, 'composed-delivered.xml');
    expect((await dpd.track([SAMPLE_NUMBER]))[0]!.ok).toBe(true);
    expect(second.isDone()).toBe(true);
  });

  it('is renewed once when DPD refuses a cached token, then the call succeeds', async () => {
    const dpd = adapter();
    replayLogin();
    replayTracking(SAMPLE_NUMBER, 'composed-out-for-delivery.xml');
    await dpd.track([SAMPLE_NUMBER]);
    // The token was revoked on DPD's side: an authentication fault, a new login, the same call again.
    replayTracking(SAMPLE_NUMBER, 'soap-fault-authentication.xml', 500);
    const relogin = replayLogin();
    replayTracking(SAMPLE_NUMBER, 'composed-delivered.xml');
    const [outcome] = await dpd.track([SAMPLE_NUMBER]);
    expect(relogin.isDone()).toBe(true);
    expect(outcome!.shipment?.status).toBe('delivered');
  });

  it('concurrent calls share one login', async () => {
    const dpd = adapter();
    replayLogin();
    replayTracking('01234567890128', 'composed-out-for-delivery.xml');
    replayTracking(SAMPLE_NUMBER, 'composed-delivered.xml');
    const outcomes = await dpd.track(['01234567890128', SAMPLE_NUMBER]);
    expect(outcomes.map((outcome) => outcome.shipment?.status)).toEqual(['out_for_delivery', 'delivered']);
  });

  it('an answer without a token is bad_response', async () => {
    replayLogin({
      body: '<soap:Envelope xmlns:soap="x"><soap:Body><getAuthResponse><return/></getAuthResponse></soap:Body></soap:Envelope>',
    });
    const [outcome] = await adapter().track([SAMPLE_NUMBER]);
    expect(outcome!.error?.code).toBe('bad_response');
  });
});

describe('numbers and configuration', () => {
  it('sends the 14-digit parcel number inside the 28-character barcode and the check-character form', async () => {
    expect(normaliseDpdNumber('00 81827 0998 0000 0200 33 350 276 C')).toBe('09980000020033');
    expect(normaliseDpdNumber('0998 0000 0200 33F')).toBe('09980000020033');
    expect(normaliseDpdNumber('%0081827 09980000020033 350276C')).toBe('09980000020033');
    replayLogin();
    replayTracking('09980000020033', 'composed-delivered.xml');
    const [outcome] = await adapter().track(['0998 0000 0200 33F']);
    // The outcome keeps the number as the caller wrote it.
    expect(outcome).toMatchObject({ trackingNumber: '0998 0000 0200 33F', ok: true });
  });

  it('refuses a malformed number without logging in', async () => {
    const [outcome] = await adapter().track(['NOT-A-DPD-NUMBER']);
    expect(outcome!.error?.code).toBe('invalid_number');
  });

  it('without credentials every number gets one configuration error naming the variables', async () => {
    const previous = { id: process.env.DPD_DELIS_ID, password: process.env.DPD_PASSWORD };
    delete process.env.DPD_DELIS_ID;
    delete process.env.DPD_PASSWORD;
    try {
      const outcomes = await createDpd({ baseUrl: ORIGIN }).track([SAMPLE_NUMBER, '01234567890128']);
      for (const outcome of outcomes) {
        expect(outcome.error?.code).toBe('configuration');
        expect(outcome.error?.message).toContain('DPD_DELIS_ID and DPD_PASSWORD');
      }
    } finally {
      if (previous.id !== undefined) process.env.DPD_DELIS_ID = previous.id;
      if (previous.password !== undefined) process.env.DPD_PASSWORD = previous.password;
    }
  });

  it('a baseUrl that is not http(s) is a configuration error', async () => {
    const [outcome] = await adapter({ baseUrl: 'file:///etc' }).track([SAMPLE_NUMBER]);
    expect(outcome!.error?.code).toBe('configuration');
  });
});
