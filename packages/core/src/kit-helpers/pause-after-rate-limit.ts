import { errorOutcome, type CarrierAdapter, type TrackOutcome } from '../adapter/carrier-adapter';
import type { WismoError } from '../errors';

export interface RateLimitPause {
  /** How long to stop calling the carrier after this error (a spent daily quota, a 429 that outlived the retries); 0 or none: keep calling. */
  pauseMs(error: WismoError): number | null | undefined;
  /** The error a number gets while calls are paused, `waitMs` before they resume. */
  pausedError(waitMs: number, trackingNumber: string): WismoError;
  /** The clock the pause is measured with, in epoch milliseconds. */
  now(): number;
  /** Track a call's numbers one after the other, so a pause spares the rest of the same call (one number per request). */
  oneAtATime?: boolean;
}

/**
 * The adapter, answering `rate_limited` at once, without a request, while a carrier's rate limit or quota is known to be
 * closed: a long run does not spend a request and the retry backoff on every number against a closed door.
 */
export function pauseAfterRateLimit<Adapter extends CarrierAdapter>(adapter: Adapter, pause: RateLimitPause): Adapter {
  /** Until when (epoch ms) every number answers `rate_limited` without reaching the carrier. */
  let pausedUntil = 0;
  const whilePaused = (trackingNumber: string): TrackOutcome | null => {
    const waitMs = pausedUntil - pause.now();
    return waitMs > 0 ? errorOutcome(trackingNumber, pause.pausedError(waitMs, trackingNumber)) : null;
  };
  const noteRateLimits = (outcomes: TrackOutcome[]): TrackOutcome[] => {
    for (const outcome of outcomes) {
      const pauseMs = outcome.ok ? 0 : (pause.pauseMs(outcome.error) ?? 0);
      if (pauseMs > 0) pausedUntil = Math.max(pausedUntil, pause.now() + pauseMs);
    }
    return outcomes;
  };
  return {
    ...adapter,
    async track(trackingNumbers, context) {
      if (!pause.oneAtATime) {
        if (pausedUntil > pause.now()) return trackingNumbers.map((trackingNumber) => whilePaused(trackingNumber)!);
        return noteRateLimits(await adapter.track(trackingNumbers, context));
      }
      const outcomes: TrackOutcome[] = [];
      for (const trackingNumber of trackingNumbers)
        outcomes.push(whilePaused(trackingNumber) ?? noteRateLimits(await adapter.track([trackingNumber], context))[0]!);
      return outcomes;
    },
  };
}
