import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_NUMBERS } from './sandbox-numbers';
import { createSandboxClock } from './sandbox-clock';
import { SANDBOX_CREDENTIALS, SANDBOX_DOCUMENTED_RATE_LIMITS, startSandboxCarriers } from './start-sandbox-carriers';
import type { RunningSandboxCarriers } from './sandbox-types';

// The wire protocol of each sandbox carrier, spoken with plain fetch: paths, headers, auth, bodies.

const ups = SANDBOX_CREDENTIALS.ups as { clientId: string; clientSecret: string };
const fedex = SANDBOX_CREDENTIALS.fedex as { clientId: string; clientSecret: string };
const usps = SANDBOX_CREDENTIALS.usps as { clientId: string; clientSecret: string };
const dhlKey = (SANDBOX_CREDENTIALS.dhl as { apiKey: string }).apiKey;

function basic(clientId: string, clientSecret: string): string {
  return `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`;
}

function form(fields: Record<string, string>): { method: string; headers: Record<string, string>; body: string } {
  return { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() };
}

describe('sandbox carriers on the wire', () => {
  let sandbox: RunningSandboxCarriers;
  const clock = createSandboxClock(new Date('2025-03-12T15:00:00Z'));

  beforeAll(async () => {
    sandbox = await startSandboxCarriers({ clock, rateLimits: 'off' });
  });
  afterAll(() => sandbox.close());

  async function upsToken(): Promise<string> {
    const response = await fetch(`${sandbox.baseUrls.ups}/security/v1/oauth/token`, {
      ...form({ grant_type: 'client_credentials' }),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: basic(ups.clientId, ups.clientSecret) },
    });
    return ((await response.json()) as { access_token: string }).access_token;
  }

  async function formToken(carrier: 'fedex' | 'usps'): Promise<string> {
    const credentials = carrier === 'fedex' ? fedex : usps;
    const path = carrier === 'fedex' ? '/oauth/token' : '/oauth2/v3/token';
    const response = await fetch(
      `${sandbox.baseUrls[carrier]}${path}`,
      form({ grant_type: 'client_credentials', client_id: credentials.clientId, client_secret: credentials.clientSecret }),
    );
    return ((await response.json()) as { access_token: string }).access_token;
  }

  describe('UPS', () => {
    it('issues tokens over HTTP Basic, expires_in as the string "14399"; refuses wrong credentials with 10401', async () => {
      const url = `${sandbox.baseUrls.ups}/security/v1/oauth/token`;
      const granted = await fetch(url, {
        ...form({ grant_type: 'client_credentials' }),
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: basic(ups.clientId, ups.clientSecret) },
      });
      expect(granted.status).toBe(200);
      expect(await granted.json()).toMatchObject({
        token_type: 'Bearer',
        client_id: ups.clientId,
        expires_in: '14399',
        status: 'approved',
        access_token: expect.any(String),
      });
      const refused = await fetch(url, {
        ...form({ grant_type: 'client_credentials' }),
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: basic(ups.clientId, 'wrong') },
      });
      expect(refused.status).toBe(401);
      expect(await refused.json()).toEqual({ response: { errors: [{ code: '10401', message: 'ClientId is Invalid' }] } });
    });

    it('requires the bearer token and the transId / transactionSrc headers', async () => {
      const url = `${sandbox.baseUrls.ups}/api/track/v1/details/${SANDBOX_NUMBERS.ups.delivered}`;
      const anonymous = await fetch(url, { headers: { transId: 'a1', transactionSrc: 'test' } });
      expect(anonymous.status).toBe(401);
      expect(await anonymous.json()).toEqual({
        response: { errors: [{ code: '250002', message: 'Invalid Authentication Information.' }] },
      });
      const token = await upsToken();
      const withoutHeaders = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
      expect(withoutHeaders.status).toBe(400);
      const ok = await fetch(url, { headers: { Authorization: `Bearer ${token}`, transId: 'a1', transactionSrc: 'test' } });
      expect(ok.status).toBe(200);
      const body = (await ok.json()) as {
        trackResponse: { shipment: Array<{ package: Array<{ activity: Array<Record<string, unknown>> }> }> };
      };
      const [newest] = body.trackResponse.shipment[0]!.package[0]!.activity;
      expect(newest).toMatchObject({
        status: { type: 'D', code: 'F4', statusCode: '011' },
        date: expect.stringMatching(/^\d{8}$/),
        time: expect.stringMatching(/^\d{6}$/),
        gmtTime: expect.stringMatching(/^\d\d:\d\d:\d\d$/),
        gmtOffset: expect.stringMatching(/^[+-]\d\d:\d\d$/),
      });
    });

    it('answers an unknown number with HTTP 200 and the TW0001 warning', async () => {
      const token = await upsToken();
      const response = await fetch(`${sandbox.baseUrls.ups}/api/track/v1/details/${SANDBOX_NUMBERS.ups.not_found}`, {
        headers: { Authorization: `Bearer ${token}`, transId: 'a2', transactionSrc: 'test' },
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({
        trackResponse: {
          shipment: [
            { inquiryNumber: SANDBOX_NUMBERS.ups.not_found, warnings: [{ code: 'TW0001', message: 'Tracking Information Not Found' }] },
          ],
        },
      });
    });

    it('expires tokens after their lifetime on the sandbox clock', async () => {
      const token = await upsToken();
      const url = `${sandbox.baseUrls.ups}/api/track/v1/details/${SANDBOX_NUMBERS.ups.delivered}`;
      const headers = { Authorization: `Bearer ${token}`, transId: 'a3', transactionSrc: 'test' };
      expect((await fetch(url, { headers })).status).toBe(200);
      clock.advance(14_400 * 1000);
      try {
        expect((await fetch(url, { headers })).status).toBe(401);
      } finally {
        clock.advance(-14_400 * 1000);
      }
    });
  });

  describe('FedEx', () => {
    it('issues tokens for form client credentials (expires_in 3599)', async () => {
      const response = await fetch(
        `${sandbox.baseUrls.fedex}/oauth/token`,
        form({ grant_type: 'client_credentials', client_id: fedex.clientId, client_secret: fedex.clientSecret }),
      );
      expect(await response.json()).toMatchObject({ token_type: 'bearer', expires_in: 3599, scope: 'CXS' });
      const refused = await fetch(
        `${sandbox.baseUrls.fedex}/oauth/token`,
        form({ grant_type: 'client_credentials', client_id: fedex.clientId, client_secret: 'nope' }),
      );
      expect(refused.status).toBe(401);
      expect(await refused.json()).toMatchObject({ errors: [{ code: 'NOT.AUTHORIZED.ERROR' }] });
    });

    it('answers found and not-found numbers side by side in HTTP 200; more than 30 → 400', async () => {
      const token = await formToken('fedex');
      const post = (numbers: string[]) =>
        fetch(`${sandbox.baseUrls.fedex}/track/v1/trackingnumbers`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({
            includeDetailedScans: true,
            trackingInfo: numbers.map((trackingNumber) => ({ trackingNumberInfo: { trackingNumber } })),
          }),
        });
      const mixed = await post([SANDBOX_NUMBERS.fedex.delivered, SANDBOX_NUMBERS.fedex.not_found]);
      expect(mixed.status).toBe(200);
      const body = (await mixed.json()) as {
        output: { completeTrackResults: Array<{ trackingNumber: string; trackResults: Array<Record<string, unknown>> }> };
      };
      expect(body.output.completeTrackResults.map((result) => result.trackingNumber)).toEqual([
        SANDBOX_NUMBERS.fedex.delivered,
        SANDBOX_NUMBERS.fedex.not_found,
      ]);
      expect(body.output.completeTrackResults[0]!.trackResults[0]).toMatchObject({ latestStatusDetail: { code: 'DL', derivedCode: 'DL' } });
      expect(body.output.completeTrackResults[1]!.trackResults[0]).toMatchObject({ error: { code: 'TRACKING.TRACKINGNUMBER.NOTFOUND' } });
      const scans = body.output.completeTrackResults[0]!.trackResults[0]!.scanEvents as Array<{ date: string }>;
      expect(scans.every((scan) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/.test(scan.date))).toBe(true);
      const tooMany = await post(sandbox.generateNumbers('fedex', 31));
      expect(tooMany.status).toBe(400);
      expect(await tooMany.json()).toMatchObject({
        errors: [
          { code: 'TRACKING.TRACKINGNUMBERS.LIMITEXCEEDED', message: 'Please limit your inquiry to 30 tracking numbers or references.' },
        ],
      });
    });
  });

  describe('USPS', () => {
    it('issues 8-hour tokens and refuses an unknown client with invalid_client', async () => {
      const granted = await fetch(
        `${sandbox.baseUrls.usps}/oauth2/v3/token`,
        form({ grant_type: 'client_credentials', client_id: usps.clientId, client_secret: usps.clientSecret, scope: 'tracking' }),
      );
      expect(await granted.json()).toMatchObject({ token_type: 'Bearer', expires_in: 28_800, scope: 'tracking' });
      const refused = await fetch(
        `${sandbox.baseUrls.usps}/oauth2/v3/token`,
        form({ grant_type: 'client_credentials', client_id: 'someone', client_secret: 'else' }),
      );
      expect(refused.status).toBe(401);
      expect(await refused.json()).toMatchObject({ error: 'invalid_client' });
    });

    it('answers DETAIL with local eventTimestamp + GMT fields, and unknown numbers with 400 / 150002', async () => {
      const token = await formToken('usps');
      const headers = { Authorization: `Bearer ${token}` };
      const found = await fetch(`${sandbox.baseUrls.usps}/tracking/v3/tracking/${SANDBOX_NUMBERS.usps.delivered}?expand=DETAIL`, {
        headers,
      });
      const body = (await found.json()) as { trackingEvents: Array<Record<string, unknown>> };
      expect(body.trackingEvents[0]).toMatchObject({
        eventCode: '01',
        eventTimestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/),
        GMTTimestamp: expect.stringMatching(/Z$/),
        GMTOffset: expect.stringMatching(/^-0\d:00$/),
      });
      const summary = await fetch(`${sandbox.baseUrls.usps}/tracking/v3/tracking/${SANDBOX_NUMBERS.usps.delivered}`, { headers });
      expect(await summary.json()).not.toHaveProperty('trackingEvents');
      const missing = await fetch(`${sandbox.baseUrls.usps}/tracking/v3/tracking/${SANDBOX_NUMBERS.usps.not_found}?expand=DETAIL`, {
        headers,
      });
      expect(missing.status).toBe(400);
      expect(await missing.json()).toMatchObject({ error: { errors: [{ code: '150002' }] } });
    });
  });

  describe('DHL', () => {
    const track = (query: string, key: string | null = dhlKey) =>
      fetch(`${sandbox.baseUrls.dhl}/track/shipments?${query}`, { headers: key ? { 'DHL-API-Key': key } : {} });

    it('requires the DHL-API-Key header', async () => {
      const response = await track(`trackingNumber=${SANDBOX_NUMBERS.dhl.delivered}`, null);
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ title: 'Unauthorized', status: 401, detail: 'Unauthorized for given resource.' });
      expect((await track(`trackingNumber=${SANDBOX_NUMBERS.dhl.delivered}`, 'another-key')).status).toBe(401);
    });

    it('answers unknown numbers, or another business unit, with a 404 problem', async () => {
      const response = await track(`trackingNumber=${SANDBOX_NUMBERS.dhl.not_found}`);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(await response.json()).toMatchObject({
        title: 'No result found',
        status: 404,
        detail: 'No shipment with given tracking number found.',
      });
      expect((await track(`trackingNumber=${SANDBOX_NUMBERS.dhl.delivered}&service=express`)).status).toBe(404);
      expect((await track(`trackingNumber=${SANDBOX_NUMBERS.dhl.delivered}&service=parcel-de`)).status).toBe(200);
      expect((await track('')).status).toBe(400);
    });

    it('prints parcel-de times without offset, in German when asked, and Express times with offsets', async () => {
      const german = (await (await track(`trackingNumber=${SANDBOX_NUMBERS.dhl.delivered}&language=de`)).json()) as {
        shipments: Array<{ service: string; events: Array<{ timestamp: string; description: string }> }>;
      };
      expect(german.shipments[0]!.service).toBe('parcel-de');
      expect(german.shipments[0]!.events[0]).toMatchObject({
        timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/),
        description: 'Die Sendung wurde zugestellt.',
      });
      const express = (await (await track(`trackingNumber=${SANDBOX_NUMBERS.dhl.customs_hold}`)).json()) as {
        shipments: Array<{ service: string; events: Array<{ timestamp: string; remark?: string }> }>;
      };
      expect(express.shipments[0]!.service).toBe('express');
      expect(express.shipments[0]!.events[0]).toMatchObject({
        timestamp: expect.stringMatching(/[+-]\d\d:\d\d$/),
        remark: 'The shipment is pending completion of customs inspection.',
      });
    });
  });

  it('answers unknown paths in the carrier’s error shape', async () => {
    expect((await fetch(`${sandbox.baseUrls.fedex}/ship/v1/shipments`, { method: 'POST' })).status).toBe(404);
    expect((await fetch(`${sandbox.baseUrls.dhl}/track/other`)).status).toBe(404);
  });
});

