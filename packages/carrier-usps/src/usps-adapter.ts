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
  logSafely,
  parseJsonBody,
  type CarrierAdapter,
  type TrackContext,
  type TrackOutcome,
  type TransportSettings,
} from '@wismo/core';
import { errorDetail, parseUspsTrackResponse } from './parse-usps-response';
import { uspsErrorSchema } from './usps-api';
import {
  USPS_CAPABILITIES,
  USPS_CARRIER_ID,
  USPS_CARRIER_NAME,
  USPS_CLIENT_ID_ENV,
  USPS_CLIENT_SECRET_ENV,
  USPS_CONTACT,
  USPS_DEFAULT_RATE_LIMIT,
  USPS_PRODUCTION_BASE_URL,
  USPS_TOKEN_PATH,
  USPS_TRACKING_PATH,
  USPS_TRACKING_SCOPE,
  uspsTrackingUrl,
} from './usps-constants';

export interface UspsSettings extends TransportSettings {
  /** Consumer Key of your USPS developer app. Default: `USPS_CLIENT_ID`. */
  clientId?: string;
  /** Consumer Secret of your USPS developer app. Default: `USPS_CLIENT_SECRET`. */
  clientSecret?: string;
  /** API origin. Default production `https://apis.usps.com`; sandbox `USPS_SANDBOX_BASE_URL`; or a local mock. */
  baseUrl?: string;
  /** OAuth token endpoint. Default `{baseUrl}/oauth2/v3/token`. */
  authUrl?: string;
  /** OAuth scope to request. Default `tracking`; `false` sends none (the token then carries every scope of the app). */
  scope?: string | false;
  /** The clock used for `Shipment.fetchedAt` (tests pass a fixed one). */
  clock?: () => Date;
}

function required(value: string | undefined, environmentVariable: string, setting: string): string {
  const loaded = loadSetting(value, environmentVariable);
  if (!loaded) {
    throw new ConfigurationError(`${USPS_CARRIER_NAME}: ${setting} is missing. Pass \`${setting}\` in the settings or set the ${environmentVariable} environment variable.`, {
      carrierId: USPS_CARRIER_ID,
    });
  }
  return loaded;
}

/** Pulls USPS's message and codes out of an error body, for the transport's auth and 5xx errors. */
function describeErrorBody(body: string): { message?: string; codes?: string[] } | undefined {
  if (!body || body.trimStart()[0] !== '{') return undefined;
  const parsed = uspsErrorSchema.safeParse(JSON.parse(body));
  if (!parsed.success) return undefined;
  const error = parsed.data.error;
  const codes = typeof error === 'string' ? [error] : [...(error.errors ?? []).map((item) => String(item.code ?? '')), String(error.code ?? '')].filter(Boolean);
  return { message: errorDetail(parsed.data) ?? undefined, codes };
}

/**
 * USPS Tracking v3 (`GET /tracking/v3/tracking/{number}?expand=DETAIL`) with OAuth 2.0 client credentials.
 * One number per request; requests share the app's quota (60 per hour by default).
 */
export function usps(settings: UspsSettings = {}): CarrierAdapter {
  const clientId = required(settings.clientId, USPS_CLIENT_ID_ENV, 'clientId');
  const clientSecret = required(settings.clientSecret, USPS_CLIENT_SECRET_ENV, 'clientSecret');
  const baseUrl = (settings.baseUrl ?? USPS_PRODUCTION_BASE_URL).replace(/\/+$/, '');
  const authUrl = settings.authUrl ?? `${baseUrl}${USPS_TOKEN_PATH}`;
  const clock = settings.clock ?? (() => new Date());
  const { clientId: _clientId, clientSecret: _clientSecret, baseUrl: _baseUrl, authUrl: _tokenUrl, scope: _scope, clock: _clock, ...transport } = settings;

  // USPS accepts the credentials as form fields (karrio, revaddress) or as JSON (official README); core sends a form.
  const auth = createOAuthClientCredentials({
    carrierId: USPS_CARRIER_ID,
    carrierName: USPS_CARRIER_NAME,
    tokenUrl: authUrl,
    clientId,
    clientSecret,
    credentialsIn: 'body',
    scope: settings.scope === false ? undefined : (settings.scope ?? USPS_TRACKING_SCOPE),
    timeoutMs: transport.timeoutMs,
    retries: transport.retries,
    retryMinDelayMs: transport.retryMinDelayMs,
    retryMaxDelayMs: transport.retryMaxDelayMs,
    logger: transport.logger,
    axiosInstance: transport.axiosInstance,
  });
  const http = createHttpClient({
    carrierId: USPS_CARRIER_ID,
    carrierName: USPS_CARRIER_NAME,
    baseUrl,
    auth,
    defaultRateLimit: USPS_DEFAULT_RATE_LIMIT,
    describeErrorBody,
    ...transport,
  });

  async function trackOne(trackingNumber: string, context: TrackContext): Promise<TrackOutcome> {
    try {
      const compact = trackingNumber.replace(/\s+/g, '');
      if (compact === '') {
        return errorOutcome(trackingNumber, new InvalidNumberError(`${USPS_CARRIER_NAME}: the tracking number is empty`, { carrierId: USPS_CARRIER_ID }));
      }
      const response = await http.request({
        method: 'GET',
        url: `${USPS_TRACKING_PATH}/${encodeURIComponent(compact)}`,
        query: { expand: 'DETAIL' },
        signal: context.signal,
      });
      const body = parseJsonBody(response, USPS_CARRIER_NAME, USPS_CARRIER_ID);
      const [outcome] = parseUspsTrackResponse({
        httpStatus: response.status,
        body,
        trackingNumbers: [trackingNumber],
        fetchedAt: clock(),
        includeRaw: context.includeRaw,
      });
      return outcome!;
    } catch (error) {
      if (WismoError.isInstance(error)) return errorOutcome(trackingNumber, error);
      // Aborts and bugs: still an outcome, never a rejection.
      logSafely(context.logger ?? transport.logger, 'error', `${USPS_CARRIER_NAME}: unexpected error while tracking`, { carrierId: USPS_CARRIER_ID });
      const message = context.signal?.aborted ? 'the request was aborted' : `unexpected error: ${(error as Error)?.message ?? String(error)}`;
      return errorOutcome(trackingNumber, new BadResponseError(`${USPS_CARRIER_NAME}: ${message}`, { carrierId: USPS_CARRIER_ID, cause: error }));
    }
  }

  return {
    specVersion: CARRIER_ADAPTER_SPEC_VERSION,
    id: USPS_CARRIER_ID,
    name: USPS_CARRIER_NAME,
    contact: USPS_CONTACT,
    capabilities: USPS_CAPABILITIES,
    trackingUrl: uspsTrackingUrl,
    async track(trackingNumbers, context = {}) {
      // One request per number; the shared rate limiter queues them.
      return Promise.all(trackingNumbers.map((trackingNumber) => trackOne(trackingNumber, context)));
    },
  };
}

/** Alias of `usps`, for those who prefer the `createX` naming. */
export const createUsps = usps;
