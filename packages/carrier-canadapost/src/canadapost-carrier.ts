import type { CarrierCapabilities, CarrierContactBook } from '@wismo/core';

export const CANADAPOST_CARRIER_ID = 'canadapost';
export const CANADAPOST_CARRIER_NAME = 'Canada Post';
/** The development environment (test credentials) is `https://ct.soa-gw.canadapost.ca`. */
export const CANADAPOST_PRODUCTION_BASE_URL = 'https://soa-gw.canadapost.ca';
/** `GET /vis/track/pin/{pin}/detail`: the tracking detail of one PIN. */
export const CANADAPOST_TRACK_PATH = '/vis/track/pin';
export const CANADAPOST_MEDIA_TYPE = 'application/vnd.cpc.track-v2+xml';
/** `<messages><message><code>004</code><description>No Pin History</description>`: not found. */
export const CANADAPOST_NO_PIN_HISTORY_CODE = '004';
/** `E002 AAA Authentication Failure`. */
export const CANADAPOST_AUTH_FAILURE_CODE = 'E002';

export const CANADAPOST_CAPABILITIES: CarrierCapabilities = {
  // The tracking detail takes one PIN per call.
  maxNumbersPerRequest: 1,
  // No published figure found (karrio calls sequentially); a cautious default.
  rateLimit: { requests: 5, intervalMs: 1000 },
  webhooks: false,
  proofOfDelivery: true,
  estimatedDelivery: true,
};

export const CANADAPOST_CONTACT: CarrierContactBook = {
  default: { phone: '+1 866 607 6301', url: 'https://www.canadapost-postescanada.ca/cpc/en/support.page' },
  byCountry: {
    CA: { phone: '1-866-607-6301', url: 'https://www.canadapost-postescanada.ca/cpc/en/support.page' },
  },
};

export function canadaPostTrackingUrl(trackingNumber: string): string {
  return `https://www.canadapost-postescanada.ca/track-reperage/en#/search?searchFor=${encodeURIComponent(trackingNumber.trim())}`;
}
