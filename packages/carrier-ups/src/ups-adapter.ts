import { randomUUID } from 'node:crypto';
import { InvalidNumberError, defineCarrier, parseJsonBody, type CarrierSettings } from '@wismo/core';
import { describeUpsErrorBody, parseUpsTrackResponse } from './parse-ups-response';
import {
  UPS_CAPABILITIES,
  UPS_CARRIER_ID,
  UPS_CARRIER_NAME,
  UPS_CLIENT_ID_ENV,
  UPS_CLIENT_SECRET_ENV,
  UPS_CONTACT,
  UPS_DEFAULT_LOCALE,
  UPS_DEFAULT_TRANSACTION_SOURCE,
  UPS_PRODUCTION_BASE_URL,
  UPS_TOKEN_PATH,
  UPS_TRACK_PATH,
  upsTrackingUrl,
} from './ups-carrier';

export interface UpsSettings extends CarrierSettings {
  /** OAuth client id of your UPS developer app. Default: `UPS_CLIENT_ID`. */
  clientId?: string;
  /** OAuth client secret. Default: `UPS_CLIENT_SECRET`. */
  clientSecret?: string;
  /**
   * Origin of the API, without `/api`: `https://onlinetools.ups.com` (default), the sandbox `https://wwwcie.ups.com`
   * or a mock. A trailing `/api` (as in the UPS OpenAPI server list) is accepted and removed.
   */
  baseUrl?: string;
  /** The `transactionSrc` header naming your application. Default: `wismo`. */
  transactionSource?: string;
  /** Your 6-digit UPS account number, sent as `x-merchant-id` when fetching tokens. */
  merchantId?: string;
  /** `locale` query parameter (UPS form `en_US`; `en-US` is converted). Default `en_US`. */
  locale?: string;
  /** Ask UPS for the signature image (`returnSignature=true`; only returned to accounts with rights). */
  returnSignature?: boolean;
  /** Ask UPS for the proof-of-delivery document (`returnPOD=true`). */
  returnPOD?: boolean;
  /** Ask UPS for milestones (`returnMilestones=true`); wismo does not read them yet. */
  returnMilestones?: boolean;
}

const INQUIRY_NUMBER = /^[A-Z0-9]{7,34}$/;

/**
 * Builds a UPS adapter: Track API v1 (`GET /api/track/v1/details/{inquiryNumber}`, one number per request)
 * with OAuth client credentials (HTTP Basic). Credentials are checked when the adapter is first used.
 */
export const createUps = defineCarrier<UpsSettings>({
  id: UPS_CARRIER_ID,
  name: UPS_CARRIER_NAME,
  capabilities: UPS_CAPABILITIES,
  contact: UPS_CONTACT,
  trackingUrl: upsTrackingUrl,
  baseUrl: UPS_PRODUCTION_BASE_URL,
  normaliseBaseUrl: (baseUrl) => baseUrl.replace(/\/api$/i, ''),
  credentials: {
    clientId: { environmentVariable: UPS_CLIENT_ID_ENV, label: 'client id' },
    clientSecret: { environmentVariable: UPS_CLIENT_SECRET_ENV, label: 'client secret' },
  },
  credentialsSource: 'your app with the Tracking API on developer.ups.com',
  auth: {
    type: 'oauth-client-credentials',
    tokenPath: UPS_TOKEN_PATH,
    clientId: 'clientId',
    clientSecret: 'clientSecret',
    credentialsIn: 'basic',
  },
  tokenHeaders: (settings) => (settings.merchantId ? { 'x-merchant-id': settings.merchantId } : undefined),
  locale: { form: 'underscore', default: UPS_DEFAULT_LOCALE },
  normaliseNumber: (trackingNumber) => trackingNumber.replace(/[\s-]+/g, '').toUpperCase(),
  checkNumber: (inquiryNumber) =>
    INQUIRY_NUMBER.test(inquiryNumber)
      ? null
      : new InvalidNumberError('UPS inquiry numbers are 7 to 34 letters and digits; this one is not, so it was not sent to UPS.', {
          carrierId: UPS_CARRIER_ID,
        }),
  request: ({ trackingNumbers: [inquiryNumber], locale, settings }) => ({
    method: 'GET',
    url: `${UPS_TRACK_PATH}/${encodeURIComponent(inquiryNumber!)}`,
    query: {
      locale,
      returnSignature: settings.returnSignature === true ? 'true' : 'false',
      returnMilestones: settings.returnMilestones === true ? 'true' : 'false',
      returnPOD: settings.returnPOD === true ? 'true' : 'false',
    },
    // UPS wants a unique `transId` of at most 32 characters per request.
    headers: {
      transId: randomUUID().replace(/-/g, ''),
      transactionSrc: settings.transactionSource?.trim() || UPS_DEFAULT_TRANSACTION_SOURCE,
    },
  }),
  // A 404 means "not found" whatever its body says; anything else unreadable is a bad response.
  readBody: (response) => {
    try {
      return parseJsonBody(response, UPS_CARRIER_NAME, UPS_CARRIER_ID);
    } catch (error) {
      if (response.status === 404) return undefined;
      throw error;
    }
  },
  parse: parseUpsTrackResponse,
  describeErrorBody: describeUpsErrorBody,
});

/** The UPS adapter configured from `UPS_CLIENT_ID` / `UPS_CLIENT_SECRET`, read when it is first used. */
export const ups = createUps();
