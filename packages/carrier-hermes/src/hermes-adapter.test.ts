import { redactText, shipmentSchema, type Shipment, type TrackOutcome } from '@wismo/core';
import { createFixtureReplay, isolateNetwork, type ReplayBody } from '@wismo/core/testing';
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { createHermes, hermes, hermesLanguage } from './hermes-adapter';

const ORIGIN = 'https://hermes.fixtures.test';
const AUTH_ORIGIN = 'https://authme.fixtures.test';
const AUTH_PATH = '/authorization-facade/oauth2/access_token';
const CREDENTIALS = {
  clientId: 'fixture-client',
  clientSecret: 'fixture-secret-2c9d',
  username: 'fixture-user',
  password: 'fixture-password-77ab',
};
const FETCHED_AT = new Date('2026-06-24T12:00:00.000Z');
const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.composed-hermes-token.signature';

const fixtures = createFixtureReplay({ fixturesDirectory: new URL('./__fixtures__/', import.meta.url), origin: ORIGIN });

function adapter(settings: Parameters<typeof createHermes>[0] = {}) {
  return createHermes({
    ...CREDENTIALS,
    baseUrl: ORIGIN,
    authUrl: `${AUTH_ORIGIN}${AUTH_PATH}`,
    clock: () => FETCHED_AT,
    retries: 0,
    rateLimit: false,
    ...settings,
  });
}

/** The password grant, as Hermes' auth spec has it: a form with all four credentials. */
function tokenRequest(times = 1, status = 200, fixture = 'composed-token-response.json') {
  return nock(AUTH_ORIGIN)
    .post(
      AUTH_PATH,
      (body: Record<string, string>) =>
        body.grant_type === 'password' &&
        body.client_id === CREDENTIALS.clientId &&
        body.client_secret === CREDENTIALS.clientSecret &&
        body.username === CREDENTIALS.username &&
        body.password === CREDENTIALS.password,
    )
    .times(times)
    .reply(status, fixtures.text(fixture), { 'Content-Type': 'application/json' });
}

function replay(ids: string[], name: ReplayBody, status = 200, language = 'DE') {
  return fixtures.replay(
    (scope) =>
      scope
        .get('/services/hsi/shipmentinfo')
        .query((query) => JSON.stringify(([] as unknown[]).concat(query.shipmentID)) === JSON.stringify(ids))
        .matchHeader('authorization', `Bearer ${TOKEN}`)
        .matchHeader('accept-language', language),
    name,
    { status },
  );
}

async function trackFixture(id: string, name: ReplayBody, status = 200): Promise<TrackOutcome> {
  const token = tokenRequest();
  const scope = replay([id], name, status);
  const outcomes = await adapter().track([id]);
  expect(token.isDone() && scope.isDone()).toBe(true);
  return outcomes[0]!;
}

function shipmentOf(outcome: TrackOutcome): Shipment {
  if (!outcome.ok) throw new Error(`expected a shipment, got ${outcome.error.code}: ${outcome.error.message}`);
  return shipmentSchema.parse(outcome.shipment);
}

const codes = (shipment: Shipment) => shipment.events.map((event) => `${event.raw.code} ${event.status}/${event.substatus}`);

isolateNetwork();

describe('the recorded samples, replayed', () => {
  it('shipmentinfo-delivered: delivered, oldest-first list read newest first, instants', async () => {
    const shipment = shipmentOf(await trackFixture('H1234567890123456789', 'shipmentinfo-delivered.json'));
    expect(shipment.status).toBe('delivered');
    expect(codes(shipment)).toEqual([
      '3500 delivered/delivered',
      '3000 out_for_delivery/out_for_delivery',
      '2000 in_transit/arrived_at_facility',
      '0000 info_received/label_created',
    ]);
    expect(shipment.deliveredAt).toEqual({
      occurredAt: '2024-01-20T14:30:00+01:00',
      localTime: '2024-01-20T14:30:00',
      timeKind: 'instant',
    });
    expect(shipment.events[0]!.location).toMatchObject({ city: 'Hamburg', countryCode: 'DE', raw: 'Hermes Germany, Hamburg' });
    expect(shipment.destination).toMatchObject({ city: 'Hamburg', postalCode: '22419', countryCode: 'DE' });
    expect(shipment.estimatedDelivery).toBeNull();
    expect(shipment.trackingUrl).toBe('https://www.myhermes.de/tracking/H1234567890123456789');
    expect(shipment).toMatchSnapshot();
  });

  it('shipmentinfo-no-information-e001: not_found with Hermes words and code', async () => {
    const outcome = await trackFixture('H1234567890123456789', 'shipmentinfo-no-information-e001.json');
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error).toMatchObject({ code: 'not_found', carrierCodes: ['e001'], retryable: false });
    expect(outcome.error.message).toContain('There is no information for the entered value.');
  });
});

