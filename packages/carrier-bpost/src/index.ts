export { createBpost, bpost, type BpostSettings } from './bpost-adapter';
export { BPOST_CARRIER_ID } from './bpost-carrier';
export { parseBpostTrackingResponse } from './parse-bpost-response';
export { BPOST_STATE_CODES } from './bpost-status-tables';
