import { defineCarrier, type CarrierSettings } from '@wismo/core';
import { readJsonErrorBody } from '@wismo/core/internal';
import { ausPostErrorResponseSchema } from './auspost-api';
import {
  AUSPOST_CAPABILITIES,
  AUSPOST_CARRIER_ID,
  AUSPOST_CARRIER_NAME,
  AUSPOST_CONTACT,
  AUSPOST_PRODUCTION_BASE_URL,
  AUSPOST_TRACK_PATH,
  ausPostTrackingUrl,
} from './auspost-carrier';
import { parseAusPostTrackResponse } from './parse-auspost-response';

export interface AusPostSettings extends CarrierSettings {
  /** The API key of the Shipping & Tracking API (the Basic user name). Default: `AUSPOST_API_KEY`. */
  apiKey?: string;
  /** Its password (the Basic password). Default: `AUSPOST_PASSWORD`. */
  password?: string;
  /** The contract (eParcel) account number, sent as `Account-Number`. Default: `AUSPOST_ACCOUNT_NUMBER`. */
  accountNumber?: string;
}

export const createAusPost = defineCarrier<AusPostSettings>({
  id: AUSPOST_CARRIER_ID,
  name: AUSPOST_CARRIER_NAME,
  capabilities: AUSPOST_CAPABILITIES,
  contact: AUSPOST_CONTACT,
  trackingUrl: ausPostTrackingUrl,
  baseUrl: AUSPOST_PRODUCTION_BASE_URL,
  credentials: {
    apiKey: { environmentVariable: 'AUSPOST_API_KEY', label: 'API key' },
    password: { environmentVariable: 'AUSPOST_PASSWORD', label: 'password' },
    accountNumber: { environmentVariable: 'AUSPOST_ACCOUNT_NUMBER', label: 'account number' },
  },
  credentialsSource: 'the Shipping and Tracking API registration on developers.auspost.com.au (an Australia Post contract account)',
  auth: { type: 'basic', username: 'apiKey', password: 'password' },
  normaliseNumber: (trackingNumber) => trackingNumber.replace(/\s+/g, '').toUpperCase(),
  request: ({ trackingNumbers, credentials }) => ({
    method: 'GET',
    url: AUSPOST_TRACK_PATH,
    query: { tracking_ids: trackingNumbers.join(',') },
    headers: { 'Account-Number': credentials.accountNumber!, Accept: 'application/json' },
  }),
  parse: parseAusPostTrackResponse,
  describeErrorBody(body) {
    const errors = readJsonErrorBody(body, ausPostErrorResponseSchema)?.errors;
    if (!errors) return undefined;
    const codes = errors.map((error) => error.code).filter((code): code is string => Boolean(code));
    const message = errors
      .map((error) => error.message ?? error.name)
      .filter(Boolean)
      .join('; ');
    return { message: message || undefined, codes };
  },
});

/** Configured from `AUSPOST_API_KEY`, `AUSPOST_PASSWORD` and `AUSPOST_ACCOUNT_NUMBER`, read when first used. */
export const ausPost = createAusPost();
