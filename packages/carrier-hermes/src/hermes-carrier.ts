import type { CarrierCapabilities, CarrierContactBook } from '@wismo/core';

export const HERMES_CARRIER_ID = 'hermes';
export const HERMES_CARRIER_NAME = 'Hermes';

/** Hermes Germany's Shipment Info API (HSI); the integration environment is `de-api-int.hermesworld.com`. */
export const HERMES_PRODUCTION_BASE_URL = 'https://de-api.hermesworld.com';
/** `GET /services/hsi/shipmentinfo?shipmentID=…&shipmentID=…` (the older `/shipmentstatus` paths are deprecated). */
export const HERMES_TRACK_PATH = '/services/hsi/shipmentinfo';
/** "Business Customer Authentication": password grant, tokens valid one hour (integration: `authme-int.myhermes.de`). */
export const HERMES_AUTH_URL = 'https://authme.myhermes.de/authorization-facade/oauth2/access_token';

/** "up to 100 shipmentIDs" per request. */
export const HERMES_MAX_IDS_PER_REQUEST = 100;

export const HERMES_CAPABILITIES: CarrierCapabilities = {
  maxNumbersPerRequest: HERMES_MAX_IDS_PER_REQUEST,
  /*
   * Hermes publishes no rate limit for the Shipment Info API. 5 requests a second (of up to 100 ids each) is a
   * conservative default; raise it with the `rateLimit` setting once Hermes has confirmed your quota.
   */
  rateLimit: { requests: 5, intervalMs: 1000 },
  webhooks: false,
  // shipmentinfo has no proof of delivery or signature.
  proofOfDelivery: false,
  estimatedDelivery: true,
};

/** myhermes.de's help pages list the current contact options; no phone number is given here (none confirmed). */
export const HERMES_CONTACT: CarrierContactBook = {
  default: { phone: null, url: 'https://www.myhermes.de/service/' },
};

/** The public tracking page, as the API's own `trackingLink`. */
export function hermesTrackingUrl(trackingNumber: string): string {
  return `https://www.myhermes.de/tracking/${encodeURIComponent(trackingNumber.trim())}`;
}
