import type { WismoError } from '../errors';
import { isUpperCaseAlpha2 } from '../status/country-codes';
import type { Contact, Shipment } from '../status/shipment';
import type { Logger } from '../transport/logger';

/** The version of this contract. A breaking change to `CarrierAdapter` bumps it. */
export const CARRIER_ADAPTER_SPECIFICATION_VERSION = 1;

export interface RateLimit {
  /** Requests allowed per `intervalMs`. */
  requests: number;
  intervalMs: number;
}

export interface CarrierCapabilities {
  /** How many tracking numbers one request may carry (1 where the API tracks one at a time). */
  maxNumbersPerRequest: number;
  /** The carrier's documented rate limit, used as the adapter's default. */
  rateLimit: RateLimit;
  /**
   * A documented quota over a longer period (DHL's default plan: 250 calls a day), for planning large runs.
   * Absent when the carrier publishes none; a spent quota still comes back as `rate_limited` with its reset time.
   */
  quota?: { requests: number; per: 'hour' | 'day' | 'month' };
  webhooks: boolean;
  proofOfDelivery: boolean;
  estimatedDelivery: boolean;
}

export interface CarrierContactBook {
  /** Used when there is no entry for the customer's country. */
  default: Contact;
  /** ISO country code → contact, where the carrier runs different service lines per country. */
  byCountry?: Readonly<Record<string, Contact>>;
}

export interface TrackContext {
  signal?: AbortSignal;
  /** Keep the carrier's response body on `Shipment.raw`. */
  includeRaw?: boolean;
  /** e.g. `en-US`; adapters pass it to carriers that localise their texts. */
  locale?: string;
  logger?: Logger;
}

export type TrackOutcome =
  | { trackingNumber: string; ok: true; shipment: Shipment; error?: undefined }
  | { trackingNumber: string; ok: false; error: WismoError; shipment?: undefined };

/**
 * What every carrier package implements. Required surface: identity, contact, tracking URL,
 * capabilities and `track`. Parsing and mapping live in pure exported functions beside it.
 */
export interface CarrierAdapter {
  readonly specificationVersion: typeof CARRIER_ADAPTER_SPECIFICATION_VERSION;
  /** Stable id, lower case: `ups`, `fedex`, `usps`, `dhl`, ... */
  readonly id: string;
  readonly name: string;
  readonly contact: CarrierContactBook;
  readonly capabilities: CarrierCapabilities;
  trackingUrl(trackingNumber: string): string;
  /**
   * One outcome per requested number, in the same order. Never rejects for a per-number problem;
   * a failure of the whole request becomes an error outcome for each number.
   */
  track(trackingNumbers: readonly string[], context?: TrackContext): Promise<TrackOutcome[]>;
}

export function contactFor(adapter: Pick<CarrierAdapter, 'contact'>, countryCode?: string | null): Contact {
  if (!countryCode) return adapter.contact.default;
  // Most codes come upper-case already (`DE`, from `createLocation`): looked up as they are, without a copy.
  const byCountry = adapter.contact.byCountry?.[isUpperCaseAlpha2(countryCode) ? countryCode : countryCode.toUpperCase()];
  return byCountry ?? adapter.contact.default;
}

export function successOutcome(shipment: Shipment): TrackOutcome {
  return { trackingNumber: shipment.trackingNumber, ok: true, shipment };
}

export function errorOutcome(trackingNumber: string, error: WismoError): TrackOutcome {
  return { trackingNumber, ok: false, error: error.trackingNumber === trackingNumber ? error : error.forTrackingNumber(trackingNumber) };
}

/** A whole-request failure, reported once per number of the batch. */
export function failAll(trackingNumbers: readonly string[], error: WismoError): TrackOutcome[] {
  return trackingNumbers.map((trackingNumber) => errorOutcome(trackingNumber, error));
}
