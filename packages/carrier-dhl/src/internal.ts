/*
 * `@wismo/carrier-dhl/internal`: the parts the testkit and tests build on. No stability promise: these
 * change with the package, without a major version.
 */
export {
  DHL_API_KEY_ENVIRONMENT_VARIABLE,
  DHL_CAPABILITIES,
  DHL_CARRIER_NAME,
  DHL_CONTACT,
  DHL_DAILY_QUOTA_DEFAULT,
  DHL_MAX_TEXT_LENGTH,
  DHL_PRODUCTION_BASE_URL,
  DHL_SANDBOX_BASE_URL,
  DHL_SERVICES,
  DHL_TRACK_PATH,
  capText,
  dhlTrackingUrl,
} from './dhl-carrier';
export { normaliseDhlShipment, errorForStatus, describeDhlProblem } from './parse-dhl-response';
export { DHL_STATUS_CODES } from './dhl-status-tables';
export { mapDhlEvent, type DhlEventCodes, type DhlMappedEvent } from './map-dhl-status';
export * from './dhl-api';

// DHL Parcel DE (XML tracking API).
export * from './dhl-parcel-de-carrier';
export { dhlParcelDeRequestXml, type DhlParcelDeExtension } from './dhl-parcel-de-adapter';
export * from './dhl-parcel-de-api';
export {
  mapDhlParcelDeStatus,
  normaliseDhlParcelDePiece,
  dhlParcelDeResultError,
  dhlParcelDeHttpError,
  dhlParcelDeTime,
  parseDhlParcelDeSignatureResponse,
  DHL_PARCEL_DE_RESULT_CODES,
  type DhlParcelDeStatusMapping,
  type ParsedDhlParcelDeSignature,
} from './parse-dhl-parcel-de-response';
export type { DhlParcelDeReasonRefinement } from './dhl-parcel-de-status-tables';
