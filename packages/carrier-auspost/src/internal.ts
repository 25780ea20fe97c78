/* `@wismo/carrier-auspost/internal`: what tests and the testkit build on. No stability promise. */
export {
  AUSPOST_CARRIER_NAME,
  AUSPOST_PRODUCTION_BASE_URL,
  AUSPOST_TEST_BASE_URL,
  AUSPOST_TRACK_PATH,
  AUSPOST_API_KEY_ENV,
  AUSPOST_PASSWORD_ENV,
  AUSPOST_ACCOUNT_NUMBER_ENV,
  AUSPOST_CAPABILITIES,
  AUSPOST_MAX_IDS_PER_REQUEST,
  AUSPOST_INVALID_TRACKING_ID_CODE,
  AUSPOST_TOO_MANY_IDS_CODE,
  AUSPOST_CONTACT,
  ausPostTrackingUrl,
} from './auspost-carrier';
export { ausPostTrackResponseSchema, ausPostErrorResponseSchema, type AusPostTrackResponse } from './auspost-api';
export { ausPostEventKey, mapAusPostEvent, mapAusPostArticleStatus } from './map-auspost-status';
