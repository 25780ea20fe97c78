/*
 * `@wismo/core/internal`: the machinery under the adapter kit, for wismo's own packages and tests. No stability
 * promise: it changes with core, without a major version. Users compose what `@wismo/core` exports.
 */
export {
  createHttpClient,
  parseRetryAfter,
  type HttpClient,
  type HttpClientOptions,
  type HttpRequest,
  type HttpResponse,
  type AuthorizationProvider,
  zodIssuesText,
} from './transport/http-client';
export {
  createOAuthClientCredentials,
  type OAuthClientCredentialsOptions,
  type OAuthTokenProvider,
  type CachedToken,
  type TokenCache,
} from './transport/oauth-client-credentials';
export { redactValue, registeredSecretCount, MAXIMUM_REGISTERED_SECRETS } from './transport/redact';
export { loadSetting } from './adapter/load-setting';
export { chunk } from './collections/chunk';
export { relabelOutcome, trackOutcomes } from './adapter/define-carrier';
export { dedupeEvents } from './status/derive-shipment-status';
export {
  describeXmlBodyProblem,
  readXmlBody,
  XmlBodyError,
  type ReadXmlBodyOptions,
  type XmlBodyProblem,
  type XmlParser,
} from './adapter/xml-body';
export { errorCodesOf, hasAuthErrorCode } from './kit-helpers/auth-error-codes';
export { rememberByText } from './kit-helpers/remember-by-text';
export { readXmlErrorBody } from './kit-helpers/read-xml-error-body';
export { asArray, lenient, lenientList, oneOrMany } from './kit-helpers/lenient-schema';
export {
  describeCarrierMessages,
  kindOfStatus,
  readJsonErrorBody,
  requestError,
  type RequestErrorInput,
  type RequestErrorKind,
} from './kit-helpers/request-error';
export { carrierEstimate, carrierEstimateBetween } from './kit-helpers/carrier-estimate';
export { describeJsonErrorList } from './kit-helpers/describe-json-error-list';
export { deliverByEstimate } from './kit-helpers/deliver-by-estimate';
export { impliedOffset } from './kit-helpers/implied-offset';
export { clockTime } from './kit-helpers/clock-time';
export { capText, MAX_CARRIER_TEXT_LENGTH } from './kit-helpers/cap-text';
export { millisecondsUntilUtcMidnight } from './kit-helpers/utc-midnight';
export { neverThrowing, parseBodyWithSchema } from './kit-helpers/parse-safely';
export { clientCredentials } from './kit-helpers/client-credentials';
export { entriesForNumbers, type EntriesForNumbersOptions } from './kit-helpers/entries-for-numbers';
export { numericDateTime, type NumericDateForm } from './kit-helpers/numeric-date-time';
export { readGatewayErrorBody, readGatewayErrorText, type GatewayErrorBody } from './kit-helpers/gateway-error-body';
export { dailyQuota, type DailyQuota, type DailyQuotaOptions, type QuotaEvidence } from './kit-helpers/daily-quota';
export { parseMidnightAsDate, type MidnightAsDateOptions } from './kit-helpers/midnight-as-date';
export { trimmedText } from './kit-helpers/trimmed-text';
export { describeErrorListText, type ErrorListTextOptions } from './kit-helpers/error-list-text';
export { rateLimitCooldown, type RateLimitCooldownOptions } from './kit-helpers/rate-limit-cooldown';
export { returnTripStatus } from './kit-helpers/return-trip-status';
