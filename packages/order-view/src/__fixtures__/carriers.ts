import type { CarrierDirectory } from '../view/carrier-directory';

/**
 * Carrier directory used by the tests: public customer-service numbers and pages as the carriers publish
 * them (checked November 2026). Real deployments pass the carrier adapters instead.
 */
export const TEST_CARRIERS: CarrierDirectory = {
  dhl: {
    name: 'DHL',
    contact: { default: { phone: '+49 228 4333112', url: 'https://www.dhl.de/de/privatkunden/kundenservice.html' } },
    trackingUrl: (number) => `https://www.dhl.de/de/privatkunden/pakete-empfangen/verfolgen.html?piececode=${number}`,
    pickupHoldDays: 7,
  },
  dhl_express: {
    name: 'DHL Express',
    contact: {
      default: { phone: null, url: 'https://www.dhl.com/global-en/home/customer-service.html' },
      byCountry: {
        DE: { phone: '+49 228 28609898', url: 'https://www.dhl.com/de-de/home/kundenservice.html' },
        US: { phone: '1-800-225-5345', url: 'https://www.dhl.com/us-en/home/customer-service.html' },
      },
    },
    trackingUrl: (number) => `https://www.dhl.com/global-en/home/tracking/tracking-express.html?tracking-id=${number}`,
  },
  dhl_ecommerce: {
    name: 'DHL eCommerce',
    contact: { default: { phone: null, url: 'https://www.dhl.com/us-en/home/ecommerce/contact-us.html' } },
    trackingUrl: (number) => `https://www.dhl.com/us-en/home/tracking/tracking-ecommerce.html?tracking-id=${number}`,
  },
  usps: {
    name: 'USPS',
    contact: { default: { phone: '1-800-275-8777', url: 'https://www.usps.com/help/contact-us.htm' } },
    trackingUrl: (number) => `https://tools.usps.com/go/TrackConfirmAction?tLabels=${number}`,
    pickupHoldDays: 15,
  },
  ups: {
    name: 'UPS',
    contact: { default: { phone: '1-800-742-5877', url: 'https://www.ups.com/us/en/support/contact-us.page' } },
    trackingUrl: (number) => `https://www.ups.com/track?tracknum=${number}`,
    pickupHoldDays: 7,
  },
  postnl: {
    name: 'PostNL',
    contact: { default: { phone: '088 868 6161', url: 'https://www.postnl.nl/klantenservice/' } },
    trackingUrl: (number) => `https://jouw.postnl.nl/track-and-trace/${number}`,
    pickupHoldDays: 7,
  },
};
