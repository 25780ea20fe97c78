/* `@wismo/carrier-usps/internal`: what the testkit and tests build on. No stability promise. */
export {
  USPS_CARRIER_NAME,
  USPS_PRODUCTION_BASE_URL,
  USPS_SANDBOX_BASE_URL,
  USPS_TOKEN_PATH,
  USPS_TRACKING_PATH,
  USPS_DEFAULT_RATE_LIMIT,
  USPS_CONTACT,
  uspsTrackingUrl,
} from './usps-carrier';
export {
  USPS_MAX_TEXT_LENGTH,
  cleanText,
  mapUspsEvent,
  uspsEventTime,
  uspsEstimatedDelivery,
  type UspsEventMappingInput,
} from './parse-usps-response';
export { USPS_EVENT_CODE_MEANINGS, USPS_PARTNER_LEG_CODES, USPS_SIGNED_DELIVERY, USPS_TRACKING_ERROR_FAMILY } from './usps-status-tables';
export * from './usps-api';
