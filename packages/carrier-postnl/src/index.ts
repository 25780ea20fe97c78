export { createPostnl, postnl, type PostnlSettings, type PostnlAdapter, type PostnlMethods } from './postnl-adapter';
export { parsePostnlStatusResponse, type PostnlSignature, type PostnlSignatureOutcome } from './parse-postnl-response';
export { POSTNL_CARRIER_ID } from './postnl-carrier';
export { POSTNL_STATUS_CODES, POSTNL_PHASE_CODES, POSTNL_EVENT_CODES } from './postnl-status-tables';
