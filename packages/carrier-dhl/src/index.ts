export { createDhl, dhl, type DhlSettings } from './dhl-adapter';
export { DHL_CARRIER_ID, type DhlService } from './dhl-carrier';
export { parseDhlTrackResponse } from './parse-dhl-response';
export { DHL_STATUS_CODE_TABLE, DHL_EXPRESS_CHECKPOINT_TABLE, DHL_TEXT_RULES } from './dhl-status-tables';

// DHL Parcel DE (Post & Parcel Germany) XML tracking API, beside the Unified adapter above.
export { createDhlParcelDe, dhlParcelDe, type DhlParcelDeSettings } from './dhl-parcel-de-adapter';
export { DHL_PARCEL_DE_CARRIER_ID } from './dhl-parcel-de-carrier';
export { parseDhlParcelDeResponse, type DhlParcelDeSignature, type DhlParcelDeSignatureResult } from './parse-dhl-parcel-de-response';
export {
  DHL_PARCEL_DE_EVENTS,
  DHL_PARCEL_DE_COMBINATIONS,
  DHL_PARCEL_DE_STANDARD_EVENT_CODES,
  DHL_PARCEL_DE_REASON_CODES,
} from './dhl-parcel-de-status-tables';

// DHL Unified Push: account subscription, the header-token verifier and a parser
export { createDhlPushReceiver, parseDhlPush, subscribeDhlPush, type DhlPushSettings, type DhlPushSubscribeOptions } from './dhl-push';