describe('startSandboxCarriers', () => {
  let sandbox: RunningSandboxCarriers | undefined;
  afterEach(async () => {
    await sandbox?.close();
    sandbox = undefined;
  });

  it('hands adapters the sandbox URLs, credentials and a matching (compressed) rate limit', async () => {
    sandbox = await startSandboxCarriers({ timeScale: 10 });
    expect(sandbox.adapterSettings('ups')).toEqual({
      baseUrl: sandbox.baseUrls.ups,
      authUrl: `${sandbox.baseUrls.ups}/security/v1/oauth/token`,
      ...SANDBOX_CREDENTIALS.ups,
      rateLimit: { requests: 5, intervalMs: 100 },
    });
    expect(sandbox.adapterSettings('dhl')).toEqual({
      baseUrl: sandbox.baseUrls.dhl,
      apiKey: dhlKey,
      rateLimit: { requests: 1, intervalMs: 100 },
      rateLimitCooldownMs: 6000,
    });
    // DHL Parcel DE: the Basic pair of the sandbox credential, and DHL's sandbox login for the XML.
    expect(sandbox.adapterSettings('dhlparcelde')).toEqual({
      baseUrl: sandbox.baseUrls.dhlparcelde,
      apiKey: 'wismo-sandbox-dhl-parcel-de-key',
      apiSecret: 'wismo-sandbox-dhl-parcel-de-secret',
      username: 'zt12345',
      password: 'geheim',
      rateLimit: { requests: 1, intervalMs: 100 },
    });
    expect(SANDBOX_DOCUMENTED_RATE_LIMITS).toEqual({
      ups: { requests: 5, intervalMs: 1000 },
      fedex: { requests: 1400, intervalMs: 10_000 },
      usps: { requests: 60, intervalMs: 3_600_000 },
      dhl: { requests: 1, intervalMs: 1000 },
      dhlparcelde: { requests: 1, intervalMs: 1000 },
      gls: { requests: 500, intervalMs: 86_400_000 },
      postnl: { requests: 1000, intervalMs: 60_000 },
      laposte: { requests: 100, intervalMs: 60_000 },
      hermes: { requests: 5, intervalMs: 1000 },
      dpd: { requests: 5, intervalMs: 1000 },
      bpost: { requests: 5, intervalMs: 1000 },
      auspost: { requests: 10, intervalMs: 60_000 },
      royalmail: { requests: 5, intervalMs: 1000 },
      canadapost: { requests: 5, intervalMs: 1000 },
    });
    // One adapter per registered carrier, in the registry's order.
    expect(sandbox.createAdapters().map((adapter) => adapter.id)).toEqual(Object.keys(SANDBOX_DOCUMENTED_RATE_LIMITS));
  });

  it('starts only the carriers asked for; without rate limits the adapters do not throttle either', async () => {
    sandbox = await startSandboxCarriers({
      carriers: ['usps'],
      rateLimits: 'off',
      credentials: { usps: [{ clientId: 'mine', clientSecret: 'my-secret' }] },
    });
    expect(Object.keys(sandbox.baseUrls)).toEqual(['usps']);
    expect(sandbox.adapterSettings('usps')).toMatchObject({ clientId: 'mine', clientSecret: 'my-secret', rateLimit: false });
    expect(() => sandbox!.adapterSettings('ups')).toThrow(/without ups/);
  });

  it('adds the configured latency to every answer', async () => {
    sandbox = await startSandboxCarriers({ carriers: ['dhl'], rateLimits: 'off', latencyMs: { min: 60, max: 80 } });
    const started = performance.now();
    await fetch(`${sandbox.baseUrls.dhl}/track/shipments?trackingNumber=${SANDBOX_NUMBERS.dhl.delivered}`, {
      headers: { 'DHL-API-Key': dhlKey },
    });
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
  });

  it('counts requests, numbers served, 429s, faults and tokens per carrier', async () => {
    sandbox = await startSandboxCarriers({ carriers: ['dhl'], rateLimits: { dhl: { requests: 2, intervalMs: 60_000 } } });
    const url = `${sandbox.baseUrls.dhl}/track/shipments?trackingNumber=${SANDBOX_NUMBERS.dhl.delivered}`;
    const statuses = [];
    for (let index = 0; index < 3; index++) statuses.push((await fetch(url, { headers: { 'DHL-API-Key': dhlKey } })).status);
    expect(statuses).toEqual([200, 200, 429]);
    sandbox.setFaults({ serverErrorRate: 1 });
    expect(sandbox.stats().dhl).toEqual({
      requests: 3,
      trackingNumbersServed: 2,
      rateLimited: 1,
      faultsInjected: 0,
      tokensIssued: 0,
      answersFromCache: 0,
    });
    sandbox.resetStats();
    expect(sandbox.stats().dhl.requests).toBe(0);
  });

  it('holds a timed-out request until timeoutAfterMs and still closes at once', async () => {
    sandbox = await startSandboxCarriers({ carriers: ['dhl'], rateLimits: 'off', faults: { timeoutRate: 1, timeoutAfterMs: 60_000 } });
    const request = fetch(`${sandbox.baseUrls.dhl}/track/shipments?trackingNumber=${SANDBOX_NUMBERS.dhl.delivered}`, {
      headers: { 'DHL-API-Key': dhlKey },
      signal: AbortSignal.timeout(150),
    });
    await expect(request).rejects.toThrow();
    expect(sandbox.stats().dhl.faultsInjected).toBe(1);
    const started = performance.now();
    await sandbox.close();
    sandbox = undefined;
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('rejects options it cannot honour', async () => {
    await expect(startSandboxCarriers({ carriers: ['nowhere' as never] })).rejects.toThrow(/unknown carrier/);
    await expect(startSandboxCarriers({ timeScale: 0 })).rejects.toThrow(/timeScale/);
    await expect(startSandboxCarriers({ rateLimits: { ups: { requests: 0, intervalMs: 1 } } })).rejects.toThrow(/rateLimits.ups/);
    await expect(startSandboxCarriers({ faults: { serverErrorRate: 2 } })).rejects.toThrow(/serverErrorRate/);
    await expect(startSandboxCarriers({ credentials: { dhl: [{ clientId: 'a', clientSecret: 'b' }] } })).rejects.toThrow(/apiKey/);
  });
});
