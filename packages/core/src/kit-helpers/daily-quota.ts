import { RateLimitedError, type WismoError } from '../errors';
import type { RateLimitPause } from './pause-after-rate-limit';
import { millisecondsUntilUtcMidnight } from './utc-midnight';

/** What a carrier said: an error body as described for the transport, or a typed error's message and codes. */
export interface QuotaEvidence {
  message?: string;
  codes?: readonly string[];
}

export interface DailyQuotaOptions {
  carrierId: string;
  /** The carrier's code for a spent quota (Apigee's `policies.ratelimit.QuotaViolation`), also kept on paused errors. */
  code?: string;
  /** Whether the carrier says its daily quota is spent. Default: its codes hold `code`. */
  isSpent?(evidence: QuotaEvidence): boolean;
  /** The error's words, `resetMs` before the quota resets at 00:00 UTC. */
  message(resetMs: number): string;
  /** The words of the error each number gets while calls are paused, `waitMs` before they resume. Default: `message`. */
  pausedMessage?(waitMs: number): string;
}

/** A carrier's daily request quota, spent until 00:00 UTC: the pieces a description and `pauseAfterRateLimit` take. */
export interface DailyQuota {
  /** The `rate_limited` error of a spent quota, waiting until 00:00 UTC (or longer when the carrier said so). */
  spentError(httpStatus: number | null, carrierCodes: string[], nowMs: number, retryAfterMs?: number | null): RateLimitedError;
  /** For `describeErrorBody`: a spent quota comes without Retry-After, and retrying within this run will not help. */
  describe<Described extends QuotaEvidence>(
    described: Described | undefined,
    now: Date,
  ): (Described & { retryAfterMs?: number; retryable?: boolean }) | undefined;
  /** For `refineError`: a `rate_limited` error about the spent quota, in the carrier's words. */
  refine(error: WismoError, now: Date): WismoError;
  /** For `pauseAfterRateLimit`: no call until the quota resets. */
  pause(now: () => number): RateLimitPause;
}

export function dailyQuota(options: DailyQuotaOptions): DailyQuota {
  const { carrierId, code } = options;
  const isSpent = options.isSpent ?? ((evidence: QuotaEvidence) => code !== undefined && evidence.codes?.includes(code) === true);
  const spentError: DailyQuota['spentError'] = (httpStatus, carrierCodes, nowMs, retryAfterMs) => {
    const resetMs = Math.max(retryAfterMs ?? 0, millisecondsUntilUtcMidnight(nowMs));
    return new RateLimitedError(options.message(resetMs), { carrierId, httpStatus, carrierCodes, retryAfterMs: resetMs });
  };
  const isSpentError = (error: WismoError) =>
    error.code === 'rate_limited' && isSpent({ message: error.message, codes: error.carrierCodes });
  return {
    spentError,
    describe: (described, now) =>
      described && isSpent(described)
        ? { ...described, retryAfterMs: millisecondsUntilUtcMidnight(now.getTime()), retryable: false }
        : described,
    refine: (error, now) =>
      isSpentError(error) ? spentError(error.httpStatus, error.carrierCodes, now.getTime(), error.retryAfterMs) : error,
    pause: (now) => ({
      now,
      pauseMs: (error) => (isSpentError(error) ? error.retryAfterMs : null),
      pausedError: (waitMs, trackingNumber) =>
        new RateLimitedError(options.pausedMessage?.(waitMs) ?? options.message(waitMs), {
          carrierId,
          httpStatus: 429,
          carrierCodes: code === undefined ? [] : [code],
          retryAfterMs: waitMs,
          trackingNumber,
        }),
    }),
  };
}
