import { inspect } from 'node:util';
import { redactText } from './transport/redact';

export const TRACKING_ERROR_CODES = [
  'not_found',
  'invalid_number',
  'auth_failed',
  'rate_limited',
  'carrier_unavailable',
  'bad_response',
] as const;
export type TrackingErrorCode = (typeof TRACKING_ERROR_CODES)[number];
export type WismoErrorCode = TrackingErrorCode | 'configuration' | 'unsupported_carrier' | 'detection_failed';

export interface WismoErrorOptions {
  carrierId?: string | null;
  httpStatus?: number | null;
  retryable?: boolean;
  retryAfterMs?: number | null;
  /** Carrier error codes, e.g. `TW0001` or `TRACKING.TRACKINGNUMBER.NOTFOUND`. */
  carrierCodes?: string[];
  trackingNumber?: string | null;
  cause?: unknown;
}

const WISMO_ERROR_MARKER = Symbol.for('wismo.error');

/**
 * The one error family of wismo. Every instance has a stable `code`, the carrier, the HTTP status and
 * whether retrying may help. Messages are redacted; `toJSON` and `util.inspect` show no cause chain,
 * so request configs with credentials never leak through them.
 */
export class WismoError extends Error {
  readonly [WISMO_ERROR_MARKER] = true;
  readonly code: WismoErrorCode;
  readonly carrierId: string | null;
  readonly httpStatus: number | null;
  readonly retryable: boolean;
  readonly retryAfterMs: number | null;
  readonly carrierCodes: string[];
  readonly trackingNumber: string | null;

  constructor(code: WismoErrorCode, message: string, options: WismoErrorOptions = {}) {
    super(redactText(message));
    this.name = 'WismoError';
    this.code = code;
    this.carrierId = options.carrierId ?? null;
    this.httpStatus = options.httpStatus ?? null;
    this.retryable = options.retryable ?? false;
    this.retryAfterMs = options.retryAfterMs ?? null;
    // Every string field is redacted, not only the message: a carrier may echo a key in a code.
    this.carrierCodes = (options.carrierCodes ?? []).map(redactText);
    this.trackingNumber = options.trackingNumber ? redactText(options.trackingNumber) : (options.trackingNumber ?? null);
    // The cause may be an axios error holding request headers: keep it, but out of enumeration.
    if (options.cause !== undefined)
      Object.defineProperty(this, 'cause', { value: options.cause, enumerable: false, writable: true, configurable: true });
  }

  static isInstance(value: unknown): value is WismoError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[WISMO_ERROR_MARKER] === true;
  }

  /** The same error for one number of a batch. */
  forTrackingNumber(trackingNumber: string): WismoError {
    const copy = Object.create(Object.getPrototypeOf(this) as object) as WismoError;
    Object.defineProperties(copy, Object.getOwnPropertyDescriptors(this));
    Object.defineProperty(copy, 'trackingNumber', { value: redactText(trackingNumber), enumerable: true });
    return copy;
  }

  toJSON() {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      carrierId: this.carrierId,
      httpStatus: this.httpStatus,
      retryable: this.retryable,
      retryAfterMs: this.retryAfterMs,
      carrierCodes: this.carrierCodes,
      trackingNumber: this.trackingNumber,
    };
  }

  [inspect.custom]() {
    return `${this.name} [${this.code}] ${this.message} ${inspect(this.toJSON(), { breakLength: Infinity })}`;
  }
}

type SpecificOptions = Omit<WismoErrorOptions, 'retryable'>;

export class NotFoundError extends WismoError {
  constructor(message: string, options: SpecificOptions = {}) {
    super('not_found', message, { ...options, retryable: false });
    this.name = 'NotFoundError';
  }
}

export class InvalidNumberError extends WismoError {
  constructor(message: string, options: SpecificOptions = {}) {
    super('invalid_number', message, { ...options, retryable: false });
    this.name = 'InvalidNumberError';
  }
}

export class AuthFailedError extends WismoError {
  constructor(message: string, options: SpecificOptions = {}) {
    super('auth_failed', message, { ...options, retryable: false });
    this.name = 'AuthFailedError';
  }
}

export class RateLimitedError extends WismoError {
  constructor(message: string, options: SpecificOptions = {}) {
    super('rate_limited', message, { ...options, retryable: true });
    this.name = 'RateLimitedError';
  }
}

export class CarrierUnavailableError extends WismoError {
  constructor(message: string, options: SpecificOptions = {}) {
    super('carrier_unavailable', message, { ...options, retryable: true });
    this.name = 'CarrierUnavailableError';
  }
}

export class BadResponseError extends WismoError {
  constructor(message: string, options: SpecificOptions = {}) {
    super('bad_response', message, { ...options, retryable: false });
    this.name = 'BadResponseError';
  }
}

export class ConfigurationError extends WismoError {
  constructor(message: string, options: SpecificOptions = {}) {
    super('configuration', message, { ...options, retryable: false });
    this.name = 'ConfigurationError';
  }
}

export class UnsupportedCarrierError extends WismoError {
  constructor(message: string, options: SpecificOptions = {}) {
    super('unsupported_carrier', message, { ...options, retryable: false });
    this.name = 'UnsupportedCarrierError';
  }
}
