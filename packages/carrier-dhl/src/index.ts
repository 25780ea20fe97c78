export { createDhl, dhl, type DhlSettings } from './dhl-adapter';
export { DHL_CARRIER_ID, type DhlService } from './dhl-carrier';
export { parseDhlTrackResponse } from './parse-dhl-response';
export { DHL_STATUS_CODE_TABLE, DHL_EXPRESS_CHECKPOINT_TABLE, DHL_TEXT_RULES } from './dhl-status-tables';

// DHL Unified Push: account subscription, the header-token verifier and a parser
export { createDhlPushReceiver, parseDhlPush, subscribeDhlPush, type DhlPushSettings, type DhlPushSubscribeOptions } from './dhl-push';
