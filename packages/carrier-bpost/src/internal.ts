/* `@wismo/carrier-bpost/internal`: what tests and the testkit build on. No stability promise. */
export { BPOST_TRACKING_PATH, BPOST_TRACKING_SUFFIX, BPOST_DEFAULT_RATE_LIMIT } from './bpost-carrier';
export { readBpostBody } from './bpost-api';
