import { readFileSync } from 'node:fs';
import { inspect } from 'node:util';
import { shipmentSchema, type Shipment, type TrackOutcome } from '@wismo/core';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createFedex, fedex, type FedexSettings } from './fedex-adapter';
import { FEDEX_PRODUCTION_BASE_URL, FEDEX_SANDBOX_BASE_URL } from './fedex-constants';
import type { FedexNumberResult } from './parse-fedex-response';

const BASE = FEDEX_SANDBOX_BASE_URL;
const CLIENT_ID = 'fixture-client-id-5f1c2e';
const CLIENT_SECRET = 'fixture-client-secret-9a7b3d';
/** Fixed clock: fetchedAt in snapshots, and the daily-quota reset (5.5 h before 00:00 GMT). */
const NOW = new Date('2024-09-01T18:30:00.000Z');

function fixtureText(name: string): string {
  return readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');
}
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function adapter(settings: FedexSettings = {}) {
  return createFedex({
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    baseUrl: BASE,
    clock: () => NOW,
    retryMinDelayMs: 1,
    retryMaxDelayMs: 5,
    ...settings,
  });
}

interface TrackRequestBody {
  includeDetailedScans: boolean;
  trackingInfo: Array<{ trackingNumberInfo: { trackingNumber: string } }>;
}
function numbersIn(body: TrackRequestBody): string[] {
  return body.trackingInfo.map((info) => info.trackingNumberInfo.trackingNumber);
}

/** Token (the real sample answer, form fields checked) then one tracking request for exactly `numbers`. */
function replay(name: string, numbers: string[], status = 200, headers: Record<string, string> = {}): nock.Scope {
  return nock(BASE)
    .post(
      '/oauth/token',
      (form: Record<string, string>) =>
        form.grant_type === 'client_credentials' && form.client_id === CLIENT_ID && form.client_secret === CLIENT_SECRET,
    )
    .reply(200, fixtureText('oauth-token-response.json'), { 'Content-Type': 'application/json' })
    .post(
      '/track/v1/trackingnumbers',
      (body: TrackRequestBody) => body.includeDetailedScans === true && JSON.stringify(numbersIn(body)) === JSON.stringify(numbers),
    )
    .matchHeader('authorization', 'Bearer test token')
    .reply(status, fixtureText(name), { 'Content-Type': 'application/json', ...headers });
}

