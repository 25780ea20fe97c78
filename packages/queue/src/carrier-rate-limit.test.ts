import { describe, expect, it } from 'vitest';
import { queueRateLimitFor } from './carrier-rate-limit';

/** Starts of jobs as BullMQ's fixed-window limiter lets them through when workers always have a job ready. */
function starts(limit: { max: number; duration: number }, untilMs: number): number[] {
  const times: number[] = [];
  for (let windowStart = 0; windowStart < untilMs; windowStart += limit.duration)
    for (let index = 0; index < limit.max; index++) times.push(windowStart + index);
  return times;
}

function busiestWindow(times: readonly number[], windowMs: number): number {
  let best = 0;
  for (let start = 0, end = 0; start < times.length; start++) {
    while (end < times.length && times[end]! < times[start]! + windowMs) end++;
    best = Math.max(best, end - start);
  }
  return best;
}

describe('queueRateLimitFor', () => {
  it('spaces jobs so that no window of the carrier’s interval holds more than its limit', () => {
    for (const limit of [
      { requests: 1, intervalMs: 1_000 },
      { requests: 3, intervalMs: 1_000 },
      { requests: 1_400, intervalMs: 10_000 },
      { requests: 60, intervalMs: 3_600_000 },
    ]) {
      const spaced = queueRateLimitFor(limit);
      expect(spaced.max).toBe(1);
      expect(busiestWindow(starts(spaced, limit.intervalMs * 5), limit.intervalMs)).toBeLessThanOrEqual(limit.requests);
    }
  });

  it('is needed: the documented limit as a fixed window lets twice the limit through across a boundary', () => {
    const fixed = { max: 5, duration: 1_000 };
    // Five at the end of one window, five at the start of the next.
    const times = [995, 996, 997, 998, 999, 1_000, 1_001, 1_002, 1_003, 1_004];
    expect(times.filter((time) => time >= 0 && time < 1_000)).toHaveLength(fixed.max);
    expect(busiestWindow(times, 1_000)).toBe(2 * fixed.max);
  });

  it('leaves room for late arrivals and refuses a limit that is not one', () => {
    expect(queueRateLimitFor({ requests: 4, intervalMs: 1_000 }, 0)).toEqual({ max: 1, duration: 250 });
    expect(queueRateLimitFor({ requests: 4, intervalMs: 1_000 })).toEqual({ max: 1, duration: 313 });
    expect(() => queueRateLimitFor({ requests: 0, intervalMs: 1_000 })).toThrow(RangeError);
    expect(() => queueRateLimitFor({ requests: 1, intervalMs: 1_000 }, -1)).toThrow(RangeError);
  });
});
