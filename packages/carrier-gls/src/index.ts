export { createGls, gls, type GlsSettings, type GlsAdapter, type GlsMethods } from './gls-adapter';
export type { GlsParcelShop, GlsParcelShopOutcome } from './gls-parcel-shop';
export { GLS_CARRIER_ID } from './gls-carrier';
export { parseGlsTrackResponse } from './parse-gls-response';
export { GLS_EVENT_CODES, GLS_PARCEL_STATUSES } from './gls-status-tables';
