import {
  InvalidNumberError,
  RateLimitedError,
  defineCarrier,
  pauseAfterRateLimit,
  type CarrierAdapter,
  type CarrierSettings,
} from '@wismo/core';
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
  GLS_ERROR_CODES,
  describeGlsErrorBody,
  glsQuotaError,
  glsReference,
  glsUnitNumber,
  millisecondsUntilGlsQuotaReset,
  parseGlsDeliveryInfoResponse,
  parseGlsTrackResponse,
  type GlsParcelShopOutcome,
} from './parse-gls-response';

export interface GlsSettings extends CarrierSettings {
  /** OAuth client id of your app on dev-portal.gls-group.net. Default: `GLS_CLIENT_ID`. */
  clientId?: string;
  /** OAuth client secret. Default: `GLS_CLIENT_SECRET`. */
  clientSecret?: string;
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
const NOT_A_REFERENCE =
  'GLS numbers are 5 to 20 letters and digits (parcel number, Track ID or notification card id); this one is not, so it was not sent to GLS.';

const describedGls = defineCarrier<GlsSettings, GlsMethods>({
  id: GLS_CARRIER_ID,
  name: GLS_CARRIER_NAME,
  capabilities: GLS_CAPABILITIES,
  contact: GLS_CONTACT,
  trackingUrl: glsTrackingUrl,
  baseUrl: GLS_PRODUCTION_BASE_URL,
  credentials: {
    clientId: { environmentVariable: 'GLS_CLIENT_ID', label: 'client id' },
    clientSecret: { environmentVariable: 'GLS_CLIENT_SECRET', label: 'client secret' },
  },
  credentialsSource: 'an app with the Track And Trace API on dev-portal.gls-group.net',
  auth: {
    type: 'oauth-client-credentials',
    tokenPath: GLS_TOKEN_PATH,
    clientId: 'clientId',
    clientSecret: 'clientSecret',
    credentialsIn: 'basic',
  },
  locale: { form: 'hyphen', default: 'en' },
  normaliseNumber: glsReference,
  // The numbers travel comma-separated in the path: anything but letters, digits and `_` would break the batch.
  checkNumber: (reference) => (REFERENCE.test(reference) ? null : new InvalidNumberError(NOT_A_REFERENCE, { carrierId: GLS_CARRIER_ID })),
  request: ({ trackingNumbers, locale }) => ({
    method: 'GET',
    url: `${GLS_TRACK_PATH}/${trackingNumbers.map(encodeURIComponent).join(',')}`,
    query: { showEvents: 'true', showLinks: 'false' },
    headers: { 'Accept-Language': (locale ?? 'en').slice(0, 2).toUpperCase() },
  }),
  parse: parseGlsTrackResponse,
  describeErrorBody: (body, now) => {
    let described;
    try {
      described = describeGlsErrorBody(JSON.parse(body));
    } catch {
      return undefined;
    }
    // A spent daily quota comes without Retry-After: waiting within this run will not help.
    if (!described?.codes.includes(GLS_ERROR_CODES.quotaViolation)) return described;
    return { ...described, retryAfterMs: millisecondsUntilGlsQuotaReset(now.getTime()), retryable: false };
  },
  extend: (kit) => ({
    async parcelShop(trackingNumber, originalDestinationPostalCode, options = {}) {
      // The endpoint takes the 11-digit unit number: a 12-digit label number loses its check digit.
      const unitno = glsUnitNumber(glsReference(trackingNumber));
      const postalCode = originalDestinationPostalCode.trim();
      if (!REFERENCE.test(unitno) || postalCode === '') {
        return {
          trackingNumber,
          ok: false,
          error: new InvalidNumberError(
            'A GLS parcel number and the original destination postal code are needed to ask for the ParcelShop.',
            { carrierId: GLS_CARRIER_ID, trackingNumber },
          ),
        };
      }
      try {
        const response = await kit.connect().http.request({
          method: 'GET',
          url: `${GLS_DELIVERY_INFO_PATH}/${encodeURIComponent(unitno)}`,
          query: { originaldestinationpostalcode: postalCode },
          signal: options.signal,
        });
        return parseGlsDeliveryInfoResponse(response.status, kit.readBody(response), trackingNumber, kit.now().getTime());
      } catch (error) {
        return { trackingNumber, ok: false, error: kit.asError(error).forTrackingNumber(trackingNumber) };
      }
    },
  }),
  refineError: (error, now) =>
    error.code === 'rate_limited' && error.carrierCodes.includes(GLS_ERROR_CODES.quotaViolation)
      ? glsQuotaError(error.httpStatus, now.getTime(), error.carrierCodes)
      : error,
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
    pauseAfterRateLimit(describedGls(settings), {
      now: () => (settings.clock ?? (() => new Date()))().getTime(),
      pauseMs: (error) => (error.carrierCodes.includes(GLS_ERROR_CODES.quotaViolation) ? error.retryAfterMs : null),
      pausedError: (waitMs, trackingNumber) =>
        new RateLimitedError(
          `GLS's daily quota was used up; not calling GLS again for ${Math.ceil(waitMs / 60_000)} min (until 00:00 GMT).`,
          {
            carrierId: GLS_CARRIER_ID,
            httpStatus: 429,
            carrierCodes: [GLS_ERROR_CODES.quotaViolation],
            retryAfterMs: waitMs,
            trackingNumber,
          },
        ),
    }),
  { carrier: describedGls.carrier },
);

/** The GLS adapter configured from `GLS_CLIENT_ID` / `GLS_CLIENT_SECRET`, read when it is first used. */
export const gls = createGls();
