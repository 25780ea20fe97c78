import { BPOST_TRACKING_PATH, BPOST_TRACKING_SUFFIX, readBpostBody } from '@wismo/carrier-bpost/internal';
import { afterEach, describe, expect, it } from 'vitest';
import { SANDBOX_NUMBERS } from './sandbox-numbers';
import { SANDBOX_CREDENTIALS, startSandboxCarriers } from './start-sandbox-carriers';
import type { RunningSandboxCarriers } from './sandbox-types';

// The bpost sandbox's wire protocol (XML over GET with HTTP Basic), spoken with plain fetch.

const { apiKey } = SANDBOX_CREDENTIALS.bpost as { apiKey: string };
const BASIC = `Basic ${Buffer.from(apiKey).toString('base64')}`;

function get(baseUrl: string, itemCode: string, authorization: string | null = BASIC) {
  return fetch(`${baseUrl}${BPOST_TRACKING_PATH}/${itemCode}${BPOST_TRACKING_SUFFIX}`, {
    headers: authorization ? { Authorization: authorization } : {},
  });
}

describe('bpost sandbox', () => {
  let sandbox: RunningSandboxCarriers | undefined;
  afterEach(async () => {
    await sandbox?.close();
    sandbox = undefined;
  });

  it('answers itemTracking with states oldest first, ISO times with offset, and a pickup point where one is used', async () => {
    sandbox = await startSandboxCarriers({ carriers: ['bpost'], rateLimits: 'off' });
    const response = await get(sandbox.baseUrls.bpost, SANDBOX_NUMBERS.bpost.available_for_pickup);
    expect(response.status).toBe(200);
    const body = readBpostBody({ status: 200, body: await response.text() }) as {
      itemTracking: { itemCode: string; stateInfo: Array<{ time: string; stateCode: string }>; pickupPoint?: { name: string } };
    };
    expect(body.itemTracking.itemCode).toBe(SANDBOX_NUMBERS.bpost.available_for_pickup);
    expect(body.itemTracking.stateInfo.at(-1)!.stateCode).toBe('N74');
    expect(body.itemTracking.stateInfo[0]!.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
    expect(body.itemTracking.pickupPoint?.name).toMatch(/^POINT POSTE /);
  });

  it('answers an unknown item with an empty body, and a missing or wrong login with 401', async () => {
    sandbox = await startSandboxCarriers({ carriers: ['bpost'], rateLimits: 'off' });
    const baseUrl = sandbox.baseUrls.bpost;
    const unknown = await get(baseUrl, SANDBOX_NUMBERS.bpost.not_found);
    expect([unknown.status, await unknown.text()]).toEqual([200, '']);
    expect((await get(baseUrl, SANDBOX_NUMBERS.bpost.delivered, null)).status).toBe(401);
    expect((await get(baseUrl, SANDBOX_NUMBERS.bpost.delivered, `Basic ${Buffer.from('someone:wrong').toString('base64')}`)).status).toBe(
      401,
    );
  });

  it('hands the adapter the account id and passphrase under its own setting names', async () => {
    sandbox = await startSandboxCarriers({ carriers: ['bpost'], rateLimits: 'off' });
    const [accountId, passphrase] = apiKey.split(':');
    expect(sandbox.adapterSettings('bpost')).toMatchObject({ accountId, passphrase });
  });
});
