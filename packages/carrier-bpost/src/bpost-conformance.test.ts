import { readFileSync } from 'node:fs';
import { runCarrierConformance } from '@wismo/core/testing';
import { createBpost } from './bpost-adapter';
import { parseBpostTrackingResponse } from './parse-bpost-response';

function fixture(name: string): string {
  return readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');
}

const ACCOUNT_ID = 'conformance-bpost-account-3b7e';
const PASSPHRASE = 'conformance-bpost-passphrase-91c4d2';

runCarrierConformance({
  origin: 'https://bpost.conformance.test',
  createAdapter: ({ baseUrl, transport }) => createBpost({ accountId: ACCOUNT_ID, passphrase: PASSPHRASE, baseUrl, ...transport }),
  secrets: [ACCOUNT_ID, PASSPHRASE, Buffer.from(`${ACCOUNT_ID}:${PASSPHRASE}`).toString('base64')],
  interceptTrack: (scope, itemCode) => scope.get(`/services/trackedmail/item/${encodeURIComponent(itemCode)}/trackingInfo`),
  found: { trackingNumber: '323212345659900040669030', response: { status: 200, body: fixture('itemTracking-delivered.xml') } },
  // bpost's "empty XML" for an item it does not know (its support article; no recorded answer).
  notFound: { trackingNumber: '323299901259900012345630', response: { status: 200, body: '' } },
  unknownCode: {
    trackingNumber: '323299901259900012345630',
    response: { status: 200, body: fixture('composed-unknown-code.xml') },
    rawCode: 'Z99',
  },
  authFailure: { status: 401, body: '<html><body><h1>401 Unauthorized</h1></body></html>' },
  parse: parseBpostTrackingResponse,
});