function shipment(outcome: TrackOutcome | undefined): Shipment {
  if (!outcome?.ok) throw new Error(`expected a shipment, got ${outcome?.error?.code}: ${outcome?.error?.message}`);
  return shipmentSchema.parse(outcome.shipment);
}
function codes(value: Shipment): string[] {
  return value.events.map((event) => `${event.raw.code}${event.raw.codes.exceptionCode ? `/${event.raw.codes.exceptionCode}` : ''}`);
}
function isNewestFirst(value: Shipment): boolean {
  const times = value.events.map((event) =>
    Date.parse(event.occurredAt ?? `${event.localTime}${event.localTime?.includes('T') ? '' : 'T00:00:00'}Z`),
  );
  return times.every((time, index) => index === 0 || times[index - 1]! >= time);
}
/** What the snapshots record: the shipment (without the raw FedEx body, asserted apart), or the error's public fields. */
function view(outcome: TrackOutcome): unknown {
  if (!outcome.ok) return { trackingNumber: outcome.trackingNumber, error: outcome.error.toJSON() };
  const { raw: _raw, ...rest } = outcome.shipment;
  return rest;
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

describe('fedex() settings', () => {
  it('names the missing environment variables when credentials are absent, when first used', async () => {
    const saved = { id: process.env.FEDEX_CLIENT_ID, secret: process.env.FEDEX_CLIENT_SECRET };
    delete process.env.FEDEX_CLIENT_ID;
    delete process.env.FEDEX_CLIENT_SECRET;
    try {
      const [both] = await fedex.track(['794843185271']);
      expect(both!.error?.message).toMatch(/FEDEX_CLIENT_ID and FEDEX_CLIENT_SECRET/);
      const [secret] = await createFedex({ clientId: 'x-client' }).track(['794843185271']);
      expect(secret!.error?.message).toMatch(/no client secret \(secret key\)\. Pass \{ clientSecret \}.*FEDEX_CLIENT_SECRET/);
      const [id] = await createFedex({ clientSecret: 'only-the-secret-123' }).track(['794843185271']);
      expect(id!.error?.code).toBe('configuration');
      expect(id!.error?.message).toMatch(/no client id \(API key\)\. Pass \{ clientId \}.*FEDEX_CLIENT_ID/);
      expect(id!.error?.message).not.toContain('only-the-secret-123');
      const proof = await createFedex({ clientId: 'x-client' }).proofOfDelivery('794843185271');
      expect(proof.error?.code).toBe('configuration');
    } finally {
      if (saved.id !== undefined) process.env.FEDEX_CLIENT_ID = saved.id;
      if (saved.secret !== undefined) process.env.FEDEX_CLIENT_SECRET = saved.secret;
    }
  });

  it('reads the credentials from FEDEX_CLIENT_ID / FEDEX_CLIENT_SECRET and defaults to production', async () => {
    const saved = { id: process.env.FEDEX_CLIENT_ID, secret: process.env.FEDEX_CLIENT_SECRET };
    process.env.FEDEX_CLIENT_ID = 'env-client-id-77';
    process.env.FEDEX_CLIENT_SECRET = 'env-client-secret-77';
    try {
      const scope = nock(FEDEX_PRODUCTION_BASE_URL)
        .post(
          '/oauth/token',
          (form: Record<string, string>) => form.client_id === 'env-client-id-77' && form.client_secret === 'env-client-secret-77',
        )
        .reply(200, fixtureText('oauth-token-response.json'), { 'Content-Type': 'application/json' })
        .post('/track/v1/trackingnumbers')
        .reply(200, fixtureText('not-found-in-200.json'), { 'Content-Type': 'application/json' });
      const [outcome] = await createFedex().track(['794843185271']);
      expect(outcome!.error?.code).toBe('not_found');
      expect(scope.isDone()).toBe(true);
    } finally {
      if (saved.id === undefined) delete process.env.FEDEX_CLIENT_ID;
      else process.env.FEDEX_CLIENT_ID = saved.id;
      if (saved.secret === undefined) delete process.env.FEDEX_CLIENT_SECRET;
      else process.env.FEDEX_CLIENT_SECRET = saved.secret;
    }
  });

  it('describes FedEx: contract, batch size, documented rate limit, tracking page, contacts', () => {
    const instance = adapter();
    expect(instance.id).toBe('fedex');
    expect(instance.capabilities).toEqual({
      maxNumbersPerRequest: 30,
      rateLimit: { requests: 1400, intervalMs: 10_000 },
      webhooks: false,
      proofOfDelivery: true,
      estimatedDelivery: true,
    });
    expect(instance.trackingUrl(' 776094337676 ')).toBe('https://www.fedex.com/fedextrack/?trknbr=776094337676');
    expect(instance.contact.default.phone).toBe('+1 800 463 3339');
    expect(instance.contact.byCountry?.GB?.phone).toBe('+44 345 607 0809');
    expect(FEDEX_PRODUCTION_BASE_URL).toBe('https://apis.fedex.com');
    expect(FEDEX_SANDBOX_BASE_URL).toBe('https://apis-sandbox.fedex.com');
  });

  it('uses a separate token URL when given one, and sends the locale', async () => {
    const scope = nock('https://auth.example.test')
      .post('/token')
      .reply(200, fixtureText('oauth-token-response.json'), { 'Content-Type': 'application/json' });
    const track = nock(BASE)
      .post('/track/v1/trackingnumbers')
      .matchHeader('x-locale', 'de_DE')
      .reply(200, fixtureText('not-found-in-200.json'), { 'Content-Type': 'application/json' });
    const [outcome] = await adapter({ authUrl: 'https://auth.example.test/token' }).track(['794843185271'], { locale: 'de-DE' });
    expect(outcome!.error?.code).toBe('not_found');
    expect(scope.isDone() && track.isDone()).toBe(true);
  });
});

describe('real FedEx samples replayed through nock', () => {
  it('delivered-with-PU-event-missing-offset: delivered; the pickup without offset is a date', async () => {
    const scope = replay('delivered-with-PU-event-missing-offset.json', ['738488882438']);
    const [outcome] = await adapter().track(['738488882438']);
    const value = shipment(outcome);
    expect(scope.isDone()).toBe(true);
    expect([value.status, value.substatus]).toEqual(['delivered', 'delivered']);
    expect(value.events).toHaveLength(17);
    expect(codes(value)).toEqual(['DL', 'OD', 'AR', 'DP', 'AR', 'IT', 'IT', 'IT', 'DP', 'AR', 'DP', 'AR', 'DP', 'AE', 'AR', 'OC', 'PU']);
    expect(isNewestFirst(value)).toBe(true);
    expect(value.deliveredAt).toEqual({ occurredAt: '2024-08-20T12:41:57-04:00', localTime: '2024-08-20T12:41:57', timeKind: 'instant' });
    expect(value.statusSince).toEqual(value.deliveredAt);
    const pickup = value.events.at(-1)!;
    expect(pickup).toMatchObject({
      occurredAt: null,
      localTime: '2024-08-15',
      timeKind: 'date',
      status: 'in_transit',
      substatus: 'picked_up',
    });
    expect(value.events.slice(0, -1).every((event) => event.timeKind === 'instant')).toBe(true);
    expect(value.events.some((event) => event.unmapped)).toBe(false);
    expect(value.events.find((event) => event.raw.code === 'AE')).toMatchObject({
      status: 'in_transit',
      description: 'Shipment arriving early',
    });
    expect(value.estimatedDelivery).toBeNull();
    expect(value.signedBy).toBe('CREILLY');
    expect(value.proofOfDelivery).toEqual({ available: true, signatureAvailable: true, url: null, deliveryLocation: null });
    expect(value.service).toEqual({ code: 'FEDEX_GROUND', name: 'FedEx Ground' });
    expect(value.origin).toMatchObject({ city: 'MANKATO', region: 'MN', countryCode: 'US' });
    expect(value.destination).toMatchObject({ city: 'Blue Point', region: 'NY', countryCode: 'US' });
    expect(value.direction).toBe('outbound');
    expect(value.fetchedAt).toBe(NOW.toISOString());
    expect(value).toMatchSnapshot();
  });

  it('two-results-same-number: the more recent (delivered) result wins, the other stays visible', async () => {
    replay('two-results-same-number-delay-DY-and-delivered-after-DE.json', ['776094337676']);
    const [result] = await adapter().trackWithAlternatives(['776094337676'], { includeRaw: true });
    const value = shipment(result!.outcome);
    expect(result!.uniqueId).toBe('2460426000~776094337676~FX');
    expect([value.status, value.substatus]).toEqual(['delivered', 'delivered']);
    expect(codes(value)).toEqual(['DL', 'OD', 'AO', 'PU', 'AF/A3', 'DE/A47', 'DE/08', 'OD']);
    expect(isNewestFirst(value)).toBe(true);
    expect(value.events.map((event) => event.substatus)).toEqual([
      'delivered',
      'out_for_delivery',
      'in_transit',
      'picked_up',
      'picked_up',
      'carrier_exception',
      'attempt_failed_recipient_absent',
      'out_for_delivery',
    ]);
    expect(value.events[6]).toMatchObject({
      status: 'attempt_failed',
      description: 'Delivery exception: Customer not available or business closed',
    });
    expect(value.deliveredAt?.occurredAt).toBe('2024-04-26T09:26:00-07:00');
    expect(value.signedBy).toBe('D.HERRERA');
    expect(value.proofOfDelivery.deliveryLocation).toBe('Residence');
    expect(value.destination).toMatchObject({ city: 'FRESNO', countryCode: 'US' });
    expect((value.raw as { trackResults: unknown[] }).trackResults).toHaveLength(2);

    expect(result!.alternatives).toHaveLength(1);
    const other = result!.alternatives[0]!;
    expect(other.uniqueId).toBe('2460425000~776094337676~FX');
    expect([other.shipment.status, other.shipment.substatus]).toEqual(['in_transit', 'arrived_at_facility']);
    expect(codes(other.shipment)).toEqual(['AR', 'HP', 'DY/A52', 'AR', 'DP', 'AR', 'DP', 'AO', 'PU', 'OC']);
    expect(other.shipment.events.find((event) => event.raw.code === 'HP')).toMatchObject({
      status: 'available_for_pickup',
      substatus: 'held_at_carrier_facility',
    });
    expect(other.shipment.events.find((event) => event.raw.code === 'DY')).toMatchObject({ status: 'in_transit', substatus: 'delayed' });
    expect(other.shipment.estimatedDelivery).toBeNull();
    expect({
      ...result,
      outcome: view(result!.outcome),
      alternatives: result!.alternatives.map((alternative) => ({ ...alternative, shipment: { ...alternative.shipment, raw: undefined } })),
    }).toMatchSnapshot();
  });

  it('spec-example-plus-notfound-in-200: one number found, the other not_found, in one request', async () => {
    replay('spec-example-plus-notfound-in-200.json', ['123456789012', '39936862321']);
    const outcomes = await adapter().track(['123456789012', '39936862321']);
    const found = shipment(outcomes[0]);
    expect([found.status, found.substatus]).toEqual(['in_transit', 'customs_processing']);
    expect(found.events).toHaveLength(1);
    expect(found.events[0]).toMatchObject({
      occurredAt: '2018-02-02T12:01:00-07:00',
      timeKind: 'instant',
      description: 'Picked Up: Package available for clearance',
    });
    // begins has no offset, ends is a midnight date: the window is given as dates.
    expect(found.estimatedDelivery).toEqual({
      from: '2021-10-01',
      to: '2021-10-15',
      timeKind: 'date',
      source: 'carrier',
      confidence: null,
    });
    expect(found.deliveredAt).toBeNull();
    // Not delivered yet, but FedEx names a recipient: kept as sent (every adapter does so).
    expect(found.signedBy).toBe('Reciever');
    expect(found.proofOfDelivery.available).toBe(false);
    expect(found.direction).toBe('return');
    expect(found.service).toEqual({ code: 'FEDEX_FREIGHT_ECONOMY', name: 'FedEx Freight Economy.' });
    expect(outcomes[1]).toMatchObject({ trackingNumber: '39936862321', ok: false });
    expect(outcomes[1]!.error).toMatchObject({
      code: 'not_found',
      httpStatus: 200,
      retryable: false,
      carrierCodes: ['TRACKING.TRACKINGNUMBER.NOTFOUND'],
      trackingNumber: '39936862321',
    });
    expect(outcomes.map(view)).toMatchSnapshot();
  });

  it('not-found-in-200: not_found', async () => {
    replay('not-found-in-200.json', ['794843185271']);
    const [outcome] = await adapter().track(['794843185271']);
    expect(outcome!.error).toMatchObject({
      code: 'not_found',
      retryable: false,
      httpStatus: 200,
      carrierCodes: ['TRACKING.TRACKINGNUMBER.NOTFOUND'],
    });
    expect(view(outcome!)).toMatchSnapshot();
  });

  it('error-400-TRACKING.TRACKINGNUMBER.EMPTY: invalid_number for the request', async () => {
    replay('error-400-TRACKING.TRACKINGNUMBER.EMPTY.json', ['000000000000'], 400);
    const [outcome] = await adapter().track(['000000000000']);
    expect(outcome!.error).toMatchObject({
      code: 'invalid_number',
      httpStatus: 400,
      carrierCodes: ['TRACKING.TRACKINGNUMBER.EMPTY'],
      trackingNumber: '000000000000',
    });
  });

  it('error-401-NOT.AUTHORIZED.ERROR: one token refresh, then auth_failed without the secret', async () => {
    const scope = nock(BASE)
      .post('/oauth/token')
      .times(2)
      .reply(200, fixtureText('oauth-token-response.json'), { 'Content-Type': 'application/json' })
      .post('/track/v1/trackingnumbers')
      .times(2)
      .reply(401, fixtureText('error-401-NOT.AUTHORIZED.ERROR-spec-example.json'), { 'Content-Type': 'application/json' });
    const [outcome] = await adapter().track(['776094337676']);
    expect(scope.isDone()).toBe(true);
    expect(outcome!.error).toMatchObject({
      code: 'auth_failed',
      httpStatus: 401,
      retryable: false,
      carrierCodes: ['NOT.AUTHORIZED.ERROR'],
    });
    const text = [outcome!.error!.message, JSON.stringify(outcome!.error), inspect(outcome!.error)].join('\n');
    expect(text).not.toContain(CLIENT_SECRET);
    expect(text).not.toContain('test token');
  });

  it('spod-document-response-virtual: the signature proof of delivery', async () => {
    const scope = nock(BASE)
      .post('/oauth/token')
      .reply(200, fixtureText('oauth-token-response.json'), { 'Content-Type': 'application/json' })
      .post(
        '/track/v1/trackingdocuments',
        (body: Json) =>
          body.trackDocumentDetail?.documentType === 'SIGNATURE_PROOF_OF_DELIVERY' &&
          body.trackDocumentDetail?.documentFormat === 'PDF' &&
          body.trackDocumentSpecification?.[0]?.trackingNumberInfo?.trackingNumber === '776094337676',
      )
      .reply(200, fixtureText('spod-document-response-virtual.json'), { 'Content-Type': 'application/json' });
    const outcome = await adapter().proofOfDelivery('776094337676');
    expect(scope.isDone()).toBe(true);
    expect(outcome.ok).toBe(true);
    expect(outcome.document).toMatchObject({
      trackingNumber: '776094337676',
      documentType: 'SIGNATURE_PROOF_OF_DELIVERY',
      format: 'PDF',
      virtual: true,
    });
    expect(Buffer.from(outcome.document!.documents[0]!, 'base64').subarray(0, 4).toString('latin1')).toBe('%PDF');
  });

  it('proofOfDelivery never rejects', async () => {
    nock(BASE)
      .post('/oauth/token')
      .reply(200, fixtureText('oauth-token-response.json'), { 'Content-Type': 'application/json' })
      .post('/track/v1/trackingdocuments')
      .reply(500, '')
      .persist();
    const outcome = await adapter({ retries: 0 }).proofOfDelivery('776094337676');
    expect(outcome.error).toMatchObject({ code: 'carrier_unavailable', trackingNumber: '776094337676' });
    expect((await adapter().proofOfDelivery('  ')).error?.code).toBe('invalid_number');
  });
});

describe('composed fixtures replayed through nock', () => {
  async function trackFixture(name: string, numbers: string[]): Promise<TrackOutcome[]> {
    const scope = replay(name, numbers);
    const outcomes = await adapter().track(numbers);
    expect(scope.isDone()).toBe(true);
    expect(outcomes.map((outcome) => outcome.trackingNumber)).toEqual(numbers);
    expect(outcomes.map(view)).toMatchSnapshot();
    return outcomes;
  }

  it('composed-out-for-delivery: out for delivery with an instant ETA window', async () => {
    const [outcome] = await trackFixture('composed-out-for-delivery.json', ['231300687629630']);
    const value = shipment(outcome);
    expect([value.status, value.substatus]).toEqual(['out_for_delivery', 'out_for_delivery']);
    expect(codes(value)).toEqual(['OD', 'AR', 'DP', 'AR', 'PU', 'OC']);
    expect(value.estimatedDelivery).toEqual({
      from: '2024-05-14T10:00:00-04:00',
      to: '2024-05-14T14:00:00-04:00',
      timeKind: 'instant',
      source: 'carrier',
      confidence: null,
    });
    expect(value.statusSince?.occurredAt).toBe('2024-05-14T07:12:00-04:00');
    expect(value.deliveredAt).toBeNull();
  });

  it('composed-failed-attempt: Ground exception 007 is a failed attempt, next attempt as a date', async () => {
    const [outcome] = await trackFixture('composed-failed-attempt.json', ['377101283611590']);
    const value = shipment(outcome);
    expect([value.status, value.substatus]).toEqual(['attempt_failed', 'attempt_failed_recipient_absent']);
    expect(codes(value)).toEqual(['DE/007', 'OD', 'AR', 'PU']);
    expect(value.estimatedDelivery).toEqual({
      from: '2024-06-05',
      to: '2024-06-05',
      timeKind: 'date',
      source: 'carrier',
      confidence: null,
    });
  });

  it('composed-shipment-exception: SE 099 is an exception', async () => {
    const [outcome] = await trackFixture('composed-shipment-exception.json', ['957794015041323']);
    const value = shipment(outcome);
    expect([value.status, value.substatus]).toEqual(['exception', 'carrier_exception']);
    expect(value.events[0]!.description).toBe('Shipment exception: Unable to deliver');
  });

  it('composed-customs-hold: clearance in progress, then a clearance delay held by customs', async () => {
    const [outcome] = await trackFixture('composed-customs-hold.json', ['581190049992']);
    const value = shipment(outcome);
    expect([value.status, value.substatus]).toEqual(['exception', 'customs_held']);
    expect(codes(value)).toEqual(['CD', 'CP', 'AR', 'DP', 'PU']);
    expect(value.events[1]).toMatchObject({ status: 'in_transit', substatus: 'customs_processing' });
    expect(isNewestFirst(value)).toBe(true);
    expect(value.origin?.countryCode).toBe('CN');
  });

  it('composed-returned-to-shipper: refused, returned and delivered back', async () => {
    const [outcome] = await trackFixture('composed-returned-to-shipper.json', ['076288115212522']);
    const value = shipment(outcome);
    expect([value.status, value.substatus]).toEqual(['returned', 'returned_to_sender']);
    expect(value.direction).toBe('return');
    expect(value.events.find((event) => event.raw.code === 'DE')).toMatchObject({
      status: 'attempt_failed',
      substatus: 'attempt_failed_refused',
    });
    expect(value.events.find((event) => event.raw.code === 'RS')).toMatchObject({ status: 'returning', substatus: 'returning_to_sender' });
    expect(value.deliveredAt?.occurredAt).toBe('2024-03-18T11:05:00-04:00');
  });

  it('composed-smartpost-usps-last-mile: USPS as the last-mile leg', async () => {
    const [outcome] = await trackFixture('composed-smartpost-usps-last-mile.json', ['61292701078443410536']);
    const value = shipment(outcome);
    expect([value.status, value.substatus]).toEqual(['in_transit', 'handed_over_to_carrier']);
    expect(value.legs).toEqual([{ carrier: 'usps', carrierName: 'USPS', trackingNumber: '9261290100130435082151', role: 'last_mile' }]);
    expect(value.service).toEqual({ code: 'SMART_POST', name: 'FedEx Ground Economy' });
  });

  it('composed-return-shipment-in-transit: a return label shipment is direction "return"', async () => {
    const [outcome] = await trackFixture('composed-return-shipment-in-transit.json', ['794612345678']);
    const value = shipment(outcome);
    expect([value.status, value.substatus, value.direction]).toEqual(['in_transit', 'departed_facility', 'return']);
  });

  it('composed-batch-hold-at-location-and-invalid: one held for pickup, one invalid_number', async () => {
    const outcomes = await trackFixture('composed-batch-hold-at-location-and-invalid.json', ['843119172384577', '12345']);
    const value = shipment(outcomes[0]);
    expect([value.status, value.substatus]).toEqual(['available_for_pickup', 'held_at_carrier_facility']);
    expect(value.events[0]!.description).toBe('Ready for recipient pickup: Package available for pickup at: 327 CONGRESS AVE');
    expect(outcomes[1]!.error).toMatchObject({
      code: 'invalid_number',
      carrierCodes: ['TRACKING.TRACKINGNUMBER.INVALID'],
      trackingNumber: '12345',
    });
  });

  it('composed-weather-delay: a DY with delayDetail WEATHER is delayed_weather', async () => {
    const [outcome] = await trackFixture('composed-weather-delay.json', ['449044304137821']);
    const value = shipment(outcome);
    expect([value.status, value.substatus]).toEqual(['in_transit', 'delayed_weather']);
    expect(value.events[0]!.raw.codes).toMatchObject({ eventType: 'DY', delayType: 'WEATHER' });
  });

  it('composed-cancelled: cancelled after the label', async () => {
    const [outcome] = await trackFixture('composed-cancelled.json', ['070358180009382']);
    const value = shipment(outcome);
    expect([value.status, value.substatus]).toEqual(['cancelled', 'cancelled']);
    expect(codes(value)).toEqual(['CA', 'OC']);
  });

  it('composed-label-created-no-scans: the status comes from latestStatusDetail', async () => {
    const [outcome] = await trackFixture('composed-label-created-no-scans.json', ['149331877648230']);
    const value = shipment(outcome);
    expect([value.status, value.substatus, value.events.length, value.statusSince]).toEqual(['info_received', 'label_created', 0, null]);
  });

  it('composed-429-daily-quota: rate_limited at once, retry after 00:00 GMT', async () => {
    const scope = replay('composed-429-daily-quota.json', ['776094337676'], 429, { 'Retry-After': '19800' });
    const started = performance.now();
    const [outcome] = await adapter().track(['776094337676']);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(scope.isDone()).toBe(true);
    expect(outcome!.error).toMatchObject({ code: 'rate_limited', httpStatus: 429, retryable: true, retryAfterMs: 19_800_000 });
    expect(outcome!.error!.message).toContain('daily transaction quota');
  });

  it('composed-429-daily-quota without Retry-After: the wait is read from the body and nothing is retried', async () => {
    const scope = nock(BASE)
      .post('/oauth/token')
      .reply(200, fixtureText('oauth-token-response.json'), { 'Content-Type': 'application/json' })
      .post('/track/v1/trackingnumbers')
      .once()
      .reply(429, fixtureText('composed-429-daily-quota.json'), { 'Content-Type': 'application/json' });
    const [outcome] = await adapter({ retries: 3 }).track(['776094337676']);
    expect(scope.isDone()).toBe(true);
    expect(outcome!.error).toMatchObject({ code: 'rate_limited', retryAfterMs: 5.5 * 3_600_000 });
  });
});

describe('batching', () => {
  it('sends at most 30 numbers a request, each distinct number once, and answers in the order asked', async () => {
    const numbers = Array.from({ length: 65 }, (_, index) => String(100000000000 + index));
    const batches: string[][] = [];
    const scope = nock(BASE)
      .post('/oauth/token')
      .reply(200, fixtureText('oauth-token-response.json'), { 'Content-Type': 'application/json' })
      .post('/track/v1/trackingnumbers')
      .times(3)
      .reply(200, (_uri, body) => {
        const requested = numbersIn(body as TrackRequestBody);
        batches.push(requested);
        return {
          transactionId: 't',
          output: {
            completeTrackResults: requested.map((trackingNumber) => ({
              trackingNumber,
              trackResults: [
                {
                  trackingNumberInfo: { trackingNumber },
                  error: { code: 'TRACKING.TRACKINGNUMBER.NOTFOUND', message: 'Tracking number cannot be found.' },
                },
              ],
            })),
          },
        };
      });
    const asked = [...numbers, numbers[3]!, '', ` ${numbers[4]!.slice(0, 6)} ${numbers[4]!.slice(6)} `];
    const outcomes = await adapter().track(asked);
    expect(scope.isDone()).toBe(true);
    expect(batches.map((batch) => batch.length).sort((a, b) => b - a)).toEqual([30, 30, 5]);
    expect(new Set(batches.flat()).size).toBe(65);
    expect(outcomes.map((outcome) => outcome.trackingNumber)).toEqual(asked);
    expect(outcomes.slice(0, 66).every((outcome) => outcome.error?.code === 'not_found')).toBe(true);
    expect(outcomes[66]!.error?.code).toBe('invalid_number');
    expect(outcomes[67]!.error).toMatchObject({ code: 'not_found', trackingNumber: asked[67] });
  });

  it('confines a failed request to its own batch', async () => {
    const numbers = Array.from({ length: 31 }, (_, index) => String(200000000000 + index));
    nock(BASE)
      .post('/oauth/token')
      .reply(200, fixtureText('oauth-token-response.json'), { 'Content-Type': 'application/json' })
      .post('/track/v1/trackingnumbers', (body: TrackRequestBody) => body.trackingInfo.length === 30)
      .reply(502, { errors: [{ code: 'SERVICE.UNAVAILABLE.ERROR', message: 'down' }] })
      .post('/track/v1/trackingnumbers', (body: TrackRequestBody) => body.trackingInfo.length === 1)
      .reply(200, fixtureText('delivered-with-PU-event-missing-offset.json').replaceAll('738488882438', numbers[30]!), {
        'Content-Type': 'application/json',
      });
    const outcomes = await adapter({ retries: 0 }).track(numbers);
    expect(
      outcomes.slice(0, 30).every((outcome) => outcome.error?.code === 'carrier_unavailable' && outcome.error.httpStatus === 502),
    ).toBe(true);
    expect(shipment(outcomes[30]).status).toBe('delivered');
  });

  it('returns an empty list for no numbers without calling FedEx', async () => {
    expect(await adapter().track([])).toEqual([]);
  });
});

describe('trackWithAlternatives', () => {
  it('returns the same outcomes as track', async () => {
    replay('two-results-same-number-delay-DY-and-delivered-after-DE.json', ['776094337676']);
    const results: FedexNumberResult[] = await adapter().trackWithAlternatives(['776094337676']);
    replay('two-results-same-number-delay-DY-and-delivered-after-DE.json', ['776094337676']);
    const outcomes = await adapter().track(['776094337676']);
    expect(results.map((result) => result.outcome)).toEqual(outcomes);
  });
});
