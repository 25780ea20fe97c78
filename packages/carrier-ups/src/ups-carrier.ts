import type { CarrierContactBook, RateLimit } from '@wismo/core';

export const UPS_CARRIER_ID = 'ups';
export const UPS_CARRIER_NAME = 'UPS';
/** Origins without the `/api` of the OpenAPI server URLs: each serves OAuth (`/security/...`) and the Track API (`/api/...`). */
export const UPS_PRODUCTION_BASE_URL = 'https://onlinetools.ups.com';
export const UPS_TOKEN_PATH = '/security/v1/oauth/token';
export const UPS_TRACK_PATH = '/api/track/v1/details';

/** UPS publishes no Track API limit (beyond it: HTTP 429, `10429`); 5 a second is cautious, raise it with `rateLimit`. */
export const UPS_DEFAULT_RATE_LIMIT: RateLimit = { requests: 5, intervalMs: 1000 };

/** One support page per country; a phone number only where well established (1-800-PICK-UPS, US and Canada). */
export const UPS_CONTACT: CarrierContactBook = {
  default: { phone: null, url: 'https://www.ups.com/us/en/support/contact-us.page' },
  byCountry: {
    US: { phone: '+1 800 742 5877', url: 'https://www.ups.com/us/en/support/contact-us.page' },
    CA: { phone: '+1 800 742 5877', url: 'https://www.ups.com/ca/en/support/contact-us.page' },
    GB: { phone: null, url: 'https://www.ups.com/gb/en/support/contact-us.page' },
    DE: { phone: null, url: 'https://www.ups.com/de/de/support/contact-us.page' },
    FR: { phone: null, url: 'https://www.ups.com/fr/fr/support/contact-us.page' },
    NL: { phone: null, url: 'https://www.ups.com/nl/nl/support/contact-us.page' },
  },
};

/** The form numbers are sent and compared in: no spaces or dashes, upper case. */
export function canonicalUpsNumber(trackingNumber: string): string {
  return trackingNumber.replace(/[\s-]+/g, '').toUpperCase();
}

export function upsTrackingUrl(trackingNumber: string): string {
  return `https://www.ups.com/track?tracknum=${encodeURIComponent(trackingNumber.trim())}`;
}
