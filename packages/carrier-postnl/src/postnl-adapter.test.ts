import { shipmentSchema, type Shipment, type TrackOutcome } from '@wismo/core';
import { createFixtureReplay, isolateNetwork, type ReplayBody } from '@wismo/core/testing';
import { describe, expect, it } from 'vitest';
import { createPostnl, postnl } from './postnl-adapter';
import { POSTNL_PRODUCTION_BASE_URL } from './postnl-carrier';

const ORIGIN = 'https://postnl.fixtures.test';
const API_KEY = 'fixture-postnl-api-key-2b7f';
const FETCHED_AT = new Date('2025-03-13T16:00:00.000Z');

const fixtures = createFixtureReplay({ fixturesDirectory: new URL('./__fixtures__/', import.meta.url), origin: ORIGIN });

function adapter(settings: Parameters<typeof createPostnl>[0] = {}) {
  return createPostnl({ apiKey: API_KEY, baseUrl: ORIGIN, clock: () => FETCHED_AT, retries: 0, rateLimit: false, ...settings });
}

function replay(barcode: string, status: number, name: ReplayBody, query: Record<string, string> = { detail: 'true', language: 'EN' }) {
  return fixtures.replay((scope) => scope.get(`/shipment/v2/status/barcode/${barcode}`).query(query).matchHeader('apikey', API_KEY), name, {
    status,
  });
}

async function trackFixture(barcode: string, name: string, status = 200): Promise<TrackOutcome> {
  const scope = replay(barcode, status, name);
  const outcomes = await adapter().track([barcode]);
  expect(scope.isDone()).toBe(true);
  expect(outcomes).toHaveLength(1);
  return outcomes[0]!;
}

function shipmentOf(outcome: TrackOutcome): Shipment {
  if (!outcome.ok) throw new Error(`expected a shipment, got ${outcome.error.code}: ${outcome.error.message}`);
  return shipmentSchema.parse(outcome.shipment);
}

isolateNetwork();

describe('PostNL samples, replayed', () => {
  it('status-barcode-out-for-delivery (karrio): out for delivery, local Dutch times, ETA window, route kept raw', async () => {
    const shipment = shipmentOf(await trackFixture('3SDEVC288882229', 'status-barcode-out-for-delivery.json'));
    expect(shipment.status).toBe('out_for_delivery');
    expect(shipment.events.map((event) => `${event.raw.code} ${event.status}/${event.substatus}`)).toEqual([
      'J05 out_for_delivery/out_for_delivery',
      'J01 in_transit/arrived_at_facility',
      'B01 in_transit/picked_up',
      'A01 info_received/label_created',
    ]);
    // DD-MM-YYYY HH:mm:ss without an offset: Amsterdam wall time, kept local, never stamped Z.
    expect(shipment.events[0]).toMatchObject({ occurredAt: null, localTime: '2022-11-08T10:13:20', timeKind: 'local' });
    expect(shipment.estimatedDelivery).toEqual({
      from: '2022-11-08T14:50:00',
      to: '2022-11-08T16:50:00',
      timeKind: 'local',
      source: 'carrier',
      confidence: null,
    });
    expect(shipment.destination).toMatchObject({ city: 'Utrecht', postalCode: '3571ZZ', countryCode: 'NL' });
    expect(shipment.origin).toMatchObject({ city: 'Hoofddorp', countryCode: 'NL' });
    expect(shipment.service).toEqual({ code: '002285', name: 'Parcels, domestic <= 10 kg' });
    expect(shipment.contact).toEqual({ phone: '088 868 6161', url: 'https://www.postnl.nl/klantenservice/' });
    expect(shipment.trackingUrl).toBe('https://jouw.postnl.nl/track-and-trace/3SDEVC288882229');
    expect(shipment).toMatchSnapshot();
  });

  it('current-status-out-for-delivery (SDK doc): no events, the Status decides; "{}" placeholders are empty', async () => {
    const shipment = shipmentOf(await trackFixture('3SDEVC288882229', 'current-status-out-for-delivery-sdk-doc.json'));
    expect(shipment.status).toBe('out_for_delivery');
    expect(shipment.events).toEqual([]);
    expect(shipment.origin).toMatchObject({ city: 'Hoofddorp' });
    // The SDK doc keeps the HTML escape as published.
    expect(shipment.service?.name).toBe('Parcels, domestic &lt;= 10 kg');
    expect(shipment.estimatedDelivery).toEqual({
      from: '2022-11-08',
      to: '2022-11-08',
      timeKind: 'date',
      source: 'carrier',
      confidence: null,
    });
  });

  it('HTTP 200 with an empty status and warning 2 is not_found (both envelopes)', async () => {
    for (const name of ['composed-not-found-complete-status.json', 'composed-not-found-current-status.json']) {
      const outcome = await trackFixture('3SDEVC999999999', name);
      expect(outcome.error).toMatchObject({ code: 'not_found', httpStatus: 200, carrierCodes: ['2'], retryable: false });
      expect(outcome.error!.message).toContain('No shipment found');
    }
  });

  it('401 (missing/unknown key) is auth_failed; 400 validation fault is invalid_number; 429 is rate_limited', async () => {
    expect((await trackFixture('3SDEVC288882229', 'composed-401-missing-api-key.json', 401)).error).toMatchObject({
      code: 'auth_failed',
      httpStatus: 401,
    });
    expect((await trackFixture('3SDEVC288882229', 'composed-400-validation-fault.json', 400)).error).toMatchObject({
      code: 'invalid_number',
      carrierCodes: ['Validation Fault'],
    });
    const limited = (await trackFixture('3SDEVC288882229', 'composed-429-rate-limit.json', 429)).error!;
    expect(limited).toMatchObject({ code: 'rate_limited', httpStatus: 429 });
    expect(limited.message).toContain('Rate limit exceeded');
  });

  it('locale and maxDays become query parameters; numbers are cleaned; a bad barcode is refused locally', async () => {
    const scope = replay('3SDEVC288882229', 200, 'status-barcode-out-for-delivery.json', { detail: 'true', language: 'NL', maxDays: '30' });
    const [bad, good] = await adapter({ locale: 'nl-NL', maxDays: 30 }).track(['3S/DEVC', '3sdevc 2888 82229']);
    expect(scope.isDone()).toBe(true);
    expect(bad!.error?.code).toBe('invalid_number');
    expect(good!.ok).toBe(true);
    expect(good!.trackingNumber).toBe('3sdevc 2888 82229');
  });
});

