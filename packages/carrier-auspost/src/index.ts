export { createAusPost, ausPost, type AusPostSettings } from './auspost-adapter';
export { AUSPOST_CARRIER_ID } from './auspost-carrier';
export { parseAusPostTrackResponse } from './parse-auspost-response';
export { AUSPOST_ARTICLE_STATUSES, AUSPOST_EVENT_DESCRIPTIONS } from './auspost-status-tables';
