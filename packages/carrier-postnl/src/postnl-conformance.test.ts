import { readFileSync } from 'node:fs';
import { runCarrierConformance } from '@wismo/core/testing';
import { createPostnl } from './postnl-adapter';
import { parsePostnlStatusResponse } from './parse-postnl-response';

function fixture(name: string): object {
  return JSON.parse(readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8')) as object;
}

const API_KEY = 'conformance-postnl-api-key-5c9d1e';

runCarrierConformance({
  origin: 'https://postnl.conformance.test',
  createAdapter: ({ baseUrl, transport }) => createPostnl({ apiKey: API_KEY, baseUrl, ...transport }),
  secrets: [API_KEY],
  interceptTrack: (scope, trackingNumber) => scope.get(`/shipment/v2/status/barcode/${trackingNumber}`).query(true),
  found: { trackingNumber: '3SDEVC288882229', response: { status: 200, body: fixture('status-barcode-out-for-delivery.json') } },
  notFound: { trackingNumber: '3SDEVC999999999', response: { status: 200, body: fixture('composed-not-found-complete-status.json') } },
  unknownCode: {
    trackingNumber: '3SDEVC288882229',
    response: { status: 200, body: fixture('composed-unknown-code.json') },
    rawCode: 'ZZ9',
  },
  authFailure: { status: 401, body: fixture('composed-401-missing-api-key.json') },
  parse: parsePostnlStatusResponse,
});
