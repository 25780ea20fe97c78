export { dhl, createDhl, type DhlSettings } from './dhl-adapter';
export {
  DHL_API_KEY_ENVIRONMENT_VARIABLE,
  DHL_CAPABILITIES,
  DHL_CARRIER_ID,
  DHL_CARRIER_NAME,
  DHL_CONTACT,
  DHL_DAILY_QUOTA_DEFAULT,
  DHL_PRODUCTION_BASE_URL,
  DHL_SANDBOX_BASE_URL,
  DHL_SERVICES,
  DHL_TRACK_PATH,
  dhlTrackingUrl,
  type DhlService,
} from './dhl-carrier';
export {
  parseDhlTrackResponse,
  normaliseDhlShipment,
  errorForStatus,
  describeDhlProblem,
  type ParseDhlTrackResponseInput,
  type NormaliseDhlShipmentOptions,
} from './parse-dhl-response';
export {
  DHL_STATUS_CODES,
  DHL_STATUS_CODE_TABLE,
  DHL_EXPRESS_CHECKPOINT_TABLE,
  DHL_TEXT_RULES,
  mapDhlEvent,
  type DhlStatusCode,
  type DhlTextRule,
  type DhlTextSource,
  type DhlEventCodes,
  type DhlMappedEvent,
} from './map-dhl-status';
export * from './dhl-api';
export { checkDhlTrackResponse, isDhlTrackResponse } from './check-dhl-response';
