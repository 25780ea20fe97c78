import { readFileSync } from 'node:fs';
import { runCarrierConformance } from '@wismo/core/testing';
import { createCanadaPost } from './canadapost-adapter';
import { parseCanadaPostTrackResponse } from './parse-canadapost-response';
import { unwrapKarrioSample } from './__fixtures__/unwrap-karrio-sample';

function fixture(name: string): string {
  return unwrapKarrioSample(readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8'));
}

const USERNAME = 'conformance-canadapost-user-6e1d';
const PASSWORD = 'conformance-canadapost-password-0f27';

runCarrierConformance({
  origin: 'https://canadapost.conformance.test',
  createAdapter: ({ baseUrl, transport }) => createCanadaPost({ username: USERNAME, password: PASSWORD, baseUrl, ...transport }),
  secrets: [USERNAME, PASSWORD],
  interceptTrack: (scope, trackingNumber) => scope.get(`/vis/track/pin/${encodeURIComponent(trackingNumber)}/detail`),
  found: {
    trackingNumber: '7023210039414604',
    response: {
      status: 200,
      body: fixture('tracking-detail-delivered.xml'),
      headers: { 'Content-Type': 'application/vnd.cpc.track-v2+xml' },
    },
  },
  notFound: {
    trackingNumber: '1371134583769923',
    response: {
      status: 404,
      body: fixture('error-004-no-pin-history.xml'),
      headers: { 'Content-Type': 'application/vnd.cpc.track-v2+xml' },
    },
  },
  unknownCode: {
    trackingNumber: '1000000000000009',
    response: { status: 200, body: fixture('composed-unknown-code.xml'), headers: { 'Content-Type': 'application/vnd.cpc.track-v2+xml' } },
    rawCode: '9999',
  },
  authFailure: {
    status: 401,
    body: fixture('error-E002-auth-failure.xml'),
    headers: { 'Content-Type': 'application/vnd.cpc.track-v2+xml' },
  },
  parse: parseCanadaPostTrackResponse,
});
