import type { CarrierCapabilities, CarrierContactBook } from '@wismo/core';

/** Lower case without separators, like every wismo carrier id (see core's `carrierIdForCourierCode`). */
export const DHL_PARCEL_DE_CARRIER_ID = 'dhlparcelde';
export const DHL_PARCEL_DE_CARRIER_NAME = 'DHL Paket';

/** Production origin; DHL's sandbox, `https://api-sandbox.dhl.com`, answers only for its pieces and the login below. */
export const DHL_PARCEL_DE_PRODUCTION_BASE_URL = 'https://api-eu.dhl.com';
/** One path for every operation: the operation is the `request` attribute of the XML in `?xml=`. */
export const DHL_PARCEL_DE_TRACK_PATH = '/parcel/de/tracking/v0/shipments';
export const DHL_PARCEL_DE_PIECE_DETAIL_REQUEST = 'd-get-piece-detail';

/** DHL's published sandbox login for the XML (karrio `vendors/tracking-test.txt`); not a secret. */
export const DHL_PARCEL_DE_SANDBOX_LOGIN = { username: 'zt12345', password: 'geheim' } as const;

/** `d-get-piece-detail` takes up to 20 piece codes, separated by `;`. */
export const DHL_PARCEL_DE_MAX_PIECES_PER_REQUEST = 20;

export const DHL_PARCEL_DE_CAPABILITIES: CarrierCapabilities = {
  maxNumbersPerRequest: DHL_PARCEL_DE_MAX_PIECES_PER_REQUEST,
  // DHL publishes no rate limit for this API; the developer portal's default plan for DHL APIs allows about one
  // call a second. One request a second (20 pieces each) is the conservative default; raise it with `rateLimit`.
  rateLimit: { requests: 1, intervalMs: 1_000 },
  webhooks: false,
  // `d-get-signature` returns the recipient's signature (a GIF) for pieces delivered in Germany.
  proofOfDelivery: true,
  estimatedDelivery: true,
};

/** DHL Paket's consumer service (dhl.de); the same line serves every destination of this domestic API. */
export const DHL_PARCEL_DE_CONTACT: CarrierContactBook = {
  default: { phone: '+49 228 4333112', url: 'https://www.dhl.de/de/privatkunden/kundenservice.html' },
};

/** A piece code as DHL takes it: without spaces and dashes, upper case. */
export function dhlParcelDePieceCode(value: string | undefined): string {
  return value ? value.replace(/[\s-]+/g, '').toUpperCase() : '';
}

/** The public DHL Paket tracking page. */
export function dhlParcelDeTrackingUrl(trackingNumber: string): string {
  return `https://www.dhl.de/de/privatkunden.html?piececode=${encodeURIComponent(trackingNumber.trim())}`;
}
