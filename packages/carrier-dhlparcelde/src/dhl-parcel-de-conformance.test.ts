import { readFileSync } from 'node:fs';
import { runCarrierConformance } from '@wismo/core/testing';
import { createDhlParcelDe } from './dhl-parcel-de-adapter';
import { DHL_PARCEL_DE_TRACK_PATH } from './dhl-parcel-de-carrier';
import { parseDhlParcelDeResponse } from './parse-dhl-parcel-de-response';

function fixture(name: string): string {
  return readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');
}

const API_KEY = 'conformance-parcel-de-key-4b1d';
const API_SECRET = 'conformance-parcel-de-secret-77ac0';
const USERNAME = 'conformance-portal-user-5e';
const PASSWORD = 'conformance-portal-password-c93';

runCarrierConformance({
  origin: 'https://dhl-parcel-de.conformance.test',
  createAdapter: ({ baseUrl, transport }) =>
    createDhlParcelDe({ apiKey: API_KEY, apiSecret: API_SECRET, username: USERNAME, password: PASSWORD, baseUrl, ...transport }),
  secrets: [API_KEY, API_SECRET, USERNAME, PASSWORD],
  // The number travels inside the XML of `?xml=`.
  interceptTrack: (scope, trackingNumber) =>
    scope
      .get(DHL_PARCEL_DE_TRACK_PATH)
      .query((query) => typeof query.xml === 'string' && query.xml.includes(`piece-code="${trackingNumber}"`)),
  found: {
    trackingNumber: '00340434161094015902',
    response: { status: 200, body: fixture('d-get-piece-detail-delivered.xml'), headers: { 'Content-Type': 'application/xml' } },
  },
  notFound: {
    trackingNumber: '00340434161094022115',
    response: { status: 200, body: fixture('error-response.xml'), headers: { 'Content-Type': 'application/xml' } },
  },
  unknownCode: {
    trackingNumber: '00340434161094015902',
    response: { status: 200, body: fixture('composed-unknown-code.xml'), headers: { 'Content-Type': 'application/xml' } },
    rawCode: 'ZZZZZ/ZZZZZ/QQ',
  },
  authFailure: { status: 401, body: { status: 401, title: 'Unauthorized', detail: 'Invalid credentials' } },
  parse: parseDhlParcelDeResponse,
});
