/*
 * `@wismo/carrier-postnl/internal`: the parts the testkit and tests build on. No stability promise: these
 * change with the package, without a major version.
 */
export {
  POSTNL_CARRIER_NAME,
  POSTNL_PRODUCTION_BASE_URL,
  POSTNL_SANDBOX_BASE_URL,
  POSTNL_STATUS_PATH,
  POSTNL_SIGNATURE_PATH,
  POSTNL_API_KEY_ENV,
  POSTNL_TIME_ZONE,
  POSTNL_DEFAULT_RATE_LIMIT,
  POSTNL_SANDBOX_RATE_LIMIT,
  POSTNL_CAPABILITIES,
  POSTNL_CONTACT,
  postnlTrackingUrl,
} from './postnl-carrier';
export { POSTNL_NOT_FOUND_WARNING, describePostnlErrorBody, normalisePostnlShipment, postnlRequestError } from './parse-postnl-response';
export { mapPostnlEvent, mapPostnlStatus, normalisePostnlEventCode } from './map-postnl-status';
export { postnlTime, postnlEstimatedDelivery } from './postnl-time';
export { parsePostnlSignatureResponse } from './postnl-signature';
export {
  postnlSignatureResponseSchema,
  postnlStatusResponseSchema,
  postnlFaultSchema,
  postnlMessageSchema,
  type PostnlStatusResponse,
  type PostnlShipment,
  type PostnlEvent,
  type PostnlAddress,
} from './postnl-api';
