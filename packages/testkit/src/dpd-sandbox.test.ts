import { DPD_LOGIN_PATH, DPD_TRACKING_PATH, dpdLoginEnvelope, dpdTrackingEnvelope, readDpdBody } from '@wismo/carrier-dpd/internal';
import { afterEach, describe, expect, it } from 'vitest';
import { dpdCheckCharacter } from './check-digits';
import { SANDBOX_NUMBERS } from './sandbox-numbers';
import { SANDBOX_CREDENTIALS, startSandboxCarriers } from './start-sandbox-carriers';
import type { RunningSandboxCarriers } from './sandbox-types';

// The DPD sandbox's wire protocol (SOAP over HTTP), spoken with plain fetch and the adapter's envelopes.

const { clientId: delisId, clientSecret: password } = SANDBOX_CREDENTIALS.dpd as { clientId: string; clientSecret: string };

function soap(baseUrl: string, path: string, body: string) {
  return fetch(`${baseUrl}${path}`, { method: 'POST', headers: { 'Content-Type': 'text/xml; charset=utf-8' }, body });
}

describe('DPD sandbox', () => {
  let sandbox: RunningSandboxCarriers | undefined;
  afterEach(async () => {
    await sandbox?.close();
    sandbox = undefined;
  });

  it('issues numbers with the MOD 37,36 check character of DPD’s label specification', () => {
    // DPD Parcel Label Specification test data: 09980000020033F, 09980000020034D.
    expect(dpdCheckCharacter('09980000020033')).toBe('F');
    expect(dpdCheckCharacter('09980000020034')).toBe('D');
    const number = SANDBOX_NUMBERS.dpd.delivered;
    expect(number).toMatch(/^\d{14}[0-9A-Z]$/);
    expect(dpdCheckCharacter(number.slice(0, 14))).toBe(number[14]);
  });

  it('logs in over SOAP, then answers getTrackingData with the token in the SOAP header: 12-hour dates, oldest first', async () => {
    sandbox = await startSandboxCarriers({ carriers: ['dpd'], rateLimits: 'off' });
    const baseUrl = sandbox.baseUrls.dpd;
    const login = await soap(baseUrl, DPD_LOGIN_PATH, dpdLoginEnvelope(delisId, password, 'en_US'));
    expect(login.status).toBe(200);
    const loginBody = await login.text();
    const token = /<authToken>([^<]+)<\/authToken>/.exec(loginBody)![1]!;
    expect(loginBody).toMatch(/<authTokenExpires>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.00<\/authTokenExpires>/);

    const parcel = SANDBOX_NUMBERS.dpd.delivered.slice(0, 14);
    const tracking = await soap(baseUrl, DPD_TRACKING_PATH, dpdTrackingEnvelope(delisId, token, 'en_US', parcel));
    expect(tracking.status).toBe(200);
    const text = await tracking.text();
    expect(text).toMatch(/<date><content>\d{1,2}\/\d{1,2}\/\d{4} \d{1,2}:\d\d:\d\d (AM|PM)<\/content>/);
    const body = readDpdBody({ status: 200, body: text }) as {
      Envelope: {
        Body: { getTrackingDataResponse: { trackingresult: { statusInfo: Array<{ status: string; isCurrentStatus: string }> } } };
      };
    };
    const steps = body.Envelope.Body.getTrackingDataResponse.trackingresult.statusInfo;
    expect(steps[0]!.status).toBe('PickedUp');
    expect(steps.at(-1)).toMatchObject({ status: 'Delivered', isCurrentStatus: 'true' });
  });

  it('answers a wrong password and an unknown token with the authentication SOAP Fault (HTTP 500)', async () => {
    sandbox = await startSandboxCarriers({ carriers: ['dpd'], rateLimits: 'off' });
    const baseUrl = sandbox.baseUrls.dpd;
    const wrong = await soap(baseUrl, DPD_LOGIN_PATH, dpdLoginEnvelope(delisId, 'not-the-password', 'en_US'));
    expect(wrong.status).toBe(500);
    expect(await wrong.text()).toContain('<errorCode>DELICOM_ERR_AUTHENTICATION</errorCode>');
    const unknown = await soap(
      baseUrl,
      DPD_TRACKING_PATH,
      dpdTrackingEnvelope(delisId, 'no-such-token', 'en_US', SANDBOX_NUMBERS.dpd.delivered.slice(0, 14)),
    );
    expect(unknown.status).toBe(500);
    expect(await unknown.text()).toContain('DELICOM_ERR_AUTHENTICATION');
  });

  it('answers an unknown parcel with an empty trackingresult', async () => {
    sandbox = await startSandboxCarriers({ carriers: ['dpd'], rateLimits: 'off' });
    const baseUrl = sandbox.baseUrls.dpd;
    const login = await (await soap(baseUrl, DPD_LOGIN_PATH, dpdLoginEnvelope(delisId, password, 'en_US'))).text();
    const token = /<authToken>([^<]+)<\/authToken>/.exec(login)![1]!;
    const tracking = await soap(
      baseUrl,
      DPD_TRACKING_PATH,
      dpdTrackingEnvelope(delisId, token, 'en_US', SANDBOX_NUMBERS.dpd.not_found.slice(0, 14)),
    );
    expect(await tracking.text()).toContain('<trackingresult/>');
  });
});
