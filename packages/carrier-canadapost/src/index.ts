export { createCanadaPost, canadaPost, type CanadaPostSettings } from './canadapost-adapter';
export { CANADAPOST_CARRIER_ID } from './canadapost-carrier';
export { parseCanadaPostTrackResponse } from './parse-canadapost-response';
export { CANADAPOST_EVENT_CODES } from './canadapost-status-tables';
