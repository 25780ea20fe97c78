import type { CarrierContactBook } from '@wismo/core';

export const USPS_CARRIER_ID = 'usps';
export const USPS_CARRIER_NAME = 'USPS';
/** Production API (Tracking v3 and OAuth). */
export const USPS_PRODUCTION_BASE_URL = 'https://apis.usps.com';
/** Test Environment for Mailers (TEM), the USPS sandbox. */
export const USPS_SANDBOX_BASE_URL = 'https://apis-tem.usps.com';
export const USPS_TOKEN_PATH = '/oauth2/v3/token';
export const USPS_TRACKING_PATH = '/tracking/v3/tracking';
/**
 * The default quota of a USPS API app: 60 requests per hour, shared by every v3 API of the app. Third-party
 * sources (revaddress.com, a USPS/api-examples issue comment); USPS's own FAQ only says the quota is per hour.
 */
export const USPS_DEFAULT_RATE_LIMIT = { requests: 60, intervalMs: 60 * 60 * 1000 } as const;
export const USPS_CONTACT: CarrierContactBook = { default: { phone: '1-800-275-8777', url: 'https://www.usps.com/help/' } };

/** The public tracking page. */
export function uspsTrackingUrl(trackingNumber: string): string {
  return `https://tools.usps.com/go/TrackConfirmAction?tLabels=${encodeURIComponent(trackingNumber.replace(/\s+/g, ''))}`;
}
