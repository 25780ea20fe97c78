import {
  BadResponseError,
  CARRIER_ADAPTER_SPEC_VERSION,
  ConfigurationError,
  InvalidNumberError,
  WismoError,
  createHttpClient,
  createOAuthClientCredentials,
  errorOutcome,
  loadSetting,
  parseJsonBody,
  registerSecret,
  successOutcome,
  type CarrierAdapter,
  type TrackContext,
  type TrackOutcome,
  type TransportSettings,
} from '@wismo/core';
import {
  FEDEX_CAPABILITIES,
  FEDEX_CARRIER_ID,
  FEDEX_CARRIER_NAME,
  FEDEX_CLIENT_ID_ENV,
  FEDEX_CLIENT_SECRET_ENV,
  FEDEX_CONTACT,
  FEDEX_MAX_NUMBERS_PER_REQUEST,
  FEDEX_PRODUCTION_BASE_URL,
  FEDEX_RATE_LIMIT,
  fedexTrackingUrl,
  normaliseFedexTrackingNumber,
} from './fedex-constants';
import {
  describeFedexErrorBody,
  parseFedexProofOfDeliveryResponse,
  parseFedexTrackResults,
  refineFedexRateLimit,
  type FedexNumberResult,
  type FedexProofOfDeliveryOutcome,
} from './parse-fedex-response';

export interface FedexSettings extends TransportSettings {
  /** FedEx project API key ("client id"). Default: the `FEDEX_CLIENT_ID` environment variable. */
  clientId?: string;
  /** FedEx project secret key. Default: the `FEDEX_CLIENT_SECRET` environment variable. */
  clientSecret?: string;
  /** API origin: `FEDEX_PRODUCTION_BASE_URL` (default), `FEDEX_SANDBOX_BASE_URL` or a local mock. */
  baseUrl?: string;
  /** OAuth token endpoint. Default: `{baseUrl}/oauth/token`. */
  authUrl?: string;
  /** Sent as `x-locale` (e.g. `en_US`, `de_DE`) when a call gives no `locale`; FedEx localises event texts. */
  locale?: string;
  /** The clock for `fetchedAt` (tests). Default: `() => new Date()`. */
  clock?: () => Date;
}

export interface FedexProofOfDeliveryOptions {
  /** `PDF` (default) or `PNG`. */
  format?: 'PDF' | 'PNG';
  signal?: AbortSignal;
}

export interface FedexAdapter extends CarrierAdapter {
  /**
   * Like `track`, with what the shared contract has no room for: FedEx's unique id of the chosen result and the other
   * results FedEx returned for a reused number (`alternatives`, most recent first).
   */
  trackWithAlternatives(trackingNumbers: readonly string[], context?: TrackContext): Promise<FedexNumberResult[]>;
  /** Fetches the signature proof of delivery (SPOD) document. Never rejects. */
  proofOfDelivery(trackingNumber: string, options?: FedexProofOfDeliveryOptions): Promise<FedexProofOfDeliveryOutcome>;
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let index = 0; index < items.length; index += size) chunks.push(items.slice(index, index + size));
  return chunks;
}

/** `en-US` → `en_US`, the form FedEx's `x-locale` header takes. */
function fedexLocale(locale: string | undefined): Record<string, string> {
  return locale ? { 'x-locale': locale.replace('-', '_') } : {};
}

function asWismoError(error: unknown, nowMs: number): WismoError {
  if (WismoError.isInstance(error)) return refineFedexRateLimit(error, nowMs);
  // Only a bug gets here (the transport and the parser raise WismoErrors); `track` still must not reject.
  return new BadResponseError(`FedEx adapter failed unexpectedly: ${String((error as Error)?.message ?? error)}`, { carrierId: FEDEX_CARRIER_ID, cause: error });
}

function relabel(result: FedexNumberResult, requested: string): FedexNumberResult {
  if (result.trackingNumber === requested) return result;
  const outcome: TrackOutcome = result.outcome.ok
    ? successOutcome({ ...result.outcome.shipment, trackingNumber: requested })
    : errorOutcome(requested, result.outcome.error);
  return { ...result, trackingNumber: requested, outcome };
}

/**
 * The FedEx adapter: Track API v1 (`POST /track/v1/trackingnumbers`, up to 30 numbers a request) with OAuth client
 * credentials. Credentials come from the settings or `FEDEX_CLIENT_ID` / `FEDEX_CLIENT_SECRET`.
 */