describe('composed fixtures, one per status family', () => {
  const cases: Array<[string, string, string, string]> = [
    ['09133131530724', 'composed-pre-transit-notified.json', 'info_received', 'label_created'],
    ['H1002611000000000001', 'composed-in-transit-sorted.json', 'in_transit', 'arrived_at_facility'],
    ['H1002611000000000002', 'composed-out-for-delivery-slot-summer.json', 'out_for_delivery', 'out_for_delivery'],
    ['H1002611000000000003', 'composed-failed-attempt-not-present.json', 'attempt_failed', 'attempt_failed_recipient_absent'],
    ['H1002611000000000004', 'composed-ready-for-pickup-parcelshop.json', 'available_for_pickup', 'arrived_at_pickup_point'],
    ['H1002611000000000005', 'composed-delivered-letterbox-winter.json', 'delivered', 'delivered_to_mailbox'],
    ['H1002611000000000006', 'composed-exception-damage.json', 'exception', 'damaged'],
    ['H1002611000000000007', 'composed-returned-to-client.json', 'returned', 'returned_to_sender'],
  ];
  for (const [id, name, status, substatus] of cases) {
    it(`${name}: ${status}/${substatus}`, async () => {
      const shipment = shipmentOf(await trackFixture(id, name));
      expect([shipment.status, shipment.substatus]).toEqual([status, substatus]);
      expect(shipment.events.every((event) => !event.unmapped && event.timeKind === 'instant')).toBe(true);
      expect(shipment).toMatchSnapshot();
    });
  }

  it('deliveryForecast with a slot: German wall time as instants at the day’s offset (CEST in June)', async () => {
    const shipment = shipmentOf(await trackFixture('H1002611000000000002', 'composed-out-for-delivery-slot-summer.json'));
    expect(shipment.estimatedDelivery).toEqual({
      from: '2026-06-24T14:00:00+02:00',
      to: '2026-06-24T16:00:00+02:00',
      timeKind: 'instant',
      source: 'carrier',
      confidence: null,
    });
  });

  it('deliveryForecast without a slot: a date, never a time', async () => {
    const shipment = shipmentOf(await trackFixture('H1002611000000000001', 'composed-in-transit-sorted.json'));
    expect(shipment.estimatedDelivery).toEqual({
      from: '2026-06-24',
      to: '2026-06-24',
      timeKind: 'date',
      source: 'carrier',
      confidence: null,
    });
  });

  it('ready for pickup: the ParcelShop is where the event happened', async () => {
    const shipment = shipmentOf(await trackFixture('H1002611000000000004', 'composed-ready-for-pickup-parcelshop.json'));
    expect(shipment.events[0]!.location?.raw).toBe('Hermes PaketShop Kiosk am Ring, Köln');
  });

  it('an undocumented code stays unknown and unmapped, with its raw code', async () => {
    const shipment = shipmentOf(await trackFixture('H1002611000000000008', 'composed-unknown-code.json'));
    expect(shipment.events[0]).toMatchObject({ status: 'unknown', unmapped: true, raw: { code: '9999' } });
    expect(shipment.status).toBe('in_transit');
  });
});

