/* `@wismo/carrier-hermes/internal`: what the testkit builds on. No stability promise. */
export { HERMES_TRACK_PATH, HERMES_MAX_IDS_PER_REQUEST, HERMES_CAPABILITIES } from './hermes-carrier';
