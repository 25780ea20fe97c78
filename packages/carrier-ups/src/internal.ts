/*
 * `@wismo/carrier-ups/internal`: the parts the testkit and tests build on. No stability promise: these
 * change with the package, without a major version.
 */
export {
  UPS_CARRIER_NAME,
  UPS_PRODUCTION_BASE_URL,
  UPS_SANDBOX_BASE_URL,
  UPS_TOKEN_PATH,
  UPS_TRACK_PATH,
  UPS_CLIENT_ID_ENV,
  UPS_CLIENT_SECRET_ENV,
  UPS_DEFAULT_RATE_LIMIT,
  UPS_CAPABILITIES,
  UPS_CONTACT,
  upsTrackingUrl,
} from './ups-carrier';
export { normaliseUpsPackage, upsRequestError, upsErrorMessages, UPS_ERROR_CODES } from './parse-ups-response';
export { mapUpsStatus, normaliseUpsStatusCode, normaliseUpsScanCode, type UpsStatusCodes, type UpsStatusMapping } from './map-ups-status';
export { UPS_CATCH_ALL_STATUS_CODES, UPS_SCAN_CODE_TABLES_BY_TYPE } from './ups-status-tables';
export { upsActivityTime, upsEstimatedDelivery, upsDeliveredTime } from './ups-time';
export { upsTrackResponseSchema, upsErrorResponseSchema, type UpsTrackResponse, type UpsPackage, type UpsActivity } from './ups-api';
