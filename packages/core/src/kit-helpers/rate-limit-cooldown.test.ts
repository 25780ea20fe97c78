import { describe, expect, it } from 'vitest';
import { CarrierUnavailableError, RateLimitedError } from '../errors';
import { rateLimitCooldown } from './rate-limit-cooldown';

describe('rateLimitCooldown', () => {
  const pause = rateLimitCooldown({
    carrierId: 'fake',
    cooldownMs: 60_000,
    now: () => 5,
    oneAtATime: true,
    pausedMessage: (waitMs) => `paused for ${waitMs} ms`,
  });

  it('pauses after a rate limit for the cooldown, or for the Retry-After when it is longer', () => {
    expect(pause.pauseMs(new RateLimitedError('429', { carrierId: 'fake', httpStatus: 429 }))).toBe(60_000);
    expect(pause.pauseMs(new RateLimitedError('429', { carrierId: 'fake', httpStatus: 429, retryAfterMs: 1_000 }))).toBe(60_000);
    expect(pause.pauseMs(new RateLimitedError('429', { carrierId: 'fake', httpStatus: 429, retryAfterMs: 90_000 }))).toBe(90_000);
  });

  it('does not pause after other errors', () => {
    expect(pause.pauseMs(new CarrierUnavailableError('503', { carrierId: 'fake', httpStatus: 503 }))).toBeNull();
  });

  it('answers a paused number with a 429 that says when calls resume', () => {
    expect(pause.pausedError(30_000, 'N1')).toMatchObject({
      code: 'rate_limited',
      message: 'paused for 30000 ms',
      carrierId: 'fake',
      httpStatus: 429,
      retryAfterMs: 30_000,
      trackingNumber: 'N1',
    });
    expect(pause.now()).toBe(5);
    expect(pause.oneAtATime).toBe(true);
  });
});
