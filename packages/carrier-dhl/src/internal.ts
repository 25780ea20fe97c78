/*
 * `@wismo/carrier-dhl/internal`: the parts the testkit and the fuzz tests build on. No stability promise: these
 * change with the package, without a major version.
 */
export { DHL_CAPABILITIES, DHL_TRACK_PATH } from './dhl-carrier';
