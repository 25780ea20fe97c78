import { readFileSync } from 'node:fs';
import { runCarrierConformance } from '@wismo/core/testing';
import { createHermes } from './hermes-adapter';
import { parseHermesShipmentInfo } from './parse-hermes-response';

function fixture(name: string): object {
  return JSON.parse(readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8')) as object;
}

const CREDENTIALS = {
  clientId: 'conformance-hermes-client-4b1d',
  clientSecret: 'conformance-hermes-secret-8e27c0',
  username: 'conformance-hermes-user',
  password: 'conformance-hermes-password-19fa',
};

runCarrierConformance({
  origin: 'https://hermes.conformance.test',
  createAdapter: ({ baseUrl, transport }) =>
    createHermes({ ...CREDENTIALS, baseUrl, authUrl: `${baseUrl}/oauth2/access_token`, ...transport }),
  secrets: [CREDENTIALS.clientSecret, CREDENTIALS.password],
  interceptToken: (scope) => scope.post('/oauth2/access_token'),
  // Hermes sends expires_in as a string.
  tokenBody: fixture('composed-token-response.json'),
  interceptTrack: (scope, trackingNumber) =>
    scope.get('/services/hsi/shipmentinfo').query((query) => ([] as unknown[]).concat(query.shipmentID).includes(trackingNumber)),
  found: { trackingNumber: 'H1234567890123456789', response: { status: 200, body: fixture('shipmentinfo-delivered.json') } },
  notFound: { trackingNumber: 'H1234567890123456789', response: { status: 200, body: fixture('shipmentinfo-no-information-e001.json') } },
  unknownCode: {
    trackingNumber: 'H1002611000000000008',
    response: { status: 200, body: fixture('composed-unknown-code.json') },
    rawCode: '9999',
  },
  authFailure: { status: 401, body: fixture('composed-token-400-invalid-grant.json') },
  parse: parseHermesShipmentInfo,
});
