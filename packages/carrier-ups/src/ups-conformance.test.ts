import { readFileSync } from 'node:fs';
import { runCarrierConformance } from '@wismo/core/testing';
import { createUps } from './ups-adapter';
import { parseUpsTrackResponse } from './parse-ups-response';

function fixture(name: string): object {
  return JSON.parse(readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8')) as object;
}

const CLIENT_ID = 'conformance-ups-client-id-5f2a';
const CLIENT_SECRET = 'conformance-ups-client-secret-9d41b7';

runCarrierConformance({
  origin: 'https://ups.conformance.test',
  createAdapter: ({ baseUrl, transport }) => createUps({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, baseUrl, ...transport }),
  secrets: [CLIENT_ID, CLIENT_SECRET],
  interceptToken: (scope) => scope.post('/security/v1/oauth/token'),
  // UPS sends expires_in as a string.
  tokenBody: fixture('oauth-token-response.json'),
  interceptTrack: (scope, trackingNumber) => scope.get(`/api/track/v1/details/${encodeURIComponent(trackingNumber)}`).query(true),
  found: { trackingNumber: '1Z1442YY7229014688', response: { status: 200, body: fixture('delivered-official-postman-example.json') } },
  notFound: {
    trackingNumber: '1Z999AA10123456784',
    response: { status: 200, body: fixture('warning-TW0001-tracking-information-not-found.json') },
  },
  unknownCode: {
    trackingNumber: '1Z1442YY7229014688',
    response: { status: 200, body: fixture('composed-unknown-code.json') },
    rawCode: '999',
  },
  authFailure: { status: 401, body: fixture('composed-oauth-401-invalid-client.json') },
  parse: parseUpsTrackResponse,
});
