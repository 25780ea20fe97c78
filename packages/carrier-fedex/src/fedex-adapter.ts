import { defineCarrier, type CarrierAdapter, type ClientCredentialSettings, type TrackContext } from '@wismo/core';
import { clientCredentials, relabelOutcome } from '@wismo/core/internal';
import * as carrier from './fedex-constants';
import {
  describeFedexErrorBody,
  fedexDailyQuota,
  fedexErrorResult,
  parseFedexProofOfDeliveryResponse,
  parseFedexTrackResponse,
  parseFedexTrackResults,
  type FedexNumberResult,
  type FedexProofOfDeliveryOutcome,
} from './parse-fedex-response';

/**
 * `clientId` and `clientSecret`: the FedEx project's API key and secret key. `baseUrl`: `https://apis.fedex.com`
 * (default), the sandbox `https://apis-sandbox.fedex.com` or a mock. `locale` is sent as `x-locale` (`en_US`; `de-DE`
 * is converted): FedEx localises event texts.
 */
export type FedexSettings = ClientCredentialSettings;

export interface FedexProofOfDeliveryOptions {
  /** `PDF` (default) or `PNG`. */
  format?: 'PDF' | 'PNG';
  signal?: AbortSignal;
}

export interface FedexMethods {
  /** Like `track`, with FedEx's unique id of the chosen result and the other results of a reused number (most recent first). */
  trackWithAlternatives(trackingNumbers: readonly string[], context?: TrackContext): Promise<FedexNumberResult[]>;
  /** Fetches the signature proof of delivery (SPOD) document. Never rejects. */
  proofOfDelivery(trackingNumber: string, options?: FedexProofOfDeliveryOptions): Promise<FedexProofOfDeliveryOutcome>;
}

export type FedexAdapter = CarrierAdapter & FedexMethods;

/**
 * A FedEx adapter: Track API v1 (`POST /track/v1/trackingnumbers`, up to 30 numbers a request) with OAuth client
 * credentials from the settings or `FEDEX_CLIENT_ID` / `FEDEX_CLIENT_SECRET`, checked when first used.
 */
export const createFedex = defineCarrier<FedexSettings, FedexMethods>({
  id: carrier.FEDEX_CARRIER_ID,
  name: carrier.FEDEX_CARRIER_NAME,
  capabilities: {
    maxNumbersPerRequest: carrier.FEDEX_MAX_NUMBERS_PER_REQUEST,
    rateLimit: { ...carrier.FEDEX_RATE_LIMIT },
    // FedEx sells tracking webhooks separately; this adapter polls.
    webhooks: false,
    proofOfDelivery: true,
    estimatedDelivery: true,
  },
  contact: carrier.FEDEX_CONTACT,
  trackingUrl: carrier.fedexTrackingUrl,
  baseUrl: carrier.FEDEX_PRODUCTION_BASE_URL,
  credentials: clientCredentials('FEDEX', { clientId: 'client id (API key)', clientSecret: 'client secret (secret key)' }),
  credentialsSource: 'a FedEx Developer Portal project with the Track API',
  auth: { type: 'oauth-client-credentials', tokenPath: '/oauth/token', credentialsIn: 'body' },
  locale: { form: 'underscore' },
  normaliseNumber: carrier.normaliseFedexTrackingNumber,
  request: ({ trackingNumbers, locale }) => ({
    method: 'POST',
    url: 'track/v1/trackingnumbers',
    json: {
      includeDetailedScans: true,
      trackingInfo: trackingNumbers.map((trackingNumber) => ({ trackingNumberInfo: { trackingNumber } })),
    },
    headers: locale ? { 'x-locale': locale } : undefined,
  }),
  parse: parseFedexTrackResponse,
  describeErrorBody: describeFedexErrorBody,
  refineError: fedexDailyQuota.refine,
  extend: (kit) => ({
    trackWithAlternatives: (trackingNumbers, context = {}) =>
      kit.track(trackingNumbers, context, {
        parse: parseFedexTrackResults,
        fail: fedexErrorResult,
        relabel: (result, requested) => ({ ...result, trackingNumber: requested, outcome: relabelOutcome(result.outcome, requested) }),
      }),
    proofOfDelivery: (trackingNumber, options = {}) =>
      kit.requestAbout(trackingNumber, {
        what: 'proof of delivery',
        request: (key) => ({
          method: 'POST',
          url: 'track/v1/trackingdocuments',
          json: {
            trackDocumentDetail: { documentType: 'SIGNATURE_PROOF_OF_DELIVERY', documentFormat: options.format ?? 'PDF' },
            trackDocumentSpecification: [{ trackingNumberInfo: { trackingNumber: key } }],
          },
        }),
        // FedEx's messages name the number as the caller wrote it.
        parse: (httpStatus, body) => parseFedexProofOfDeliveryResponse(httpStatus, body, trackingNumber),
        signal: options.signal,
      }),
  }),
});

/** The FedEx adapter configured from `FEDEX_CLIENT_ID` / `FEDEX_CLIENT_SECRET`, read when it is first used. */
export const fedex = createFedex();
