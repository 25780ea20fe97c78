/*
 * `@wismo/carrier-gls/internal`: the parts the testkit and tests build on. No stability promise: these
 * change with the package, without a major version.
 */
export {
  GLS_CARRIER_NAME,
  GLS_PRODUCTION_BASE_URL,
  GLS_SANDBOX_BASE_URL,
  GLS_TOKEN_PATH,
  GLS_TRACK_PATH,
  GLS_DELIVERY_INFO_PATH,
  GLS_CLIENT_ID_ENV,
  GLS_CLIENT_SECRET_ENV,
  GLS_DAILY_QUOTA,
  GLS_DEFAULT_RATE_LIMIT,
  GLS_CAPABILITIES,
  GLS_CONTACT,
  glsTrackingUrl,
} from './gls-carrier';
export {
  GLS_ERROR_CODES,
  describeGlsErrorBody,
  glsQuotaError,
  glsRequestError,
  glsTime,
  millisecondsUntilGlsQuotaReset,
  normaliseGlsParcel,
} from './parse-gls-response';
export { mapGlsEvent, mapGlsParcelStatus, normaliseGlsCode, type GlsEventMapping } from './map-gls-status';
export { parseGlsDeliveryInfoResponse } from './gls-parcel-shop';
export {
  glsDeliveryInfoResponseSchema,
  glsTrackResponseSchema,
  glsApigeeFaultSchema,
  glsProblemSchema,
  type GlsTrackResponse,
  type GlsParcel,
  type GlsEvent,
} from './gls-api';
