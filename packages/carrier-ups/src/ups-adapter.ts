import { randomUUID } from 'node:crypto';
import {
  BadResponseError,
  CARRIER_ADAPTER_SPEC_VERSION,
  ConfigurationError,
  InvalidNumberError,
  WismoError,
  createHttpClient,
  createOAuthClientCredentials,
  failAll,
  loadSetting,
  logSafely,
  parseJsonBody,
  type CarrierAdapter,
  type TrackContext,
  type TrackOutcome,
  type TransportSettings,
} from '@wismo/core';
import { parseUpsTrackResponse, upsErrorMessages } from './parse-ups-response';
import {
  UPS_CAPABILITIES,
  UPS_CARRIER_ID,
  UPS_CARRIER_NAME,
  UPS_CLIENT_ID_ENV,
  UPS_CLIENT_SECRET_ENV,
  UPS_CONTACT,
  UPS_DEFAULT_LOCALE,
  UPS_DEFAULT_RATE_LIMIT,
  UPS_DEFAULT_TRANSACTION_SOURCE,
  UPS_PRODUCTION_BASE_URL,
  UPS_TOKEN_PATH,
  UPS_TRACK_PATH,
  upsTrackingUrl,
} from './ups-carrier';

export interface UpsSettings extends TransportSettings {
  /** OAuth client id of your UPS developer app. Default: `UPS_CLIENT_ID`. */
  clientId?: string;
  /** OAuth client secret. Default: `UPS_CLIENT_SECRET`. */
  clientSecret?: string;
  /**
   * Origin of the API, without `/api`: `UPS_PRODUCTION_BASE_URL` (default), `UPS_SANDBOX_BASE_URL` or a mock.
   * A trailing `/api` (as in the UPS OpenAPI server list) is accepted and removed.
   */
  baseUrl?: string;
  /** Full URL of the OAuth token endpoint. Default: `{baseUrl}/security/v1/oauth/token`. */
  authUrl?: string;
  /** The `transactionSrc` header naming your application. Default: `wismo`. */
  transactionSource?: string;
  /** Your 6-digit UPS account number, sent as `x-merchant-id` when fetching tokens. */
  merchantId?: string;
  /** `locale` query parameter (UPS form `en_US`; `en-US` is converted). A per-call `context.locale` wins. */
  locale?: string;
  /** Ask UPS for the signature image (`returnSignature=true`; only returned to accounts with rights). */
  returnSignature?: boolean;
  /** Ask UPS for the proof-of-delivery document (`returnPOD=true`). */
  returnPOD?: boolean;
  /** Ask UPS for milestones (`returnMilestones=true`); wismo does not read them yet. */
  returnMilestones?: boolean;
  /** Clock for `fetchedAt` (tests, reproducible output). Default: `() => new Date()`. */
  clock?: () => Date;
}

const INQUIRY_NUMBER = /^[A-Z0-9]{7,34}$/;
const SEPARATORS = /[\s-]+/g;

function normaliseBaseUrl(value: string): string {
  return value.trim().replace(/\/+$/, '').replace(/\/api$/i, '');
}

function upsLocale(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed.replace('-', '_') : undefined;
}

/** A fresh `transId` per request: UPS wants a unique id of at most 32 characters. */
function transactionId(): string {
  return randomUUID().replace(/-/g, '');
}

function describeErrorBody(body: string): { message?: string; codes?: string[] } | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  const messages = upsErrorMessages(parsed);
  if (messages.length === 0) return undefined;
  return {
    message: messages.map((message) => [message.code, message.message?.trim()].filter(Boolean).join(' ')).join('; '),
    codes: messages.map((message) => message.code).filter((code): code is string => typeof code === 'string'),
  };
}

/**
 * The UPS adapter: Track API v1 (`GET /api/track/v1/details/{inquiryNumber}`, one number per request) with
 * OAuth client credentials (HTTP Basic). Throws `ConfigurationError` when the credentials are missing;
 * `track` itself never rejects.
 */
