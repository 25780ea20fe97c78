export { createRoyalMail, royalMail, type RoyalMailSettings, type RoyalMailAdapter, type RoyalMailMethods } from './royalmail-adapter';
export { ROYALMAIL_CARRIER_ID } from './royalmail-carrier';
export { parseRoyalMailEventsResponse, parseRoyalMailSummaryResponse } from './parse-royalmail-response';
export type { RoyalMailSignature, RoyalMailSignatureOutcome } from './parse-royalmail-response';
export { ROYALMAIL_EVENT_CODES, ROYALMAIL_STATUS_CATEGORIES } from './royalmail-status-tables';
