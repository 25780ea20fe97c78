import type { CarrierCapabilities, CarrierContactBook, RateLimit } from '@wismo/core';

export const BPOST_CARRIER_ID = 'bpost';
export const BPOST_CARRIER_NAME = 'bpost';

/**
 * The item-tracking web service (research/carriers.md §14): karrio calls `api.parcel.bpost.cloud`; bpost's
 * support article documents the same path on `api.bpost.be` (the `baseUrl` setting takes either).
 */
export const BPOST_PRODUCTION_BASE_URL = 'https://api.parcel.bpost.cloud';
/** `{itemCode}` is the item's barcode. */
export const BPOST_TRACKING_PATH = '/services/trackedmail/item';
export const BPOST_TRACKING_SUFFIX = '/trackingInfo';

/** bpost publishes no rate limit for the tracking service; 5 requests a second is a conservative default. */
export const BPOST_DEFAULT_RATE_LIMIT: RateLimit = { requests: 5, intervalMs: 1000 };

export const BPOST_CAPABILITIES: CarrierCapabilities = {
  // `GET …/item/{itemCode}/trackingInfo`: one item per request.
  maxNumbersPerRequest: 1,
  rateLimit: BPOST_DEFAULT_RATE_LIMIT,
  webhooks: false,
  proofOfDelivery: false,
  // `deliveryTimeWindow` (planned window) when bpost gives one.
  estimatedDelivery: true,
};

/** bpost's customer service; its contact page lists the current phone numbers. */
export const BPOST_CONTACT: CarrierContactBook = {
  default: { phone: null, url: 'https://www.bpost.be/en/contact' },
  byCountry: {
    BE: { phone: null, url: 'https://www.bpost.be/en/contact' },
  },
};

/** bpost's public tracking page (the link karrio's bpost connector gives). */
export function bpostTrackingUrl(trackingNumber: string): string {
  return `https://track.bpost.cloud/btr/web/#/search?itemCode=${encodeURIComponent(trackingNumber.trim())}&lang=EN`;
}
