import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRateLimiter } from './rate-limiter';

describe('createRateLimiter', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('lets a burst through, then paces requests evenly', async () => {
    const limiter = createRateLimiter({ requests: 2, intervalMs: 1000 }, () => Date.now());
    const granted: number[] = [];
    const start = Date.now();
    const all = Array.from({ length: 5 }, () => limiter.acquire().then(() => granted.push(Date.now() - start)));
    await vi.advanceTimersByTimeAsync(2000);
    await Promise.all(all);
    expect(granted).toEqual([0, 0, 500, 1000, 1500]);
  });

  it('serves waiters in order and lets an aborted waiter leave the queue', async () => {
    const limiter = createRateLimiter({ requests: 1, intervalMs: 100 }, () => Date.now());
    await limiter.acquire();
    const controller = new AbortController();
    const order: string[] = [];
    const first = limiter.acquire(controller.signal).then(
      () => order.push('aborted-one'),
      () => order.push('aborted'),
    );
    const second = limiter.acquire().then(() => order.push('second'));
    controller.abort(new Error('stop'));
    await vi.advanceTimersByTimeAsync(150);
    await Promise.all([first, second]);
    expect(order).toEqual(['aborted', 'second']);
  });

  it('rejects a nonsensical limit', () => {
    expect(() => createRateLimiter({ requests: 0, intervalMs: 1000 })).toThrow(RangeError);
  });
});
