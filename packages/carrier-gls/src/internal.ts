/* `@wismo/carrier-gls/internal`: what the testkit builds on. No stability promise: it changes without a major version. */
export { GLS_DEFAULT_RATE_LIMIT, GLS_DELIVERY_INFO_PATH, GLS_TOKEN_PATH, GLS_TRACK_PATH } from './gls-carrier';