export function ups(settings: UpsSettings = {}): CarrierAdapter {
  const {
    clientId: clientIdSetting,
    clientSecret: clientSecretSetting,
    baseUrl: baseUrlSetting,
    authUrl,
    transactionSource,
    merchantId,
    locale,
    returnSignature,
    returnPOD,
    returnMilestones,
    clock,
    ...transport
  } = settings;
  const clientId = loadSetting(clientIdSetting, UPS_CLIENT_ID_ENV);
  const clientSecret = loadSetting(clientSecretSetting, UPS_CLIENT_SECRET_ENV);
  if (!clientId) {
    throw new ConfigurationError(`UPS: no client id. Pass { clientId } to ups() or set ${UPS_CLIENT_ID_ENV} (from your app on developer.ups.com).`, { carrierId: UPS_CARRIER_ID });
  }
  if (!clientSecret) {
    throw new ConfigurationError(`UPS: no client secret. Pass { clientSecret } to ups() or set ${UPS_CLIENT_SECRET_ENV} (from your app on developer.ups.com).`, { carrierId: UPS_CARRIER_ID });
  }
  const baseUrl = normaliseBaseUrl(baseUrlSetting ?? UPS_PRODUCTION_BASE_URL);
  const auth = createOAuthClientCredentials({
    carrierId: UPS_CARRIER_ID,
    carrierName: UPS_CARRIER_NAME,
    tokenUrl: authUrl?.trim() || `${baseUrl}${UPS_TOKEN_PATH}`,
    clientId,
    clientSecret,
    credentialsIn: 'basic',
    extraHeaders: merchantId ? { 'x-merchant-id': merchantId } : undefined,
    timeoutMs: transport.timeoutMs,
    retries: transport.retries,
    retryMinDelayMs: transport.retryMinDelayMs,
    retryMaxDelayMs: transport.retryMaxDelayMs,
    logger: transport.logger,
    axiosInstance: transport.axiosInstance,
  });
  const client = createHttpClient({
    ...transport,
    carrierId: UPS_CARRIER_ID,
    carrierName: UPS_CARRIER_NAME,
    baseUrl,
    auth,
    defaultRateLimit: UPS_DEFAULT_RATE_LIMIT,
    describeErrorBody,
  });
  const now = clock ?? (() => new Date());
  const defaultLocale = upsLocale(locale) ?? UPS_DEFAULT_LOCALE;

  async function trackOne(trackingNumber: string, trackContext: TrackContext): Promise<TrackOutcome[]> {
    const inquiryNumber = trackingNumber.replace(SEPARATORS, '').toUpperCase();
    if (!INQUIRY_NUMBER.test(inquiryNumber)) {
      return failAll(
        [trackingNumber],
        new InvalidNumberError('UPS inquiry numbers are 7 to 34 letters and digits; this one is not, so it was not sent to UPS.', { carrierId: UPS_CARRIER_ID }),
      );
    }
    try {
      const response = await client.request({
        method: 'GET',
        url: `${UPS_TRACK_PATH}/${encodeURIComponent(inquiryNumber)}`,
        query: {
          locale: upsLocale(trackContext.locale) ?? defaultLocale,
          returnSignature: returnSignature === true ? 'true' : 'false',
          returnMilestones: returnMilestones === true ? 'true' : 'false',
          returnPOD: returnPOD === true ? 'true' : 'false',
        },
        headers: { transId: transactionId(), transactionSrc: transactionSource?.trim() || UPS_DEFAULT_TRANSACTION_SOURCE },
        signal: trackContext.signal,
      });
      let body: unknown;
      try {
        body = parseJsonBody(response, UPS_CARRIER_NAME, UPS_CARRIER_ID);
      } catch (error) {
        // A 404 means "not found" whatever its body says; anything else unreadable is a bad response.
        if (response.status !== 404) throw error;
      }
      return parseUpsTrackResponse({ httpStatus: response.status, body, trackingNumbers: [trackingNumber], fetchedAt: now(), includeRaw: trackContext.includeRaw });
    } catch (error) {
      if (WismoError.isInstance(error)) return failAll([trackingNumber], error);
      // Not a carrier problem but a bug here: still one outcome per number, never a rejection.
      logSafely(trackContext.logger ?? transport.logger, 'error', `UPS: unexpected error while tracking: ${String((error as Error)?.message ?? error)}`, { carrierId: UPS_CARRIER_ID });
      return failAll([trackingNumber], new BadResponseError('UPS: the response could not be processed (unexpected error in the adapter)', { carrierId: UPS_CARRIER_ID, cause: error }));
    }
  }

  return {
    specVersion: CARRIER_ADAPTER_SPEC_VERSION,
    id: UPS_CARRIER_ID,
    name: UPS_CARRIER_NAME,
    contact: UPS_CONTACT,
    capabilities: UPS_CAPABILITIES,
    trackingUrl: upsTrackingUrl,
    async track(trackingNumbers, trackContext = {}) {
      // One request per number (the Track API takes one); the shared rate limiter paces them.
      const outcomes = await Promise.all(trackingNumbers.map((trackingNumber) => trackOne(trackingNumber, trackContext)));
      return outcomes.flat();
    },
  };
}

/** Alias of `ups`, in the `createX(settings)` style. */
export const createUps = ups;
