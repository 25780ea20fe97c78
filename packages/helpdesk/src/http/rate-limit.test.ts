import { describe, expect, it } from 'vitest';
import { createTokenBucketLimiter } from './rate-limit';

describe('token bucket limiter', () => {
  it('allows a burst, then refills at the rate per minute', () => {
    let now = 0;
    const limiter = createTokenBucketLimiter({ perMinute: 6, burst: 2, now: () => now });
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(true);
    const refused = limiter.take('a');
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 10, remaining: 0 });
    expect(limiter.take('b').allowed).toBe(true);
    now += 10_000;
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
  });

  it('forgets the least recently seen clients past its bound', () => {
    const limiter = createTokenBucketLimiter({ perMinute: 1, maxClients: 2, now: () => 0 });
    limiter.take('a');
    limiter.take('b');
    limiter.take('a');
    limiter.take('c');
    expect(limiter.size()).toBe(2);
    // `b` was forgotten and starts with a full bucket; `a` is still empty.
    expect(limiter.take('b').allowed).toBe(true);
    expect(limiter.take('c').allowed).toBe(false);
  });

  it('refuses a nonsensical rate', () => {
    expect(() => createTokenBucketLimiter({ perMinute: 0 })).toThrow(RangeError);
  });
});
