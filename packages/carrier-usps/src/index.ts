export { usps, createUsps, type UspsSettings } from './usps-adapter';
export { parseUspsTrackResponse, type ParseUspsTrackResponseInput } from './parse-usps-response';
export {
  USPS_EVENT_CODES,
  USPS_EVENT_CODE_MEANINGS,
  USPS_RETURN_REASONS,
  USPS_PARTNER_LEG_CODES,
  USPS_DELIVERED_REFINEMENTS,
  USPS_EVENT_TYPES,
  USPS_STATUS_CATEGORIES,
  USPS_TRACKING_ERROR_CODES,
  mapUspsEvent,
  mapUspsStatusCategory,
  type UspsEventMappingInput,
} from './map-usps-status';
export { uspsEventTime, uspsEstimatedDelivery, normaliseUspsOffset } from './usps-time';
export {
  uspsTrackingDetailsSchema,
  uspsTrackingEventSchema,
  uspsErrorSchema,
  type UspsTrackingDetails,
  type UspsTrackingEvent,
  type UspsErrorBody,
} from './usps-api';
export {
  USPS_CARRIER_ID,
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
