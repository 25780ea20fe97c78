/*
 * `@wismo/carrier-gls/internal`: the parts the testkit builds on. No stability promise: these change with the
 * package, without a major version.
 */
export { GLS_DEFAULT_RATE_LIMIT, GLS_DELIVERY_INFO_PATH, GLS_TOKEN_PATH, GLS_TRACK_PATH } from './gls-carrier';
