import type { CarrierContactBook, RateLimit } from '@wismo/core';

export const DPD_CARRIER_ID = 'dpd';
export const DPD_CARRIER_NAME = 'DPD';

/**
 * DPD Web Connect (research/carriers.md §5): one origin per country serves the LoginService and the
 * ParcelLifeCycleService (the Dutch one and the test systems are in the README); Belgium's, as the sample is Belgian.
 */
export const DPD_PRODUCTION_BASE_URL = 'https://wsshipper.dpd.be';

export const DPD_LOGIN_PATH = '/soap/services/LoginService/V2_1';
export const DPD_TRACKING_PATH = '/soap/services/ParcelLifeCycleService/V2_0';
export const DPD_LOGIN_SOAP_ACTION = 'http://dpd.com/common/service/types/LoginService/2.1/getAuth';
export const DPD_TRACKING_SOAP_ACTION = 'http://dpd.com/common/service/types/ParcelLifeCycleService/2.0/getTrackingData';

/** DPD publishes no rate limit: 5 requests a second is cautious; the login token is reused, so logins stay rare. */
export const DPD_DEFAULT_RATE_LIMIT: RateLimit = { requests: 5, intervalMs: 1000 };

/** DPD runs one customer-service site per country; phone numbers change often, so the pages are given. */
export const DPD_CONTACT: CarrierContactBook = {
  default: { phone: null, url: 'https://www.dpd.com/be/en/support/' },
  byCountry: {
    BE: { phone: null, url: 'https://www.dpd.com/be/en/support/' },
    NL: { phone: null, url: 'https://www.dpd.com/nl/nl/klantenservice/' },
    DE: { phone: null, url: 'https://www.dpd.com/de/de/support/' },
    FR: { phone: null, url: 'https://www.dpd.com/fr/fr/support/' },
  },
};

/** The public tracking page (the link karrio's DPD connector gives for this API's parcels). */
export function dpdTrackingUrl(trackingNumber: string): string {
  return `https://www.dpdgroup.com/be/mydpd/my-parcels/track?lang=en&parcelNumber=${encodeURIComponent(trackingNumber.trim())}`;
}
