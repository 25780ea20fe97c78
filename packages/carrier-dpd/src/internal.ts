/* `@wismo/carrier-dpd/internal`: what tests and the testkit build on. No stability promise. */
export { DPD_LOGIN_PATH, DPD_TRACKING_PATH, DPD_DEFAULT_RATE_LIMIT } from './dpd-carrier';
export { readDpdBody, dpdLoginEnvelope, dpdTrackingEnvelope } from './dpd-api';
