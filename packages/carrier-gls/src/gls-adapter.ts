import { InvalidNumberError, defineCarrier, pauseAfterRateLimit, type CarrierAdapter, type ClientCredentialSettings } from '@wismo/core';
import { clientCredentials, readGatewayErrorText } from '@wismo/core/internal';
import {
  GLS_CAPABILITIES,
  GLS_CARRIER_ID,
  GLS_CARRIER_NAME,
  GLS_CONTACT,
  GLS_DELIVERY_INFO_PATH,
  GLS_PRODUCTION_BASE_URL,
  GLS_TOKEN_PATH,
  GLS_TRACK_PATH,
  glsTrackingUrl,
} from './gls-carrier';
import {
  glsDailyQuota,
  glsReference,
  glsUnitNumber,
  parseGlsDeliveryInfoResponse,
  parseGlsTrackResponse,
  type GlsParcelShopOutcome,
} from './parse-gls-response';

/** The OAuth client id and secret of your app on dev-portal.gls-group.net (`GLS_CLIENT_ID`, `GLS_CLIENT_SECRET`). */
export interface GlsSettings extends ClientCredentialSettings {
  /** `Accept-Language` for the event texts: `EN` (default) or `DE`; a locale such as `de-DE` also works. */
  locale?: string;
}

export interface GlsMethods {
  /**
   * The ParcelShop a parcel was delivered to (status DELIVEREDPS), from the delivery-info endpoint. GLS wants the
   * parcel's original destination postal code with it. Never rejects.
   */
  parcelShop(
    trackingNumber: string,
    originalDestinationPostalCode: string,
    options?: { signal?: AbortSignal },
  ): Promise<GlsParcelShopOutcome>;
}

export type GlsAdapter = CarrierAdapter & GlsMethods;

/** Parcel numbers (11/12 digits), Track IDs (8), notification card ids (6/14); GLS's test parcels add `_`. */
const REFERENCE = /^[A-Z0-9_]{5,20}$/;

const describedGls = defineCarrier<GlsSettings, GlsMethods>({
  id: GLS_CARRIER_ID,
  name: GLS_CARRIER_NAME,
  capabilities: GLS_CAPABILITIES,
  contact: GLS_CONTACT,
  trackingUrl: glsTrackingUrl,
  baseUrl: GLS_PRODUCTION_BASE_URL,
  credentials: clientCredentials('GLS'),
  credentialsSource: 'an app with the Track And Trace API on dev-portal.gls-group.net',
  auth: { type: 'oauth-client-credentials', tokenPath: GLS_TOKEN_PATH, credentialsIn: 'basic' },
  locale: { form: 'hyphen', default: 'en' },
  normaliseNumber: glsReference,
  // The numbers travel comma-separated in the path: anything but letters, digits and `_` would break the batch.
  numberForm: { pattern: REFERENCE, rule: 'numbers are 5 to 20 letters and digits (parcel number, Track ID or notification card id)' },
  request: ({ trackingNumbers, locale }) => ({
    method: 'GET',
    url: `${GLS_TRACK_PATH}/${trackingNumbers.map(encodeURIComponent).join(',')}`,
    query: { showEvents: 'true', showLinks: 'false' },
    headers: { 'Accept-Language': (locale ?? 'en').slice(0, 2).toUpperCase() },
  }),
  parse: parseGlsTrackResponse,
  describeErrorBody: (body, now) => glsDailyQuota.describe(readGatewayErrorText(body), now),
  extend: (kit) => ({
    async parcelShop(trackingNumber, originalDestinationPostalCode, options = {}) {
      const postalCode = originalDestinationPostalCode.trim();
      if (postalCode === '') {
        const message = 'A GLS parcel number and the original destination postal code are needed to ask for the ParcelShop.';
        return { trackingNumber, ok: false, error: new InvalidNumberError(message, { carrierId: GLS_CARRIER_ID, trackingNumber }) };
      }
      return kit.requestAbout(trackingNumber, {
        what: 'ParcelShop',
        signal: options.signal,
        // The endpoint takes the 11-digit unit number: a 12-digit label number loses its check digit.
        request: (reference) => ({
          method: 'GET',
          url: `${GLS_DELIVERY_INFO_PATH}/${encodeURIComponent(glsUnitNumber(reference))}`,
          query: { originaldestinationpostalcode: postalCode },
        }),
        parse: (httpStatus, body) => parseGlsDeliveryInfoResponse(httpStatus, body, trackingNumber, kit.now().getTime()),
      });
    },
  }),
  refineError: glsDailyQuota.refine,
});

/**
 * Builds a GLS adapter: Track And Trace V1 (`GET /track-and-trace-v1/tracking/simple/references/{references}`,
 * up to 10 numbers per request) with OAuth client credentials (HTTP Basic, `/oauth2/v2/token`). After an
 * Apigee QuotaViolation (the daily quota, 500 by default) it stops calling GLS until 00:00 GMT and answers
 * `rate_limited` at once, so a long run does not keep hitting a closed door. Also the facts the carrier registry
 * reads (id, credentials, environment variables).
 */
export const createGls = Object.assign(
  (settings: GlsSettings = {}): GlsAdapter =>
    pauseAfterRateLimit(
      describedGls(settings),
      glsDailyQuota.pause(() => (settings.clock ?? (() => new Date()))().getTime()),
    ),
  { carrier: describedGls.carrier },
);

/** The GLS adapter configured from `GLS_CLIENT_ID` / `GLS_CLIENT_SECRET`, read when it is first used. */
export const gls = createGls();
