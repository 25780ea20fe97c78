export { createDhlParcelDe, dhlParcelDe, type DhlParcelDeSettings } from './dhl-parcel-de-adapter';
export { DHL_PARCEL_DE_CARRIER_ID } from './dhl-parcel-de-carrier';
export { parseDhlParcelDeResponse, type DhlParcelDeSignature, type DhlParcelDeSignatureResult } from './parse-dhl-parcel-de-response';
export {
  DHL_PARCEL_DE_EVENTS,
  DHL_PARCEL_DE_COMBINATIONS,
  DHL_PARCEL_DE_STANDARD_EVENT_CODES,
  DHL_PARCEL_DE_REASON_CODES,
} from './dhl-parcel-de-status-tables';
