/*
 * `@wismo/carrier-usps/internal`: the parts the testkit and tests build on. No stability promise: these
 * change with the package, without a major version.
 */
export {
  USPS_CARRIER_NAME,
  USPS_PRODUCTION_BASE_URL,
  USPS_SANDBOX_BASE_URL,
  USPS_TOKEN_PATH,
  USPS_TRACKING_PATH,
  USPS_TRACKING_SCOPE,
  USPS_CLIENT_ID_ENV,
  USPS_CLIENT_SECRET_ENV,
  USPS_DEFAULT_RATE_LIMIT,
  USPS_CONTACT,
  USPS_CAPABILITIES,
  uspsTrackingUrl,
} from './usps-constants';
export { USPS_MAX_TEXT_LENGTH, cleanText, errorDetail } from './parse-usps-response';
export { mapUspsEvent, mapUspsStatusCategory, type UspsEventMappingInput } from './map-usps-status';
export { USPS_EVENT_CODE_MEANINGS, USPS_PARTNER_LEG_CODES, USPS_SIGNED_DELIVERY, USPS_TRACKING_ERROR_FAMILY } from './usps-status-tables';
export { uspsEventTime, uspsEstimatedDelivery, normaliseUspsOffset, parseUspsClock } from './usps-time';
export {
  uspsTrackingDetailsSchema,
  uspsTrackingEventSchema,
  uspsErrorSchema,
  type UspsTrackingDetails,
  type UspsTrackingEvent,
  type UspsErrorBody,
} from './usps-api';
