import { shipmentSchema, type Shipment, type TrackOutcome } from '@wismo/core';
import { createFixtureReplay, isolateNetwork, type ReplayBody } from '@wismo/core/testing';
import { describe, expect, it } from 'vitest';
import { createGls, gls } from './gls-adapter';
import { GLS_PRODUCTION_BASE_URL } from './gls-carrier';

const ORIGIN = 'https://gls.fixtures.test';
const CLIENT_ID = 'fixture-gls-client-id';
const CLIENT_SECRET = 'fixture-gls-client-secret-4d2a';
const FETCHED_AT = new Date('2025-03-11T15:00:00.000Z');
const REFERENCES = '/track-and-trace-v1/tracking/simple/references';

const fixtures = createFixtureReplay({
  fixturesDirectory: new URL('./__fixtures__/', import.meta.url),
  origin: ORIGIN,
  token: {
    intercept: (scope) =>
      scope
        .post('/oauth2/v2/token', 'grant_type=client_credentials')
        .matchHeader('authorization', `Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64')}`),
    fixture: 'composed-oauth-token-response.json',
  },
});

function adapter(settings: Parameters<typeof createGls>[0] = {}) {
  return createGls({
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    baseUrl: ORIGIN,
    clock: () => FETCHED_AT,
    retries: 0,
    rateLimit: false,
    ...settings,
  });
}

/** Token + one references call answering with a fixture; checks the path, query and headers GLS takes. */
function replay(
  numbers: string[],
  status: number,
  name: ReplayBody,
  options: { language?: string; token?: boolean; headers?: Record<string, string> } = {},
) {
  return fixtures.replay(
    (scope) =>
      scope
        .get(`${REFERENCES}/${numbers.join(',')}`)
        .query({ showEvents: 'true', showLinks: 'false' })
        .matchHeader('authorization', /^Bearer eyJ/)
        .matchHeader('accept-language', options.language ?? 'EN'),
    name,
    { status, token: options.token, headers: options.headers },
  );
}

async function trackFixture(trackingNumber: string, name: string, status = 200): Promise<TrackOutcome> {
  const scope = replay([trackingNumber], status, name);
  const outcomes = await adapter().track([trackingNumber]);
  expect(scope.isDone()).toBe(true);
  expect(outcomes).toHaveLength(1);
  expect(outcomes[0]!.trackingNumber).toBe(trackingNumber);
  return outcomes[0]!;
}

function shipmentOf(outcome: TrackOutcome): Shipment {
  if (!outcome.ok) throw new Error(`expected a shipment, got ${outcome.error.code}: ${outcome.error.message}`);
  return shipmentSchema.parse(outcome.shipment);
}

function timeline(shipment: Shipment) {
  return shipment.events.map((event) => `${event.raw.code} ${event.status}/${event.substatus}${event.unmapped ? ' (unmapped)' : ''}`);
}

isolateNetwork();

