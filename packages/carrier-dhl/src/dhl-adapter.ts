import {
  BadResponseError,
  CARRIER_ADAPTER_SPEC_VERSION,
  ConfigurationError,
  InvalidNumberError,
  RateLimitedError,
  WismoError,
  createHttpClient,
  errorOutcome,
  loadSetting,
  logSafely,
  parseJsonBody,
  registerSecret,
  type CarrierAdapter,
  type HttpClient,
  type TrackContext,
  type TrackOutcome,
  type TransportSettings,
} from '@wismo/core';
import {
  DHL_API_KEY_ENVIRONMENT_VARIABLE,
  DHL_CAPABILITIES,
  DHL_CARRIER_ID,
  DHL_CARRIER_NAME,
  DHL_CONTACT,
  DHL_DAILY_QUOTA_DEFAULT,
  DHL_PRODUCTION_BASE_URL,
  DHL_TRACK_PATH,
  dhlTrackingUrl,
  type DhlService,
} from './dhl-carrier';
import { describeDhlProblem, parseDhlTrackResponse } from './parse-dhl-response';

export interface DhlSettings extends TransportSettings {
  /** The Unified tracking API key from developer.dhl.com. Default: `DHL_API_KEY`. */
  apiKey?: string;
  /** Default `DHL_PRODUCTION_BASE_URL`; point it at a mock or `DHL_SANDBOX_BASE_URL`. */
  baseUrl?: string;
  /** Hint which DHL business unit to ask; without it DHL may answer with another unit's shipment of the same id. */
  service?: DhlService;
  /** ISO 3166-1 alpha-2 country of the consumer of the answer (optimises the answer). */
  requesterCountryCode?: string;
  /** ISO 3166-1 alpha-2 origin country; qualifies the number (needed for `dsc`). */
  originCountryCode?: string;
  /** Recipient postal code; parcel-de and parcel-nl only return the full data set with it. */
  recipientPostalCode?: string;
  /** ISO 639-1 language of the texts (DHL default `en`). Falls back to the call's `locale`. */
  language?: string;
  /**
   * How long to answer `rate_limited` without calling DHL after a 429 outlived the retries.
   * DHL's daily quota answers 429 until 24:00 GMT; this keeps a batch from spending a request and
   * the retry backoff on every number. Default 60 s.
   */
  rateLimitCooldownMs?: number;
  /** The clock for `fetchedAt` (tests). */
  clock?: () => Date;
}

/** Creates the DHL Shipment Tracking – Unified adapter. Throws `ConfigurationError` without an API key. */
export function dhl(settings: DhlSettings = {}): CarrierAdapter {
  const apiKey = loadSetting(settings.apiKey, DHL_API_KEY_ENVIRONMENT_VARIABLE);
  if (!apiKey) {
    throw new ConfigurationError(
      `DHL needs an API key: pass \`apiKey\` or set ${DHL_API_KEY_ENVIRONMENT_VARIABLE} (create an app for "Shipment Tracking - Unified" on developer.dhl.com)`,
      { carrierId: DHL_CARRIER_ID },
    );
  }
  registerSecret(apiKey);

  const {
    apiKey: _apiKey,
    baseUrl,
    service,
    requesterCountryCode,
    originCountryCode,
    recipientPostalCode,
    language,
    rateLimitCooldownMs = 60_000,
    clock = () => new Date(),
    ...transport
  } = settings;

  const client: HttpClient = createHttpClient({
    ...transport,
    carrierId: DHL_CARRIER_ID,
    carrierName: DHL_CARRIER_NAME,
    baseUrl: baseUrl ?? DHL_PRODUCTION_BASE_URL,
    defaultHeaders: { 'DHL-API-Key': apiKey },
    defaultRateLimit: DHL_CAPABILITIES.rateLimit,
    describeErrorBody: (body) => {
      try {
        const described = describeDhlProblem(JSON.parse(body));
        return described.isProblem ? { message: described.message, codes: described.codes } : undefined;
      } catch {
        return undefined;
      }
    },
  });

  /** Until when (epoch ms) every call answers `rate_limited` without reaching DHL. */
  let rateLimitedUntil = 0;

  async function trackOne(trackingNumber: string, context: TrackContext): Promise<TrackOutcome> {
    const query = trackingNumber.trim();
    if (query === '') {
      return errorOutcome(trackingNumber, new InvalidNumberError('The tracking number is empty', { carrierId: DHL_CARRIER_ID, trackingNumber }));
    }
    const waitMs = rateLimitedUntil - Date.now();
    if (waitMs > 0) {
      return errorOutcome(
        trackingNumber,
        new RateLimitedError(
          `DHL answered 429 to the last requests; not calling it again for ${Math.ceil(waitMs / 1000)} s. The default plan allows ${DHL_DAILY_QUOTA_DEFAULT} calls a day (reset 24:00 GMT) and 1 a second.`,
          { carrierId: DHL_CARRIER_ID, httpStatus: 429, retryAfterMs: waitMs, trackingNumber },
        ),
      );
    }
    try {
      const response = await client.request({
        method: 'GET',
        url: DHL_TRACK_PATH,
        query: {
          trackingNumber: query,
          service,
          requesterCountryCode,
          originCountryCode,
          recipientPostalCode,
          language: language ?? languageOf(context.locale),
        },
        signal: context.signal,
      });
      const body = response.body.trim() === '' ? null : parseJsonBody(response, DHL_CARRIER_NAME, DHL_CARRIER_ID);
      return parseDhlTrackResponse({ httpStatus: response.status, body, trackingNumbers: [trackingNumber], fetchedAt: clock(), includeRaw: context.includeRaw })[0]!;
    } catch (error) {
      // The transport and the parser only throw WismoErrors; anything else is a bug, reported, not thrown.
      const wismoError = WismoError.isInstance(error)
        ? error
        : new BadResponseError(`Unexpected error while tracking with DHL: ${String((error as Error)?.message ?? error)}`, { carrierId: DHL_CARRIER_ID, cause: error });
      if (!WismoError.isInstance(error)) logSafely(context.logger ?? settings.logger, 'error', wismoError.message);
      if (wismoError.code === 'rate_limited') {
        // Retries are spent: most likely the daily quota. Fail fast for a while instead of hammering DHL.
        rateLimitedUntil = Date.now() + Math.max(rateLimitCooldownMs, wismoError.retryAfterMs ?? 0);
      }
      return errorOutcome(trackingNumber, wismoError);
    }
  }

  return {
    specVersion: CARRIER_ADAPTER_SPEC_VERSION,
    id: DHL_CARRIER_ID,
    name: DHL_CARRIER_NAME,
    contact: DHL_CONTACT,
    capabilities: DHL_CAPABILITIES,
    trackingUrl: dhlTrackingUrl,
    async track(trackingNumbers, context = {}) {
      // One number per request; the shared rate limiter paces them (1 a second by default).
      const outcomes: TrackOutcome[] = [];
      for (const trackingNumber of trackingNumbers) outcomes.push(await trackOne(trackingNumber, context));
      return outcomes;
    },
  };
}

/** Alias of `dhl`, named like other wismo factories. */
export const createDhl = dhl;

/** `de-DE` → `de`; DHL wants ISO 639-1 and falls back to English where a language is missing. */
function languageOf(locale: string | undefined): string | undefined {
  const match = locale ? /^([a-z]{2})(?:[-_]|$)/i.exec(locale.trim()) : null;
  return match ? match[1]!.toLowerCase() : undefined;
}
