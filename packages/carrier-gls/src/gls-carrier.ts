import type { CarrierCapabilities, CarrierContactBook, RateLimit } from '@wismo/core';

export const GLS_CARRIER_ID = 'gls';
export const GLS_CARRIER_NAME = 'GLS';

/**
 * One origin serves OAuth and Track And Trace V1. GLS has a sandbox (`https://api-sandbox.gls-group.net`), but "The
 * production and sandbox environments are identical. Please always use the production environment." (spec 1.0.7).
 */
export const GLS_PRODUCTION_BASE_URL = 'https://api.gls-group.net';

/** GLS Authentication API v2; the T&T spec's securityScheme still names the older `/oauth2/v1/token`. */
export const GLS_TOKEN_PATH = '/oauth2/v2/token';
/** `references` rather than `trackids`: it takes every number a customer holds (parcel number, Track ID, card id). */
export const GLS_TRACK_PATH = '/track-and-trace-v1/tracking/simple/references';
/** Which ParcelShop a parcel went to: `GET …/tracking/deliveryinfo/parcelid/{unitno}?originaldestinationpostalcode=`. */
export const GLS_DELIVERY_INFO_PATH = '/track-and-trace-v1/tracking/deliveryinfo/parcelid';

/** "By default, clients are limited to 500 requests per day" (spec 1.0.7); GLS raises it on request. */
export const GLS_DEFAULT_RATE_LIMIT: RateLimit = { requests: 500, intervalMs: 86_400_000 };

export const GLS_CAPABILITIES: CarrierCapabilities = {
  // "a maximum limit of 10 parcel IDs per request"; 11 gets HTTP 400.
  maxNumbersPerRequest: 10,
  rateLimit: GLS_DEFAULT_RATE_LIMIT,
  webhooks: false,
  // Track And Trace V1 has neither proof of delivery nor a delivery estimate.
  proofOfDelivery: false,
  estimatedDelivery: false,
};

/** GLS runs one site per country; only a number a GLS page states is given (France's help page: 09 74 910 910). */
export const GLS_CONTACT: CarrierContactBook = {
  default: { phone: null, url: 'https://gls-group.com/' },
  byCountry: {
    DE: { phone: null, url: 'https://www.gls-pakete.de/' },
    FR: { phone: '+33 9 74 91 09 10', url: 'https://gls-group.com/FR/en/receive-parcel/help' },
  },
};

/** The public tracking page. */
export function glsTrackingUrl(trackingNumber: string): string {
  return `https://gls-group.com/GROUP/en/parcel-tracking?match=${encodeURIComponent(trackingNumber.trim())}`;
}
