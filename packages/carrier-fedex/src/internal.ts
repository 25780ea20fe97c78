/* `@wismo/carrier-fedex/internal`: what the testkit builds on. No stability promise. */
export { FEDEX_MAX_NUMBERS_PER_REQUEST, FEDEX_RATE_LIMIT } from './fedex-constants';
