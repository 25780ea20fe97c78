import { readFileSync } from 'node:fs';
import { runCarrierConformance } from '@wismo/core/testing';
import { parseRoyalMailEventsResponse } from './parse-royalmail-response';
import { createRoyalMail } from './royalmail-adapter';

function fixture(name: string): object {
  return JSON.parse(readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8')) as object;
}

const CLIENT_ID = 'conformance-royalmail-client-3b8e';
const CLIENT_SECRET = 'conformance-royalmail-secret-c41f09';

runCarrierConformance({
  origin: 'https://royalmail.conformance.test',
  createAdapter: ({ baseUrl, transport }) => createRoyalMail({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, baseUrl, ...transport }),
  secrets: [CLIENT_ID, CLIENT_SECRET],
  interceptTrack: (scope, trackingNumber) => scope.get(`/mailpieces/v2/${encodeURIComponent(trackingNumber)}/events`),
  found: {
    trackingNumber: '090367574000000FE1E1B',
    response: { status: 200, body: fixture('mailpieces-v2-events-special-delivery.json') },
  },
  notFound: { trackingNumber: 'TT000000404GB', response: { status: 404, body: fixture('composed-404-E1142-not-recognised.json') } },
  unknownCode: {
    trackingNumber: 'TT000000009GB',
    response: { status: 200, body: fixture('composed-unknown-code.json') },
    rawCode: 'EVZZZ',
  },
  authFailure: { status: 401, body: fixture('composed-401-client-id-not-registered.json') },
  parse: parseRoyalMailEventsResponse,
});
