import { defineCarrier, parseJsonBody, type CarrierSettings } from '@wismo/core';
import { rateLimitCooldown } from '@wismo/core/internal';
import * as carrier from './dhl-carrier';
import { describeDhlProblem, parseDhlTrackResponse } from './parse-dhl-response';

export interface DhlSettings extends CarrierSettings {
  /** The Unified tracking API key from developer.dhl.com. Default: `DHL_API_KEY`. */
  apiKey?: string;
  /** Hint which DHL business unit to ask; without it DHL may answer with another unit's shipment of the same id. */
  service?: carrier.DhlService;
  /** ISO 3166-1 alpha-2 country of the consumer of the answer (optimises the answer). */
  requesterCountryCode?: string;
  /** ISO 3166-1 alpha-2 origin country; qualifies the number (needed for `dsc`). */
  originCountryCode?: string;
  /** Recipient postal code; parcel-de and parcel-nl only return the full data set with it. */
  recipientPostalCode?: string;
  /** ISO 639-1 language of the texts (DHL default `en`). Falls back to the call's `locale`. */
  language?: string;
  /**
   * How long to answer `rate_limited` without calling DHL after a 429 outlived the retries. DHL's daily quota
   * answers 429 until 24:00 GMT; this keeps a batch from spending a request and the retry backoff on every number.
   * Default 60 s.
   */
  rateLimitCooldownMs?: number;
}

/**
 * Builds the DHL Shipment Tracking – Unified adapter (`GET /track/shipments`, one number per request, the API key
 * in the `DHL-API-Key` header). Numbers are tracked one after the other: after a 429 that outlived the retries
 * (most likely the daily quota), the rest answer `rate_limited` at once for `rateLimitCooldownMs`. Also the facts the
 * carrier registry reads (id, credentials, environment variable).
 */
export const createDhl = defineCarrier<DhlSettings>({
  id: carrier.DHL_CARRIER_ID,
  name: carrier.DHL_CARRIER_NAME,
  capabilities: carrier.DHL_CAPABILITIES,
  contact: carrier.DHL_CONTACT,
  trackingUrl: carrier.dhlTrackingUrl,
  baseUrl: carrier.DHL_PRODUCTION_BASE_URL,
  credentials: { apiKey: { environmentVariable: 'DHL_API_KEY', label: 'API key' } },
  credentialsSource: 'an app for "Shipment Tracking - Unified" on developer.dhl.com',
  auth: { type: 'api-key-header', header: 'DHL-API-Key', apiKey: 'apiKey' },
  request: ({ trackingNumbers: [trackingNumber], locale, settings }) => ({
    method: 'GET',
    url: carrier.DHL_TRACK_PATH,
    query: {
      trackingNumber,
      service: settings.service,
      requesterCountryCode: settings.requesterCountryCode,
      originCountryCode: settings.originCountryCode,
      recipientPostalCode: settings.recipientPostalCode,
      // `de-DE` → `de`: DHL wants ISO 639-1 and falls back to English where a language is missing.
      language: settings.language ?? /^([a-z]{2})(?:[-_]|$)/i.exec(locale?.trim() ?? '')?.[1]?.toLowerCase(),
    },
  }),
  // DHL answers some errors with an empty body: that is "no body", not broken JSON.
  readBody: (response) => (response.body.trim() === '' ? null : parseJsonBody(response, carrier.DHL_CARRIER_NAME, carrier.DHL_CARRIER_ID)),
  parse: parseDhlTrackResponse,
  // A body that is not JSON makes `JSON.parse` throw: the transport takes that as a body without words.
  describeErrorBody: (body) => describeDhlProblem(JSON.parse(body)),
  pauseAfterRateLimit: ({ settings, now }) =>
    rateLimitCooldown({
      carrierId: carrier.DHL_CARRIER_ID,
      cooldownMs: settings.rateLimitCooldownMs ?? 60_000,
      now: () => now().getTime(),
      oneAtATime: true,
      pausedMessage: (waitMs) =>
        `DHL answered 429 to the last requests; not calling it again for ${Math.ceil(waitMs / 1000)} s. The default plan allows ${carrier.DHL_DAILY_QUOTA_DEFAULT} calls a day (reset 24:00 GMT) and 1 a second.`,
    }),
});

/** The DHL adapter configured from `DHL_API_KEY`, read when it is first used. */
export const dhl = createDhl();
