import { readFileSync } from 'node:fs';
import { runCarrierConformance } from '@wismo/core/testing';
import { createAusPost } from './auspost-adapter';
import { parseAusPostTrackResponse } from './parse-auspost-response';

function fixture(name: string): object {
  return JSON.parse(readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8')) as object;
}

const API_KEY = 'conformance-auspost-api-key-7f3a';
const PASSWORD = 'conformance-auspost-password-19c2';
const ACCOUNT_NUMBER = '0009876543';

runCarrierConformance({
  origin: 'https://auspost.conformance.test',
  createAdapter: ({ baseUrl, transport }) =>
    createAusPost({ apiKey: API_KEY, password: PASSWORD, accountNumber: ACCOUNT_NUMBER, baseUrl, ...transport }),
  secrets: [API_KEY, PASSWORD],
  interceptTrack: (scope, trackingNumber) =>
    scope.get('/shipping/v1/track').query((query) => String(query.tracking_ids).split(',').includes(trackingNumber)),
  found: { trackingNumber: 'LX123456789US', response: { status: 200, body: fixture('track-multiple-ids.json') } },
  notFound: { trackingNumber: '7XX1000', response: { status: 200, body: fixture('per-id-error-ESB-10001.json') } },
  unknownCode: {
    trackingNumber: '33LPM0000009',
    response: { status: 200, body: fixture('composed-unknown-description.json') },
    rawCode: 'parcel redirected via parcel connect',
  },
  authFailure: { status: 401, body: fixture('composed-401-unauthorized.json') },
  parse: parseAusPostTrackResponse,
});
