import { readFileSync } from 'node:fs';
import { runCarrierConformance } from '@wismo/core/testing';
import { createUsps } from './usps-adapter';
import { parseUspsTrackResponse } from './parse-usps-response';

function fixture(name: string): string {
  return readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');
}

const CLIENT_ID = 'conformance-usps-client-id-4e8d';
const CLIENT_SECRET = 'conformance-usps-client-secret-a61f';

// A copy of the real delivered response with the A1 event's code replaced by one USPS never documented.
const delivered = JSON.parse(fixture('delivered-parcel-locker-detail.json')) as { trackingEvents: Array<{ eventCode: string }> };
const unknownCodeBody = structuredClone(delivered);
unknownCodeBody.trackingEvents[3]!.eventCode = 'Z9';

runCarrierConformance({
  origin: 'https://usps.conformance.test',
  parse: parseUspsTrackResponse,
  createAdapter: ({ baseUrl, transport }) => createUsps({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, baseUrl, ...transport }),
  secrets: [CLIENT_ID, CLIENT_SECRET, 'conformance-access-token-1234567890'],
  interceptToken: (scope) => scope.post('/oauth2/v3/token'),
  interceptTrack: (scope, trackingNumber) =>
    scope.get(`/tracking/v3/tracking/${encodeURIComponent(trackingNumber)}`).query({ expand: 'DETAIL' }),
  found: { trackingNumber: '9400109104250532908587', response: { status: 200, body: fixture('delivered-parcel-locker-detail.json') } },
  notFound: { trackingNumber: '9400100000000000000005', response: { status: 400, body: fixture('composed-not-found-150001.json') } },
  unknownCode: { trackingNumber: '9400109104250532908587', response: { status: 200, body: unknownCodeBody }, rawCode: 'Z9' },
  authFailure: { status: 401, body: fixture('oauth-error-invalid-client.json') },
});