export function fedex(settings: FedexSettings = {}): FedexAdapter {
  const { clientId: clientIdSetting, clientSecret: clientSecretSetting, baseUrl: baseUrlSetting, authUrl, locale: defaultLocale, clock, ...transport } = settings;
  const clientId = loadSetting(clientIdSetting, FEDEX_CLIENT_ID_ENV);
  const clientSecret = loadSetting(clientSecretSetting, FEDEX_CLIENT_SECRET_ENV);
  if (!clientId || !clientSecret) {
    const missing = [!clientId && `clientId (or ${FEDEX_CLIENT_ID_ENV})`, !clientSecret && `clientSecret (or ${FEDEX_CLIENT_SECRET_ENV})`].filter(Boolean).join(' and ');
    throw new ConfigurationError(
      `FedEx: ${missing} is missing. Pass it to fedex({ clientId, clientSecret }) or set ${FEDEX_CLIENT_ID_ENV} and ${FEDEX_CLIENT_SECRET_ENV}; the API key and secret key of a FedEx Developer Portal project with the Track API.`,
      { carrierId: FEDEX_CARRIER_ID },
    );
  }
  registerSecret(clientId);
  registerSecret(clientSecret);
  const now = clock ?? (() => new Date());
  const baseUrl = (baseUrlSetting ?? FEDEX_PRODUCTION_BASE_URL).replace(/\/+$/, '');
  const auth = createOAuthClientCredentials({
    carrierId: FEDEX_CARRIER_ID,
    carrierName: FEDEX_CARRIER_NAME,
    tokenUrl: authUrl ?? `${baseUrl}/oauth/token`,
    clientId,
    clientSecret,
    credentialsIn: 'body',
    timeoutMs: transport.timeoutMs,
    retries: transport.retries,
    retryMinDelayMs: transport.retryMinDelayMs,
    retryMaxDelayMs: transport.retryMaxDelayMs,
    logger: transport.logger,
    axiosInstance: transport.axiosInstance,
  });
  const http = createHttpClient({
    ...transport,
    carrierId: FEDEX_CARRIER_ID,
    carrierName: FEDEX_CARRIER_NAME,
    baseUrl,
    auth,
    defaultRateLimit: FEDEX_RATE_LIMIT,
    describeErrorBody: (body) => describeFedexErrorBody(body, now().getTime()),
  });

  async function trackChunk(numbers: string[], context: TrackContext): Promise<FedexNumberResult[]> {
    try {
      const response = await http.request({
        method: 'POST',
        url: 'track/v1/trackingnumbers',
        json: { includeDetailedScans: true, trackingInfo: numbers.map((trackingNumber) => ({ trackingNumberInfo: { trackingNumber } })) },
        headers: fedexLocale(context.locale ?? defaultLocale),
        signal: context.signal,
      });
      const body = parseJsonBody(response, FEDEX_CARRIER_NAME, FEDEX_CARRIER_ID);
      return parseFedexTrackResults({ httpStatus: response.status, body, trackingNumbers: numbers, fetchedAt: now(), includeRaw: context.includeRaw });
    } catch (error) {
      const failure = asWismoError(error, now().getTime());
      return numbers.map((trackingNumber) => ({ trackingNumber, outcome: errorOutcome(trackingNumber, failure), uniqueId: null, alternatives: [] }));
    }
  }

  async function trackWithAlternatives(trackingNumbers: readonly string[], context: TrackContext = {}): Promise<FedexNumberResult[]> {
    const keys = trackingNumbers.map((number) => normaliseFedexTrackingNumber(String(number ?? '')));
    // Each distinct number is sent once, in batches of at most 30 (FedEx's limit).
    const unique = [...new Set(keys.filter((key) => key !== ''))];
    const byNumber = new Map<string, FedexNumberResult>();
    const batches = await Promise.all(chunk(unique, FEDEX_MAX_NUMBERS_PER_REQUEST).map((numbers) => trackChunk(numbers, context)));
    for (const batch of batches) for (const result of batch) byNumber.set(result.trackingNumber, result);
    return trackingNumbers.map((requested, index) => {
      const result = byNumber.get(keys[index]!);
      if (!result) {
        const error = new InvalidNumberError('An empty tracking number cannot be tracked.', { carrierId: FEDEX_CARRIER_ID, trackingNumber: requested });
        return { trackingNumber: requested, outcome: errorOutcome(requested, error), uniqueId: null, alternatives: [] };
      }
      return relabel(result, requested);
    });
  }

  async function proofOfDelivery(trackingNumber: string, options: FedexProofOfDeliveryOptions = {}): Promise<FedexProofOfDeliveryOutcome> {
    const key = normaliseFedexTrackingNumber(trackingNumber);
    if (key === '') {
      return { trackingNumber, ok: false, error: new InvalidNumberError('An empty tracking number has no proof of delivery.', { carrierId: FEDEX_CARRIER_ID, trackingNumber }) };
    }
    try {
      const response = await http.request({
        method: 'POST',
        url: 'track/v1/trackingdocuments',
        json: {
          trackDocumentDetail: { documentType: 'SIGNATURE_PROOF_OF_DELIVERY', documentFormat: options.format ?? 'PDF' },
          trackDocumentSpecification: [{ trackingNumberInfo: { trackingNumber: key } }],
        },
        signal: options.signal,
      });
      const outcome = parseFedexProofOfDeliveryResponse(response.status, parseJsonBody(response, FEDEX_CARRIER_NAME, FEDEX_CARRIER_ID), trackingNumber);
      return outcome;
    } catch (error) {
      return { trackingNumber, ok: false, error: asWismoError(error, now().getTime()).forTrackingNumber(trackingNumber) };
    }
  }

  return {
    specVersion: CARRIER_ADAPTER_SPEC_VERSION,
    id: FEDEX_CARRIER_ID,
    name: FEDEX_CARRIER_NAME,
    contact: FEDEX_CONTACT,
    capabilities: FEDEX_CAPABILITIES,
    trackingUrl: fedexTrackingUrl,
    async track(trackingNumbers, context) {
      const results = await trackWithAlternatives(trackingNumbers, context);
      return results.map((result) => result.outcome);
    },
    trackWithAlternatives,
    proofOfDelivery,
  };
}

/** Alias of `fedex`, for those who prefer the `createX` factory name. */
export const createFedex = fedex;

/** The signature proof of delivery of a delivered FedEx parcel, through an adapter made by `fedex()`. */
export function fedexProofOfDelivery(adapter: FedexAdapter, trackingNumber: string, options?: FedexProofOfDeliveryOptions): Promise<FedexProofOfDeliveryOutcome> {
  return adapter.proofOfDelivery(trackingNumber, options);
}
