import type { CarrierCapabilities, CarrierContactBook, RateLimit } from '@wismo/core';

export const POSTNL_CARRIER_ID = 'postnl';
export const POSTNL_CARRIER_NAME = 'PostNL';

/** The sandbox is `https://api-sandbox.postnl.nl`. */
export const POSTNL_PRODUCTION_BASE_URL = 'https://api.postnl.nl';

/** Shipping Status v2, one barcode per call: `GET /shipment/v2/status/barcode/{barcode}`. */
export const POSTNL_STATUS_PATH = '/shipment/v2/status/barcode';
/** The recipient's signature: `GET /shipment/v2/status/signature/{barcode}`. */
export const POSTNL_SIGNATURE_PATH = '/shipment/v2/status/signature';

/** PostNL's times are Dutch wall-clock times without an offset. */
export const POSTNL_TIME_ZONE = 'Europe/Amsterdam';

/**
 * "For most webservices the Production environment is limited to 1000 calls per minute, per key" (developer.postnl.nl
 * support). "The Sandbox environment is limited to 15 calls per minute, per key": pass `rateLimit: { requests: 15,
 * intervalMs: 60_000 }` with the sandbox URL.
 */
export const POSTNL_DEFAULT_RATE_LIMIT: RateLimit = { requests: 1000, intervalMs: 60_000 };

export const POSTNL_CAPABILITIES: CarrierCapabilities = {
  maxNumbersPerRequest: 1,
  rateLimit: POSTNL_DEFAULT_RATE_LIMIT,
  // `updatedshipments` is a polling list per customer number, not a push.
  webhooks: false,
  // Signatures: the separate `status/signature/{barcode}` endpoint, as `adapter.signature(barcode)`.
  proofOfDelivery: true,
  estimatedDelivery: true,
};

/** PostNL customer service for receivers (postnl.nl/klantenservice); 088 868 6161 as PostNL publishes it. */
export const POSTNL_CONTACT: CarrierContactBook = {
  default: { phone: '+31 88 868 6161', url: 'https://www.postnl.nl/klantenservice/' },
  byCountry: {
    NL: { phone: '088 868 6161', url: 'https://www.postnl.nl/klantenservice/' },
    BE: { phone: null, url: 'https://www.postnl.be/klantenservice/' },
  },
};

/** The public tracking page. */
export function postnlTrackingUrl(barcode: string): string {
  return `https://jouw.postnl.nl/track-and-trace/${encodeURIComponent(barcode.trim())}`;
}
