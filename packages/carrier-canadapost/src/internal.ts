/* `@wismo/carrier-canadapost/internal`: what tests and the testkit build on. No stability promise. */
export { CANADAPOST_TRACK_PATH, CANADAPOST_MEDIA_TYPE, CANADAPOST_CAPABILITIES } from './canadapost-carrier';
export { readCanadaPostBody } from './canadapost-api';
