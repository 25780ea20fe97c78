import type { CarrierCapabilities, CarrierContactBook, RateLimit } from '@wismo/core';

export const UPS_CARRIER_ID = 'ups';
export const UPS_CARRIER_NAME = 'UPS';

/**
 * Origins, without the `/api` suffix the OpenAPI spec puts on its server URLs: the same origin serves the
 * OAuth token endpoint (`/security/v1/oauth/token`) and the Track API (`/api/track/v1/...`).
 */
export const UPS_PRODUCTION_BASE_URL = 'https://onlinetools.ups.com';
/** UPS Customer Integration Environment (CIE), the sandbox. */
export const UPS_SANDBOX_BASE_URL = 'https://wwwcie.ups.com';

export const UPS_TOKEN_PATH = '/security/v1/oauth/token';
export const UPS_TRACK_PATH = '/api/track/v1/details';

export const UPS_CLIENT_ID_ENV = 'UPS_CLIENT_ID';
export const UPS_CLIENT_SECRET_ENV = 'UPS_CLIENT_SECRET';

/** Sent as `transactionSrc` unless the settings say otherwise (UPS requires the header; any name works). */
export const UPS_DEFAULT_TRANSACTION_SOURCE = 'wismo';
export const UPS_DEFAULT_LOCALE = 'en_US';

/**
 * UPS publishes no rate limit for the Track API; over-limit calls get HTTP 429 / error `10429 Too Many
 * Requests`. 5 requests per second (300 a minute) is a conservative default; raise it with the
 * `rateLimit` setting once UPS has confirmed your quota.
 */
export const UPS_DEFAULT_RATE_LIMIT: RateLimit = { requests: 5, intervalMs: 1000 };

export const UPS_CAPABILITIES: CarrierCapabilities = {
  // `GET /track/v1/details/{inquiryNumber}` takes one inquiry number.
  maxNumbersPerRequest: 1,
  rateLimit: UPS_DEFAULT_RATE_LIMIT,
  // UPS offers push updates through the separate Track Alert API; this adapter polls only.
  webhooks: false,
  proofOfDelivery: true,
  estimatedDelivery: true,
};

/**
 * UPS runs one support site per country (`ups.com/{country}/{language}/support/contact-us.page`). The phone
 * number is only given where it is well established (1-800-PICK-UPS for the US and Canada); elsewhere the
 * country's contact page lists the current numbers.
 */
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

/** The public tracking page. */
export function upsTrackingUrl(trackingNumber: string): string {
  return `https://www.ups.com/track?tracknum=${encodeURIComponent(trackingNumber.trim())}`;
}
