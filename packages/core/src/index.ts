/*
 * `@wismo/core`: what a user or a carrier package composes. The machinery under it (HTTP client, OAuth, redaction
 * internals) is in `@wismo/core/internal`; the conformance suite and test helpers in `@wismo/core/testing`.
 */

// Status model: statuses, substatuses, the shipment schema and types
export * from './status/statuses';
export * from './status/shipment';
export { normaliseCountryCode } from './status/country-codes';
export { createEvent, createLocation, buildShipment, type EventInput, type ShipmentInput } from './status/build-shipment';
export {
  createStatusTable,
  lookupStatus,
  statusEntry,
  type StatusTable,
  type StatusTableEntry,
  type SubstatusOf,
} from './status/status-table';
export { deriveShipmentStatus, nextStatus, sortEventsNewestFirst, type DerivedStatus } from './status/derive-shipment-status';

// Time: carrier times (honest about offsets) and calendar arithmetic in a zone (date-fns + @date-fns/tz)
export * from './time/carrier-time';
export {
  formatInstantAtOffset,
  formatOffset,
  instantOfWallClock,
  wallClockInZone,
  zoneOffsetMinutes,
  type WallClock,
} from './time/zoned-time';

// The adapter contract and the kit that builds adapters
export * from './adapter/carrier-adapter';
export {
  defineCarrier,
  type CarrierAuth,
  type CarrierBatch,
  type CarrierDescription,
  type CarrierEndpoint,
  type CarrierFactory,
  type CarrierInfo,
  type CarrierKit,
  type CarrierParseInput,
  type CarrierSettings,
  type CredentialDescription,
  type CredentialSetting,
  type NumberResult,
  type ResultShape,
  type SessionLoginContext,
  type SideOutcome,
  type SideRequest,
} from './adapter/define-carrier';
export type { SessionLoginResult } from './adapter/session-auth';
export { pauseAfterRateLimit, type RateLimitPause } from './kit-helpers/pause-after-rate-limit';
export type { ClientCredentialSettings } from './kit-helpers/client-credentials';

// Carrier and aggregator push: the receiver contract, constant-time signature checks, staleness and replays
export * from './push';

// Errors
export * from './errors';

// Transport settings, parsing helpers for parse functions, logging and redaction
export { parseJsonBody, parseWithSchema, type HttpRequest, type HttpResponse, type TransportSettings } from './transport/http-client';
export { createRateLimiter, type RateLimiter } from './transport/rate-limiter';
export {
  CARRIER_REQUEST_OUTCOMES,
  requestOutcomeOf,
  type CarrierRequest,
  type CarrierRequestObserver,
  type CarrierRequestOutcome,
} from './transport/request-observer';
export { registerSecret, redactText, type RegisterSecretOptions } from './transport/redact';
export { logSafely, type Logger, type LogLevel } from './transport/logger';

// Tracker
export * from './tracker/create-tracker';
export { DEFAULT_CACHE_TTL_MS, defaultCacheTtl } from './tracker/cache-ttl';

// Detection
export * from './detection';
