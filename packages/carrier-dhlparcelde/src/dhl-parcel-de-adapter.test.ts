import { shipmentSchema } from '@wismo/core';
import { createFixtureReplay, isolateNetwork } from '@wismo/core/testing';
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { createDhlParcelDe, dhlParcelDe, dhlParcelDeRequestXml } from './dhl-parcel-de-adapter';
import { DHL_PARCEL_DE_PRODUCTION_BASE_URL, DHL_PARCEL_DE_TRACK_PATH } from './dhl-parcel-de-carrier';

const ORIGIN = 'https://dhl-parcel-de.fixtures.test';
const API_KEY = 'fixture-parcel-de-key-31c';
const API_SECRET = 'fixture-parcel-de-secret-8e2f';
const USERNAME = 'fixture-portal-user';
const PASSWORD = 'fixture-portal-pass&"<9';
const FETCHED_AT = new Date('2026-01-15T12:00:00.000Z');
const BASIC = `Basic ${Buffer.from(`${API_KEY}:${API_SECRET}`).toString('base64')}`;

const fixtures = createFixtureReplay({ fixturesDirectory: new URL('./__fixtures__/', import.meta.url), origin: ORIGIN });

function adapter(settings: Parameters<typeof createDhlParcelDe>[0] = {}) {
  return createDhlParcelDe({
    apiKey: API_KEY,
    apiSecret: API_SECRET,
    username: USERNAME,
    password: PASSWORD,
    baseUrl: ORIGIN,
    clock: () => FETCHED_AT,
    retries: 0,
    rateLimit: false,
    ...settings,
  });
}

/** The XML request DHL reads from `?xml=`, as the adapter must send it. */
function expectedXml(request: string, pieceCodes: string[], languageCode = 'en'): string {
  return dhlParcelDeRequestXml({ request, username: USERNAME, password: PASSWORD, languageCode, pieceCodes });
}

function replay(xml: string, fixture: string, status = 200) {
  return fixtures.replay((scope) => scope.get(DHL_PARCEL_DE_TRACK_PATH).query({ xml }).matchHeader('authorization', BASIC), fixture, {
    status,
  });
}

isolateNetwork();

describe('the request', () => {
  it('sends d-get-piece-detail with the business login escaped inside the XML and HTTP Basic for the app', async () => {
    const xml = expectedXml('d-get-piece-detail', ['00340434161094015902']);
    expect(xml).toContain('password="fixture-portal-pass&amp;&quot;&lt;9"');
    expect(xml).toContain('request="d-get-piece-detail"');
    const scope = replay(xml, 'd-get-piece-detail-delivered.xml');
    const [outcome] = await adapter().track(['0034 0434 1610 9401 5902']);
    expect(scope.isDone()).toBe(true);
    expect(outcome!.trackingNumber).toBe('0034 0434 1610 9401 5902');
    expect(outcome!.ok && shipmentSchema.parse(outcome!.shipment).status).toBe('delivered');
  });

  it('logs the request without the business login that travels in its query string', async () => {
    const lines: string[] = [];
    const record = (message: string, fields?: Record<string, unknown>) => lines.push(`${message} ${JSON.stringify(fields ?? {})}`);
    const scope = replay(expectedXml('d-get-piece-detail', ['00340434161094015902']), 'd-get-piece-detail-delivered.xml');
    await adapter({ logger: { debug: record, info: record, warn: record, error: record } }).track(['00340434161094015902']);
    expect(scope.isDone()).toBe(true);
    expect(lines.length).toBeGreaterThan(0);
    for (const secret of [USERNAME, PASSWORD, encodeURIComponent(PASSWORD), API_SECRET]) expect(lines.join('\n')).not.toContain(secret);
  });

  it('asks in German for a German locale', async () => {
    const scope = replay(expectedXml('d-get-piece-detail', ['00340434161094015902'], 'de'), 'd-get-piece-detail-delivered.xml');
    const [outcome] = await adapter({ locale: 'de-DE' }).track(['00340434161094015902']);
    expect(scope.isDone()).toBe(true);
    expect(outcome!.ok).toBe(true);
  });

  it('sends up to 20 pieces a request, `;`-separated, and answers each number', async () => {
    const numbers = Array.from({ length: 21 }, (_, index) => `003404341610940${String(index).padStart(5, '0')}`);
    const first = replay(expectedXml('d-get-piece-detail', numbers.slice(0, 20)), 'error-response.xml');
    const second = replay(expectedXml('d-get-piece-detail', numbers.slice(20)), 'error-response.xml');
    const outcomes = await adapter().track(numbers);
    expect(first.isDone() && second.isDone()).toBe(true);
    expect(outcomes.map((outcome) => outcome.error?.code)).toEqual(numbers.map(() => 'not_found'));
  });

  it('refuses a number that is no piece code without sending it', async () => {
    const [outcome] = await adapter().track(['0034;0434']);
    expect(outcome!.error?.code).toBe('invalid_number');
  });
});

