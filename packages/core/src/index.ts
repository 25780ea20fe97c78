// Status model
export * from './status/statuses';
export * from './status/shipment';
export { normaliseCountryCode } from './status/country-codes';
export { createEvent, createLocation, buildShipment, type StatusTable, type StatusTableEntry, type EventInput, type ShipmentInput } from './status/build-shipment';
export { deriveShipmentStatus, nextStatus, sortEventsNewestFirst, dedupeEvents, type DerivedStatus } from './status/derive-shipment-status';

// Time
export * from './time/carrier-time';

// Adapter contract
export * from './adapter/carrier-adapter';
export { loadSetting } from './adapter/load-setting';

// Errors
export * from './errors';

// Transport
export {
  createHttpClient,
  parseJsonBody,
  parseWithSchema,
  parseRetryAfter,
  type HttpClient,
  type HttpClientOptions,
  type HttpRequest,
  type HttpResponse,
  type TransportSettings,
  type AuthorizationProvider,
} from './transport/http-client';
export { createRateLimiter, type RateLimiter } from './transport/rate-limiter';
export { createOAuthClientCredentials, type OAuthClientCredentialsOptions, type OAuthTokenProvider, type CachedToken } from './transport/oauth-client-credentials';
export { registerSecret, redactText, redactValue } from './transport/redact';
export { logSafely, type Logger, type LogLevel } from './transport/logger';

// Tracker
export * from './tracker/create-tracker';
export { DEFAULT_CACHE_TTL_MS, defaultCacheTtl } from './tracker/cache-ttl';

// Detection
export * from './detection';
