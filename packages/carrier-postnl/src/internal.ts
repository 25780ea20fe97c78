/* `@wismo/carrier-postnl/internal`: what the testkit builds on. No stability promise. */
export { POSTNL_STATUS_PATH, POSTNL_SIGNATURE_PATH, POSTNL_TIME_ZONE, POSTNL_DEFAULT_RATE_LIMIT } from './postnl-carrier';
