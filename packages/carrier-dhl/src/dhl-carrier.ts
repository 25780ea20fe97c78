import type { CarrierCapabilities, CarrierContactBook } from '@wismo/core';

export const DHL_CARRIER_ID = 'dhl';
export const DHL_CARRIER_NAME = 'DHL';

/** Production base URL of Shipment Tracking – Unified (`GET {base}/track/shipments`). */
export const DHL_PRODUCTION_BASE_URL = 'https://api-eu.dhl.com';
/**
 * The test server named in the Unified API spec (`https://api-test.dhl.com/track`). DHL's developer
 * support states that this test environment is not available to external customers and that testing
 * happens in production (FAQ "Is there a DHL Shipment Tracking - Unified API Testing Environment?").
 */
export const DHL_SANDBOX_BASE_URL = 'https://api-test.dhl.com';
/** The path of the tracking operation below the base URL. */
export const DHL_TRACK_PATH = '/track/shipments';

/** The `service` values the API accepts as a hint (spec 1.5.6 enum). */
export type DhlService =
  | 'dgf'
  | 'dsc'
  | 'ecommerce'
  | 'ecommerce-apac'
  | 'ecommerce-europe'
  | 'ecommerce-ppl'
  | 'ecommerce-iberia'
  | 'express'
  | 'freight'
  | 'parcel-de'
  | 'parcel-nl'
  | 'parcel-pl'
  | 'parcel-uk'
  | 'post-de'
  | 'post-international'
  | 'sameday'
  | 'svb';

/**
 * The default plan: 250 calls a day and 1 call a second (more than 2 a second is answered 429);
 * the daily quota resets at 24:00 GMT (DHL developer FAQ). One number per request.
 */
export const DHL_CAPABILITIES: CarrierCapabilities = {
  maxNumbersPerRequest: 1,
  rateLimit: { requests: 1, intervalMs: 1_000 },
  webhooks: false,
  proofOfDelivery: true,
  estimatedDelivery: true,
};
export const DHL_DAILY_QUOTA_DEFAULT = 250;

/**
 * Public customer service pages. Phone numbers only where wismo could name the line; DHL runs
 * separate service lines per country and business unit (Express, Paket, eCommerce).
 */
export const DHL_CONTACT: CarrierContactBook = {
  default: { phone: null, url: 'https://www.dhl.com/global-en/home/customer-service.html' },
  byCountry: {
    DE: { phone: '+49 228 4333112', url: 'https://www.dhl.de/de/privatkunden/kundenservice.html' },
    US: { phone: '+1 800 225 5345', url: 'https://www.dhl.com/us-en/home/customer-service.html' },
    GB: { phone: null, url: 'https://www.dhl.com/gb-en/home/customer-service.html' },
    NL: { phone: null, url: 'https://www.dhl.com/nl-en/home/customer-service.html' },
  },
};

/** DHL's public tracking page for any DHL number (it routes to the right business unit). */
export function dhlTrackingUrl(trackingNumber: string): string {
  return `https://www.dhl.com/global-en/home/tracking.html?tracking-id=${encodeURIComponent(trackingNumber.trim())}&submit=1`;
}
