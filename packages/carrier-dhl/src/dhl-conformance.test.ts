import { readFileSync } from 'node:fs';
import { runCarrierConformance } from '@wismo/core/testing';
import { createDhl } from './dhl-adapter';
import { DHL_TRACK_PATH } from './dhl-carrier';
import { parseDhlTrackResponse } from './parse-dhl-response';

const SECRET_KEY = 'conformance-dhl-api-key-0f3b2c7d9e';

function fixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8')) as Record<string, unknown>;
}

/** The real parcel-de sample with one event's statusCode replaced by one DHL has not documented. */
function withUnknownCode(rawCode: string): Record<string, unknown> {
  const body = fixture('delivered-parcel-de-real-german.json') as { shipments: Array<{ events: Array<{ statusCode: string }> }> };
  body.shipments[0]!.events[2]!.statusCode = rawCode;
  return body;
}

runCarrierConformance({
  origin: 'https://dhl.conformance.test',
  parse: parseDhlTrackResponse,
  createAdapter: ({ baseUrl, transport }) => createDhl({ apiKey: SECRET_KEY, baseUrl, ...transport }),
  secrets: [SECRET_KEY],
  interceptTrack: (scope, trackingNumber) => scope.get(DHL_TRACK_PATH).query((query) => query.trackingNumber === trackingNumber),
  found: { trackingNumber: '470800204932', response: { status: 200, body: fixture('delivered-parcel-de-real-german.json') } },
  notFound: { trackingNumber: '8264715546', response: { status: 404, body: fixture('error-404-no-shipment-found.json') } },
  unknownCode: {
    trackingNumber: '470800204932',
    response: { status: 200, body: withUnknownCode('return-to-origin') },
    rawCode: 'return-to-origin',
  },
  authFailure: { status: 401, body: fixture('composed-error-401-unauthorized.json') },
});
