export { createGls, gls, type GlsSettings, type GlsAdapter, type GlsMethods } from './gls-adapter';
export { GLS_CARRIER_ID } from './gls-carrier';
export { parseGlsTrackResponse, type GlsParcelShop, type GlsParcelShopOutcome } from './parse-gls-response';
export { GLS_EVENT_CODES, GLS_PARCEL_STATUSES } from './gls-status-tables';
