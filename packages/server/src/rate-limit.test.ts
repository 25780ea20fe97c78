import { describe, expect, it } from 'vitest';
import { createTokenBucketLimiter } from './rate-limit';
import { ViewCache } from './view-cache';

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

describe('view cache', () => {
  it('serves a value and its JSON until the TTL, sharing loads in flight', async () => {
    let now = 0;
    let loads = 0;
    const cache = new ViewCache<{ n: number; stale: boolean }>({ ttlMs: 1_000, now: () => now });
    const load = async () => ({ n: ++loads, stale: false });
    const [a, b] = await Promise.all([cache.get('k', load, () => true), cache.get('k', load, () => true)]);
    expect(loads).toBe(1);
    expect(a!.json()).toBe('{"n":1,"stale":false}');
    expect(b!.value).toBe(a!.value);
    expect(cache.peek('k')!.json()).toBe(a!.json());
    now += 1_000;
    expect(cache.peek('k')).toBeNull();
    expect((await cache.get('k', load, () => true))!.value.n).toBe(2);
  });

  it('does not keep what may not be cached (stale views, misses)', async () => {
    const cache = new ViewCache<{ stale: boolean }>({ ttlMs: 60_000 });
    await cache.get('stale', async () => ({ stale: true }), (value) => !value.stale);
    expect(cache.peek('stale')).toBeNull();
    expect(await cache.get('missing', async () => null, () => true)).toBeNull();
    const off = new ViewCache<{ stale: boolean }>({ ttlMs: 0 });
    await off.get('k', async () => ({ stale: false }), () => true);
    expect(off.peek('k')).toBeNull();
  });
});
