/*
 * `@wismo/carrier-bpost/internal`: the parts the testkit and tests build on. No stability promise: these
 * change with the package, without a major version.
 */
export {
  BPOST_CARRIER_NAME,
  BPOST_PRODUCTION_BASE_URL,
  BPOST_LEGACY_BASE_URL,
  BPOST_TRACKING_PATH,
  BPOST_TRACKING_SUFFIX,
  BPOST_ACCOUNT_ID_ENV,
  BPOST_PASSPHRASE_ENV,
  BPOST_DEFAULT_RATE_LIMIT,
  BPOST_CAPABILITIES,
  BPOST_CONTACT,
  bpostTrackingUrl,
} from './bpost-carrier';
export { normaliseBpostNumber } from './bpost-adapter';
export { normaliseBpostItem, bpostSystemError, bpostBusinessError } from './parse-bpost-response';
export { mapBpostState } from './map-bpost-status';
export { bpostStateTime, bpostEstimatedDelivery } from './bpost-time';
export {
  bpostTrackingResponseSchema,
  bpostXmlParser,
  readBpostBody,
  type BpostTrackingResponse,
  type BpostItemTracking,
  type BpostStateInfo,
} from './bpost-api';