describe('answers replayed', () => {
  it('a batch answer: pieces matched to numbers, a missing one not_found', async () => {
    const numbers = ['00340434161094042557', '00340434161094099999', '00340434161094032954'];
    const scope = replay(expectedXml('d-get-piece-detail', numbers), 'composed-two-pieces-one-unknown.xml');
    const outcomes = await adapter().track(numbers);
    expect(scope.isDone()).toBe(true);
    expect(outcomes.map((outcome) => (outcome.ok ? outcome.shipment.substatus : outcome.error.code))).toEqual([
      'arrived_at_pickup_point',
      'not_found',
      'out_for_delivery',
    ]);
  });

  it('a failed login (code 5) is auth_failed, and no credential shows in the error', async () => {
    const scope = replay(expectedXml('d-get-piece-detail', ['00340434161094015902']), 'composed-error-login-failed.xml');
    const [outcome] = await adapter().track(['00340434161094015902']);
    expect(scope.isDone()).toBe(true);
    expect(outcome!.error).toMatchObject({ code: 'auth_failed', carrierCodes: ['5'], retryable: false });
    const text = JSON.stringify(outcome!.error) + outcome!.error!.message;
    for (const secret of [API_KEY, API_SECRET, USERNAME, PASSWORD]) expect(text).not.toContain(secret);
  });

  it('HTTP 401 from the API gateway is auth_failed', async () => {
    const scope = fixtures.replay(
      (interceptor) => interceptor.get(DHL_PARCEL_DE_TRACK_PATH).query(true),
      { body: '{"status":401,"title":"Unauthorized"}' },
      { status: 401 },
    );
    const [outcome] = await adapter().track(['00340434161094015902']);
    expect(scope.isDone()).toBe(true);
    expect(outcome!.error?.code).toBe('auth_failed');
  });
});

describe('signature (d-get-signature)', () => {
  it('fetches and decodes the signature image', async () => {
    const scope = replay(expectedXml('d-get-signature', ['00340434161094015902']), 'composed-signature.xml');
    const result = await adapter().signature('00340434161094015902');
    expect(scope.isDone()).toBe(true);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.trackingNumber).toBe('00340434161094015902');
    expect(Buffer.from(result.signature.image).subarray(0, 6).toString('latin1')).toBe('GIF89a');
  });

  it('reports code 63 as carrier_unavailable and never rejects', async () => {
    const scope = replay(expectedXml('d-get-signature', ['00340434161094015902']), 'composed-signature-unavailable.xml');
    const result = await adapter().signature('00340434161094015902');
    expect(scope.isDone()).toBe(true);
    expect(result.ok ? null : [result.error.code, result.error.trackingNumber]).toEqual(['carrier_unavailable', '00340434161094015902']);
  });

  it('without credentials gives a configuration error', async () => {
    const result = await createDhlParcelDe({ baseUrl: ORIGIN }).signature('00340434161094015902');
    expect(result.ok ? null : result.error.code).toBe('configuration');
  });
});

describe('configuration', () => {
  it.skipIf(Boolean(process.env.DHL_PARCEL_DE_API_KEY))(
    'the default instance reads the environment when first used and names all four variables',
    async () => {
      const [outcome] = await dhlParcelDe.track(['00340434161094015902']);
      expect(outcome!.error?.code).toBe('configuration');
      for (const variable of ['DHL_PARCEL_DE_API_KEY', 'DHL_PARCEL_DE_API_SECRET', 'DHL_PARCEL_DE_USERNAME', 'DHL_PARCEL_DE_PASSWORD'])
        expect(outcome!.error?.message).toContain(variable);
    },
  );

  it('describes itself for the registry', () => {
    expect(createDhlParcelDe.carrier).toMatchObject({ id: 'dhlparcelde', name: 'DHL Paket', baseUrl: DHL_PARCEL_DE_PRODUCTION_BASE_URL });
    expect(createDhlParcelDe.carrier.credentials.map((credential) => credential.setting)).toEqual([
      'apiKey',
      'apiSecret',
      'username',
      'password',
    ]);
    expect(nock.pendingMocks()).toEqual([]);
  });
});

describe('dhlParcelDeRequestXml', () => {
  it('writes one <data> element with every attribute escaped, in the order DHL documents', () => {
    const xml = dhlParcelDeRequestXml({
      request: 'd-get-piece-detail',
      username: `a&b<c>"d'e`,
      password: 'p',
      languageCode: 'de',
      pieceCodes: ['00340434161094015902', '00340434161094015903'],
    });
    expect(xml).toBe(
      '<?xml version="1.0" encoding="UTF-8" standalone="no"?><data appname="a&amp;b&lt;c&gt;&quot;d&apos;e" language-code="de" ' +
        'password="p" piece-code="00340434161094015902;00340434161094015903" request="d-get-piece-detail"/>',
    );
  });
});