describe('signature', () => {
  function replaySignature(barcode: string, status: number, name: string) {
    return fixtures.replay((scope) => scope.get(`/shipment/v2/status/signature/${barcode}`).matchHeader('apikey', API_KEY), name, {
      status,
    });
  }

  it('returns the image with its type read from the bytes, and the local signing time', async () => {
    const scope = replaySignature('3SDEVC100000033', 200, 'composed-signature-found.json');
    const outcome = await adapter().signature('3sdevc 100000033');
    expect(scope.isDone()).toBe(true);
    expect(outcome).toMatchObject({
      barcode: '3sdevc 100000033',
      ok: true,
      signature: { mimeType: 'image/png', signedAt: { occurredAt: null, localTime: '2025-03-13T15:02:44', timeKind: 'local' } },
    });
    expect(outcome.signature!.imageBase64).toMatch(/^iVBORw0KGgo/);
  });

  it('"No signature found" (Warnings as an object) is not_found; 401 is auth_failed; a bad barcode is not sent', async () => {
    replaySignature('3SDEVC100000044', 200, 'composed-signature-not-found.json');
    expect((await adapter().signature('3SDEVC100000044')).error).toMatchObject({ code: 'not_found', carrierCodes: ['2'] });
    replaySignature('3SDEVC100000044', 401, 'composed-401-missing-api-key.json');
    expect((await adapter().signature('3SDEVC100000044')).error?.code).toBe('auth_failed');
    expect((await adapter().signature('3S/../x')).error?.code).toBe('invalid_number');
  });
});

describe('configuration', () => {
  it('the default instance is production and reads POSTNL_API_KEY lazily', async () => {
    expect(postnl.id).toBe('postnl');
    expect(postnl.capabilities).toMatchObject({
      maxNumbersPerRequest: 1,
      rateLimit: { requests: 1000, intervalMs: 60_000 },
      estimatedDelivery: true,
    });
    expect(createPostnl.carrier).toMatchObject({ id: 'postnl', name: 'PostNL', baseUrl: POSTNL_PRODUCTION_BASE_URL });
    const previous = process.env.POSTNL_API_KEY;
    delete process.env.POSTNL_API_KEY;
    try {
      const [outcome] = await createPostnl().track(['3SDEVC288882229']);
      expect(outcome!.error?.code).toBe('configuration');
      expect(outcome!.error?.message).toContain('POSTNL_API_KEY');
    } finally {
      if (previous !== undefined) process.env.POSTNL_API_KEY = previous;
    }
  });
});
