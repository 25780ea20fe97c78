/* `@wismo/carrier-canadapost/internal`: what tests and the testkit build on. No stability promise. */
export {
  CANADAPOST_CARRIER_NAME,
  CANADAPOST_PRODUCTION_BASE_URL,
  CANADAPOST_DEVELOPMENT_BASE_URL,
  CANADAPOST_TRACK_PATH,
  CANADAPOST_MEDIA_TYPE,
  CANADAPOST_USERNAME_ENV,
  CANADAPOST_PASSWORD_ENV,
  CANADAPOST_CAPABILITIES,
  CANADAPOST_NO_PIN_HISTORY_CODE,
  CANADAPOST_AUTH_FAILURE_CODE,
  CANADAPOST_CONTACT,
  canadaPostDetailPath,
  canadaPostTrackingUrl,
} from './canadapost-carrier';
export { canadaPostXmlParser, canadaPostTrackResponseSchema, readCanadaPostBody, type CanadaPostTrackResponse } from './canadapost-api';
export { canadaPostEventKey, mapCanadaPostEvent } from './map-canadapost-status';
export { CANADIAN_ZONE_OFFSETS, canadaPostEventTime } from './canadapost-time';
export { canadaPostLanguage } from './canadapost-adapter';
