import type { CarrierContactBook } from '@wismo/core';

export const FEDEX_CARRIER_ID = 'fedex';
export const FEDEX_CARRIER_NAME = 'FedEx';
/** FedEx production API (Track API v1 and OAuth). */
export const FEDEX_PRODUCTION_BASE_URL = 'https://apis.fedex.com';
/** FedEx sandbox ("test") API; answers with FedEx's mock tracking numbers. */
export const FEDEX_SANDBOX_BASE_URL = 'https://apis-sandbox.fedex.com';
/** "At least one occurrence of TrackingInfo is required. Maximum limit is 30." (Track API spec). */
export const FEDEX_MAX_NUMBERS_PER_REQUEST = 30;
/** "Each project has a transaction rate limit of 1400 transactions in the span of 10 seconds" (FedEx rate limit guide). */
export const FEDEX_RATE_LIMIT = { requests: 1_400, intervalMs: 10_000 } as const;

/** 1-800-GoFedEx in the US, 03456 07 08 09 in the UK (fedex.com/gb); elsewhere the support page routes by country. */
export const FEDEX_CONTACT: CarrierContactBook = {
  default: { phone: '+1 800 463 3339', url: 'https://www.fedex.com/en-us/customer-support.html' },
  byCountry: {
    US: { phone: '+1 800 463 3339', url: 'https://www.fedex.com/en-us/customer-support.html' },
    GB: { phone: '+44 345 607 0809', url: 'https://www.fedex.com/en-gb/customer-support.html' },
  },
};

export function fedexTrackingUrl(trackingNumber: string): string {
  return `https://www.fedex.com/fedextrack/?trknbr=${encodeURIComponent(trackingNumber.trim())}`;
}

/** How numbers are compared and sent: FedEx numbers are digits (and `DT…` door tags); spaces are dropped. */
export function normaliseFedexTrackingNumber(trackingNumber: string): string {
  return trackingNumber.replace(/\s+/g, '').toUpperCase();
}
