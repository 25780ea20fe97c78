import { readFileSync } from 'node:fs';
import { runCarrierConformance } from '@wismo/core/testing';
import { createLaposte } from './laposte-adapter';
import { parseLaposteTrackResponse } from './parse-laposte-response';

function fixture(name: string): object {
  return JSON.parse(readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8')) as object;
}

const API_KEY = 'conformance-laposte-okapi-key-3c9e1f';

runCarrierConformance({
  origin: 'https://laposte.conformance.test',
  createAdapter: ({ baseUrl, transport }) => createLaposte({ apiKey: API_KEY, baseUrl, ...transport }),
  secrets: [API_KEY],
  interceptTrack: (scope, trackingNumber) =>
    scope
      .get(
        (path) =>
          path.startsWith('/suivi/v2/idships/') &&
          decodeURIComponent(path.split('?')[0]!.split('/').pop()!).split(',').includes(trackingNumber),
      )
      .query(true),
  // The recorded Colissimo answer (an array, as the swagger types the 200 body).
  found: { trackingNumber: 'EW112720413FR', response: { status: 200, body: fixture('delivered-colissimo-suivi-v2.json') } },
  notFound: { trackingNumber: '6A26000000404', response: { status: 404, body: fixture('composed-404-not-yet-available.json') } },
  unknownCode: { trackingNumber: '6A26000000077', response: { status: 200, body: fixture('composed-unknown-code.json') }, rawCode: 'ZZ9' },
  authFailure: { status: 401, body: fixture('composed-401-okapi-invalid-key.json') },
  parse: parseLaposteTrackResponse,
});
