import { describe, expect, it } from 'vitest';
import { DEFAULT_ARRIVAL_JITTER_MS, MINIMUM_WINDOW_MS, queueRateLimitFor } from './carrier-rate-limit';

/**
 * Starts of jobs as BullMQ's fixed-window limiter lets them through when workers always have a job ready:
 * each window opens at its first start and lasts `duration`; `late` puts the window's other starts at its end.
 */
function starts(limit: { max: number; duration: number }, untilMs: number, placement: 'early' | 'late'): number[] {
  const times: number[] = [];
  for (let windowStart = 0; windowStart < untilMs; windowStart += limit.duration) {
    times.push(windowStart);
    for (let index = 1; index < limit.max; index++) times.push(placement === 'early' ? windowStart : windowStart + limit.duration - 1);
  }
  return times;
}

/** The most starts in any half-open window of `windowMs` (sorted input). */
function busiestWindow(times: readonly number[], windowMs: number): number {
  let best = 0;
  for (let start = 0, end = 0; start < times.length; start++) {
    while (end < times.length && times[end]! < times[start]! + windowMs) end++;
    best = Math.max(best, end - start);
  }
  return best;
}

describe('queueRateLimitFor', () => {
  it('keeps every window of the carrier’s interval within its limit, even when requests arrive up to the jitter late', () => {
    for (const limit of [
      { requests: 1, intervalMs: 1_000 },
      { requests: 3, intervalMs: 1_000 },
      { requests: 13, intervalMs: 1_000 },
      { requests: 300, intervalMs: 1_000 },
      { requests: 1_400, intervalMs: 10_000 },
      { requests: 60, intervalMs: 3_600_000 },
    ]) {
      const queueLimit = queueRateLimitFor(limit);
      // A start at s can arrive anywhere in [s, s + jitter]: the starts that can share one carrier interval span both.
      for (const placement of ['early', 'late'] as const)
        expect(
          busiestWindow(starts(queueLimit, limit.intervalMs * 5, placement), limit.intervalMs + DEFAULT_ARRIVAL_JITTER_MS),
          `${limit.requests} per ${limit.intervalMs} ms as ${queueLimit.max} per ${queueLimit.duration} ms, ${placement}`,
        ).toBeLessThanOrEqual(limit.requests);
    }
  });

  it('is needed: the documented limit as a fixed window lets twice the limit through across a boundary', () => {
    const fixed = { max: 5, duration: 1_000 };
    // Five at the end of one window, five at the start of the next.
    const times = [995, 996, 997, 998, 999, 1_000, 1_001, 1_002, 1_003, 1_004];
    expect(times.filter((time) => time >= 0 && time < 1_000)).toHaveLength(fixed.max);
    expect(busiestWindow(times, 1_000)).toBe(2 * fixed.max);
  });

  it('spaces single jobs while the spacing is long enough, and groups them into windows BullMQ can keep beyond', () => {
    expect(queueRateLimitFor({ requests: 4, intervalMs: 1_000 }, 0)).toEqual({ max: 1, duration: 250 });
    expect(queueRateLimitFor({ requests: 4, intervalMs: 1_000 })).toEqual({ max: 1, duration: 313 });
    // 300 a second spaced singly would be one job every 5 ms, which no worker keeps up with.
    const busy = queueRateLimitFor({ requests: 300, intervalMs: 1_000 });
    expect(busy.duration).toBeGreaterThanOrEqual(MINIMUM_WINDOW_MS);
    expect((busy.max * 1_000) / busy.duration).toBeGreaterThan(200);
  });

  it('refuses a limit that is not one', () => {
    expect(() => queueRateLimitFor({ requests: 0, intervalMs: 1_000 })).toThrow(RangeError);
    expect(() => queueRateLimitFor({ requests: 1, intervalMs: 1_000 }, -1)).toThrow(RangeError);
  });
});
