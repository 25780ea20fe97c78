/* `@wismo/carrier-hermes/internal`: what tests and the testkit build on. No stability promise. */
export {
  HERMES_CARRIER_NAME,
  HERMES_PRODUCTION_BASE_URL,
  HERMES_INTEGRATION_BASE_URL,
  HERMES_TRACK_PATH,
  HERMES_AUTH_URL,
  HERMES_INTEGRATION_AUTH_URL,
  HERMES_CLIENT_ID_ENV,
  HERMES_CLIENT_SECRET_ENV,
  HERMES_USERNAME_ENV,
  HERMES_PASSWORD_ENV,
  HERMES_MAX_IDS_PER_REQUEST,
  HERMES_DEFAULT_RATE_LIMIT,
  HERMES_CAPABILITIES,
  HERMES_CONTACT,
  HERMES_TIME_ZONE,
  hermesTrackingUrl,
} from './hermes-carrier';
export { hermesLanguage } from './hermes-adapter';
export { normaliseHermesShipment, hermesResultCodes } from './parse-hermes-response';
export { mapHermesStatus, normaliseHermesCode } from './map-hermes-status';
export { HERMES_RESULT_CODES } from './hermes-status-tables';
export { hermesTime, hermesEstimatedDelivery } from './hermes-time';
export {
  hermesShipmentInfoResponseSchema,
  hermesErrorResponseSchema,
  type HermesShipmentInfoResponse,
  type HermesShipmentInfo,
  type HermesStatus,
} from './hermes-api';
