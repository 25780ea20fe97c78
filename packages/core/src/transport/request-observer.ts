/** How one HTTP request to a carrier ended, for counting requests against the carrier's limits. */
export const CARRIER_REQUEST_OUTCOMES = ['ok', 'not_found', 'rate_limited', 'auth', 'server', 'timeout', 'network', 'client'] as const;
export type CarrierRequestOutcome = (typeof CARRIER_REQUEST_OUTCOMES)[number];

/** One HTTP request sent to a carrier: every attempt counts (a retry is a request the carrier saw too). */
export interface CarrierRequest {
  carrierId: string;
  /** When it was sent (epoch ms). */
  at: number;
  outcome: CarrierRequestOutcome;
  /** The answer's HTTP status; null when none came (timeout, network error). */
  httpStatus: number | null;
}

/**
 * Told once per HTTP request an adapter sends (token requests included). Called on the request path: it must be
 * cheap (count in memory) and never throw; an error it throws is swallowed.
 */
export interface CarrierRequestObserver {
  onRequest(request: CarrierRequest): void;
}

/** The outcome of an answered request, by HTTP status (a carrier's 200 "not found" body is still `ok` here). */
export function requestOutcomeOf(status: number): CarrierRequestOutcome {
  if (status === 404) return 'not_found';
  if (status === 429) return 'rate_limited';
  if (status === 401 || status === 403) return 'auth';
  if (status === 408) return 'timeout';
  if (status >= 500) return 'server';
  if (status >= 400) return 'client';
  return 'ok';
}

/** Tells the observer, if any; an observer's error never reaches the request. */
export function observeRequest(observer: CarrierRequestObserver | undefined, request: CarrierRequest): void {
  if (!observer) return;
  try {
    observer.onRequest(request);
  } catch {
    // Counting must never fail a carrier request.
  }
}
