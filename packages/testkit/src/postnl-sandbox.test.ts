import type { PostnlAdapter } from '@wismo/carrier-postnl';
import { afterEach, describe, expect, it } from 'vitest';
import { SANDBOX_NUMBERS } from './sandbox-numbers';
import { SANDBOX_CREDENTIALS, startSandboxCarriers } from './start-sandbox-carriers';
import type { RunningSandboxCarriers } from './sandbox-types';

// The PostNL sandbox's wire protocol, spoken with plain fetch.

const { apiKey } = SANDBOX_CREDENTIALS.postnl as { apiKey: string };
const STATUS = '/shipment/v2/status/barcode/';

describe('PostNL sandbox', () => {
  let sandbox: RunningSandboxCarriers | undefined;
  afterEach(async () => {
    await sandbox?.close();
    sandbox = undefined;
  });

  it('answers CompleteStatus with events and Dutch wall-clock times, CurrentStatus without detail', async () => {
    sandbox = await startSandboxCarriers({ carriers: ['postnl'], rateLimits: 'off' });
    const url = `${sandbox.baseUrls.postnl}${STATUS}${SANDBOX_NUMBERS.postnl.available_for_pickup}`;
    const complete = (await (await fetch(`${url}?detail=true`, { headers: { apikey: apiKey } })).json()) as {
      CompleteStatus: { Shipment: Record<string, unknown> };
    };
    const shipment = complete.CompleteStatus.Shipment;
    expect(shipment.Status).toMatchObject({
      StatusCode: '12',
      PhaseCode: '4',
      TimeStamp: expect.stringMatching(/^\d\d-\d\d-\d{4} \d\d:\d\d:\d\d$/),
    });
    expect((shipment.Event as Array<{ Code: string }>)[0]!.Code).toBe('J02');
    expect((shipment.Address as Array<{ AddressType: string }>).map((address) => address.AddressType)).toEqual(['01', '02', '09']);
    const current = (await (await fetch(url, { headers: { apikey: apiKey } })).json()) as {
      CurrentStatus: { Shipment: Record<string, unknown> };
    };
    expect(current.CurrentStatus.Shipment.Event).toBeUndefined();
  });

  it('not found is HTTP 200 with an empty status and warning 2; a missing key is 401 with the spec text', async () => {
    sandbox = await startSandboxCarriers({ carriers: ['postnl'], rateLimits: 'off' });
    const url = `${sandbox.baseUrls.postnl}${STATUS}${SANDBOX_NUMBERS.postnl.not_found}?detail=true`;
    const notFound = await fetch(url, { headers: { apikey: apiKey } });
    expect(notFound.status).toBe(200);
    expect(await notFound.json()).toEqual({ CompleteStatus: {}, Warnings: [{ Message: 'No shipment found', Code: '2' }] });
    const anonymous = await fetch(url);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({
      message: "Failed to resolve API Key variable 'request.header.apikey'",
      http_status_code: 401,
    });
  });
});

describe('PostNL sandbox: signature', () => {
  it('delivered parcels have a signature (a PNG), others the "No signature found" warning', async () => {
    const sandbox = await startSandboxCarriers({ carriers: ['postnl'], rateLimits: 'off' });
    try {
      const [adapter] = sandbox.createAdapters() as PostnlAdapter[];
      const signed = await adapter!.signature(SANDBOX_NUMBERS.postnl.delivered);
      expect(signed).toMatchObject({ ok: true, signature: { mimeType: 'image/png', signedAt: { timeKind: 'local', occurredAt: null } } });
      expect((await adapter!.signature(SANDBOX_NUMBERS.postnl.in_transit)).error?.code).toBe('not_found');
    } finally {
      await sandbox.close();
    }
  });
});
