import { readFileSync } from 'node:fs';
import { runCarrierConformance } from '@wismo/core/testing';
import { createFedex } from './fedex-adapter';
import { parseFedexTrackResponse } from './parse-fedex-response';

const CLIENT_ID = 'conformance-fedex-client-id-3c9e1f';
const CLIENT_SECRET = 'conformance-fedex-client-secret-8d2a7b';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
function fixture(name: string): Json {
  return JSON.parse(readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8')) as Json;
}

const delivered = fixture('delivered-with-PU-event-missing-offset.json');

// A copy of the delivered sample with one scan's code replaced by one FedEx never documented. Its derivedStatusCode
// is replaced too: the adapter falls back to FedEx's derived status for unknown event types, and that would map it.
const withUnknownCode = structuredClone(delivered);
const unknownScan = withUnknownCode.output.completeTrackResults[0].trackResults[0].scanEvents[5];
unknownScan.eventType = 'Q7';
unknownScan.derivedStatusCode = 'Q7';

runCarrierConformance({
  origin: 'https://fedex.conformance.test',
  createAdapter: ({ baseUrl, transport }) => createFedex({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, baseUrl, ...transport }),
  secrets: [CLIENT_ID, CLIENT_SECRET],
  interceptToken: (scope) => scope.post('/oauth/token'),
  tokenBody: fixture('oauth-token-response.json'),
  interceptTrack: (scope, trackingNumber) =>
    scope.post('/track/v1/trackingnumbers', (body: { trackingInfo?: Array<{ trackingNumberInfo?: { trackingNumber?: string } }> }) =>
      Boolean(body.trackingInfo?.some((info) => info.trackingNumberInfo?.trackingNumber === trackingNumber)),
    ),
  found: { trackingNumber: '738488882438', response: { status: 200, body: delivered } },
  notFound: { trackingNumber: '794843185271', response: { status: 200, body: fixture('not-found-in-200.json') } },
  unknownCode: { trackingNumber: '738488882438', response: { status: 200, body: withUnknownCode }, rawCode: 'Q7' },
  // FedEx's OAuth endpoint refuses wrong credentials with 401 and an errors[] body.
  parse: parseFedexTrackResponse,
  authFailure: {
    status: 401,
    body: {
      transactionId: 'b2f7c0de-0000-4000-8000-000000000401',
      errors: [
        { code: 'NOT.AUTHORIZED.ERROR', message: 'The given client credentials were not valid. Please modify your request and try again.' },
      ],
    },
  },
});