describe('GLS spec and karrio samples, replayed', () => {
  it('spec-200-delivered-parcelshop-with-links: at the ParcelShop, ready for pickup, times as instants at +01:00', async () => {
    const shipment = shipmentOf(await trackFixture('42249028960', 'spec-200-delivered-parcelshop-with-links.json'));
    expect(shipment.status).toBe('available_for_pickup');
    expect(shipment.substatus).toBe('arrived_at_pickup_point');
    expect(timeline(shipment)).toEqual([
      'DELIVD.PARCELSHOP available_for_pickup/arrived_at_pickup_point',
      'INTIAL.NORMAL in_transit/picked_up',
      'INTIAL.E48_DATA info_received/pickup_scheduled',
      'INTIAL.PREADVICE info_received/label_created',
    ]);
    // `+0100` without a colon: an instant, written with the colon, the wall clock kept.
    expect(shipment.events[0]).toMatchObject({
      occurredAt: '2025-02-10T15:13:46+01:00',
      localTime: '2025-02-10T15:13:46',
      timeKind: 'instant',
    });
    expect(shipment.statusSince).toEqual({
      occurredAt: '2025-02-10T15:13:46+01:00',
      localTime: '2025-02-10T15:13:46',
      timeKind: 'instant',
    });
    expect(shipment.proofOfDelivery.deliveryLocation).toBe('GLS ParcelShop');
    expect(shipment.deliveredAt).toBeNull();
    expect(shipment.estimatedDelivery).toBeNull();
    expect(shipment.contact).toEqual({ phone: null, url: 'https://www.gls-pakete.de/' });
    expect(shipment.trackingUrl).toBe('https://gls-group.com/GROUP/en/parcel-tracking?match=42249028960');
    expect(shipment).toMatchSnapshot();
  });

  it('in-transit-karrio: handed over in Berlin, location and postal code kept', async () => {
    const shipment = shipmentOf(await trackFixture('36301917596', 'in-transit-karrio.json'));
    expect(shipment.status).toBe('in_transit');
    expect(shipment.substatus).toBe('picked_up');
    expect(shipment.events[0]!.location).toEqual({
      city: 'Berlin',
      region: null,
      postalCode: '10437',
      countryCode: 'DE',
      raw: 'Berlin, 10437, DE',
    });
    expect(shipment.events.map((event) => event.occurredAt)).toEqual(['2024-10-07T10:46:14+02:00', '2024-10-07T09:30:00+02:00']);
    expect(shipment).toMatchSnapshot();
  });

  it('per-parcel-error-E_404_01-in-200: not_found, not retryable, with the GLS code', async () => {
    const outcome = await trackFixture('36301917596', 'per-parcel-error-E_404_01-in-200.json');
    expect(outcome.ok).toBe(false);
    expect(outcome.error).toMatchObject({
      code: 'not_found',
      retryable: false,
      httpStatus: 200,
      carrierCodes: ['E_404_01'],
      trackingNumber: '36301917596',
    });
    expect(outcome.error!.message).toContain('Resource Not Found');
  });

  it('spec-200-mixed-found-and-E_404_01: one request for two numbers, each gets its own outcome in order', async () => {
    const scope = replay(['42249018928', '36301917596'], 200, 'spec-200-mixed-found-and-E_404_01.json');
    const [missing, found] = await adapter().track(['42249018928', '36301917596']);
    expect(scope.isDone()).toBe(true);
    expect(missing!.error?.code).toBe('not_found');
    const shipment = shipmentOf(found!);
    expect(shipment.status).toBe('info_received');
    expect(shipment.substatus).toBe('pickup_scheduled');
  });

  it('spec-200-reference-matches-two-parcels: a notification card naming two parcels keeps the second as a leg', async () => {
    const shipment = shipmentOf(await trackFixture('747N6K', 'spec-200-reference-matches-two-parcels.json'));
    expect(shipment.trackingNumber).toBe('747N6K');
    expect(shipment.status).toBe('in_transit');
    expect(shipment.events[0]!.occurredAt).toBe('2024-09-18T06:50:22+02:00');
    expect(shipment.legs).toEqual([{ carrier: 'gls', carrierName: 'GLS', trackingNumber: '93835330600', role: 'other' }]);
  });

  it('a 12-digit number (with check digit) matches its 11-digit unitno', async () => {
    const scope = replay(['363019175961'], 200, {
      body: JSON.stringify({
        parcels: [
          { requested: '36301917596', unitno: '36301917596', status: 'INTRANSIT', statusDateTime: '2024-10-11T15:24:57+0200', events: [] },
        ],
      }),
    });
    const [outcome] = await adapter().track(['3630 1917 5961']);
    expect(scope.isDone()).toBe(true);
    expect(outcome!.trackingNumber).toBe('3630 1917 5961');
    // No events: the parcel status is all there is.
    expect(shipmentOf(outcome!).status).toBe('in_transit');
  });

  it('spec-400-too-many-references: bad_response for every number, with GLS problem detail', async () => {
    const outcome = await trackFixture('11113481990', 'spec-400-too-many-references.json', 400);
    expect(outcome.error).toMatchObject({ code: 'bad_response', httpStatus: 400 });
    expect(outcome.error!.message).toContain('more than allowed limit of 10');
  });

  it('spec-401-token-expired-apigee: refreshes the token once, then auth_failed', async () => {
    const first = replay(['36301917596'], 401, 'spec-401-token-expired-apigee.json');
    const second = replay(['36301917596'], 401, 'spec-401-token-expired-apigee.json');
    const [outcome] = await adapter().track(['36301917596']);
    expect(first.isDone() && second.isDone()).toBe(true);
    expect(outcome!.error).toMatchObject({ code: 'auth_failed', httpStatus: 401, carrierCodes: ['steps.jwt.TokenExpired'] });
  });

  it('spec-429-quota-violation-apigee: rate_limited until 00:00 GMT, no retry, and GLS is not called again', async () => {
    const scope = replay(['36301917596'], 429, 'spec-429-quota-violation-apigee.json');
    const quotaAdapter = adapter({ retries: 3 });
    const [outcome] = await quotaAdapter.track(['36301917596']);
    expect(scope.isDone()).toBe(true);
    expect(outcome!.error).toMatchObject({ code: 'rate_limited', httpStatus: 429, carrierCodes: ['policies.ratelimit.QuotaViolation'] });
    // 15:00 GMT → 9 h to midnight GMT.
    expect(outcome!.error!.retryAfterMs).toBe(9 * 3_600_000);
    expect(outcome!.error!.message).toContain('00:00 GMT');
    // No interceptor is left: a second call must answer without the network (isolateNetwork would fail it).
    const [again] = await quotaAdapter.track(['36301917600']);
    expect(again!.error).toMatchObject({ code: 'rate_limited', retryAfterMs: 9 * 3_600_000 });
  });

  it('an HTML error page is bad_response, not a crash', async () => {
    const scope = replay(
      ['36301917596'],
      200,
      { body: '<!DOCTYPE html><html><body>Gateway</body></html>' },
      { headers: { 'Content-Type': 'text/html' } },
    );
    const [outcome] = await adapter().track(['36301917596']);
    expect(scope.isDone()).toBe(true);
    expect(outcome!.error?.code).toBe('bad_response');
  });

  it('the locale becomes Accept-Language', async () => {
    const scope = replay(['36301917596'], 200, 'in-transit-karrio.json', { language: 'DE' });
    const [outcome] = await adapter({ locale: 'de-DE' }).track(['36301917596']);
    expect(scope.isDone()).toBe(true);
    expect(outcome!.ok).toBe(true);
  });

  it('refuses a number that would break the comma-separated path, and still tracks the others', async () => {
    const scope = replay(['36301917596'], 200, 'in-transit-karrio.json');
    const [bad, good] = await adapter().track(['3630,1917596', '36301917596']);
    expect(scope.isDone()).toBe(true);
    expect(bad!.error?.code).toBe('invalid_number');
    expect(good!.ok).toBe(true);
  });

  it('chunks eleven numbers into requests of ten and one', async () => {
    const numbers = Array.from({ length: 11 }, (_, index) => String(36301917000 + index));
    const notFound = (chunk: string[]) => ({
      body: JSON.stringify({
        parcels: chunk.map((requested) => ({ requested, errorCode: 'E_404_01', errorMessage: 'Resource Not Found' })),
      }),
    });
    const first = replay(numbers.slice(0, 10), 200, notFound(numbers.slice(0, 10)));
    const second = replay(numbers.slice(10), 200, notFound(numbers.slice(10)), { token: false });
    const outcomes = await adapter().track(numbers);
    expect(first.isDone() && second.isDone()).toBe(true);
    expect(outcomes.map((outcome) => outcome.error?.code)).toEqual(Array(11).fill('not_found'));
  });
});

