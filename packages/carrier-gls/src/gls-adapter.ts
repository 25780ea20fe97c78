import { InvalidNumberError, defineCarrier, type CarrierAdapter, type ClientCredentialSettings } from '@wismo/core';
import { clientCredentials, readGatewayErrorText } from '@wismo/core/internal';
import * as carrier from './gls-carrier';
import {
  glsDailyQuota,
  glsReference,
  glsUnitNumber,
  parseGlsDeliveryInfoResponse,
  parseGlsTrackResponse,
  type GlsParcelShopOutcome,
} from './parse-gls-response';

/** Your app's client id and secret on dev-portal.gls-group.net (`GLS_CLIENT_ID`, `GLS_CLIENT_SECRET`); `locale`: `EN` (default) or `DE`. */
export type GlsSettings = ClientCredentialSettings;

export interface GlsMethods {
  /** The ParcelShop a parcel was delivered to (DELIVEREDPS); GLS wants its original destination postal code. Never rejects. */
  parcelShop(
    trackingNumber: string,
    originalDestinationPostalCode: string,
    options?: { signal?: AbortSignal },
  ): Promise<GlsParcelShopOutcome>;
}

export type GlsAdapter = CarrierAdapter & GlsMethods;

/** Parcel numbers (11/12 digits), Track IDs (8), notification card ids (6/14); GLS's test parcels add `_`. */
const REFERENCE = /^[A-Z0-9_]{5,20}$/;

/**
 * Builds a GLS adapter (Track And Trace V1, OAuth client credentials); `.carrier` holds what the carrier registry reads. After
 * an Apigee QuotaViolation (the daily quota) it answers `rate_limited` at once until 00:00 GMT, not hitting a closed door.
 */
export const createGls = defineCarrier<GlsSettings, GlsMethods>({
  id: carrier.GLS_CARRIER_ID,
  name: carrier.GLS_CARRIER_NAME,
  capabilities: carrier.GLS_CAPABILITIES,
  contact: carrier.GLS_CONTACT,
  trackingUrl: carrier.glsTrackingUrl,
  baseUrl: carrier.GLS_PRODUCTION_BASE_URL,
  credentials: clientCredentials('GLS'),
  credentialsSource: 'an app with the Track And Trace API on dev-portal.gls-group.net',
  auth: { type: 'oauth-client-credentials', tokenPath: carrier.GLS_TOKEN_PATH, credentialsIn: 'basic' },
  locale: { form: 'hyphen', default: 'en' },
  normaliseNumber: glsReference,
  // The numbers travel comma-separated in the path: anything but letters, digits and `_` would break the batch.
  numberForm: { pattern: REFERENCE, rule: 'numbers are 5 to 20 letters and digits (parcel number, Track ID or notification card id)' },
  request: ({ trackingNumbers, locale }) => ({
    method: 'GET',
    url: `${carrier.GLS_TRACK_PATH}/${trackingNumbers.map(encodeURIComponent).join(',')}`,
    query: { showEvents: 'true', showLinks: 'false' },
    headers: { 'Accept-Language': (locale ?? 'en').slice(0, 2).toUpperCase() },
  }),
  parse: parseGlsTrackResponse,
  describeErrorBody: (body, now) => glsDailyQuota.describe(readGatewayErrorText(body), now),
  extend: (kit) => ({
    async parcelShop(trackingNumber, originalDestinationPostalCode, { signal } = {}) {
      const postalCode = originalDestinationPostalCode.trim();
      if (!postalCode) {
        const message = 'A GLS parcel number and the original destination postal code are needed to ask for the ParcelShop.';
        return { trackingNumber, ok: false, error: new InvalidNumberError(message, { carrierId: carrier.GLS_CARRIER_ID, trackingNumber }) };
      }
      return kit.requestAbout(trackingNumber, {
        what: 'ParcelShop',
        signal,
        // The endpoint takes the 11-digit unit number: a 12-digit label number loses its check digit.
        request: (reference) => ({
          method: 'GET',
          url: `${carrier.GLS_DELIVERY_INFO_PATH}/${encodeURIComponent(glsUnitNumber(reference))}`,
          query: { originaldestinationpostalcode: postalCode },
        }),
        parse: (httpStatus, body) => parseGlsDeliveryInfoResponse(httpStatus, body, trackingNumber, kit.now()),
      });
    },
  }),
  refineError: glsDailyQuota.refine,
  pauseAfterRateLimit: (kit) => glsDailyQuota.pause(() => kit.now().getTime()),
});

/** The GLS adapter configured from `GLS_CLIENT_ID` / `GLS_CLIENT_SECRET`, read when it is first used. */
export const gls = createGls();