describe('batches, tokens and errors', () => {
  it('one call for several ids (shipmentID repeated); e001 only for the one without data', async () => {
    const token = tokenRequest();
    const scope = replay(['H1002611000000000002', 'H1002611000000000404'], 'composed-batch-found-and-e001.json');
    const outcomes = await adapter().track(['h1002611000000000002', 'H 1002 6110 0000 0000 404']);
    expect(token.isDone() && scope.isDone()).toBe(true);
    expect(outcomes.map((outcome) => [outcome.trackingNumber, outcome.ok ? outcome.shipment.status : outcome.error.code])).toEqual([
      ['h1002611000000000002', 'out_for_delivery'],
      ['H 1002 6110 0000 0000 404', 'not_found'],
    ]);
  });

  it('the token is fetched once and reused; English when asked', async () => {
    const token = tokenRequest(1);
    const first = replay(['H1234567890123456789'], 'shipmentinfo-delivered.json', 200, 'EN');
    const second = replay(['H1234567890123456789'], 'shipmentinfo-delivered.json', 200, 'EN');
    const carrier = adapter({ locale: 'en-GB' });
    await carrier.track(['H1234567890123456789']);
    await carrier.track(['H1234567890123456789']);
    expect(token.isDone() && first.isDone() && second.isDone()).toBe(true);
    // The bearer token is registered as a secret: no log line or error can show it.
    expect(redactText(`the token ${TOKEN} as text`)).toBe('the token [redacted] as text');
  });

  it('401 e903 (token expired): one new token, the request once more, success', async () => {
    const token = tokenRequest(2);
    const expired = replay(['H1234567890123456789'], 'composed-401-e903-token-expired.json', 401);
    const fresh = replay(['H1234567890123456789'], 'shipmentinfo-delivered.json');
    const [outcome] = await adapter().track(['H1234567890123456789']);
    expect(token.isDone() && expired.isDone() && fresh.isDone()).toBe(true);
    expect(outcome!.ok).toBe(true);
  });

  it('invalid_grant at the token endpoint: auth_failed for every number, no tracking call, no secret in the error', async () => {
    const token = tokenRequest(1, 400, 'composed-token-400-invalid-grant.json');
    const outcomes = await adapter().track(['H1234567890123456789', '09133131530724']);
    expect(token.isDone()).toBe(true);
    for (const outcome of outcomes) {
      expect(!outcome.ok && outcome.error.code).toBe('auth_failed');
      expect(JSON.stringify(outcome)).not.toContain(CREDENTIALS.password);
      expect(JSON.stringify(outcome)).not.toContain(CREDENTIALS.clientSecret);
    }
  });

  it('400 e005: a typed error with Hermes code and words', async () => {
    const outcome = await trackFixture('H1234567890123456789', 'composed-400-e005-validation.json', 400);
    expect(!outcome.ok && [outcome.error.code, outcome.error.carrierCodes]).toEqual(['bad_response', ['e005']]);
  });

  it('an HTML page: bad_response; a 503: carrier_unavailable', async () => {
    const html = await trackFixture('H1234567890123456789', { body: '<html><body><h1>502 Bad Gateway</h1></body></html>' }, 200);
    expect(!html.ok && html.error.code).toBe('bad_response');
    const down = await trackFixture('H1234567890123456789', 'composed-400-e005-validation.json', 503);
    expect(!down.ok && down.error.code).toBe('carrier_unavailable');
  });

  it('a number that cannot be a Hermes id is refused before anything is sent', async () => {
    const outcomes = await adapter().track(['not/a-number']);
    // No token request either: nock refuses any call the test did not expect.
    expect(!outcomes[0]!.ok && outcomes[0]!.error.code).toBe('invalid_number');
  });
});

describe('settings', () => {
  it('hermesLanguage: EN for English, DE otherwise', () => {
    expect(['en-US', 'en', 'de-DE', 'fr-FR', undefined].map(hermesLanguage)).toEqual(['EN', 'EN', 'DE', 'DE', 'DE']);
  });

  it('missing credentials: one configuration error naming the four variables; the default instance reads them lazily', async () => {
    const saved = ['HERMES_CLIENT_ID', 'HERMES_CLIENT_SECRET', 'HERMES_USERNAME', 'HERMES_PASSWORD'].map(
      (name) => [name, process.env[name]] as const,
    );
    for (const [name] of saved) delete process.env[name];
    try {
      const [outcome] = await createHermes({ baseUrl: ORIGIN }).track(['H1234567890123456789']);
      expect(!outcome!.ok && outcome!.error.code).toBe('configuration');
      expect(!outcome!.ok && outcome!.error.message).toContain('HERMES_USERNAME');
      expect(hermes.id).toBe('hermes');
    } finally {
      for (const [name, value] of saved) if (value !== undefined) process.env[name] = value;
    }
  });
});
