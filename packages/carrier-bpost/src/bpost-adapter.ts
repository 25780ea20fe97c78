import { defineCarrier, type CarrierSettings } from '@wismo/core';
import { readXmlErrorBody } from '@wismo/core/internal';
import { bpostTrackingResponseSchema, bpostXmlParser, readBpostBody } from './bpost-api';
import {
  BPOST_CAPABILITIES,
  BPOST_CARRIER_ID,
  BPOST_CARRIER_NAME,
  BPOST_CONTACT,
  BPOST_PRODUCTION_BASE_URL,
  BPOST_TRACKING_PATH,
  BPOST_TRACKING_SUFFIX,
  bpostTrackingUrl,
} from './bpost-carrier';
import { parseBpostTrackingResponse } from './parse-bpost-response';

export interface BpostSettings extends CarrierSettings {
  /** Your bpost Shipping Manager account id (HTTP Basic user). Default: `BPOST_ACCOUNT_ID`. */
  accountId?: string;
  /** Its passphrase (HTTP Basic password). Default: `BPOST_PASSPHRASE`. */
  passphrase?: string;
  /** Origin of the tracking service: `https://api.parcel.bpost.cloud` (default), `https://api.bpost.be`, or a mock. */
  baseUrl?: string;
}

/** Item codes: bpost's 24-digit barcodes, UPU S10 (`CE123456785BE`) and other labels of letters and digits. */
const ITEM_CODE = /^[A-Z0-9]{8,40}$/;

/** The item code as bpost keys it: no spaces or dashes, upper case. */
function normaliseBpostNumber(trackingNumber: string): string {
  return trackingNumber.replace(/[\s-]+/g, '').toUpperCase();
}

/**
 * Builds a bpost adapter: the item-tracking web service (`GET /services/trackedmail/item/{itemCode}/trackingInfo`,
 * XML, one item per request) with HTTP Basic (account id and passphrase). Credentials are checked when the
 * adapter is first used.
 */
export const createBpost = defineCarrier<BpostSettings>({
  id: BPOST_CARRIER_ID,
  name: BPOST_CARRIER_NAME,
  capabilities: BPOST_CAPABILITIES,
  contact: BPOST_CONTACT,
  trackingUrl: bpostTrackingUrl,
  baseUrl: BPOST_PRODUCTION_BASE_URL,
  credentials: {
    accountId: { environmentVariable: 'BPOST_ACCOUNT_ID', label: 'account id' },
    passphrase: { environmentVariable: 'BPOST_PASSPHRASE', label: 'passphrase' },
  },
  credentialsSource: 'your bpost Shipping Manager account (Admin > API settings)',
  auth: { type: 'basic', username: 'accountId', password: 'passphrase' },
  normaliseNumber: normaliseBpostNumber,
  numberForm: { pattern: ITEM_CODE, rule: 'item codes are 8 to 40 letters and digits' },
  request: ({ trackingNumbers: [itemCode] }) => ({
    method: 'GET',
    url: `${BPOST_TRACKING_PATH}/${encodeURIComponent(itemCode!)}${BPOST_TRACKING_SUFFIX}`,
    headers: { Accept: 'application/xml, text/xml' },
  }),
  readBody: readBpostBody,
  parse: parseBpostTrackingResponse,
  // Exceptions that come with an error status (5xx, 429): their words and codes for the transport's error.
  describeErrorBody: (body) => {
    const { systemException, businessException } = readXmlErrorBody(body, bpostXmlParser, bpostTrackingResponseSchema) ?? {};
    if (systemException) return { message: systemException.message?.replace(/\s+/g, ' ').trim() };
    if (businessException) {
      return {
        message: [businessException.code, businessException.message].filter(Boolean).join(' '),
        codes: businessException.code ? [businessException.code] : [],
        retryable: false,
      };
    }
    return undefined;
  },
});

/** The bpost adapter configured from `BPOST_ACCOUNT_ID` / `BPOST_PASSPHRASE`, read when it is first used. */
export const bpost = createBpost();
