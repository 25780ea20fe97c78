/*
 * `@wismo/carrier-fedex/internal`: the parts the testkit and tests build on. No stability promise: these
 * change with the package, without a major version.
 */
export {
  FEDEX_CARRIER_NAME,
  FEDEX_PRODUCTION_BASE_URL,
  FEDEX_SANDBOX_BASE_URL,
  FEDEX_CLIENT_ID_ENV,
  FEDEX_CLIENT_SECRET_ENV,
  FEDEX_MAX_NUMBERS_PER_REQUEST,
  FEDEX_RATE_LIMIT,
  FEDEX_CONTACT,
  FEDEX_CAPABILITIES,
  fedexTrackingUrl,
  normaliseFedexTrackingNumber,
} from './fedex-constants';
export {
  parseFedexTrackResults,
  parseFedexProofOfDeliveryResponse,
  buildFedexShipment,
  parseFedexTime,
  fedexRequestError,
  describeFedexErrorBody,
  refineFedexRateLimit,
  millisecondsUntilFedexQuotaReset,
  type ParseFedexOptions,
  type ParseFedexTrackResponseInput,
} from './parse-fedex-response';
export { mapFedexEvent, mapFedexLatestStatus, type FedexEventCodes } from './map-fedex-status';
export {
  fedexTrackResponseSchema,
  fedexTrackResultSchema,
  fedexTrackingDocumentsResponseSchema,
  type FedexTrackResult,
  type FedexScanEvent,
} from './fedex-api';
