/* `@wismo/carrier-auspost/internal`: what the testkit builds on. No stability promise. */
export {
  AUSPOST_TRACK_PATH,
  AUSPOST_CAPABILITIES,
  AUSPOST_MAX_IDS_PER_REQUEST,
  AUSPOST_INVALID_TRACKING_ID_CODE,
  AUSPOST_TOO_MANY_IDS_CODE,
} from './auspost-carrier';
