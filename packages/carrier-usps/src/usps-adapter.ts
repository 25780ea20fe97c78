import { defineCarrier, type ClientCredentialSettings } from '@wismo/core';
import { clientCredentials } from '@wismo/core/internal';
import { describeUspsErrorBody, parseUspsTrackResponse } from './parse-usps-response';
import * as carrier from './usps-carrier';

/** `clientId`, `clientSecret`: your USPS app's Consumer Key and Consumer Secret. Sandbox `baseUrl`: `https://apis-tem.usps.com`. */
export interface UspsSettings extends ClientCredentialSettings {
  /** OAuth scope to request. Default `tracking`; `false` sends none (the token then carries every scope of the app). */
  scope?: string | false;
}

/**
 * Builds a USPS adapter: Tracking v3 (`GET /tracking/v3/tracking/{number}?expand=DETAIL`, one number per request)
 * with OAuth 2.0 client credentials sent as form fields. Requests share the app's quota (60 per hour by default).
 */
export const createUsps = defineCarrier<UspsSettings>({
  id: carrier.USPS_CARRIER_ID,
  name: carrier.USPS_CARRIER_NAME,
  capabilities: {
    // The v3 GET takes one number; there is no batch endpoint in the spec.
    maxNumbersPerRequest: 1,
    rateLimit: carrier.USPS_DEFAULT_RATE_LIMIT,
    // USPS offers tracking subscriptions (webhooks) as a separate API; this adapter only polls.
    webhooks: false,
    proofOfDelivery: true,
    estimatedDelivery: true,
  },
  contact: carrier.USPS_CONTACT,
  trackingUrl: carrier.uspsTrackingUrl,
  baseUrl: carrier.USPS_PRODUCTION_BASE_URL,
  credentials: clientCredentials('USPS'),
  credentialsSource: 'your app on developers.usps.com (Consumer Key and Consumer Secret)',
  // USPS accepts the credentials as form fields (karrio, revaddress) or as JSON (official README); core sends a form.
  auth: { type: 'oauth-client-credentials', tokenPath: carrier.USPS_TOKEN_PATH, credentialsIn: 'body' },
  // The Tracking API's scope (`security: OAuth: [tracking]` in the spec).
  tokenScope: (settings) => (settings.scope === false ? undefined : (settings.scope ?? 'tracking')),
  normaliseNumber: (trackingNumber) => trackingNumber.replace(/\s+/g, ''),
  request: ({ trackingNumbers: [trackingNumber] }) => ({
    method: 'GET',
    url: `${carrier.USPS_TRACKING_PATH}/${encodeURIComponent(trackingNumber!)}`,
    query: { expand: 'DETAIL' },
  }),
  parse: parseUspsTrackResponse,
  describeErrorBody: describeUspsErrorBody,
});

/** The USPS adapter configured from `USPS_CLIENT_ID` / `USPS_CLIENT_SECRET`, read when it is first used. */
export const usps = createUsps();
