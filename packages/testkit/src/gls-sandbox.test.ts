import type { GlsAdapter } from '@wismo/carrier-gls';
import { afterEach, describe, expect, it } from 'vitest';
import { buildJourney } from './journeys';
import { SANDBOX_NUMBERS, decodeSandboxNumber } from './sandbox-numbers';
import { SANDBOX_CREDENTIALS, startSandboxCarriers } from './start-sandbox-carriers';
import type { RunningSandboxCarriers } from './sandbox-types';

// The GLS sandbox's wire protocol, spoken with plain fetch.

const { clientId, clientSecret } = SANDBOX_CREDENTIALS.gls as { clientId: string; clientSecret: string };
const REFERENCES = '/track-and-trace-v1/tracking/simple/references/';

async function token(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/oauth2/v2/token`, {
    method: 'POST',
    headers: {
      Authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
      'Content-Type': 'application/x-www-form-urlencoded',
    },
    body: 'grant_type=client_credentials',
  });
  expect(response.status).toBe(200);
  const body = (await response.json()) as { token_type: string; access_token: string; expires_in: number };
  expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 14_400 });
  return body.access_token;
}

describe('GLS sandbox', () => {
  let sandbox: RunningSandboxCarriers | undefined;
  afterEach(async () => {
    await sandbox?.close();
    sandbox = undefined;
  });

  it('answers references in the spec shape: unitno without check digit, +0100 offsets, E_404_01 inside 200', async () => {
    sandbox = await startSandboxCarriers({ carriers: ['gls'], rateLimits: 'off' });
    const baseUrl = sandbox.baseUrls.gls;
    const access = await token(baseUrl);
    const numbers = [SANDBOX_NUMBERS.gls.available_for_pickup, SANDBOX_NUMBERS.gls.not_found];
    const response = await fetch(`${baseUrl}${REFERENCES}${numbers.join(',')}?showEvents=true`, {
      headers: { Authorization: `Bearer ${access}` },
    });
    expect(response.status).toBe(200);
    const { parcels } = (await response.json()) as { parcels: Array<Record<string, unknown>> };
    expect(parcels[0]).toMatchObject({ requested: numbers[0], unitno: numbers[0]!.slice(0, 11), status: 'DELIVEREDPS' });
    expect((parcels[0]!.events as Array<{ code: string; eventDateTime: string }>)[0]).toMatchObject({
      code: 'DELIVD.PARCELSHOP',
      eventDateTime: expect.stringMatching(/T\d\d:\d\d:\d\d[+-]\d{4}$/),
    });
    expect(parcels[1]).toEqual({ requested: numbers[1], errorCode: 'E_404_01', errorMessage: 'Resource Not Found' });
  });

  it('refuses eleven references with the problem detail GLS sends, and a missing token with an Apigee fault', async () => {
    sandbox = await startSandboxCarriers({ carriers: ['gls'], rateLimits: 'off' });
    const baseUrl = sandbox.baseUrls.gls;
    const access = await token(baseUrl);
    const eleven = Array.from({ length: 11 }, (_, index) => String(11113481990 + index)).join(',');
    const tooMany = await fetch(`${baseUrl}${REFERENCES}${eleven}`, { headers: { Authorization: `Bearer ${access}` } });
    expect(tooMany.status).toBe(400);
    expect(await tooMany.json()).toMatchObject({
      title: 'Bad Request',
      status: 400,
      detail: "Provided references of size '11' is more than allowed limit of 10",
    });
    const anonymous = await fetch(`${baseUrl}${REFERENCES}${SANDBOX_NUMBERS.gls.delivered}`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ fault: { detail: { errorcode: expect.stringMatching(/^steps\.jwt\./) } } });
  });

  it('over the daily quota: Apigee QuotaViolation without Retry-After; the adapter stops calling', async () => {
    sandbox = await startSandboxCarriers({ carriers: ['gls'], rateLimits: { gls: { requests: 1, intervalMs: 86_400_000 } } });
    const baseUrl = sandbox.baseUrls.gls;
    const access = await token(baseUrl);
    const url = `${baseUrl}${REFERENCES}${SANDBOX_NUMBERS.gls.delivered}`;
    expect((await fetch(url, { headers: { Authorization: `Bearer ${access}` } })).status).toBe(200);
    const refused = await fetch(url, { headers: { Authorization: `Bearer ${access}` } });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBeNull();
    expect(await refused.json()).toMatchObject({ fault: { detail: { errorcode: 'policies.ratelimit.QuotaViolation' } } });

    const [adapter] = sandbox.createAdapters({ rateLimit: false, retries: 3 });
    const [first] = await adapter!.track([SANDBOX_NUMBERS.gls.in_transit]);
    expect(first!.error).toMatchObject({ code: 'rate_limited', carrierCodes: ['policies.ratelimit.QuotaViolation'] });
    const before = sandbox.stats().gls.requests;
    const [second] = await adapter!.track([SANDBOX_NUMBERS.gls.delivered]);
    expect(second!.error?.code).toBe('rate_limited');
    // Not even a token request: the adapter knows the quota is closed.
    expect(sandbox.stats().gls.requests).toBe(before);
  });
});

describe('GLS sandbox: delivery info', () => {
  it('names the ParcelShop of a parcel waiting at one, through the adapter', async () => {
    const sandbox = await startSandboxCarriers({ carriers: ['gls'], rateLimits: 'off' });
    try {
      const [adapter] = sandbox.createAdapters() as GlsAdapter[];
      const atShop = SANDBOX_NUMBERS.gls.available_for_pickup;
      const [tracked] = await adapter!.track([atShop]);
      expect(tracked!.shipment?.status).toBe('available_for_pickup');
      const postalCode = buildDestinationPostalCode(atShop);
      const shop = await adapter!.parcelShop(atShop, postalCode!);
      expect(shop).toMatchObject({ ok: true, parcelShop: { partnerId: 'GLS_DE', parcelShopId: expect.stringMatching(/^27\d{8}$/) } });
      expect((await adapter!.parcelShop(atShop, '00000')).error?.code).toBe('invalid_number');
      // Still on its way, with the right postal code: GLS has no delivery info (E_404_02).
      const moving = SANDBOX_NUMBERS.gls.in_transit;
      expect((await adapter!.parcelShop(moving, buildDestinationPostalCode(moving)!)).error).toMatchObject({
        code: 'not_found',
        carrierCodes: ['E_404_02'],
      });
    } finally {
      await sandbox.close();
    }
  });
});

function buildDestinationPostalCode(trackingNumber: string): string | null {
  const decoded = decodeSandboxNumber('gls', trackingNumber)!;
  return buildJourney(decoded, Date.now(), 0)?.destination.postalCode ?? null;
}
