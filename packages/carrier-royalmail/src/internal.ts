/* `@wismo/carrier-royalmail/internal`: what tests and the testkit build on. No stability promise. */
export {
  ROYALMAIL_CARRIER_NAME,
  ROYALMAIL_PRODUCTION_BASE_URL,
  ROYALMAIL_MAILPIECES_PATH,
  ROYALMAIL_SUMMARY_PATH,
  ROYALMAIL_CLIENT_ID_ENV,
  ROYALMAIL_CLIENT_SECRET_ENV,
  ROYALMAIL_CAPABILITIES,
  ROYALMAIL_MAX_SUMMARY_IDS,
  ROYALMAIL_NOT_RECOGNISED_CODE,
  ROYALMAIL_CONTACT,
  royalMailEventsPath,
  royalMailSignaturePath,
  royalMailTrackingUrl,
} from './royalmail-carrier';
export {
  royalMailEventsResponseSchema,
  royalMailSummaryResponseSchema,
  royalMailSignatureResponseSchema,
  royalMailErrorResponseSchema,
} from './royalmail-api';
export { mapRoyalMailEvent, mapRoyalMailStatusCategory } from './map-royalmail-status';
export { ROYALMAIL_NOT_FOUND_CODES, ROYALMAIL_NO_SIGNATURE_CODES } from './royalmail-status-tables';
export { parseRoyalMailSignatureResponse } from './parse-royalmail-signature';
export { normaliseRoyalMailNumber } from './royalmail-adapter';
