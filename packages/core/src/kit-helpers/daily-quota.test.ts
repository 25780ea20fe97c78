import { describe, expect, it } from 'vitest';
import { CarrierUnavailableError, RateLimitedError } from '../errors';
import { dailyQuota } from './daily-quota';

const QUOTA = 'policies.ratelimit.QuotaViolation';
const quota = dailyQuota({
  carrierId: 'fake',
  code: QUOTA,
  message: (resetMs) => `quota spent, back in ${resetMs / 3_600_000} h`,
  pausedMessage: (waitMs) => `paused for ${waitMs} ms`,
});
const at15 = new Date('2025-03-11T15:00:00Z');

describe('dailyQuota', () => {
  it('tells the transport to wait until 00:00 UTC without retrying, and leaves other bodies alone', () => {
    expect(quota.describe({ message: 'Quota', codes: [QUOTA] }, at15)).toEqual({
      message: 'Quota',
      codes: [QUOTA],
      retryAfterMs: 9 * 3_600_000,
      retryable: false,
    });
    expect(quota.describe({ message: 'Busy', codes: ['other'] }, at15)).toEqual({ message: 'Busy', codes: ['other'] });
    expect(quota.describe(undefined, at15)).toBeUndefined();
  });

  it('words a spent quota in the carrier’s words, and leaves other errors alone', () => {
    const spent = new RateLimitedError('HTTP 429', { carrierId: 'fake', httpStatus: 429, carrierCodes: [QUOTA] });
    expect(quota.refine(spent, at15)).toMatchObject({
      code: 'rate_limited',
      message: 'quota spent, back in 9 h',
      retryAfterMs: 9 * 3_600_000,
      carrierCodes: [QUOTA],
      httpStatus: 429,
    });
    const busy = new RateLimitedError('HTTP 429', { carrierId: 'fake', httpStatus: 429 });
    expect(quota.refine(busy, at15)).toBe(busy);
    const down = new CarrierUnavailableError('HTTP 503', { carrierId: 'fake', httpStatus: 503, carrierCodes: [QUOTA] });
    expect(quota.refine(down, at15)).toBe(down);
  });

  it('reads a spent quota from the carrier’s words when it has no code', () => {
    const byWords = dailyQuota({
      carrierId: 'fake',
      isSpent: ({ message }) => /daily quota/i.test(message ?? ''),
      message: () => 'spent',
      pausedMessage: () => 'paused',
    });
    expect(byWords.describe({ message: 'Daily quota exceeded' }, at15)?.retryable).toBe(false);
    expect(byWords.pause(() => 0).pausedError(1, 'N1').carrierCodes).toEqual([]);
  });

  it('keeps a longer wait the carrier asked for', () => {
    expect(quota.spentError(429, [QUOTA], at15.getTime(), 10 * 3_600_000).retryAfterMs).toBe(10 * 3_600_000);
  });

  it('pauses calls after a spent quota only', () => {
    const pause = quota.pause(() => at15.getTime());
    expect(pause.pauseMs(quota.spentError(429, [QUOTA], at15.getTime()))).toBe(9 * 3_600_000);
    expect(pause.pauseMs(new RateLimitedError('HTTP 429', { carrierId: 'fake', httpStatus: 429, retryAfterMs: 1000 }))).toBeNull();
    expect(pause.pausedError(5000, 'N1')).toMatchObject({
      code: 'rate_limited',
      message: 'paused for 5000 ms',
      trackingNumber: 'N1',
      carrierCodes: [QUOTA],
    });
  });
});
