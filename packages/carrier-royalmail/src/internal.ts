/* `@wismo/carrier-royalmail/internal`: what the testkit builds on. No stability promise. */
export { ROYALMAIL_MAILPIECES_PATH, ROYALMAIL_SUMMARY_PATH, ROYALMAIL_MAX_SUMMARY_IDS, ROYALMAIL_CAPABILITIES } from './royalmail-carrier';
