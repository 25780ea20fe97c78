import { readFileSync } from 'node:fs';
import { runCarrierConformance } from '@wismo/core/testing';
import nock from 'nock';
import { createDpd } from './dpd-adapter';
import { DPD_LOGIN_PATH, DPD_TRACKING_PATH } from './dpd-carrier';
import { parseDpdTrackingResponse } from './parse-dpd-response';

function fixture(name: string): string {
  return readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');
}

const ORIGIN = 'https://dpd.conformance.test';
const DELIS_ID = 'conformance-dpd-delis-7e1c';
const PASSWORD = 'conformance-dpd-password-40b2a9';

runCarrierConformance({
  origin: ORIGIN,
  createAdapter: ({ baseUrl, transport }) => {
    // The LoginService answers in SOAP, which the suite's JSON token option cannot speak: each adapter's login
    // is answered here, and the suite drives the tracking endpoint (where DPD reports bad logins too).
    nock(baseUrl).post(DPD_LOGIN_PATH).optionally().reply(200, fixture('composed-login-response.xml'), { 'Content-Type': 'text/xml' });
    return createDpd({ delisId: DELIS_ID, password: PASSWORD, baseUrl, ...transport });
  },
  secrets: [DELIS_ID, PASSWORD],
  interceptTrack: (scope, parcelLabelNumber) =>
    scope.post(DPD_TRACKING_PATH, (body: string) => body.includes(`<parcelLabelNumber>${parcelLabelNumber}</parcelLabelNumber>`)),
  found: { trackingNumber: '05308801410058', response: { status: 200, body: fixture('parcellifecycle-getTrackingData-response.xml') } },
  notFound: { trackingNumber: '01234567890128', response: { status: 200, body: fixture('composed-not-found-empty-trackingresult.xml') } },
  unknownCode: {
    trackingNumber: '05308801410058',
    response: { status: 200, body: fixture('composed-unknown-state.xml') },
    rawCode: 'ParcelDamaged',
  },
  authFailure: { status: 500, body: fixture('soap-fault-authentication.xml') },
  parse: parseDpdTrackingResponse,
});
