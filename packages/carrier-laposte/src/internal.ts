/* `@wismo/carrier-laposte/internal`: what the testkit builds on. No stability promise. */
export { LAPOSTE_TRACK_PATH, LAPOSTE_MAX_IDS_PER_REQUEST, LAPOSTE_CAPABILITIES } from './laposte-carrier';
