import { randomUUID } from 'node:crypto';
import { defineCarrier, type ClientCredentialSettings } from '@wismo/core';
import { clientCredentials, describeJsonErrorList } from '@wismo/core/internal';
import { parseUpsTrackResponse } from './parse-ups-response';
import { upsErrorResponseSchema } from './ups-api';
import * as carrier from './ups-carrier';

/** `clientId`, `clientSecret`: your UPS app's OAuth pair. Sandbox `baseUrl`: `https://wwwcie.ups.com` (a final `/api` is dropped). */
export interface UpsSettings extends ClientCredentialSettings {
  /** The `transactionSrc` header naming your application. Default: `wismo`. */
  transactionSource?: string;
  /** Your 6-digit UPS account number, sent as `x-merchant-id` when fetching tokens. */
  merchantId?: string;
  /** Ask for the signature image (`returnSignature=true`; only for accounts with the right). */
  returnSignature?: boolean;
  /** Ask for the proof-of-delivery document (`returnPOD=true`). */
  returnPOD?: boolean;
  /** Ask for milestones (`returnMilestones=true`); wismo does not read them yet. */
  returnMilestones?: boolean;
}

/** A UPS adapter: Track API v1, one number per request, OAuth client credentials (HTTP Basic), checked when first used. */
export const createUps = defineCarrier<UpsSettings>({
  id: carrier.UPS_CARRIER_ID,
  name: carrier.UPS_CARRIER_NAME,
  capabilities: {
    // `GET /track/v1/details/{inquiryNumber}` takes one inquiry number.
    maxNumbersPerRequest: 1,
    rateLimit: carrier.UPS_DEFAULT_RATE_LIMIT,
    // Push updates are the separate Track Alert API; this adapter polls.
    webhooks: false,
    proofOfDelivery: true,
    estimatedDelivery: true,
  },
  contact: carrier.UPS_CONTACT,
  trackingUrl: carrier.upsTrackingUrl,
  baseUrl: carrier.UPS_PRODUCTION_BASE_URL,
  normaliseBaseUrl: (baseUrl) => baseUrl.replace(/\/api$/i, ''),
  credentials: clientCredentials('UPS'),
  credentialsSource: 'your app with the Tracking API on developer.ups.com',
  auth: { type: 'oauth-client-credentials', tokenPath: carrier.UPS_TOKEN_PATH, credentialsIn: 'basic' },
  tokenHeaders: (settings) => (settings.merchantId ? { 'x-merchant-id': settings.merchantId } : undefined),
  locale: { form: 'underscore', default: 'en_US' },
  normaliseNumber: carrier.canonicalUpsNumber,
  numberForm: { pattern: /^[A-Z0-9]{7,34}$/, rule: 'inquiry numbers are 7 to 34 letters and digits' },
  request: ({ trackingNumbers: [inquiryNumber], locale, settings }) => ({
    method: 'GET',
    url: `${carrier.UPS_TRACK_PATH}/${encodeURIComponent(inquiryNumber!)}`,
    query: {
      locale,
      returnSignature: String(settings.returnSignature === true),
      returnMilestones: String(settings.returnMilestones === true),
      returnPOD: String(settings.returnPOD === true),
    },
    // UPS wants a unique `transId` of at most 32 characters per request, and a `transactionSrc` (any name).
    headers: { transId: randomUUID().replace(/-/g, ''), transactionSrc: settings.transactionSource?.trim() || 'wismo' },
  }),
  // A 404 means "not found" whatever its body says; anything else unreadable is a bad response.
  unreadable404IsEmpty: true,
  parse: parseUpsTrackResponse,
  describeErrorBody: (body) => describeJsonErrorList(body, upsErrorResponseSchema, (error) => error.response.errors),
});

/** The UPS adapter configured from `UPS_CLIENT_ID` / `UPS_CLIENT_SECRET`, read when it is first used. */
export const ups = createUps();
