import { readFileSync } from 'node:fs';
import { shipmentSchema, type Shipment, type TrackOutcome } from '@wismo/core';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDhl, dhl, type DhlSettings } from './dhl-adapter';
import { DHL_PRODUCTION_BASE_URL, DHL_SANDBOX_BASE_URL, DHL_TRACK_PATH } from './dhl-carrier';

const API_KEY = 'test-dhl-api-key-5f7a9c1e';
const FETCHED_AT = new Date('2025-01-02T03:04:05.000Z');

function fixtureText(name: string): string {
  return readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');
}

/** Fast, deterministic adapter: no client-side pacing, short retries, a fixed clock. */
function adapter(settings: DhlSettings = {}) {
  return createDhl({
    apiKey: API_KEY,
    clock: () => FETCHED_AT,
    rateLimit: false,
    retries: 1,
    retryMinDelayMs: 1,
    retryMaxDelayMs: 5,
    ...settings,
  });
}

/** Replays a fixture for `trackingNumber`, checking the key header and returning the seen query. */
function replay(trackingNumber: string, status: number, fixture: string, origin = DHL_PRODUCTION_BASE_URL) {
  const seen: { query?: Record<string, unknown> } = {};
  const scope = nock(origin)
    .matchHeader('DHL-API-Key', API_KEY)
    .get(DHL_TRACK_PATH)
    .query((query) => {
      seen.query = query;
      return query.trackingNumber === trackingNumber;
    })
    .reply(status, fixtureText(fixture), { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' });
  return { scope, seen };
}

async function trackOne(trackingNumber: string, settings: DhlSettings = {}, context = {}): Promise<TrackOutcome> {
  const outcomes = await adapter(settings).track([trackingNumber], context);
  expect(outcomes).toHaveLength(1);
  expect(outcomes[0]!.trackingNumber).toBe(trackingNumber);
  return outcomes[0]!;
}

async function trackFixture(trackingNumber: string, fixture: string): Promise<Shipment> {
  const { scope } = replay(trackingNumber, 200, fixture);
  const outcome = await trackOne(trackingNumber);
  expect(scope.isDone()).toBe(true);
  if (!outcome.ok) throw new Error(`expected a shipment, got ${outcome.error.code}: ${outcome.error.message}`);
  return shipmentSchema.parse(outcome.shipment);
}

function expectNewestFirst(shipment: Shipment) {
  const keys = shipment.events.map((event) => Date.parse(event.occurredAt ?? `${event.localTime}Z`));
  for (let index = 1; index < keys.length; index++) expect(keys[index - 1]!).toBeGreaterThanOrEqual(keys[index]!);
}

function expectHonestTimes(shipment: Shipment, kind: 'instant' | 'local') {
  for (const event of shipment.events) {
    expect(event.timeKind).toBe(kind);
    if (kind === 'local') {
      expect(event.occurredAt).toBeNull();
      expect(event.localTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
    } else {
      expect(event.occurredAt).toMatch(/(Z|[+-]\d{2}:\d{2})$/);
    }
  }
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('dhl() settings', () => {
  it('answers a configuration error without an API key, naming the environment variable, and sends nothing', async () => {
    const saved = process.env.DHL_API_KEY;
    delete process.env.DHL_API_KEY;
    try {
      // Building never throws; tracking reports the configuration error for every number.
      const [missing] = await dhl.track(['470800204932']);
      expect(missing!.error).toMatchObject({ code: 'configuration', message: expect.stringMatching(/DHL_API_KEY/) });
      const [blank] = await createDhl({ apiKey: '  ' }).track(['470800204932']);
      expect(blank!.error).toMatchObject({ code: 'configuration', message: expect.stringMatching(/DHL_API_KEY/) });
    } finally {
      if (saved !== undefined) process.env.DHL_API_KEY = saved;
    }
  });

  it('reads DHL_API_KEY from the environment', async () => {
    const saved = process.env.DHL_API_KEY;
    process.env.DHL_API_KEY = API_KEY;
    try {
      const { scope } = replay('470800204932', 200, 'delivered-parcel-de-real-german.json');
      const outcomes = await createDhl({ rateLimit: false }).track(['470800204932']);
      expect(outcomes[0]!.ok).toBe(true);
      expect(scope.isDone()).toBe(true);
    } finally {
      if (saved === undefined) delete process.env.DHL_API_KEY;
      else process.env.DHL_API_KEY = saved;
    }
  });

  it('exposes the contract: id, one number per request, 1 request a second, contact, tracking page', () => {
    const instance = createDhl({ apiKey: API_KEY });
    expect(instance.id).toBe('dhl');
    expect(instance.capabilities).toEqual({
      maxNumbersPerRequest: 1,
      rateLimit: { requests: 1, intervalMs: 1000 },
      webhooks: false,
      proofOfDelivery: true,
      estimatedDelivery: true,
    });
    expect(instance.trackingUrl(' 470800204932 ')).toBe(
      'https://www.dhl.com/global-en/home/tracking.html?tracking-id=470800204932&submit=1',
    );
    expect(instance.contact.byCountry?.DE?.url).toMatch(/^https:\/\/www\.dhl\.de\//);
    expect(DHL_SANDBOX_BASE_URL).toBe('https://api-test.dhl.com');
  });

  it('sends the optional query parameters, and the call’s locale as language', async () => {
    const { seen } = replay('470800204932', 200, 'delivered-parcel-de-real-german.json', DHL_SANDBOX_BASE_URL);
    await trackOne(
      ' 470800204932 '.trim(),
      {
        baseUrl: DHL_SANDBOX_BASE_URL,
        service: 'parcel-de',
        recipientPostalCode: '53113',
        requesterCountryCode: 'DE',
        originCountryCode: 'DE',
      },
      { locale: 'de-DE' },
    );
    expect(seen.query).toEqual({
      trackingNumber: '470800204932',
      service: 'parcel-de',
      recipientPostalCode: '53113',
      requesterCountryCode: 'DE',
      originCountryCode: 'DE',
      language: 'de',
    });
  });

  it('sends only the number when nothing else is configured', async () => {
    const { seen } = replay('470800204932', 200, 'delivered-parcel-de-real-german.json');
    await trackOne('470800204932');
    expect(seen.query).toEqual({ trackingNumber: '470800204932' });
  });

  it('prefers the configured language over the call’s locale', async () => {
    const { seen } = replay('470800204932', 200, 'delivered-parcel-de-real-german.json');
    await trackOne('470800204932', { language: 'en' }, { locale: 'de-DE' });
    expect(seen.query?.language).toBe('en');
  });
});

describe('real samples replayed', () => {
  it('delivered-parcel-de-real-german.json: delivered despite a late pre-transit scan, local times only', async () => {
    const shipment = await trackFixture('470800204932', 'delivered-parcel-de-real-german.json');
    expect(shipment.status).toBe('delivered');
    expect(shipment.substatus).toBe('delivered');
    expect(shipment.events).toHaveLength(10);
    expectNewestFirst(shipment);
    expectHonestTimes(shipment, 'local');
    expect(shipment.events.map((event) => event.substatus)).toEqual([
      'delivered',
      'out_for_delivery', // "in das Zustellfahrzeug geladen"
      'delivery_rescheduled', // "zurückgestellt ... am nächsten Werktag"
      'arrived_at_facility', // "in der Region des Empfängers angekommen"
      'in_transit',
      'in_transit',
      'in_transit',
      'in_transit',
      'label_created', // pre-transit, 4 minutes *after* the parcel was posted
      'picked_up', // "vom Absender in der Filiale eingeliefert"
    ]);
    expect(shipment.events[8]!.localTime).toBe('2023-03-01T16:18:00');
    expect(shipment.events[9]!.localTime).toBe('2023-03-01T16:14:00');
    expect(shipment.events.every((event) => !event.unmapped)).toBe(true);
    expect(shipment.deliveredAt).toEqual({ occurredAt: null, localTime: '2023-03-13T09:50:00', timeKind: 'local' });
    expect(shipment.statusSince).toEqual({ occurredAt: null, localTime: '2023-03-13T09:50:00', timeKind: 'local' });
    expect(shipment.estimatedDelivery).toBeNull();
    expect(shipment.service).toEqual({ code: 'parcel-de', name: 'DHL PAKET, Bahntransport' });
    expect(shipment.destination?.countryCode).toBe('DE');
    expect(shipment.contact?.phone).toBe('+49 228 4333112');
    expect(shipment.proofOfDelivery).toEqual({ available: false, signatureAvailable: false, url: null, deliveryLocation: null });
    expect(shipment.direction).toBe('outbound');
    expect(shipment.legs).toEqual([]);
    expect(shipment.fetchedAt).toBe(FETCHED_AT.toISOString());
    expect(shipment).toMatchSnapshot();
  });

  it('spec-example-express-karrio.json: the coarse code wins over the placeholder "DELIVERED" text', async () => {
    const shipment = await trackFixture('7777777770', 'spec-example-express-karrio.json');
    // statusCode is pre-transit; "DELIVERED"/"JESSICA" are the spec's placeholder words, not a code.
    expect(shipment.status).toBe('info_received');
    expect(shipment.substatus).toBe('label_created');
    expect(shipment.events).toHaveLength(1);
    expect(shipment.events[0]).toMatchObject({
      timeKind: 'local',
      occurredAt: null,
      localTime: '2018-03-02T07:53:47',
      raw: { code: 'pre-transit', codes: { statusCode: 'pre-transit', status: 'DELIVERED' } },
    });
    expect(shipment.estimatedDelivery).toEqual({
      from: '2018-08-03T00:00:00Z',
      to: '2018-08-03T22:00:00Z',
      timeKind: 'instant',
      source: 'carrier',
      confidence: null,
    });
    expect(shipment.deliveredAt).toBeNull();
    expect(shipment.signedBy).toBe('John Doe');
    expect(shipment.proofOfDelivery).toEqual({
      available: true,
      signatureAvailable: false,
      url: 'https://webpod.dhl.com/webPOD/DHLePODRequest',
      deliveryLocation: null,
    });
    expect(shipment.service).toEqual({ code: 'express', name: 'UNKNOWN - Product unknown' });
    expect(shipment.origin).toEqual({ city: null, region: null, postalCode: '1043 AG', countryCode: 'NL', raw: 'Oderweg 2, AMSTERDAM' });
    expect(shipment).toMatchSnapshot();
  });

  it('error-404-no-shipment-found.json: not_found', async () => {
    const { scope } = replay('8264715546', 404, 'error-404-no-shipment-found.json');
    const outcome = await trackOne('8264715546');
    expect(scope.isDone()).toBe(true);
    expect(outcome.ok).toBe(false);
    expect(outcome.error).toMatchObject({
      name: 'NotFoundError',
      code: 'not_found',
      httpStatus: 404,
      retryable: false,
      carrierId: 'dhl',
      trackingNumber: '8264715546',
    });
  });

  it('error-400-invalid-input.json: invalid_number', async () => {
    const { scope } = replay('%%%', 400, 'error-400-invalid-input.json');
    const outcome = await trackOne('%%%');
    expect(scope.isDone()).toBe(true);
    expect(outcome.error).toMatchObject({ code: 'invalid_number', httpStatus: 400, retryable: false });
  });

  it('error-429-too-many-requests.json: rate_limited once retries are spent, then fails fast without calling DHL', async () => {
    const instance = adapter({ retries: 1 });
    const first = replay('470800204932', 429, 'error-429-too-many-requests.json');
    const second = replay('470800204932', 429, 'error-429-too-many-requests.json');
    const [outcome] = await instance.track(['470800204932']);
    expect(first.scope.isDone() && second.scope.isDone()).toBe(true);
    expect(outcome!.error).toMatchObject({ code: 'rate_limited', httpStatus: 429, retryable: true, carrierCodes: [] });

    // No interceptor left: a request would fail as a network error, not as rate_limited.
    const started = performance.now();
    const [again] = await instance.track(['00340434161094042557']);
    expect(performance.now() - started).toBeLessThan(100);
    expect(again!.error).toMatchObject({ code: 'rate_limited', retryable: true, trackingNumber: '00340434161094042557' });
    expect(again!.error!.retryAfterMs).toBeGreaterThan(50_000);
    expect(again!.error!.message).toMatch(/250 calls a day/);
  });

  it('times the pause after a 429 on the adapter clock: DHL is called again once the cooldown has passed on it', async () => {
    let now = FETCHED_AT.getTime();
    const instance = adapter({ retries: 0, rateLimitCooldownMs: 60_000, clock: () => new Date(now) });
    const refused = replay('470800204932', 429, 'error-429-too-many-requests.json');
    expect((await instance.track(['470800204932']))[0]!.error).toMatchObject({ code: 'rate_limited', httpStatus: 429 });
    expect(refused.scope.isDone()).toBe(true);

    now += 59_000;
    const [paused] = await instance.track(['470800204932']);
    expect(paused!.error).toMatchObject({ code: 'rate_limited', retryAfterMs: 1_000 });

    now += 1_000;
    const answered = replay('470800204932', 200, 'spec-example-express-karrio.json');
    const [outcome] = await instance.track(['470800204932']);
    expect(answered.scope.isDone()).toBe(true);
    expect(outcome!.ok).toBe(true);
  });

  it('gives up on a 429 at once when Retry-After is longer than worth waiting (daily quota)', async () => {
    const scope = nock(DHL_PRODUCTION_BASE_URL)
      .get(DHL_TRACK_PATH)
      .query(true)
      .reply(429, fixtureText('error-429-too-many-requests.json'), { 'Content-Type': 'application/problem+json', 'Retry-After': '36000' });
    const started = performance.now();
    const outcome = await trackOne('470800204932', { retries: 3, retryMinDelayMs: 200 });
    expect(performance.now() - started).toBeLessThan(500);
    expect(scope.isDone()).toBe(true);
    expect(outcome.error).toMatchObject({ code: 'rate_limited', retryAfterMs: 36_000_000 });
  });
});

describe('composed fixtures replayed', () => {
  it('composed-express-delivered-signed.json: signed delivery with offsets → instants', async () => {
    const shipment = await trackFixture('1234567890', 'composed-express-delivered-signed.json');
    expect(shipment).toMatchObject({ status: 'delivered', substatus: 'signature_obtained', signedBy: 'DOE' });
    expect(shipment.events).toHaveLength(6);
    expectNewestFirst(shipment);
    expectHonestTimes(shipment, 'instant');
    expect(shipment.events.map((event) => event.substatus)).toEqual([
      'signature_obtained',
      'out_for_delivery',
      'arrived_at_facility',
      'departed_facility',
      'in_transit',
      'picked_up',
    ]);
    expect(shipment.deliveredAt).toEqual({
      occurredAt: '2024-05-08T12:03:04+01:00',
      localTime: '2024-05-08T12:03:04',
      timeKind: 'instant',
    });
    expect(shipment.proofOfDelivery).toEqual({
      available: true,
      signatureAvailable: true,
      url: 'https://webpod.dhl.com/webPOD/DHLePODRequest?awb=1234567890',
      deliveryLocation: null,
    });
    expect(shipment.estimatedDelivery).toBeNull();
    expect(shipment.contact?.url).toBe('https://www.dhl.com/gb-en/home/customer-service.html');
    expect(shipment).toMatchSnapshot();
  });

  it('composed-express-in-transit-checkpoints.json: checkpoint codes and an ETA window with offsets', async () => {
    const shipment = await trackFixture('5584773180', 'composed-express-in-transit-checkpoints.json');
    expect(shipment).toMatchObject({ status: 'in_transit', substatus: 'arrived_at_facility' });
    expect(shipment.events.map((event) => [event.raw.code, event.substatus])).toEqual([
      ['AR', 'arrived_at_facility'],
      ['DF', 'departed_facility'],
      ['PU', 'picked_up'],
    ]);
    expectHonestTimes(shipment, 'instant');
    expect(shipment.estimatedDelivery).toEqual({
      from: '2024-06-03T09:00:00+02:00',
      to: '2024-06-03T18:00:00+02:00',
      timeKind: 'instant',
      source: 'carrier',
      confidence: null,
    });
    expect(shipment).toMatchSnapshot();
  });

  it('composed-express-failed-attempt.json: attempt failed, recipient absent', async () => {
    const shipment = await trackFixture('3982711045', 'composed-express-failed-attempt.json');
    expect(shipment).toMatchObject({ status: 'attempt_failed', substatus: 'attempt_failed_recipient_absent', deliveredAt: null });
    expect(shipment.events).toHaveLength(3);
    expect(shipment.events[1]!.status).toBe('out_for_delivery');
    expect(shipment.statusSince).toEqual({
      occurredAt: '2024-02-15T13:26:34+00:00',
      localTime: '2024-02-15T13:26:34',
      timeKind: 'instant',
    });
    expect(shipment).toMatchSnapshot();
  });

  it('composed-express-customs-hold.json: held by customs (failure + the spec’s customs remark)', async () => {
    const shipment = await trackFixture('7046523318', 'composed-express-customs-hold.json');
    expect(shipment).toMatchObject({ status: 'exception', substatus: 'customs_held' });
    expect(shipment.events.map((event) => event.substatus)).toEqual(['customs_held', 'customs_processing', 'arrived_at_facility']);
    expect(shipment.events[0]!.occurredAt).toBe('2024-04-10T09:12:00-04:00');
    expect(shipment).toMatchSnapshot();
  });

  it('composed-parcel-de-exception.json: an unexplained failure is a generic exception', async () => {
    const shipment = await trackFixture('00340434161094099991', 'composed-parcel-de-exception.json');
    expect(shipment).toMatchObject({ status: 'exception', substatus: 'carrier_exception' });
    expect(shipment.events.map((event) => [event.status, event.unmapped])).toEqual([
      ['exception', false],
      ['out_for_delivery', false],
      ['unknown', false], // DHL's documented "unknown": kept, never moves the status
    ]);
    expectHonestTimes(shipment, 'local');
    expect(shipment).toMatchSnapshot();
  });

  it('composed-parcel-de-out-for-delivery.json: out for delivery with a local ETA window', async () => {
    const shipment = await trackFixture('00340434161094042557', 'composed-parcel-de-out-for-delivery.json');
    expect(shipment).toMatchObject({ status: 'out_for_delivery', substatus: 'out_for_delivery' });
    expect(shipment.events).toHaveLength(3);
    expectHonestTimes(shipment, 'local');
    expect(shipment.estimatedDelivery).toEqual({
      from: '2024-03-14T10:00:00',
      to: '2024-03-14T13:00:00',
      timeKind: 'local',
      source: 'carrier',
      confidence: null,
    });
    expect(shipment).toMatchSnapshot();
  });

  it('composed-parcel-de-returned.json: returnFlag + delivered = returned to the sender', async () => {
    const shipment = await trackFixture('00123456789765432101', 'composed-parcel-de-returned.json');
    expect(shipment).toMatchObject({ status: 'returned', substatus: 'returned_to_sender', direction: 'return' });
    expect(shipment.events.map((event) => event.status)).toEqual(['returned', 'in_transit', 'exception', 'out_for_delivery']);
    expect(shipment.deliveredAt).toEqual({ occurredAt: null, localTime: '2023-10-26T12:08:00', timeKind: 'local' });
    expect(shipment.estimatedDelivery).toBeNull();
    expect(shipment).toMatchSnapshot();
  });

  it('composed-express-returning.json: returnFlag + moving = returning', async () => {
    const shipment = await trackFixture('6613904472', 'composed-express-returning.json');
    expect(shipment).toMatchObject({ status: 'returning', substatus: 'returning_to_sender', direction: 'return', deliveredAt: null });
    expect(shipment.events.map((event) => event.substatus)).toEqual([
      'returning_to_sender',
      'attempt_failed_recipient_absent',
      'out_for_delivery',
    ]);
    expect(shipment).toMatchSnapshot();
  });

  it('composed-ecommerce-usps-handover.json: DHL eCommerce hands over to USPS (a last-mile leg)', async () => {
    const shipment = await trackFixture('GM295117322517449401', 'composed-ecommerce-usps-handover.json');
    expect(shipment).toMatchObject({ status: 'in_transit', substatus: 'handed_over_to_carrier' });
    expect(shipment.legs).toEqual([{ carrier: 'usps', carrierName: 'USPS', trackingNumber: '9261290336128704042634', role: 'last_mile' }]);
    expect(shipment.events.map((event) => event.status)).toEqual(['in_transit', 'in_transit', 'info_received']);
    expectHonestTimes(shipment, 'local');
    expect(shipment.contact?.phone).toBe('+1 800 225 5345');
    expect(shipment).toMatchSnapshot();
  });

  it('composed-ecommerce-europe-destination-provider.json: a partner post delivers (a last-mile leg)', async () => {
    const shipment = await trackFixture('JVGL06287591000934567', 'composed-ecommerce-europe-destination-provider.json');
    expect(shipment).toMatchObject({ status: 'in_transit', substatus: 'in_transit' });
    expect(shipment.legs).toEqual([
      { carrier: 'bpost', carrierName: 'bpost', trackingNumber: '323211234567890123456789', role: 'last_mile' },
    ]);
    expect(shipment.events[1]!.location).toEqual({ city: null, region: null, postalCode: null, countryCode: 'NL', raw: 'Utrecht' });
    expect(shipment).toMatchSnapshot();
  });

  it('composed-parcel-de-status-only.json: only a current status, no event list', async () => {
    const shipment = await trackFixture('00340434161094012345', 'composed-parcel-de-status-only.json');
    expect(shipment).toMatchObject({ status: 'info_received', substatus: 'label_created' });
    expect(shipment.events).toHaveLength(1);
    expect(shipment).toMatchSnapshot();
  });

  it('composed-error-401-unauthorized.json: auth_failed without retrying, key not in the error', async () => {
    const { scope } = replay('470800204932', 401, 'composed-error-401-unauthorized.json');
    const outcome = await trackOne('470800204932', { retries: 3 });
    expect(scope.isDone()).toBe(true);
    expect(outcome.error).toMatchObject({ code: 'auth_failed', httpStatus: 401, retryable: false });
    expect(JSON.stringify(outcome.error)).not.toContain(API_KEY);
    expect(String(outcome.error!.stack)).not.toContain(API_KEY);
  });
});

describe('track()', () => {
  it('answers several numbers in order, one request each', async () => {
    replay('470800204932', 200, 'delivered-parcel-de-real-german.json');
    replay('8264715546', 404, 'error-404-no-shipment-found.json');
    const outcomes = await adapter().track(['470800204932', '8264715546']);
    expect(outcomes.map((outcome) => [outcome.trackingNumber, outcome.ok, outcome.error?.code])).toEqual([
      ['470800204932', true, undefined],
      ['8264715546', false, 'not_found'],
    ]);
  });

  it('rejects a blank number without calling DHL', async () => {
    const outcome = await trackOne('   ');
    expect(outcome.error).toMatchObject({ code: 'invalid_number', trackingNumber: '   ' });
  });

  it('keeps the body on raw when asked', async () => {
    replay('470800204932', 200, 'delivered-parcel-de-real-german.json');
    const outcome = await trackOne('470800204932', {}, { includeRaw: true });
    expect(outcome.shipment!.raw).toEqual(JSON.parse(fixtureText('delivered-parcel-de-real-german.json')));
  });

  it('paces requests at the documented 1 a second by default', async () => {
    replay('470800204932', 200, 'delivered-parcel-de-real-german.json');
    replay('1234567890', 200, 'composed-express-delivered-signed.json');
    const instance = createDhl({ apiKey: API_KEY });
    const started = performance.now();
    const outcomes = await instance.track(['470800204932', '1234567890']);
    expect(outcomes.every((outcome) => outcome.ok)).toBe(true);
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('reports an empty 200 body as bad_response, never rejecting', async () => {
    nock(DHL_PRODUCTION_BASE_URL).get(DHL_TRACK_PATH).query(true).reply(200, '', { 'Content-Type': 'application/json' });
    const outcome = await trackOne('470800204932');
    expect(outcome.error?.code).toBe('bad_response');
  });
});
