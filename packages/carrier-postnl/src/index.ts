export { createPostnl, postnl, type PostnlSettings, type PostnlAdapter, type PostnlMethods } from './postnl-adapter';
export type { PostnlSignature, PostnlSignatureOutcome } from './postnl-signature';
export { POSTNL_CARRIER_ID } from './postnl-carrier';
export { parsePostnlStatusResponse } from './parse-postnl-response';
export { POSTNL_STATUS_CODES, POSTNL_PHASE_CODES, POSTNL_EVENT_CODES } from './postnl-status-tables';
