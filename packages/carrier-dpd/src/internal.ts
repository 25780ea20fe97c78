/*
 * `@wismo/carrier-dpd/internal`: the parts the testkit and tests build on. No stability promise: these
 * change with the package, without a major version.
 */
export {
  DPD_CARRIER_NAME,
  DPD_PRODUCTION_BASE_URL,
  DPD_BE_BASE_URL,
  DPD_NL_BASE_URL,
  DPD_BE_TEST_BASE_URL,
  DPD_NL_TEST_BASE_URL,
  DPD_LOGIN_PATH,
  DPD_TRACKING_PATH,
  DPD_LOGIN_SOAP_ACTION,
  DPD_TRACKING_SOAP_ACTION,
  DPD_DELIS_ID_ENV,
  DPD_PASSWORD_ENV,
  DPD_DEFAULT_MESSAGE_LANGUAGE,
  DPD_DEFAULT_RATE_LIMIT,
  DPD_CAPABILITIES,
  DPD_CONTACT,
  dpdTrackingUrl,
} from './dpd-carrier';
export { normaliseDpdNumber } from './dpd-adapter';
export { normaliseDpdTrackingResult, dpdFaultError, describeDpdFault, DPD_AUTHENTICATION_ERROR } from './parse-dpd-response';
export { mapDpdStatus } from './map-dpd-status';
export { dpdStatusTime, dpdTokenExpiryEpochMs } from './dpd-time';
export {
  dpdTrackingResponseSchema,
  dpdLoginResponseSchema,
  dpdXmlParser,
  readDpdBody,
  type DpdTrackingResponse,
  type DpdStatusInfo,
} from './dpd-api';
export { dpdLoginEnvelope, dpdTrackingEnvelope } from './dpd-soap';
