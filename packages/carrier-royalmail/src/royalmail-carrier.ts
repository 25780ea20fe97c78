import type { CarrierCapabilities, CarrierContactBook } from '@wismo/core';

export const ROYALMAIL_CARRIER_ID = 'royalmail';
export const ROYALMAIL_CARRIER_NAME = 'Royal Mail';
/** Tracking API v2 on the Royal Mail API platform (IBM API Connect). */
export const ROYALMAIL_PRODUCTION_BASE_URL = 'https://api.royalmail.net';
export const ROYALMAIL_MAILPIECES_PATH = '/mailpieces/v2';
/** `/summary` takes up to 30 ids (comma separated `mailPieceId`); more → E0013 maximum parameters exceeded. */
export const ROYALMAIL_MAX_SUMMARY_IDS = 30;

export const ROYALMAIL_SUMMARY_PATH = `${ROYALMAIL_MAILPIECES_PATH}/summary`;

export const ROYALMAIL_CAPABILITIES: CarrierCapabilities = {
  // `track` reads `/events`, one item a request, for the whole history; `trackSummaries` batches 30 on `/summary`.
  maxNumbersPerRequest: 1,
  // Royal Mail publishes no rate limit (E0010 "too many requests" exists); five a second is a conservative default.
  rateLimit: { requests: 5, intervalMs: 1000 },
  webhooks: false,
  proofOfDelivery: true,
  estimatedDelivery: true,
};

export const ROYALMAIL_CONTACT: CarrierContactBook = {
  default: { phone: '+44 1752 387112', url: 'https://www.royalmail.com/help' },
  byCountry: {
    GB: { phone: '03457 740 740', url: 'https://www.royalmail.com/help' },
  },
};

export function royalMailTrackingUrl(trackingNumber: string): string {
  return `https://www.royalmail.com/track-your-item#/tracking-results/${encodeURIComponent(trackingNumber.trim())}`;
}
