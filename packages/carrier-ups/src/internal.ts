/* `@wismo/carrier-ups/internal`: what the testkit builds on. No stability promise. */
export { UPS_DEFAULT_RATE_LIMIT, UPS_TOKEN_PATH, UPS_TRACK_PATH } from './ups-carrier';
