/* `@wismo/carrier-usps/internal`: what the testkit builds on. No stability promise. */
export { USPS_DEFAULT_RATE_LIMIT, USPS_TOKEN_PATH, USPS_TRACKING_PATH } from './usps-carrier';
