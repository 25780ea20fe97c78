import { describe, expect, it } from 'vitest';
import { createTracker } from '@wismo/core';
import { createInMemoryOrderSource } from '@wismo/order-view';
import { createWismoServer, type WismoServer } from './create-server';
import { ViewCache } from './view-cache';

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
    await cache.get(
      'stale',
      async () => ({ stale: true }),
      (value) => !value.stale,
    );
    expect(cache.peek('stale')).toBeNull();
    expect(
      await cache.get(
        'missing',
        async () => null,
        () => true,
      ),
    ).toBeNull();
    const off = new ViewCache<{ stale: boolean }>({ ttlMs: 0 });
    await off.get(
      'k',
      async () => ({ stale: false }),
      () => true,
    );
    expect(off.peek('k')).toBeNull();
  });
});

describe('rate limit per API key on /v1', () => {
  const tracker = createTracker({ carriers: [] });
  const orders = createInMemoryOrderSource([]);
  const brand = {
    name: 'Shop',
    colors: { primary: '#0b5cad', background: '#ffffff', text: '#1f2328' },
    defaultLocale: 'en',
    timeZone: 'UTC',
  } as const;
  const detect = (server: WismoServer, key: string) =>
    Promise.resolve(
      server.fetch(new Request('http://wismo.test/v1/detect/1Z999AA10123456784', { headers: { authorization: `Bearer ${key}` } })),
    );

  it('answers 429 problem+json with Retry-After past the key’s bucket; other keys are not affected', async () => {
    let now = new Date('2026-03-31T08:00:00Z');
    const server = createWismoServer({
      tracker,
      orders,
      apiKeys: ['key-a', 'key-b'],
      brand,
      rateLimit: { api: { requestsPerMinute: 2, burst: 2 } },
      now: () => now,
    });
    expect((await detect(server, 'key-a')).status).toBe(200);
    expect((await detect(server, 'key-a')).status).toBe(200);
    const refused = await detect(server, 'key-a');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('30');
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
    const problem = (await refused.json()) as Record<string, unknown>;
    expect(problem).toMatchObject({ status: 429, code: 'too_many_requests', retryAfterSeconds: 30, type: '/problems/too_many_requests' });
    expect(JSON.stringify(problem)).not.toContain('key-a');
    expect((await detect(server, 'key-b')).status).toBe(200);
    // A wrong key is refused as unauthorized, never counted against a real key.
    expect((await detect(server, 'key-c')).status).toBe(401);
    // The bucket refills with time: one request every 30 s.
    now = new Date(now.getTime() + 30_000);
    expect((await detect(server, 'key-a')).status).toBe(200);
    expect((await detect(server, 'key-a')).status).toBe(429);
  });

  it('limits by default and can be turned off', async () => {
    const byDefault = createWismoServer({ tracker, orders, apiKeys: ['key-a'], brand, now: () => new Date('2026-03-31T08:00:00Z') });
    const statuses: number[] = [];
    for (let index = 0; index < 101; index += 1) statuses.push((await detect(byDefault, 'key-a')).status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(100);
    expect(statuses[100]).toBe(429);
    const off = createWismoServer({ tracker, orders, apiKeys: ['key-a'], brand, rateLimit: { api: false } });
    for (let index = 0; index < 101; index += 1) expect((await detect(off, 'key-a')).status).toBe(200);
    expect(() => createWismoServer({ tracker, orders, apiKeys: ['key-a'], brand, rateLimit: { api: { requestsPerMinute: -1 } } })).toThrow(
      /rateLimit\.api/,
    );
  });
});