describe('parcelShop', () => {
  const DELIVERY_INFO = '/track-and-trace-v1/tracking/deliveryinfo/parcelid';

  function replayDeliveryInfo(unitno: string, postalCode: string, status: number, name: ReplayBody) {
    return fixtures.replay(
      (scope) =>
        scope
          .get(`${DELIVERY_INFO}/${unitno}`)
          .query({ originaldestinationpostalcode: postalCode })
          .matchHeader('authorization', /^Bearer eyJ/),
      name,
      { status },
    );
  }

  it('spec-200-delivery-info-parcelshop: the shop id, partner and the Parcel Shop Management link', async () => {
    // A 12-digit label number is asked for by its 11-digit unit number.
    const scope = replayDeliveryInfo('42249028960', '65760', 200, 'spec-200-delivery-info-parcelshop.json');
    const outcome = await adapter().parcelShop('422490289601', '65760');
    expect(scope.isDone()).toBe(true);
    expect(outcome).toEqual({
      trackingNumber: '422490289601',
      ok: true,
      parcelShop: {
        parcelShopId: '2760188645',
        partnerId: 'GLS_DE',
        detailsUrl: 'https://api.gls-group.net/parcel-shop-management/v2/active-public-parcel-shops/GLS_DE/2760188645',
      },
    });
  });

  it('E_404_02 is not_found, E_400_03 a wrong postal code; no postal code is refused without a request', async () => {
    replayDeliveryInfo('42249028960', '65760', 200, { body: JSON.stringify({ errorCode: 'E_404_02', errorMessage: 'No Delivery Info' }) });
    expect((await adapter().parcelShop('42249028960', '65760')).error).toMatchObject({ code: 'not_found', carrierCodes: ['E_404_02'] });
    replayDeliveryInfo('42249028960', '99999', 200, { body: JSON.stringify({ errorCode: 'E_400_03', errorMessage: 'Wrong Postal Code' }) });
    expect((await adapter().parcelShop('42249028960', '99999')).error).toMatchObject({
      code: 'invalid_number',
      carrierCodes: ['E_400_03'],
    });
    expect((await adapter().parcelShop('42249028960', ' ')).error?.code).toBe('invalid_number');
  });
});

describe('configuration', () => {
  it('the default instance uses production and reads GLS_CLIENT_ID / GLS_CLIENT_SECRET lazily', async () => {
    expect(gls.id).toBe('gls');
    expect(createGls.carrier).toMatchObject({ id: 'gls', name: 'GLS', baseUrl: GLS_PRODUCTION_BASE_URL });
    expect(createGls.carrier.credentials.map((credential) => credential.environmentVariable)).toEqual([
      'GLS_CLIENT_ID',
      'GLS_CLIENT_SECRET',
    ]);
    const previous = { id: process.env.GLS_CLIENT_ID, secret: process.env.GLS_CLIENT_SECRET };
    delete process.env.GLS_CLIENT_ID;
    delete process.env.GLS_CLIENT_SECRET;
    try {
      const [outcome] = await createGls().track(['36301917596']);
      expect(outcome!.error?.code).toBe('configuration');
      expect(outcome!.error?.message).toContain('GLS_CLIENT_ID');
    } finally {
      if (previous.id !== undefined) process.env.GLS_CLIENT_ID = previous.id;
      if (previous.secret !== undefined) process.env.GLS_CLIENT_SECRET = previous.secret;
    }
    expect(gls.capabilities).toMatchObject({ maxNumbersPerRequest: 10, rateLimit: { requests: 500, intervalMs: 86_400_000 } });
  });
});
