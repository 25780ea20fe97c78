import type { CarrierAdapter, TransportSettings } from '@wismo/core';
import { WISMO_CARRIER_IDS, type WismoCarrierId } from './carrier-registry';
import type { SandboxClock } from './sandbox-clock';
import type { RequestLog } from './request-log';

/** Every registered carrier has a sandbox (see `WISMO_CARRIERS`). */
export type SandboxCarrierId = WismoCarrierId;

export const SANDBOX_CARRIER_IDS: readonly SandboxCarrierId[] = WISMO_CARRIER_IDS;

export type SandboxScenario =
  | 'delivered'
  | 'in_transit'
  | 'out_for_delivery'
  | 'failed_attempt'
  | 'customs_hold'
  | 'exception'
  | 'returned'
  | 'available_for_pickup'
  | 'label_created'
  | 'not_found'
  | 'advancing';

export const SANDBOX_SCENARIOS: readonly SandboxScenario[] = [
  'delivered',
  'in_transit',
  'out_for_delivery',
  'failed_attempt',
  'customs_hold',
  'exception',
  'returned',
  'available_for_pickup',
  'label_created',
  'not_found',
  'advancing',
];

export interface SandboxRateLimit {
  requests: number;
  intervalMs: number;
}

export interface SandboxFaults {
  /** Share of tracking requests answered 500, 502 or 503. */
  serverErrorRate?: number;
  /** Share of tracking requests not answered within `timeoutAfterMs`. */
  timeoutRate?: number;
  /** How long a "timed out" request is held before the sandbox answers it 504. Default 30 000 ms. */
  timeoutAfterMs?: number;
  /** Share of tracking requests answered 200 with a truncated JSON body or an HTML page. */
  malformedRate?: number;
  /** Share of authorised (OAuth) tracking requests answered 401 because the token expired. */
  expiredTokenRate?: number;
  /** Seed of the fault sequence (default: the sandbox `seed`). */
  seed?: number;
}

/** Credentials the sandbox accepts: OAuth client credentials (UPS, FedEx, USPS) or an API key (DHL). */
export type SandboxCredentials = { clientId: string; clientSecret: string; username?: string; password?: string } | { apiKey: string };

export interface SandboxOptions {
  /** Default: all four. */
  carriers?: SandboxCarrierId[];
  /** Default `127.0.0.1`; every carrier gets its own server on a free port. */
  host?: string;
  /** Added to every answer; a range is drawn from the seeded PRNG. */
  latencyMs?: number | { min: number; max: number };
  /**
   * 'documented' (default): each carrier's documented limit, enforced with 429 + Retry-After;
   * 'off'; or per-carrier overrides (carriers not named keep their documented limit).
   */
  rateLimits?: 'documented' | 'off' | Partial<Record<SandboxCarrierId, SandboxRateLimit>>;
  /** Divides every rate-limit window (and Retry-After) by this factor. Default 1. */
  timeScale?: number;
  faults?: SandboxFaults;
  /** Journeys (and token lifetimes) follow this clock. Default: real time. */
  clock?: SandboxClock;
  /** Seed of latency and (unless `faults.seed`) faults. Default 1. */
  seed?: number;
  /**
   * When `advancing` parcels are handed to the carrier (their "label created"). Default: the clock's time
   * when the sandbox starts.
   */
  advancingStart?: Date;
  /**
   * Credentials each carrier accepts, in place of the built-in sandbox ones. The first is what
   * `adapterSettings` returns; each credential gets its own rate-limit bucket.
   */
  credentials?: Partial<Record<SandboxCarrierId, SandboxCredentials[]>>;
  /** Records every tracking request per carrier account (`createRequestLog`), e.g. to check requests per second. */
  requestLog?: RequestLog;
  /**
   * Keep each tracking answer as sent (its bytes) and send it again to the same request (method, path and
   * query, body, the headers the carrier's answer varies on) while the clock has not moved, so a load test
   * pays for the carrier's rendering once, as it would not pay for a real carrier's CPU at all. Needs a
   * `clock` that stands still (`createSandboxClock`); moving it empties the cache. Rate limits, faults, the
   * request log and the stats count every request as before. Default false.
   */
  answerCache?: boolean;
}

export interface SandboxStats {
  /** HTTP requests received (token requests included). */
  requests: number;
  /** Tracking numbers answered with a journey or a not-found (per number, so a FedEx batch counts each). */
  trackingNumbersServed: number;
  /** Requests answered 429. */
  rateLimited: number;
  /** Requests answered with an injected fault (5xx, timeout, malformed body, expired token). */
  faultsInjected: number;
  /** OAuth tokens issued. */
  tokensIssued: number;
  /** Tracking answers sent from the answer cache (`answerCache`) rather than rendered. */
  answersFromCache: number;
}

export interface RunningSandboxCarriers {
  baseUrls: Record<SandboxCarrierId, string>;
  /** Settings to spread into the adapter factory: baseUrl (+ authUrl), sandbox credentials and a matching `rateLimit`. */
  adapterSettings(carrier: SandboxCarrierId): Record<string, unknown>;
  /** Creates the real adapters of the running carriers, pointed at the sandbox. */
  createAdapters(transport?: TransportSettings): CarrierAdapter[];
  clock: SandboxClock;
  /** When `advancing` parcels got their label. */
  readonly advancingStart: Date;
  /** Deterministic numbers of the carrier's real format whose journey is `scenario` (valid check digits). */
  generateNumbers(carrier: SandboxCarrierId, count: number, scenario?: SandboxScenario | 'mixed'): string[];
  /** Counters per carrier since start (or the last `resetStats`). */
  stats(): Record<SandboxCarrierId, SandboxStats>;
  resetStats(): void;
  setFaults(faults: SandboxOptions['faults']): void;
  close(): Promise<void>;
}
