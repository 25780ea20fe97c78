import { readFileSync } from 'node:fs';
import { runCarrierConformance } from '@wismo/core/testing';
import { createGls } from './gls-adapter';
import { parseGlsTrackResponse } from './parse-gls-response';

function fixture(name: string): object {
  return JSON.parse(readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8')) as object;
}

const CLIENT_ID = 'conformance-gls-client-id-3b7e';
const CLIENT_SECRET = 'conformance-gls-client-secret-81f0c2';
const REFERENCES = '/track-and-trace-v1/tracking/simple/references/';

runCarrierConformance({
  origin: 'https://gls.conformance.test',
  createAdapter: ({ baseUrl, transport }) => createGls({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, baseUrl, ...transport }),
  secrets: [CLIENT_ID, CLIENT_SECRET],
  interceptToken: (scope) => scope.post('/oauth2/v2/token'),
  tokenBody: fixture('composed-oauth-token-response.json'),
  interceptTrack: (scope, trackingNumber) =>
    scope.get((path) => path.startsWith(REFERENCES) && path.slice(REFERENCES.length).split('?')[0]!.split(',').includes(trackingNumber)),
  found: { trackingNumber: '42249028960', response: { status: 200, body: fixture('spec-200-delivered-parcelshop-with-links.json') } },
  notFound: { trackingNumber: '36301917596', response: { status: 200, body: fixture('per-parcel-error-E_404_01-in-200.json') } },
  unknownCode: {
    trackingNumber: '36301917596',
    response: { status: 200, body: fixture('composed-unknown-code.json') },
    rawCode: 'ZZZZZZ.UNDOCUMENTED',
  },
  authFailure: { status: 401, body: fixture('spec-401-token-expired-apigee.json') },
  parse: parseGlsTrackResponse,
});
