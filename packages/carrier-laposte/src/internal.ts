/* `@wismo/carrier-laposte/internal`: what tests and the testkit build on. No stability promise. */
export {
  LAPOSTE_CARRIER_NAME,
  LAPOSTE_PRODUCTION_BASE_URL,
  LAPOSTE_TRACK_PATH,
  LAPOSTE_API_KEY_ENV,
  LAPOSTE_API_KEY_HEADER,
  LAPOSTE_LANGUAGES,
  LAPOSTE_DEFAULT_LANGUAGE,
  LAPOSTE_MAX_IDS_PER_REQUEST,
  LAPOSTE_DEFAULT_RATE_LIMIT,
  LAPOSTE_CAPABILITIES,
  LAPOSTE_CONTACT,
  laposteTrackingUrl,
} from './laposte-carrier';
export { laposteLanguage } from './laposte-adapter';
export { normaliseLaposteShipment, laposteErrorMessage } from './parse-laposte-response';
export { mapLaposteEventCode, mapLaposteTimeline } from './map-laposte-status';
export { LAPOSTE_RETURN_CODES } from './laposte-status-tables';
export { laposteTime, laposteEstimatedDelivery } from './laposte-time';
export {
  laposteTrackResponseSchema,
  laposteUnitaryResponseSchema,
  type LaposteTrackResponse,
  type LaposteUnitaryResponse,
  type LaposteShipment,
  type LaposteEvent,
} from './laposte-api';
