import type { CarrierCapabilities, CarrierContactBook } from '@wismo/core';

export const AUSPOST_CARRIER_ID = 'auspost';
export const AUSPOST_CARRIER_NAME = 'Australia Post';
/** Shipping & Tracking API (digitalapi.auspost.com.au); the test environment is the same origin under `/test`. */
export const AUSPOST_PRODUCTION_BASE_URL = 'https://digitalapi.auspost.com.au';
/** `GET /shipping/v1/track?tracking_ids=a,b,…` */
export const AUSPOST_TRACK_PATH = '/shipping/v1/track';
/** More ids than this in one request is answered with error `51101` TOO_MANY_AP_TRACKING_IDS. */
export const AUSPOST_MAX_IDS_PER_REQUEST = 10;
/** The per-id error inside HTTP 200 for an id Australia Post does not know. */
export const AUSPOST_INVALID_TRACKING_ID_CODE = 'ESB-10001';
export const AUSPOST_TOO_MANY_IDS_CODE = '51101';

export const AUSPOST_CAPABILITIES: CarrierCapabilities = {
  maxNumbersPerRequest: AUSPOST_MAX_IDS_PER_REQUEST,
  // Australia Post publishes no figure (limits are per credential, exceeded → 429); ten calls a minute is a
  // conservative default that a caller can raise with `rateLimit`.
  rateLimit: { requests: 10, intervalMs: 60_000 },
  webhooks: false,
  proofOfDelivery: false,
  estimatedDelivery: false,
};

export const AUSPOST_CONTACT: CarrierContactBook = {
  default: { phone: '+61 3 8847 9980', url: 'https://auspost.com.au/help-and-support' },
  byCountry: {
    AU: { phone: '13 13 18', url: 'https://auspost.com.au/help-and-support' },
  },
};

export function ausPostTrackingUrl(trackingNumber: string): string {
  return `https://auspost.com.au/mypost/track/details/${encodeURIComponent(trackingNumber.trim())}`;
}
